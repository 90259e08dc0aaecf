"""Signs that a tag is the parser's slip, not the word's part of speech in the sentence: a name
written with a capital, a verb of state after "be", an infinitive's verb tagged as an adjective, a
modifier the corpus never has as a verb read as one. :func:`.slots.slot_pos` gives no part of
speech where one holds, so no item rests on the slip."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getAllLemmas

from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.text.tags import FINITE_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "after_infinitive_to",
    "base_verb_after_to",
    "capital_inside",
    "ing_join_doubtful",
    "modifier_taken_for_verb",
    "stative_after_be",
]


def capital_inside(token: Token) -> bool:
    """A word written with a capital after the sentence's first word: a name the tagger missed
    ("we will have Turner on the note", "the National Institute of Statistics"), not a word to ask
    about as a common noun. Abbreviations ("CDs") are words."""
    first = next((t for t in token.sent if t.is_alpha), None)
    stem = token.text[:-1] if token.text.endswith("s") else token.text
    abbreviation = len(stem) > 1 and stem.isupper()
    return token.text[:1].isupper() and first is not None and token.i != first.i and not abbreviation


# Verbs of state: after "be" their -ing form is an adjective as much as a continuous tense
# ("mutual trust was lacking": missing, not an action in progress).
_STATIVE = frozenset(
    {
        "lack",
        "want",
        "need",
        "belong",
        "contain",
        "own",
        "possess",
        "consist",
        "matter",
        "deserve",
        "resemble",
        "know",
        "seem",
    }
)


def stative_after_be(token: Token) -> bool:
    if token.tag_ != "VBG" or token.lemma_.lower() not in _STATIVE:
        return False
    return any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in token.children)


def after_infinitive_to(token: Token) -> bool:
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    return before is not None and before.tag_ == "TO" and before.dep_ == "mark" and before.head.i == token.i


def base_verb_after_to(token: Token) -> bool:
    """A word right after "to" that is also a verb's base form ("our efforts to lower emissions"):
    the parse may read "to" as a preposition and the verb as an adjective of the noun after it."""
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    if before is None or before.lower_ != "to":
        return False
    return token.lower_ in getAllLemmas(token.lower_).get("VERB", ())


def modifier_taken_for_verb(lexicon: Lexicon, token: Token) -> bool:
    """A word right before a noun or an -ing word that the sense-tagged corpus never has as a
    verb but has as an adjective or noun ("joint": adjective 5, verb 0): the parse read "to joint
    counselling meetings" as "to" + verb + object. A word usual as a verb is trusted ("open doors")."""
    nxt = token.doc[token.i + 1] if token.i + 1 < token.sent.end else None
    if nxt is None or not (nxt.pos_ in ("NOUN", "ADJ") or nxt.tag_ == "VBG"):
        return False
    counts = {
        p: sum(s.tag_count for s in lexicon.entries(token.lower_, p).senses) for p in ("VERB", "ADJ", "NOUN")
    }
    return counts["VERB"] == 0 and max(counts["ADJ"], counts["NOUN"]) >= _USUAL_TAGS


_USUAL_TAGS = 3  # sense-tagged uses that make a part of speech the word's usual one


def _ing_form(token: Token) -> bool:
    """A verb's -ing form, whatever the tag ("planning" tagged as a noun is still "plan" + -ing)."""
    return token.lower_.endswith("ing") and "VERB" in getAllLemmas(token.lower_)


def ing_join_doubtful(first: Token, second: Token) -> bool:
    """ "and" joins a noun and an -ing form while another -ing form stands earlier in the clause:
    "is keeping a signal with a boat and planning for ..." joins "keeping" and "planning", and a
    parse that joins "boat" and "planning" would make "planning" a noun for a false reason."""
    if _ing_form(first) or not _ing_form(second):
        return False
    for t in reversed(first.doc[first.sent.start : first.i]):
        if t.tag_ in FINITE_TAGS:
            return False  # a clause of its own before: "The boat that sank ..." stops the search
        if _ing_form(t):
            return True
    return False
