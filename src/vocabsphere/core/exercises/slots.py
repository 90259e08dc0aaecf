"""The word's slot in its sentence: the sentence with a gap, the slot's part of speech as the parse
sees it, and a short reason a learner can check ("after 'the'; the object of 'made'")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getAllLemmas

from vocabsphere.core.learnables.words import content_pos, lemma_of
from vocabsphere.core.levels.grammar_rules_clauses import noun_words
from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.lexicon.sense_choice import resolve_token

from .model import GAP
from .tag_doubts import (
    after_infinitive_to,
    base_verb_after_to,
    capital_inside,
    ing_join_doubtful,
    modifier_taken_for_verb,
    stative_after_be,
)
from .verb_number import shown_number

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["CLAUSE_VERBS", "POS_NAMES", "find_token", "gapped", "slot_pos", "slot_reason"]

POS_NAMES = {"NOUN": "noun", "VERB": "verb", "ADJ": "adjective", "ADV": "adverb"}
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "seem", "seems", "seemed"})


def find_token(sent: Span, word: str) -> Token | None:
    """The first token written ``word``, else the first whose lemma is ``word`` (any case); never
    one that is part of a hyphenated word ("a dead-end road", "ex-prisoners"): a gap there splits a
    word, and the part's meaning is not the word's."""
    low = word.lower().strip()
    words = [t for t in sent if not _hyphenated(t)]
    return next((t for t in words if t.lower_ == low), None) or next(
        (t for t in words if t.is_alpha and low in (t.lemma_.lower(), lemma_of(t))), None
    )


def _hyphenated(token: Token) -> bool:
    """Is ``token`` joined to the word before or after it by a hyphen written inside a word?"""
    doc = token.doc
    if token.i > 0 and _glued_hyphen(doc[token.i - 1], after=False):
        return True  # "ex-prisoners" ("ex-" may be one token)
    return token.i + 1 < len(doc) and not token.whitespace_ and _glued_hyphen(doc[token.i + 1], after=True)


def _glued_hyphen(near: Token, after: bool) -> bool:
    """``near`` (the token before, or ``after`` the word) carries the hyphen that joins them: "ex-",
    "-end", or a "-" with no space either side ("dead-end")."""
    if near.text == "-":
        return _inside_word(near)
    if after:
        return near.text.startswith("-")
    return near.text.endswith("-") and not near.whitespace_


def gapped(sent: Span, start: int, end: int | None = None) -> str:
    """The sentence with tokens ``start``..``end`` (exclusive; one token by default) replaced by a gap."""
    end = start + 1 if end is None else end
    doc = sent.doc
    before = doc[sent.start : start].text_with_ws
    after = doc[end : sent.end].text
    space = doc[end - 1].whitespace_
    return f"{before}{GAP}{space}{after}".strip()


def slot_pos(lexicon: Lexicon, token: Token) -> str | None:
    """The part of speech when the tagger, the parse repair and the look-up all agree, else None:
    an exercise about it must not rest on a doubtful tag."""
    if not token.is_alpha or token.ent_type_ or token.pos_ == "PROPN":
        return None
    pos = content_pos(token)
    if pos != "ADJ" and capital_inside(token):
        return None  # a name ("the work of Potter"); "the Scottish mountains" is an adjective still
    if pos not in POS_NAMES or token.pos_ != pos:
        return _noun_by_lexicon(lexicon, token)
    if pos != "VERB" and after_infinitive_to(token):
        return None  # "She wants to clean rooms": the parse marks an infinitive, the tag an adjective
    if pos == "ADJ" and base_verb_after_to(token):
        return None  # "efforts to lower emissions": a verb the parse read as an adjective
    if pos == "NOUN" and _first_of_adjectives(token):
        return None  # "on a grey, cold, windy Monday": an adjective in a list, not a noun
    if token.tag_ in ("VBG", "VBN") and pos != "VERB":
        return None  # "the rising prices": adjective or verb form, teachers disagree
    if _adjectival_passive(token) or stative_after_be(token):
        return None  # "reaction was mixed", "trust was lacking": the same doubt after "be"
    if resolve_token(lexicon, token).upos != pos and not _adjective_wordnet_lacks(lexicon, token, pos):
        return _noun_by_lexicon(lexicon, token)
    if not _dictionary_knows(lexicon, token, pos):
        return None  # "said roboticist Daniel Huber": no dictionary has it as a verb; only the tag says so
    if pos == "NOUN" and "VERB" in getAllLemmas(token.lower_) and not _clearly_noun(token):
        return None  # "if that contact breaks": the parse took the clause's verb for a noun
    if pos == "NOUN" and _adjective_before_noun(lexicon, token):
        return None  # "the mission's principal investigator": an adjective or a noun before a noun
    if pos == "VERB" and modifier_taken_for_verb(lexicon, token):
        return None  # "go to joint counselling meetings": "joint" is no verb there
    return pos


_WORDNET_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}


def _dictionary_knows(lexicon: Lexicon, token: Token, pos: str) -> bool:
    """WordNet or lemminflect's dictionary lists the word under ``pos``; a word neither knows
    (a rare coinage) gets its part of speech from the tagger alone, which is no key to grade by."""
    if pos in getAllLemmas(token.lower_):
        return True
    return any(
        p == _WORDNET_POS[pos] or (pos == "ADJ" and p == "s") for _, p in lexicon.base_forms(token.lower_)
    )


def _adjective_before_noun(lexicon: Lexicon, token: Token) -> bool:
    """A word tagged as a noun that joins the noun after it ("principal investigator", "chief
    executive") and is an adjective in the dictionary too: teachers call it an adjective there,
    so neither answer is sure."""
    if token.dep_ != "compound" or token.head.i <= token.i:
        return False
    return bool({p for _, p in lexicon.base_forms(token.lower_)} & {"a", "s"})


def _adjective_wordnet_lacks(lexicon: Lexicon, token: Token, pos: str) -> bool:
    """An adjective before its noun that the look-up calls a noun only because WordNet has no
    adjective entry for it, while lemminflect's dictionary has one ("a mainstream model"): the
    tagger and a dictionary agree. Nouns used before nouns ("an ocean liner") have no such entry."""
    if pos != "ADJ" or token.tag_ != "JJ" or token.dep_ != "amod" or token.head.i <= token.i:
        return False
    if token.head.pos_ != "NOUN" or {p for _, p in lexicon.base_forms(token.lower_)} & {"a", "s"}:
        return False
    return "ADJ" in getAllLemmas(token.lower_)


_NOUN_ROLES = frozenset({"nsubj", "nsubj:pass", "obj", "obl", "nmod", "iobj"})


def _noun_by_lexicon(lexicon: Lexicon, token: Token) -> str | None:
    """ "NOUN" for a word that is only ever a noun (WordNet and lemminflect know no other part of
    speech: "caviar", "CDs") tagged otherwise but filling a noun's role in the parse ("Sales of
    CDs and vinyl", tagged as an adjective): the tag is the parse's slip, the role is not. A word
    written with a capital inside the sentence may be a name (not an abbreviation: "CDs")."""
    if capital_inside(token):
        return None
    complement = any(c.dep_ == "cop" for c in token.children)  # "have been utter madness"
    role = token.dep_ in _NOUN_ROLES and token.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ")
    if not (role or complement):
        return None
    # A determiner or preposition right before it, as well: where the tagger slips, the parse of
    # the words around may slip too ("Jenkinson, exhibits keeper at the aquarium": "keeper" is no
    # object of "exhibits"), so the noun needs a sign in the words themselves.
    cases = [c for c in token.children if c.dep_ == "case" and c.pos_ == "ADP" and c.i < token.i]
    # Where the fine tag says noun too and only the coarse one slipped ("a Banksy mural": NN, ADJ),
    # a name before it is part of the phrase.
    tagged_noun = token.tag_ in ("NN", "NNS")
    after_case = bool(cases) and _only_modifiers_between(cases[-1], token)
    sign = _det_before(token, names=tagged_noun) is not None or after_case
    if not sign and not (complement and _adjective_right_before(token)):
        return None
    poses = {p for _, p in lexicon.base_forms(token.lower_)}
    only_noun = poses == {"n"} and not set(getAllLemmas(token.lower_)) - {"NOUN"}
    if not (only_noun or tagged_noun):
        return None
    return "NOUN" if resolve_token(lexicon, token).upos == "NOUN" else None


def _adjective_right_before(token: Token) -> Token | None:
    """An adjective right before the word that the parse hangs on it ("utter madness")."""
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    if before is None or before.dep_ != "amod" or before.head.i != token.i or before.tag_ != "JJ":
        return None
    return before if before.is_alpha else None


def _clearly_noun(token: Token) -> bool:
    """A word that can also be a verb is taken as a noun when a determiner says so, or when it
    fills a noun's role under a verb, preposition or noun: never as the head of its own clause."""
    if _det_before(token) is not None:
        return True
    if token.dep_ == "conj" and _joined_to(token) is not None:  # "roads and trails": joined to a clear noun
        return token.head.pos_ == "NOUN" and _clearly_noun(token.head)
    return token.dep_ in _NOUN_ROLES and token.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ")


def _joined_to(token: Token) -> Token | None:
    """The word that "and"/"or" joins this one to, right beside it and of the same part of speech
    ("southern and central Italy", "roads and trails"): a learner can check that "and" joins likes."""
    doc = token.doc
    if token.dep_ == "conj":
        first, second = token.head, token
    else:
        second = next((c for c in token.children if c.dep_ == "conj"), None)  # type: ignore[assignment]
        first = token
    if second is None or first.i >= second.i or ing_join_doubtful(first, second):
        return None
    after = doc[second.i + 1] if second.i + 1 < second.sent.end else None
    if after is not None and after.pos_ in ("NOUN", "PROPN") and second.pos_ in ("NOUN", "ADJ"):
        # "mercury and soot particles": "and" joins a longer phrase than the word; not "drug and
        # weapons offences", "safe and stable homes", where both words come before the same noun
        if after.i != first.head.i:
            return None
        if second.pos_ == "NOUN" and "VERB" in getAllLemmas(second.lower_):
            return None  # "can't eat wheat or drink milk": a verb and its object, read as nouns
    cc = doc[second.i - 1]
    if cc.dep_ != "cc" or cc.head.i != second.i or cc.lower_ not in ("and", "or"):
        return None
    items = _list_before(first, second, cc)
    if items is None or any(
        item.pos_ != second.pos_ or item.tag_[:2] != second.tag_[:2] or not item.is_alpha
        for item in [*items, second]
    ):
        return None
    if token is first:
        return second if len(items) == 1 else None  # the first of a longer list: "and" is far away
    return items[-1]  # the last of a list ("cucumbers, courgettes and mushrooms"): the word before "and"


def _list_before(first: Token, second: Token, cc: Token) -> list[Token] | None:
    """The one-word items joined before "and"/"or": ``first`` alone ("roads and trails"; a comma
    may follow it), or ``first`` and its other one-word conjuncts separated by commas
    ("cucumbers, courgettes, aubergines and mushrooms"); None for anything else between."""
    doc = first.doc
    items = [first]
    for t in doc[first.i + 1 : cc.i]:
        if t.text == ",":
            continue
        if t.dep_ != "conj" or t.head.i != first.i or doc[t.i - 1].text != ",":
            return None
        if any(not c.is_punct for c in t.children):
            return None  # "courgettes from Spain": an item of more than one word
        items.append(t)
    if any(doc[item.i + 1].text != "," for item in items[:-1]):
        return None
    return items


def _quote(token: Token) -> str:
    return f"\u2018{token.text}\u2019"


_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "my",
        "your",
        "his",
        "her",
        "its",
        "our",
        "their",
        "some",
        "any",
        "no",
        "every",
        "each",
        "many",
        "few",
        "several",
    ]
)
_INSIDE_NP = frozenset({"ADJ", "ADV", "NUM", "PUNCT", "DET", "PRON"})


def _det_before(token: Token, names: bool = False) -> Token | None:
    """A determiner of the noun with only adjectives or numbers between ("the new rules"): a noun
    after another noun ("that contact breaks") is where the parse most often takes a verb for a noun.
    With ``names``, a name joined to the noun may stand between as well ("a Banksy mural")."""
    det = next((c for c in token.children if _determiner(c) and c.i < token.i), None)
    if det is None or det.lower_ not in _DETERMINERS:
        return None
    for t in token.doc[det.i + 1 : token.i]:
        if t.pos_ not in _INSIDE_NP and not (names and t.pos_ == "PROPN" and t.dep_ == "compound"):
            return None
    return det


def _determiner(token: Token) -> bool:
    """A determiner, or a possessive pronoun that stands as one ("their income", "its roof")."""
    return token.dep_ == "det" or (token.dep_ == "nmod:poss" and token.tag_ == "PRP$")


def _noun_reason(token: Token) -> list[str]:
    if _verb_tag_after(token):
        return []  # "taking the favela sound into ...": the noun phrase goes on past the word
    reasons = []
    names = token.tag_ in ("NN", "NNS")  # a name joined to a noun so tagged is inside its phrase
    det = _det_before(token, names=names)
    # The preposition nearest the noun ("farmed the money out to activists": "to", not "out").
    cases = [c for c in token.children if c.dep_ == "case" and c.pos_ == "ADP" and c.i < token.i]
    if det is not None:
        reasons.append(f"it comes after {_quote(det)}")
    elif cases and _only_modifiers_between(cases[-1], token, names=names):
        reasons.append(f"it comes after the preposition {_quote(cases[-1])}")
    if token.dep_ == "nsubj" and _finite(token.head) and token.head.i > token.i and _plain_subject(token):
        reasons.append(f"it is the subject of the verb {_quote(token.head)}")
    elif token.dep_ == "obj" and token.head.pos_ == "VERB" and not _clause_subject(token):
        reasons.append(f"it is the object of the verb {_quote(token.head)}")
    # An adjective right before it that describes it ("huge profits"), when nothing else said why.
    adjective = next((c for c in token.children if c.dep_ == "amod" and c.i == token.i - 1), None)
    if (
        not reasons
        and adjective is not None
        and token.dep_ != "compound"  # "a black caviar salad": black caviar, or a black salad?
        and adjective.tag_ in ("JJ", "JJR", "JJS")
        and adjective.is_alpha
        and adjective.lower_ not in _QUANTIFIERS  # "Many congratulations": a quantifier, not an adjective
    ):
        reasons.append(f"the adjective {_quote(adjective)} comes before it and describes it")
    return reasons


_QUANTIFIERS = frozenset(
    {"many", "much", "few", "fewer", "several", "more", "most", "less", "least", "enough"}
)


def _verb_tag_after(token: Token) -> bool:
    """A present-tense verb right after the noun with no subject of its own: the tagger took the
    phrase's last noun for a verb ("the favela sound into the mainstream"), so the parse of the
    noun's role is wrong as well."""
    nxt = token.doc[token.i + 1] if token.i + 1 < token.sent.end else None
    if nxt is None or nxt.tag_ not in ("VBP", "VBZ") or nxt.dep_ in ("aux", "aux:pass", "cop"):
        return False  # "the system has gone", "the view is great": the verb of the noun's clause
    return not any(c.dep_ in ("nsubj", "nsubj:pass", "expl") for c in nxt.children) and nxt.head.i != token.i


# Verbs that take a clause without "that" ("said the crisis forced hotels to ..."): the noun after
# them may be the subject of that clause, which the parse took for their object.
_CLAUSE_VERBS_TEXT = (
    "say tell think believe know feel hope claim suggest report show find admit mean agree "
    "realise realize expect understand announce argue hear see notice learn warn fear reveal "
    "predict insist explain prove discover assume imagine guess remember forget mention add "
    "confirm deny doubt estimate promise decide "
)
CLAUSE_VERBS = frozenset(_CLAUSE_VERBS_TEXT.split())


def _clause_subject(obj: Token) -> bool:
    """The parse's object of a verb like "say" may be the subject of a clause it missed: a verb in
    the phrase or right after it ("said the crisis in 2008 forced hotels"); "means conflict." is sure."""
    if obj.head.lemma_.lower() not in CLAUSE_VERBS:
        return False
    after = obj.right_edge.i + 1
    ends = after >= obj.sent.end or obj.doc[after].is_punct
    return not ends or any(t.pos_ in ("VERB", "AUX") for t in obj.subtree)


def _plain_subject(subject: Token) -> bool:
    """A subject phrase the parse did not run on from another clause: no phrase naming it again
    without a comma ("told everyone the team had signed": "everyone" is no subject of "signed"),
    no preposition before it and no second subject of its verb ("The idea for a huge painting
    came": the parse gave "came" both nouns, but a noun after "for" is no subject)."""
    if any(c.dep_ == "case" for c in subject.children):
        return False
    if sum(c.dep_ in ("nsubj", "nsubj:pass") for c in subject.head.children) > 1:
        return False
    doc = subject.doc
    for appos in (t for t in subject.subtree if t.dep_ == "appos"):
        first = next(t for t in appos.subtree if not t.is_punct)  # the comma may hang on the phrase
        if first.i == 0 or doc[first.i - 1].text != ",":
            return False
    return True


def _only_modifiers_between(first: Token, token: Token, names: bool = False) -> bool:
    """Only determiners, adjectives or numbers between ``first`` and the noun: "since the
    labradoodle's inventor" does not put "inventor" after "since". With ``names``, a name the parse
    joins to the noun may stand between as well ("the rules of Icelandic spelling")."""
    between = token.doc[first.i + 1 : token.i]
    # A possessive pronoun is a determiner here ("for their income"); a noun's "'s" is not.
    return all(
        (t.pos_ in _INSIDE_NP and (t.dep_ != "nmod:poss" or t.tag_ == "PRP$"))
        or (names and t.pos_ == "PROPN" and t.dep_ == "compound" and t.head.i == token.i)
        for t in between
    )


def _finite(verb: Token) -> bool:
    """A verb with a tense of its own, or with an auxiliary: "organisms usually found in the gut"
    has none, so "organisms" is no subject there; nor does "helping prisoners fit back" (the
    verb of an object clause, whatever its tag)."""
    if verb.pos_ != "VERB" or verb.dep_ == "xcomp":
        return False
    return verb.tag_ in ("VBZ", "VBP", "VBD") or any(c.dep_ in ("aux", "aux:pass") for c in verb.children)


def _verb_reason(token: Token) -> list[str]:
    reasons = []
    aux = [c for c in token.children if c.dep_ in ("aux", "aux:pass") and c.i < token.i]
    subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
    named = _noun_named(subject) if subject is not None else None
    if named is not None and subject is not None and _plain_subject(subject):
        reasons.append(f"its subject is \u2018{named}\u2019")
    if aux:
        reasons.append(f"it comes after \u2018{_written_with_not(aux[-1])}\u2019")
    named_object = _object_named(token)
    if named_object is not None:
        reasons.append(f"it has an object, \u2018{named_object}\u2019")
    return reasons


def _inside_word(punct: Token) -> bool:
    """A hyphen or slash written inside a word ("home-testing"), not a mark between phrases."""
    before = punct.doc[punct.i - 1] if punct.i else None
    return (
        punct.text in ("-", "/") and before is not None and not before.whitespace_ and not punct.whitespace_
    )


_VERB_WORDS = frozenset({"advmod", "compound:prt", "aux", "aux:pass", "neg"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj"})


def _object_named(verb: Token) -> str | None:
    """The verb's object as a reader sees it, when the parse surely found one: a noun or pronoun
    (not "blessed those present"), named whole as a subject is ("Alfred Hitchcock"); none after a
    comma ("continues to falter, Sardinia ...": a new clause's subject), nor when the parse gives
    the verb two objects ("considers this research essential": one is a complement)."""
    objects = [c for c in verb.children if c.dep_ in ("obj", "iobj")]
    if (
        len(objects) != 1
        or objects[0].pos_ not in ("NOUN", "PROPN", "PRON")
        or objects[0].tag_.startswith("JJ")
    ):
        return None
    obj = objects[0]
    between = verb.doc[min(verb.i, obj.i) + 1 : max(verb.i, obj.i)]
    if any(t.is_punct and not _inside_word(t) for t in between):
        return None
    inside = {t.i for t in obj.subtree}
    if any(t.i not in inside and not (t.head.i == verb.i and t.dep_ in _VERB_WORDS) for t in between):
        return None  # the words before it are no part of it
    if any(t.dep_ in _SUBJECTS or t.tag_ in ("VB", "VBP", "VBZ", "VBD") for t in between):
        return None  # "considers this research essential": a clause, or a complement, not one object
    return _noun_named(obj)


def _noun_named(noun: Token) -> str | None:
    """A subject or object as a reader sees it: a name whole ("David Cameron", not "David", as
    grammar explanations name it); none for a phrase a single word would misname: a
    coordination ("David Cameron, Barack Obama and ...") or a word the parse gave a possessive
    ("McDonald's")."""
    if noun.pos_ not in ("NOUN", "PRON", "PROPN"):
        return None
    if any(c.dep_ in ("conj", "cc", "case") for c in noun.children):
        return None
    # A name the tagger called a common noun ("showed Alfred Hitchcock") is named whole too.
    return noun_words(noun) if noun.pos_ == "PROPN" or noun.text[:1].isupper() else str(noun.text)


def _written_with_not(aux: Token) -> str:
    """The auxiliary as written, with the "n't" the parse splits from it ("won't", not "wo")."""
    nxt = aux.doc[aux.i + 1] if aux.i + 1 < len(aux.doc) else None
    if nxt is not None and not aux.whitespace_ and nxt.lower_ in ("n't", "n\u2019t"):
        return f"{aux.text}{nxt.text}"
    return str(aux.text)


def _adjectival_passive(token: Token) -> bool:
    """A participle after "be" with no "by ..." that is an adjective as well ("was mixed")."""
    if token.tag_ != "VBN" or not any(c.dep_ == "aux:pass" for c in token.children):
        return False
    return not any(c.dep_ == "obl:agent" for c in token.children) and "ADJ" in getAllLemmas(token.lower_)


def _adjective_reason(token: Token) -> list[str]:
    head = token.head
    if token.dep_ == "amod" and head.pos_ == "NOUN" and "NOUN" not in getAllLemmas(head.lower_):
        return []  # "relatives of the dead prefer": the parse took a verb for the noun
    if token.dep_ == "amod" and head.pos_ == "NOUN" and head.i > token.i:
        phrase = _noun_group_after(token)
        if phrase is None:
            return []
        if " " in phrase:  # "the current laboratory test": it describes the whole group
            return [f"it describes \u2018{phrase}\u2019, which comes after it"]
        return [f"it describes the noun {_quote(head)}, which comes after it"]
    cop = next((c for c in token.children if c.dep_ == "cop" and c.lower_ in _BE), None)
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and token.dep_ == "conj" and head.pos_ == "VERB" and head.i < token.i:
        # "Others have tried everything and are so discouraged": the subject of both verbs
        subject = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    if cop is not None and subject is not None:
        if not _agrees(subject, cop):
            return []  # "... cause noise problems is ridiculous": "problems" is no subject of "is"
        return [f"it comes after {_quote(cop)} and describes {_quote(subject)}"]
    if cop is not None and _after_being(token, cop):
        return [_AFTER_BEING]
    return _after_linking_verb(token)


_AFTER_BEING = (
    "it comes after \u2018being\u2019, a form of \u2018be\u2019, and says what someone or something is like"
)


def _after_being(token: Token, cop: Token) -> bool:
    """ "a reputation for being progressive": the -ing form of "be" right before the word (adverbs
    between), which has no subject to name; no determiner (then it would be a noun: "being a leader")."""
    between = token.doc[cop.i + 1 : token.i]
    return (
        cop.lower_ == "being"
        and cop.i < token.i
        and all(t.pos_ == "ADV" for t in between)
        and not any(c.dep_ in ("det", "nmod:poss") for c in token.children)
    )


def _agrees(subject: Token, verb: Token) -> bool:
    """False where a noun subject and its verb disagree in number ("problems is"): the parse
    then took another phrase's noun for the subject."""
    number = shown_number(verb)
    if number == "sg" and subject.tag_ in ("NNS", "NNPS"):
        return False
    return not (number == "pl" and subject.tag_ in ("NN", "NNP") and not _joined_subject(subject))


def _joined_subject(subject: Token) -> bool:
    return any(c.dep_ == "conj" for c in subject.children)  # "Tom and Mary are"


# Verbs after which an adjective describes the subject ("prices became high", "the team felt proud").
_LINKING = frozenset(
    {"become", "remain", "stay", "appear", "look", "feel", "sound", "smell", "taste", "grow", "prove"}
)


def _after_linking_verb(token: Token) -> list[str]:
    """An adjective completing a linking verb right before it (only adverbs between) that has a
    noun or pronoun subject: "Prices became very high" describes "Prices"."""
    verb = token.head
    if token.dep_ != "xcomp" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _LINKING:
        return []
    if verb.i > token.i or any(t.pos_ != "ADV" for t in token.doc[verb.i + 1 : token.i]):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.pos_ not in ("NOUN", "PRON", "PROPN") or subject.tag_.startswith("W"):
        return []  # not "describes 'what'" ("what normally remains unsaid")
    if not _agrees(subject, verb):
        return []
    return [f"it comes after the verb {_quote(verb)} and describes {_quote(subject)}"]


def _noun_group_after(token: Token) -> str | None:
    """The words right after an adjective up to the noun it hangs on ("laboratory test" in "the
    current laboratory test"), when they are nouns each tied to the next or adjectives of the same
    noun; else None ("a mobile landing pad": the parse may tie the adjective to "landing" or "pad")."""
    head = token.head
    end = head.head if head.dep_ == "compound" and head.head.i > head.i else head
    if end is not head:
        return None  # the adjective hangs on a noun that is itself part of a compound
    group = token.doc[token.i + 1 : end.i + 1]
    if not all(t.is_alpha for t in group):
        return None
    for t in group[:-1]:
        noun = t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.i == t.i + 1
        adjective = t.pos_ == "ADJ" and t.dep_ == "amod" and t.head.i == end.i  # "constant economic growth"
        if not (noun or adjective):
            return None
    return str(group.text)


def _adverb_reason(token: Token) -> list[str]:
    head = token.head
    if token.dep_ != "advmod" or not token.lower_.endswith("ly"):
        return []  # "-ly" adverbs only: "fast", "hard", "late" are adjectives too
    if head.pos_ == "VERB" and head.is_alpha and head.lemma_.lower() != "be":
        # not "there's absolutely no reason": it tells about "no", not about "'s"; not "I'm
        # absolutely finished", where the participle after "be" is an adjective
        copula = any(c.dep_ == "cop" for c in head.children)
        adjective = head.tag_ == "JJ" or copula or _adjectival_passive(head)
        return [] if adjective else [f"it tells us more about the verb {_quote(head)}"]
    if head.tag_ in _GRADED and head.i > token.i:
        # "works significantly better", "significantly more people": the word after it is a
        # comparative for sure, but an adverb or a quantifier there, not always an adjective
        return [f"it tells us more about the {_GRADED[head.tag_]} {_quote(head)}"]
    if head.pos_ == "ADJ" and not _participle_after_have(token, head):
        return [f"it tells us more about the adjective {_quote(head)}"]
    if head.pos_ == "ADV" and head.lower_.endswith("ly") and head.i == token.i + 1 and head.head.i < token.i:
        # "found it relatively quickly"; not before the verb, where both may tell about the verb
        # ("had previously barely heard of")
        return [f"it tells us more about the adverb {_quote(head)}"]
    return []


_GRADED = {"JJR": "comparative", "RBR": "comparative", "JJS": "superlative", "RBS": "superlative"}


def _participle_after_have(adverb: Token, head: Token) -> bool:
    """ "has previously condemned people" parsed with "condemned" as an adjective: after "have"
    a word that can be a verb is the verb's participle."""
    before = adverb.doc[adverb.i - 1] if adverb.i > 0 else None
    return before is not None and before.lemma_.lower() == "have" and "VERB" in getAllLemmas(head.lower_)


_REASONS = {"NOUN": _noun_reason, "VERB": _verb_reason, "ADJ": _adjective_reason, "ADV": _adverb_reason}


def slot_reason(token: Token, pos: str) -> str | None:
    """Why the parse takes the token as ``pos``, in at most two checkable facts; None when the parse
    gives no such fact (then no item claims a reason)."""
    reasons = _REASONS[pos](token)
    joined = _joined_to(token)
    if not reasons and joined is not None and slot_of(joined) == pos:
        cc = token.doc[max(token.i, joined.i) - 1]
        reasons = [
            f"{_quote(cc)} joins it to the {POS_NAMES[pos]} {_quote(joined)}, and joins words of one kind"
        ]
    return "; ".join(reasons[:2]) if reasons else None


def slot_of(token: Token) -> str | None:
    """The part of speech the tagger and the parse repair agree on (no look-up), else None."""
    pos = content_pos(token)
    return pos if pos in POS_NAMES and token.pos_ == pos and token.is_alpha else None


def _first_of_adjectives(token: Token) -> bool:
    """A word the parse has describe a noun, joined to adjectives ("a grey, cold, windy Monday"): the
    first of a list of adjectives, whatever its tag says."""
    joined = (c for c in token.children if c.dep_ == "conj")
    return token.dep_ == "amod" and any(c.pos_ == "ADJ" for c in joined)
