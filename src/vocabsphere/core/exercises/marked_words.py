"""Words set off by quotation marks on their own ("a red salmon \u2018caviar\u2019 dish", "had
\u201cdeparted\u201d"): the marks say the word is somebody's, or not meant literally, but the parser
reads them as punctuation inside the phrase and mis-tags the word ("caviar" as a verb). Items are
made from the sentence parsed without those marks and shown with them again, so the learner sees
the story's sentence unchanged and no item rests on the parse of the marks."""

from __future__ import annotations

import re
from dataclasses import replace

from .model import GAP, ExerciseItem, ExerciseKind

__all__ = ["MarkedText", "with_marks", "without_word_marks"]

# One word between a pair of marks, with no letter just outside them (not "Japan\u2019s").
_MARKED = re.compile(
    r"(?<![\w\u2019'])([\u2018\u201c\"'])([A-Za-z]{2,}(?:-[A-Za-z]+)*)([\u2019\u201d\"'])(?![\w])"
)
_PAIRS = {"\u2018": "\u2019", "\u201c": "\u201d", '"': '"', "'": "'"}

# Kinds whose text shows the sentence only as a whole or with the word's gap: the marks can be
# put back exactly. The others quote phrases or rebuild the sentence (roles, order, voice).
_KINDS = frozenset(
    {ExerciseKind.PART_OF_SPEECH, ExerciseKind.CLOZE, ExerciseKind.WORD_FORM, ExerciseKind.WORD_FAMILY}
)

MarkedText = tuple[str, str, list[tuple[int, str]]]  # the sentence, without its marks, the marks


def without_word_marks(text: str) -> MarkedText | None:
    """The sentence without the marks around single words, and each mark with its place in the
    text without marks; None when no word stands alone in marks."""
    text = text.strip()
    marks: list[tuple[int, str]] = []
    plain: list[str] = []
    last = 0
    for found in _MARKED.finditer(text):
        if _PAIRS[found[1]] != found[3]:
            continue
        plain.append(text[last : found.start()])
        at = sum(map(len, plain))
        marks += [(at, found[1]), (at + len(found[2]), found[3])]
        plain.append(found[2])
        last = found.end()
    if not marks:
        return None
    plain.append(text[last:])
    return text, "".join(plain), marks


def _marked(plain: str, marks: list[tuple[int, str]], gap: tuple[int, int] | None = None) -> str | None:
    """``plain`` with the marks put back; with ``gap`` (start, end of the words the gap took, in
    ``plain``), the gapped sentence with them; None when a mark would fall inside the gap."""
    out, last = [], 0
    for at, mark in marks:
        if gap is not None and gap[0] < at < gap[1]:
            return None
        if gap is not None and last <= gap[0] and at >= gap[1]:
            out += [plain[last : gap[0]], GAP]
            last = gap[1]
        out += [plain[last:at], mark]
        last = at
    if gap is not None and last <= gap[0]:
        out += [plain[last : gap[0]], GAP]
        last = gap[1]
    out.append(plain[last:])
    return "".join(out)


def _gap_in(plain: str, gapped: str) -> tuple[int, int] | None:
    """Where the gap of ``gapped`` stands in ``plain`` (the words it took), else None."""
    start = gapped.find(GAP)
    if start < 0 or not plain.startswith(gapped[:start]):
        return None
    tail = gapped[start + len(GAP) :]
    end = len(plain) - len(tail)
    return (start, end) if end > start and plain.endswith(tail) else None


def with_marks(item: ExerciseItem, marked: MarkedText) -> ExerciseItem | None:
    """The item made from the sentence without its marks, shown with them; None for a kind whose
    text cannot take them back exactly."""
    text, plain, marks = marked
    if item.kind not in _KINDS or item.shortened_from or item.source_sentence != plain:
        return None
    gapped = item.gapped
    if gapped:
        gap = _gap_in(plain, gapped)
        restored = _marked(plain, marks, gap) if gap is not None else None
        if restored is None:
            return None
        gapped = restored
    if plain in item.prompt:
        prompt = item.prompt.replace(plain, text)
    elif item.prompt.count(GAP) or item.kind is ExerciseKind.PART_OF_SPEECH:
        return None  # the sentence is in the prompt in some other shape
    else:
        prompt = item.prompt
    return replace(item, prompt=prompt, gapped=gapped, source_sentence=text)
