"""Which sentences an exercise may be made from: complete, no heading or junk, 6-30 words, and at
most one level above the learner (the text-level model on the sentence alone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vocabsphere.core.learnables.sentences import has_finite_verb, is_heading, quote_fragment, word_count
from vocabsphere.core.levels import text_level_of_doc

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["LEVELS", "MAX_WORDS", "MIN_WORDS", "level_rank", "usable_sentence"]

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
MIN_WORDS, MAX_WORDS = 6, 30
_OPENERS = "\u201c\u2018\"'("
_JUNK = ("http", "www.", "@", "©", "|", "click here", "subscribe", "read more")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


_FINITE_AUX = frozenset({"VBD", "VBZ", "VBP", "MD"})


def parse_holds(sent: Span) -> bool:
    """No clause with a finite auxiliary but neither subject nor linking word: the parser then
    took the main verb for a side clause ("Enterobacteria, organisms usually found in the gut, had
    also acquired ..." parsed with "found" as the main verb), and items would explain a wrong parse."""
    for token in sent:
        if token.dep_ not in ("advcl", "ccomp", "conj") or token.pos_ != "VERB":
            continue
        deps = {c.dep_ for c in token.children}
        finite = any(c.dep_ == "aux" and c.tag_ in _FINITE_AUX for c in token.children)
        if finite and not deps & {"nsubj", "nsubj:pass", "mark", "expl", "cc"}:
            return False
    return True


def usable_sentence(sent: Span, learner_level: str) -> bool:
    """A whole sentence a learner at ``learner_level`` can work with."""
    words = word_count(sent)
    if not MIN_WORDS <= words <= MAX_WORDS:
        return False
    text = sent.text.strip()
    # An opening quotation mark may come first: a whole quoted sentence is a sentence.
    if any(mark in text.lower() for mark in _JUNK) or not text.lstrip(_OPENERS)[:1].isupper():
        return False
    if is_heading(sent) or not has_finite_verb(sent) or quote_fragment(sent):
        return False
    if not parse_holds(sent):
        return False
    measured = text_level_of_doc(sent.as_doc()).level
    return level_rank(measured) <= level_rank(learner_level) + 1
