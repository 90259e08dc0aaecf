"""The part of a sentence a question may be made from, when the whole sentence is too much.

"A, but B" / "A, and B" / "A, while B" (B with its own subject) says A whatever B says, so A alone is a true
statement of the story, and "not A" a false one. A source before the sentence ("According to the UN, ...")
may be left out too (a count asks about what the source says). The part is re-parsed on its own; a question
keeps the whole sentence as its evidence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vocabsphere.core.text.tags import FINITE_TAGS

__all__ = ["main_part"]

_JOINS = frozenset({"but", "and", "while"})
_SUBJECT_STARTS = frozenset({"DET", "PRON", "PROPN", "NOUN"})


def _second_clause_at(doc: Doc, start: int) -> int | None:
    """Where ", but/and/while" opens a clause with its own subject, None when none does."""
    end = len(doc) - 1
    for t in doc[start:end]:
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if t.text != "," or after is None or after.lower_ not in _JOINS:
            continue
        rest = doc[t.i + 2 : end]
        if any(c.dep_.startswith("nsubj") and c.head.dep_ in ("conj", "advcl") for c in rest):
            return t.i
        # The parser may hang the clause anywhere; its words still say it is one: a subject's first word
        # ("the", "it", a name) and then a finite verb.
        if rest and rest[0].pos_ in _SUBJECT_STARTS and any(c.tag_ in FINITE_TAGS for c in rest[1:]):
            return t.i
    return None


def main_part(doc: Doc, nlp: Language, drop_source: bool = False) -> Doc | None:
    """The first clause of "A, but B" (and without "According to X," when ``drop_source``), re-parsed; None
    when the sentence has no such part (use it whole)."""
    start = 0
    if drop_source and doc[:2].text.lower() == "according to":
        start = next((t.i + 1 for t in doc if t.text == ","), 0)
    cut = _second_clause_at(doc, start)
    end = cut if cut is not None else len(doc) - 1
    if (start, end) == (0, len(doc) - 1) or end - start < 4 or doc[-1].text != ".":
        return None
    text = doc[start:end].text
    return nlp(text[:1].upper() + text[1:] + ".")
