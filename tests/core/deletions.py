"""A test helper shared by the adaptation tests: why deleting some words of a sentence is refused."""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.adapt.guard import deletion_problem


def drop_veto(nlp: Language, sentence: str, words: str) -> str | None:
    """The guard's reason for refusing to delete `words` (their first occurrence) from `sentence`, or None."""
    doc = nlp(sentence)
    start = sentence.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    return deletion_problem(doc[:], range(span.start, span.end))
