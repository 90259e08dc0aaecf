"""Verb inflection (lemminflect) and pronoun case for rewritten clauses."""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getInflection, getLemma
from spacy.tokens import Token

__all__ = ["agree_tag", "inflect", "object_case", "subject_case", "verb_lemma"]

_TO_OBJECT = {"i": "me", "he": "him", "she": "her", "we": "us", "they": "them", "who": "whom"}
_TO_SUBJECT = {"me": "I", "him": "he", "her": "she", "us": "we", "them": "they"}
_PLURAL_PRONOUNS = frozenset({"i", "you", "we", "they"})
# Nouns with no plural ending that always take a plural verb ("The police have closed ..."); the tagger
# often reads them as singular. Not "staff" or "personnel", which take either.
_PLURAL_ONLY = frozenset({"police", "people", "cattle", "clergy"})


@lru_cache(maxsize=8192)
def inflect(lemma: str, tag: str) -> str | None:
    """The form of ``lemma`` for a Penn tag ("VBD", "NNS", ...), or None if unknown."""
    if tag in {"VB", "NN", "JJ", "RB"}:
        return lemma
    forms = getInflection(lemma, tag=tag)
    return forms[0] if forms else None


def agree_tag(tag: str, subject: Token) -> str:
    """Past stays past; a present tense agrees in number with the subject."""
    if tag == "VBD":
        return "VBD"
    plural = (
        "Plur" in subject.morph.get("Number", [])
        or subject.lower_ in _PLURAL_PRONOUNS
        or subject.lower_ in _PLURAL_ONLY
    )
    if any(c.dep_ == "conj" for c in subject.children):
        plural = True
    return "VBP" if plural else "VBZ"


def object_case(phrase: str) -> str:
    """ "he" -> "him" when a subject pronoun becomes an object."""
    return _TO_OBJECT.get(phrase.lower(), phrase)


def subject_case(phrase: str) -> str:
    """ "him" -> "He" when an object pronoun becomes the subject (capitalised: it starts a sentence)."""
    new = _TO_SUBJECT.get(phrase.lower(), phrase)
    return new[:1].upper() + new[1:]


def verb_lemma(token: Token) -> str:
    """The verb's lemma from its form (lemminflect), falling back to the parser's lemma."""
    forms = getLemma(token.text.lower(), upos="VERB")
    return forms[0] if forms else token.lemma_.lower()
