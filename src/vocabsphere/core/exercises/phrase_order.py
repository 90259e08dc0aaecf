"""Word order inside a noun phrase: put the words of "the polar bears", "a highly unusual case" or
"from polar bears" in order, in the learner's own sentence with the phrase gapped (issue #17: a kind
for the attributive adjectives and their adverbs that most due words are, and for nouns with one).

Made only where one order of the words is English whatever the meaning: a determiner (for a noun
without one, its preposition), one adjective (with at most one "-ly" adverb or "very" before it)
and one noun, nothing else; the learner's word is one of them. Refused
where another order is English too: the noun the object of a verb that takes an adjective after its
object ("found the case unusual", "painted the house red"), or of any verb when the adjective is a
passing state ("ate the fish raw"), or after "with" ("with the window open"); a preposition
after the noun that the adjective could take ("a glass full of water", "students new to the
school"); an adjective that can stand after its noun ("the rooms available", "the people
concerned", "the parties interested"); a second adjective ("a large rural area" / "a rural large
area" is a matter of degree); a noun that is also an adjective beside an adjective that is also a
noun ("the final total" / "the total final"); a compound ("the new water tank" / "the new tank
water"); adverbs that move ("quite a large house" / "a quite large house").
"""

from __future__ import annotations

import hashlib
import random
from typing import TYPE_CHECKING

from lemminflect import getAllLemmas

from vocabsphere.core.lexicon.lookup import Lexicon

from .model import ExerciseItem, ExerciseKind, PatternRef
from .slots import gapped, slot_pos

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ADJECTIVE_BEFORE_NOUN", "fixed_adverb", "noun_phrase_order_item"]

# Not a catalogue point (as "subject_verb_object"): the noun phrase pattern of A1 course books.
ADJECTIVE_BEFORE_NOUN = PatternRef("adjective_before_noun", "A1")
_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "these", "those", "my", "your", "his", "its", "our", "their"}
    | {"some", "any", "no", "every", "each", "another", "several", "many"}
)  # not "her" (a pronoun too), "that" (a conjunction too: "the myth that fast food ..."), nor "all"
# and "both", which can follow the noun ("the new rules all ...")
# Adjectives that English also puts after a noun ("the people present", "the president elect").
_POSTPOSITIVE = frozenset(
    {
        "present",
        "concerned",
        "involved",
        "responsible",
        "elect",
        "proper",
        "galore",
        "general",
        "enough",
        "alive",
        "alone",
        "apart",
        "aware",
        "asleep",
        "awake",
        "afraid",
        "ahead",
        "aplenty",
        "left",
        "needed",
        "required",
        "affected",
        "due",
        "else",
        "extraordinaire",
        "incarnate",
        "designate",
        "emeritus",
        "past",
        "next",
        "last",
        "old",  # "three years old"
        "long",  # "a mile long"
        "wide",
        "tall",
        "high",
        "deep",
        "available",
        "possible",
        "imaginable",
        "conceivable",
        "visible",
        "payable",
        "eligible",
        "applicable",
        "accessible",
        "suitable",
    }
)
# Children of the noun before its determiner that are no part of the phrase: "about the polar
# bears", "it is the cruel genius", "and the new rules".
_OUTSIDE_PHRASE = frozenset({"case", "cop", "nsubj", "nsubj:pass", "cc", "punct", "mark", "aux", "expl"})
# Words tagged as adjectives that a teacher calls determiners: "on such crimes" has no adjective.
_DETERMINER_LIKE = frozenset(
    {"such", "other", "same", "own", "many", "few", "several", "much", "more", "most"}
    | {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
)  # and ordinals, which teachers call numbers ("the second quarter")
# Adverbs of degree that English also puts before the article ("quite a large house").
_MOVABLE = frozenset({"quite", "rather", "such", "so", "too", "how", "as", "enough", "only"})


def _adjective(token: Token, pos: str) -> Token | None:
    """The adjective of the phrase: the learner's word, or the adjective its adverb tells about."""
    if pos == "ADJ":
        return token
    if pos == "ADV" and token.dep_ == "advmod" and token.head.i == token.i + 1 and token.head.pos_ == "ADJ":
        return token.head
    return None


def _fixed_adjective(adjective: Token) -> bool:
    """An adjective that stands only before its noun (a plain one, not a participle)."""
    low = adjective.lower_
    if adjective.tag_ != "JJ" or not adjective.is_alpha or adjective.dep_ != "amod":
        return False
    if low.endswith(("ed", "ing")) and "VERB" in getAllLemmas(low):
        return False  # a participle: "the people affected", "the players remaining"
    return low not in _POSTPOSITIVE and low not in _DETERMINER_LIKE


def _own_lemma(lexicon: Lexicon, word: str, pos: str) -> bool:
    return any(lemma == word for lemma, _ in lexicon.base_forms(word, pos))


def _swappable(lexicon: Lexicon, adjective: Token, noun: Token) -> bool:
    """Both words can be both: "the final total" / "the total final", "a public official"."""
    return _own_lemma(lexicon, adjective.lower_, "NOUN") and _own_lemma(lexicon, noun.lemma_.lower(), "ADJ")


# Prepositions that open a phrase of place or time, never an adjective's complement ("the polar
# bears near the coast"); "in", "for", "to", "with", "about" ... do ("rich in oil", "safe for
# children", "new to the school"), and so does "of" after some adjectives ("full of water").
_FREE_PREPOSITIONS = frozenset(
    {
        "during",
        "after",
        "before",
        "since",
        "across",
        "around",
        "near",
        "under",
        "below",
        "above",
        "behind",
        "beside",
        "between",
        "among",
        "inside",
        "outside",
        "throughout",
        "until",
        "despite",
        "into",
        "onto",
        "along",
    }
)
# Adjectives that take "of" ("a glass full of water", "a man proud of his son"); adjectives ending
# in -ful, -ive, -ant, -ent, -ous often do ("respectful of", "supportive of", "tolerant of").
_OF_ADJECTIVES = frozenset(
    {
        "afraid",
        "aware",
        "capable",
        "certain",
        "clear",
        "critical",
        "empty",
        "fond",
        "free",
        "full",
        "guilty",
        "innocent",
        "jealous",
        "proud",
        "scared",
        "short",
        "sick",
        "sure",
        "tired",
        "typical",
        "worthy",
        "wary",
        "ashamed",
        "characteristic",
        "devoid",
        "reminiscent",
        "representative",
        "symptomatic",
        "weary",
        "hard",
        "bereft",
        "sceptical",
        "skeptical",
        "unaware",
        "unsure",
        "uncertain",
        "untypical",
        "unworthy",
    }
)
_OF_ENDINGS = ("ful", "ive", "ant", "ent", "ous", "able", "ible", "less")


def _free_after(adjective: Token, noun: Token) -> bool:
    """Nothing after the noun that the adjective could take as its own complement: "the students
    new to the school", "a glass full of water", "a disease common in children" put the adjective
    after the noun, and the learner's order would be English too."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < noun.sent.end else None
    if after is not None and (after.tag_ == "VBG" or after.pos_ in ("NOUN", "PROPN")):
        return False  # "a huge online following": the phrase may go on after the word taken for its noun
    if after is None or after.is_punct or after.pos_ in ("VERB", "AUX", "CCONJ"):
        return True
    low = after.lower_
    if after.tag_ in ("WDT", "WP", "WP$", "WRB") and low != "that":
        return True  # "the polar bears which ...": a relative clause of the noun
    if after.pos_ != "ADP":
        return False  # "to", "that", another adjective, an adverb: may belong to the adjective
    if low in _FREE_PREPOSITIONS:
        return True
    adj = adjective.lower_
    return low == "of" and adj not in _OF_ADJECTIVES and not adj.endswith(_OF_ENDINGS)


# Verbs after whose object an adjective can say what the object is or becomes ("found the case
# unusual", "made the rules simple", "want it clean", "painted the house red").
_OBJECT_PREDICATE_VERBS = frozenset(
    [
        "find",
        "make",
        "keep",
        "leave",
        "consider",
        "think",
        "call",
        "believe",
        "deem",
        "declare",
        "prove",
        "render",
        "get",
        "have",
        "want",
        "like",
        "prefer",
        "need",
        "see",
        "hear",
        "imagine",
        "paint",
        "dye",
        "colour",
        "color",
        "turn",
        "set",
        "push",
        "pull",
        "cut",
        "wipe",
        "rub",
        "break",
        "shoot",
        "beat",
        "kick",
        "knock",
        "serve",
        "eat",
        "drink",
        "buy",
        "sell",
        "hold",
        "label",
        "judge",
        "rate",
        "report",
        "name",
        "elect",
        "appoint",
        "drive",
        "send",
        "bring",
        "wish",
        "rather",
        "picture",
        "presume",
        "assume",
        "regard",
        "count",
        "hold",
    ]
)
# Adjectives of a passing state that can follow almost any verb's object ("ate the fish raw",
# "bought the car new", "found them alive"), and colours ("dyed the cloth blue").
_STATE_ADJECTIVES = frozenset(
    [
        "raw",
        "cooked",
        "fresh",
        "frozen",
        "hot",
        "cold",
        "warm",
        "cool",
        "wet",
        "dry",
        "clean",
        "dirty",
        "empty",
        "full",
        "open",
        "shut",
        "closed",
        "new",
        "used",
        "alive",
        "dead",
        "naked",
        "nude",
        "drunk",
        "sober",
        "whole",
        "intact",
        "safe",
        "sound",
        "free",
        "young",
        "happy",
        "sad",
        "angry",
        "tired",
        "hungry",
        "thirsty",
        "sick",
        "ill",
        "healthy",
        "unharmed",
        "injured",
        "wounded",
        "broken",
        "cheap",
        "pregnant",
        "single",
        "blind",
        "flat",
        "straight",
        "smooth",
        "short",
        "long",
        "thin",
        "thick",
        "loose",
        "tight",
        "quiet",
        "calm",
        "still",
        "ready",
        "unconscious",
        "silent",
        "red",
        "blue",
        "green",
        "yellow",
        "black",
        "white",
        "brown",
        "grey",
        "gray",
        "pink",
        "purple",
        "orange",
        "hard",
        "soft",
        "sharp",
        "bare",
        "unpaid",
        "unread",
        "unopened",
        "untouched",
        "unseen",
        "unnoticed",
    ]
)


def _no_predicate_after(adjective: Token, noun: Token) -> bool:
    """No slot where the adjective could follow the noun as what is said of it: the object of a
    verb that takes an adjective after its object ("found the case highly unusual") or of any verb
    when the adjective is a passing state ("ate the fish raw"), a noun after "with" ("with the window
    open"), an indirect object or a clause's complement."""
    if noun.dep_ in ("iobj", "xcomp", "ccomp", "dislocated"):
        return False
    if noun.dep_ == "obj":
        verb = noun.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() in _OBJECT_PREDICATE_VERBS:
            return False
        if adjective.lower_ in _STATE_ADJECTIVES:
            return False
    return not any(c.dep_ == "case" and c.lower_ in ("with", "without") for c in noun.children)


def fixed_adverb(adverb: Token, adjective: Token) -> bool:
    """ "-ly" adverbs and "very" stay right before their adjective; "quite", "so", "too" move."""
    low = adverb.lower_
    if adverb.dep_ != "advmod" or adverb.head.i != adjective.i or not adverb.is_alpha:
        return False
    if low in _MOVABLE or not (low == "very" or low.endswith("ly")):
        return False
    return set(getAllLemmas(low)) <= {"ADV"}  # not "early", "likely", "daily": adjectives too


def _adjective_of(token: Token, pos: str | None) -> Token | None:
    """The adjective of the phrase: the learner's adjective, the adjective the learner's adverb
    tells about, or the one adjective right before the learner's noun."""
    if pos == "NOUN":
        before = [c for c in token.children if c.dep_ == "amod" and c.i < token.i]
        return before[0] if len(before) == 1 and before[0].i == token.i - 1 else None
    return _adjective(token, pos) if pos in ("ADJ", "ADV") else None


def _opening(noun: Token, first: Token) -> Token | None:
    """The word that opens the phrase right before its first modifier: the noun's determiner
    ("the polar bears") or number ("two new shops"), else, for a noun without one, its preposition
    ("from polar bears": two words alone would be a coin toss)."""
    opener = noun.doc[first.i - 1] if first.i > noun.sent.start else None
    if opener is None or opener.head.i != noun.i:
        return None
    dets = [c for c in noun.children if c.dep_ in ("det", "nmod:poss") and c.i < noun.i]
    if dets:
        return opener if [d.i for d in dets] == [opener.i] and opener.lower_ in _DETERMINERS else None
    if opener.dep_ == "nummod" and opener.tag_ == "CD" and opener.like_num:
        return opener  # "two new shops", "300 new jobs"
    return opener if opener.dep_ == "case" and opener.pos_ == "ADP" and opener.is_alpha else None


def noun_phrase_order_item(lexicon: Lexicon, token: Token, lemma: str) -> ExerciseItem | None:
    """Order the words of the noun phrase holding the learner's adjective, its adverb or its noun."""
    pos = slot_pos(lexicon, token)
    adjective = _adjective_of(token, pos)
    if adjective is None or not _fixed_adjective(adjective):
        return None
    noun = adjective.head
    if noun.pos_ != "NOUN" or noun.tag_ not in ("NN", "NNS") or noun.i <= adjective.i or not noun.is_alpha:
        return None
    if not _own_lemma(lexicon, adjective.lower_, "ADJ") or not _own_lemma(
        lexicon, noun.lemma_.lower(), "NOUN"
    ):
        return None  # "from app stores", "a huge online following": a noun taken for an adjective or back
    if noun.dep_ == "compound" or _swappable(lexicon, adjective, noun) or not _free_after(adjective, noun):
        return None  # "the new water tank": the noun is itself a modifier
    if not _no_predicate_after(adjective, noun) or (pos == "NOUN" and noun.i != token.i):
        return None
    modifiers = list(adjective.children)
    adverb = modifiers[0] if len(modifiers) == 1 and modifiers[0].i == adjective.i - 1 else None
    if modifiers and (adverb is None or not fixed_adverb(adverb, adjective)):
        return None  # "too large for ...", "quite large": the adjective's other words may move
    if pos == "ADV" and (adverb is None or adverb.i != token.i):
        return None
    opener = _opening(noun, adverb or adjective)
    if opener is None:
        return None
    if [c.i for c in noun.children if opener.i < c.i < noun.i] != [adjective.i]:
        return None  # only the adjective between the opening word and the noun
    if any(c.dep_ not in _OUTSIDE_PHRASE for c in noun.children if c.i < opener.i):
        return None  # "all the new rules", "only a small part": a word before the determiner
    if any(c.i > noun.i and c.dep_ == "amod" for c in noun.children):
        return None  # an adjective after the noun too: the parse is odd
    words = list(noun.doc[opener.i : noun.i + 1])
    sent = token.sent
    opens = all(not t.is_alpha for t in sent.doc[sent.start : opener.i])  # "\u201cThis ...": no capital cue
    tiles = [w.lower_ if w.i == opener.i and opens else w.text for w in words]
    answer = " ".join(w.text for w in words)
    shown = tiles[:]
    digest = hashlib.sha256(sent.text.encode()).digest()
    while shown == tiles:  # a fixed shuffle per sentence: the same item made twice is the same
        random.Random(int.from_bytes(digest[:8], "big")).shuffle(shown)
        digest = hashlib.sha256(digest).digest()
    said = (
        f"An adjective comes right before the noun it describes: \u2018{adjective.text}\u2019 "
        f"describes \u2018{noun.text}\u2019."
    )
    if adverb is not None:
        said = (
            f"\u2018{adverb.text}\u2019 tells us more about the adjective \u2018{adjective.text}\u2019, "
            f"so it comes right before it. The adjective comes before the noun it describes, "
            f"\u2018{noun.text}\u2019."
        )
    said += f" \u2018{tiles[0]}\u2019 comes first: \u2018{answer}\u2019."
    return ExerciseItem(
        kind=ExerciseKind.WORD_ORDER,
        prompt="Put the words in order to fill the gap.",
        gapped=gapped(sent, opener.i, noun.i + 1),
        options=tuple(shown),
        answer=answer,
        accepted=(answer,),
        explanation=said,
        grammar_point=ADJECTIVE_BEFORE_NOUN,
        source_sentence=sent.text.strip(),
        word=lemma,
    )
