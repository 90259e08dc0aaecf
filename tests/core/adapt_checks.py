"""Test helpers shared by the adaptation and grammar tests: why deleting some words is refused, which
sentences a sentence needs, and the grammar points found in a text."""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.adapt.coherence import dependencies
from vocabsphere.core.adapt.content import Unit
from vocabsphere.core.adapt.guard import deletion_problem
from vocabsphere.core.levels.grammar import GrammarMatch, detect_grammar


def drop_veto(nlp: Language, sentence: str, words: str) -> str | None:
    """The guard's reason for refusing to delete `words` (their first occurrence) from `sentence`, or None."""
    doc = nlp(sentence)
    start = sentence.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    return deletion_problem(doc[:], range(span.start, span.end))


def sentence_needs(*texts: str) -> list[frozenset[int]]:
    """For sentences of one paragraph, the other sentences each one needs (`coherence.dependencies`)."""
    return dependencies([Unit(0, t, len(t.split())) for t in texts])


def points_in(nlp: Language, text: str, point: str) -> list[GrammarMatch]:
    """The matches of one grammar point in `text`."""
    return [m for m in detect_grammar(nlp(text)) if m.point.id == point]
