"""kaikki.org (Wiktextract) JSONL packs: one English entry per line with ``word``, ``pos``
and translations under ``senses[].translations[]`` or top-level ``translations[]``, each
with ``lang_code`` (or ``code``) and ``word``. Without a language, every ISO 639-1
language in the file is imported. ``.gz`` files are read directly."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..store_schema import normalize_pos
from .base import PackEntry, clean
from .iso639 import ISO639_1

LICENSE = "CC-BY-SA-4.0 and GFDL (Wiktionary, extracted by Wiktextract / kaikki.org)"


def _open(path: Path) -> TextIO:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def _translations(entry: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from entry.get("translations") or ()
    for sense in entry.get("senses") or ():
        yield from sense.get("translations") or ()


def read(path: Path, lang: str | None) -> Iterator[PackEntry]:
    with _open(path) as fh:
        for line in fh:
            if not line.strip():
                continue
            entry = json.loads(line)
            if entry.get("lang_code", "en") != "en" or not isinstance(entry.get("word"), str):
                continue
            english = clean(entry["word"])
            pos = normalize_pos(entry.get("pos"))
            for tr in _translations(entry):
                code = str(tr.get("lang_code") or tr.get("code") or "")
                text = clean(str(tr.get("word") or ""))
                if english and text and code in ISO639_1 and code != "en" and code == (lang or code):
                    yield PackEntry(english, code, text, pos)
