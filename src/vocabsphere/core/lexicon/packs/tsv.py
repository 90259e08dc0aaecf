"""Plain TSV packs: ``english<TAB>translation[<TAB>pos]``, with a header naming the language
(``en<TAB>ko[<TAB>pos]``) or the language given by the caller. Lines starting with # are comments."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from vocabsphere.core.errors import InvalidInput

from ..store_schema import normalize_pos
from .base import PackEntry, clean
from .iso639 import to_iso1

LICENSE = "unspecified (plain TSV pack)"
_HEADER_FIRST = {"en", "eng", "english", "word", "headword", "lemma"}


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\r\n").split("\t")


def header_language(path: Path) -> str | None:
    first = next(_rows(path), None)
    if first and len(first) >= 2 and first[0].strip().lower() in _HEADER_FIRST:
        return to_iso1(first[1].strip()) or ""
    return None


def read(path: Path, lang: str | None) -> Iterator[PackEntry]:
    from_header = header_language(path)
    code = lang or from_header
    if not code:
        raise InvalidInput(
            f"{path.name}: no language header (e.g. 'en<TAB>ko'); give the language code.", field="lang"
        )
    rows = _rows(path)
    if from_header is not None:
        next(rows)  # the header line
    for cols in rows:
        if len(cols) < 2:
            continue
        english, text = clean(cols[0]), clean(cols[1])
        if english and text:
            pos = normalize_pos(cols[2]) if len(cols) > 2 else None
            yield PackEntry(english, code, text, pos)
