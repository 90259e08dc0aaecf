"""dictd packs (``freedict-eng-kor.index`` + ``.dict.dz``/``.dict``), parsed by the build's
own dictd reader. A ``kor-eng`` dictionary is read backwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .. import dictd_reader
from .base import PackEntry, clean, target_language

LICENSE = "see the dictionary's 00-database-info entry (dictd pack)"


def base_path(path: Path) -> Path:
    """The dictionary path without suffix: x.index, x.dict, x.dict.dz -> x."""
    name = path.name
    for suffix in (".dict.dz", ".index", ".dict"):
        if name.endswith(suffix):
            return path.with_name(name[: -len(suffix)])
    return path


def read(path: Path, lang: str | None) -> Iterator[PackEntry]:
    base = base_path(path)
    code, inverted = target_language(base, lang)
    for key, entry in dictd_reader.iter_entries(base):
        head = clean(entry.headword or key)
        for text, pos in entry.translations:
            tr = clean(text)
            if head and tr:
                pos = pos or entry.pos
                yield PackEntry(tr, code, head, pos) if inverted else PackEntry(head, code, tr, pos)
