"""Word order over the phrases of a whole sentence, for learners above A2 (issue #17): the subject,
the verb group, the object or what follows "be", and a phrase with a preposition ("they | sold | the
old farm | during the long winter"), so that a noun inside that phrase or after "be" gets an order
item too.

Made only where the order of the phrases is fixed but for what English lets move, and every such
order is accepted: the phrase with a preposition opens the sentence too where it surely says where
or when ("During the long winter they sold the old farm": after "during", "near" ..., or "in", "on",
"at" before a date or a place's name); it stays after "of", "than", "as", after a verb's own
preposition ("depend on", "lead to") and after an adjective's ("popular with tourists"); anywhere
else ("spent the money on the roads") the item is not made. The subject is a pronoun wherever a
phrase with a preposition follows: after a noun subject the phrase could also stand right after it
("The police arrested a man in London" / "The police in London arrested a man"), and after "he",
"they" it cannot. Where there is an object, subject and object must not swap (a pronoun in its
case). "be" before an adjective without a phrase after it ("The new rules are unfair") takes any
subject: nothing can move there; "be" before a noun only a pronoun ("A doctor is my brother").
Nothing else may stand in the sentence: no adverb (they move), no second clause, no phrase before
the subject.
"""

from __future__ import annotations

import hashlib
import random
from typing import TYPE_CHECKING

from lemminflect import getAllLemmas

from vocabsphere.core.learnables.tables import VERB_PREP
from vocabsphere.core.lexicon.lookup import Lexicon

from .collocate_table import OTHER_PREPOSITIONS
from .model import ExerciseItem, ExerciseKind, PatternRef
from .patterns import (
    LINKING_VERBS,
    MEASURES,
    OBJECT_PRONOUNS,
    SUBJECT_PRONOUNS,
    SVC,
    degree_phrase,
    fixed_object,
    passive_group_holds,
    passive_point,
    subject_span,
    two_objects,
    verb_group_holds,
)
from .phrase_order import fixed_adverb
from .sentences import level_rank
from .slots import gapped

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["clause_order_item"]

# Not catalogue points: the clause patterns of A2 course books with a phrase of place, time or manner.
SVOP = PatternRef("subject_verb_object_prepositional_phrase", "A2")
SVP = PatternRef("subject_verb_prepositional_phrase", "A2")
_PRONOUNS = SUBJECT_PRONOUNS | {"it", "you", "this", "these", "those"}  # no phrase can follow them
_MAX_WORDS = 8
_MAX_PHRASE_WORDS = 10  # "to a twofold decrease in the casualty rate"
_VERB_DEPS = frozenset({"nsubj", "nsubj:pass", "aux", "aux:pass", "obj", "obl", "obl:agent", "punct"})
_BE_DEPS = frozenset(
    {"nsubj", "cop", "aux", "obl", "punct", "advmod", "amod", "det", "nmod:poss", "compound"}
)
_NEVER_FIRST = frozenset({"of", "than", "as"})  # "Of oil they bought a barrel" is no English
_INNER_PUNCT = frozenset({"-", "'", "\u2019", "%"})


def _plain(tokens: Span | list[Token]) -> bool:
    """No verb, clause, wh-word, quotation or comma inside a phrase; a participle before its noun
    ("a growing market") is no verb of its own."""
    for t in tokens:
        if t.pos_ in ("VERB", "AUX") and not (t.dep_ == "amod" and t.head.i > t.i):
            return False
        if t.tag_.startswith("W") or (t.is_punct and t.text not in _INNER_PUNCT):
            return False
        if t.dep_.endswith((":unmarked", ":tmod", ":npmod")) or t.dep_ in ("nsubj", "conj", "cc", "appos"):
            return False
        if t.dep_ == "compound" and t.lower_.endswith("ing") and "VERB" in getAllLemmas(t.lower_):
            return False  # "in the summer cleaning mansions": an -ing verb the parse ran into a noun
    return True


def _phrase_span(head: Token) -> tuple[int, int] | None:
    """The phrase of a preposition's noun: its subtree, unbroken, opening with the preposition."""
    ids = sorted(t.i for t in head.subtree)
    start, end = ids[0], ids[-1] + 1
    doc = head.doc
    opener = doc[start]
    if (
        end - start != len(ids)
        or end - start > _MAX_PHRASE_WORDS
        or opener.pos_ != "ADP"
        or opener.head.i != head.i
    ):
        return None
    if opener.dep_ != "case" or not opener.is_alpha or not _plain(doc[start:end]):
        return None
    return start, end


def _object_part(obj: Token, end: int) -> bool:
    """The object (up to ``end``, where a phrase with a preposition may start) is one noun phrase
    the parse is sure of: a noun, no second object run into it, no adjective at its end ("found
    them useful"), no measure ("rose 5 percent") or degree ("a lot")."""
    words = list(obj.doc[obj.left_edge.i : end])
    if not words or len(words) > _MAX_WORDS or not _plain(words) or two_objects(obj) or degree_phrase(obj):
        return False
    if obj.pos_ == "NOUN" and "NOUN" not in getAllLemmas(obj.lower_):
        return False
    if obj.lemma_.lower() in MEASURES:
        return False  # "works 14-hour days", "spent three weeks": how long, not what
    if words[-1].pos_ == "ADJ" or words[0].pos_ in ("ADP", "CCONJ", "SCONJ"):
        return False
    return all(t.pos_ != "ADP" or t.lower_ == "of" for t in words) and any(t.i == obj.i for t in words)


def _split_object(obj: Token) -> tuple[tuple[int, int], Token | None] | None:
    """The object's span, and the phrase with a preposition the parse hung on its noun at its end
    ("millions | on new roads"), which is then a phrase of its own; its order is the same either way."""
    trailing = [c for c in obj.children if c.i > obj.i]
    if not trailing:
        return ((obj.left_edge.i, obj.i + 1), None) if _object_part(obj, obj.i + 1) else None
    last = trailing[-1]
    case = [c for c in last.children if c.dep_ == "case" and c.i == last.left_edge.i]
    if len(trailing) != 1 or last.dep_ != "nmod" or not case or case[0].lower_ == "of":
        return None
    return ((obj.left_edge.i, last.left_edge.i), last) if _object_part(obj, last.left_edge.i) else None


def _verb_parts(sent: Span, root: Token) -> list[tuple[str, tuple[int, int]]] | None:
    """Subject, verb group, object (if any) and one phrase with a preposition, side by side."""
    children = list(root.children)
    deps = {c.dep_ for c in children}
    if deps - _VERB_DEPS or root.lemma_.lower() in LINKING_VERBS:
        return None
    passive = "nsubj:pass" in deps
    auxiliaries = [c for c in children if c.dep_ in ("aux", "aux:pass")]
    holds = passive_group_holds if passive else verb_group_holds
    if (
        not holds(root, auxiliaries)
        or any(a.i > root.i for a in auxiliaries)
        or "VERB" not in getAllLemmas(root.lower_)
    ):
        return None
    verb = (min([root.i, *(a.i for a in auxiliaries)]), root.i + 1)
    subjects = [c for c in children if c.dep_.startswith("nsubj")]
    objects = [c for c in children if c.dep_ == "obj"]
    phrases = [c for c in children if c.dep_.startswith("obl")]
    if len(subjects) != 1 or len(objects) > 1 or len(phrases) > 1 or (passive and objects):
        return None
    subject = subject_span(sent, subjects[0], verb[0], root)
    if subject is None or subject[1] != verb[0]:
        return None
    parts = [("subject", subject), ("verb", verb)]
    end = verb[1]
    if objects:
        split = _split_object(objects[0])
        if split is None or split[0][0] != end:
            return None
        parts.append(("object", split[0]))
        end = split[0][1]
        if split[1] is not None:
            phrases.append(split[1])
    if len(phrases) != 1:
        return None  # "they spent millions": the plain S-V-O item's; "they arrived": nothing to order
    phrase = _phrase_span(phrases[0])
    if phrase is None or phrase[0] != end:
        return None
    return [*parts, ("phrase", phrase)]


def _be_parts(sent: Span, root: Token) -> list[tuple[str, tuple[int, int]]] | None:
    """Subject, "be", what follows it (an adjective with its adverb, or a noun phrase) and at most
    one phrase with a preposition."""
    children = list(root.children)
    cops = [c for c in children if c.dep_ == "cop"]
    if {c.dep_ for c in children} - _BE_DEPS or len(cops) != 1 or cops[0].lemma_.lower() != "be":
        return None
    cop = cops[0]
    auxiliaries = [c for c in children if c.dep_ == "aux"]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or any(a.i > cop.i for a in auxiliaries) or cop.i > root.i:
        return None
    if (
        root.pos_ == "ADJ"
        and root.lower_.endswith(("ed", "en", "ing"))
        and "VERB" in getAllLemmas(root.lower_)
    ):
        return None  # "they were closed": a passive as much as "be" + adjective
    verb = (min([cop.i, *(a.i for a in auxiliaries)]), cop.i + 1)
    if any(sent.doc[i].dep_ not in ("aux", "cop") for i in range(*verb)):
        return None
    subject = subject_span(sent, subjects[0], verb[0], root)
    if subject is None or subject[1] != verb[0]:
        return None
    phrases = [c for c in children if c.dep_ == "obl"]
    if len(phrases) > 1:
        return None
    phrase = _phrase_span(phrases[0]) if phrases else None
    if phrases and (phrase is None or phrase[0] <= root.i):
        return None
    end = phrase[0] if phrase else root.right_edge.i + 1
    while sent.doc[end - 1].is_punct:
        end -= 1
    complement = sent.doc[verb[1] : end]
    if not len(complement) or len(complement) > _MAX_WORDS or not _plain(complement):
        return None
    if any(t.pos_ == "ADP" and t.lower_ != "of" for t in complement):
        return None
    if root.pos_ == "NOUN" and any(c.dep_ == "advmod" for c in children):
        return None  # "This is not a treatment yet": "not" belongs to the verb, "yet" moves
    if root.pos_ == "ADJ" and (complement[-1].i != root.i or not _adjective_group(root)):
        return None  # "too expensive to buy", "quite large": words that move or a clause after
    parts = [("subject", subject), ("verb", verb), ("complement", (verb[1], end))]
    return [*parts, ("phrase", phrase)] if phrase else parts


def _adjective_group(adjective: Token) -> bool:
    """The adjective alone or after one adverb that stays before it ("very", "extremely")."""
    before = [
        c for c in adjective.children if c.i < adjective.i and c.dep_ not in ("nsubj", "cop", "aux", "punct")
    ]
    if not before:
        return True
    adverb = before[0]
    fixed = adverb.lower_ == "very" or fixed_adverb(adverb, adjective)  # "very" is an adjective too
    return len(before) == 1 and adverb.i == adjective.i - 1 and not list(adverb.children) and fixed


def _only_order(sent: Span, parts: dict[str, tuple[int, int]], root: Token) -> bool:
    """No other order of the phrases is English but the phrase with a preposition opening it: a
    pronoun subject before such a phrase ("The police in London" could be a subject too); a
    subject and an object that cannot swap (a pronoun in its case)."""
    doc = sent.doc
    subject = doc[parts["subject"][0] : parts["subject"][1]]
    pronoun = len(subject) == 1 and subject[0].lower_ in _PRONOUNS
    noun_after_be = "complement" in parts and root.pos_ != "ADJ"  # "A doctor is my brother" too
    if ("phrase" in parts or noun_after_be) and not pronoun:
        return False
    if "object" not in parts:
        return True
    obj = doc[parts["object"][0] : parts["object"][1]]
    case_subject = pronoun and subject[0].lower_ in SUBJECT_PRONOUNS
    return case_subject or (len(obj) == 1 and obj[0].lower_ in OBJECT_PRONOUNS)


# Prepositions whose phrase says where or when and is no verb's complement: it may open the sentence.
_ADJUNCT_PREPOSITIONS = frozenset(
    {"during", "after", "before", "since", "until", "near", "across", "around", "throughout", "outside"}
    | {"inside", "behind", "under", "above", "below", "between", "among", "despite", "beside"}
)
# "in", "on", "at" open a phrase of time or place, and also a verb's or adjective's complement
# ("result in", "depend on", "good at"): said to move only before a date or a place's name.
_PLACE_TIME_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
_OPEN, _FIXED = "open", "fixed"


def _complement_of(lexicon: Lexicon, root: Token, preposition: str) -> bool:
    """The verb takes the preposition as its own ("depend on", "result in", "look after")."""
    verb = root.lemma_.lower()
    listed = VERB_PREP.get(verb, frozenset()) | OTHER_PREPOSITIONS.get(verb, frozenset())
    return preposition in listed or bool(lexicon.base_forms(f"{verb} {preposition}", "VERB"))


def _phrase_moves(lexicon: Lexicon, sent: Span, parts: dict[str, tuple[int, int]], root: Token) -> str | None:
    """Whether the phrase with a preposition may also open the sentence ("On Monday they sold
    ..."): _OPEN; whether it surely may not (a verb's or an adjective's own preposition: "This
    depends on the weather", "They are popular with tourists"): _FIXED; None when unsure, and
    the item is not made ("In the box she put ..." is odd, "In London he was arrested" is not)."""
    start, end = parts["phrase"]
    preposition = sent.doc[start].lower_
    if preposition in _NEVER_FIRST:
        return _FIXED
    entity = any(t.ent_type_ in _PLACE_TIME_ENTITIES for t in sent.doc[start + 1 : end])
    adjunct = preposition in _ADJUNCT_PREPOSITIONS or (preposition in ("in", "on", "at") and entity)
    if "complement" in parts and root.pos_ == "ADJ":
        return _OPEN if adjunct else _FIXED  # "popular with tourists", "good at maths" stay
    if _complement_of(lexicon, root, preposition):
        return _FIXED
    return _OPEN if adjunct else None


def _shuffled(sent: Span, tiles: list[str]) -> list[str]:
    """A fixed shuffle per sentence: the same item made twice is the same."""
    shown = tiles[:]
    digest = hashlib.sha256(sent.text.encode()).digest()
    while shown == tiles:
        random.Random(int.from_bytes(digest[:8], "big")).shuffle(shown)
        digest = hashlib.sha256(digest).digest()
    return shown


_NAMES = {
    "subject": "the subject",
    "verb": "the verb",
    "object": "the object",
    "phrase": "the phrase with a preposition",
}


def _name(role: str, root: Token) -> str:
    if role != "complement":
        return _NAMES[role]
    return "the adjective" if root.pos_ == "ADJ" else "what the subject is"


def clause_order_item(lexicon: Lexicon, token: Token, lemma: str, level: str) -> ExerciseItem | None:
    """Put the phrases of a plain sentence in order, for a learner above A2."""
    if level_rank(level) <= level_rank("A2"):
        return None
    sent = token.sent
    root = sent.root
    if sent.text.strip().endswith(("?", "!")) or not sent.text.strip().endswith("."):
        return None
    found = (
        _be_parts(sent, root)
        if root.pos_ in ("ADJ", "NOUN")
        else _verb_parts(sent, root)
        if root.pos_ == "VERB"
        else None
    )
    if found is None or found[0][1][0] != sent.start:
        return None  # something before the subject: a phrase that could move, or a quotation mark
    parts = dict(found)
    last = found[-1][1][1]
    if any(not t.is_punct for t in sent.doc[last : sent.end]) or sent.doc[last].text != ".":
        return None
    if not _only_order(sent, parts, root) or fixed_object(lexicon, sent, parts):
        return None
    if not any(a <= token.i < b for a, b in parts.values()):
        return None
    if any(not sent.doc[start - 1].whitespace_ for _, (start, _) in found[1:]):
        return None  # "We've had": the tiles would be joined as "we 've had"
    tiles = [str(sent.doc[a:b].text) for _, (a, b) in found]
    first = sent.doc[sent.start]
    if first.like_num or (first.pos_ != "PROPN" and not first.ent_type_ and first.text != "I"):
        tiles[0] = first.lower_ + tiles[0][len(first.text) :]  # no capital cue; "Britain", "I" keep theirs
    answer = str(sent.doc[sent.start : last].text)
    accepted = [answer]
    said = (
        "English puts "
        + ", then ".join(
            f"{_name(role, root)}{' first' if not n else ''} (\u2018{tile}\u2019)"
            for n, ((role, _), tile) in enumerate(zip(found, tiles, strict=True))
        )
        + "."
    )
    moves = _phrase_moves(lexicon, sent, parts, root) if "phrase" in parts else _FIXED
    if moves is None:
        return None
    if moves == _OPEN:
        accepted.append(" ".join([tiles[-1], *tiles[:-1]]))
        said += f" The phrase \u2018{tiles[-1]}\u2019 may also open the sentence."
    point = SVC if "complement" in parts else SVOP if "object" in parts else SVP
    if "nsubj:pass" in {c.dep_ for c in root.children}:
        point = passive_point(root)
    return ExerciseItem(
        kind=ExerciseKind.WORD_ORDER,
        prompt="Put the phrases in order to fill the gap.",
        gapped=gapped(sent, sent.start, last),
        options=tuple(_shuffled(sent, tiles)),
        answer=answer,
        accepted=tuple(accepted),
        explanation=said,
        grammar_point=point,
        source_sentence=sent.text.strip(),
        word=lemma,
    )
