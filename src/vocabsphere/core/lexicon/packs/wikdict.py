"""WikDict SQLite packs (``en-ko.sqlite3``): table ``simple_translation(written_rep,
trans_list, max_score, rel_importance)`` with ``" | "``-separated translations, best first.
A ``ko-en`` file is read backwards (Korean headword -> English translations)."""

from __future__ import annotations

import sqlite3
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

from vocabsphere.core.errors import InvalidInput

from .base import PackEntry, clean, target_language

LICENSE = "CC-BY-SA-3.0 (WikDict, from Wiktionary)"
SQLITE_MAGIC = b"SQLite format 3\x00"


def is_wikdict(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_MAGIC


def read(path: Path, lang: str | None) -> Iterator[PackEntry]:
    code, inverted = target_language(path, lang)
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        try:
            rows = conn.execute(
                "SELECT written_rep, trans_list FROM simple_translation ORDER BY rowid"
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise InvalidInput(
                f"{path.name} is not a WikDict file (no simple_translation table).", field="pack"
            ) from exc
    finally:
        conn.close()
    for written, trans_list in rows:
        head = clean(str(written or ""))
        for part in str(trans_list or "").split("|"):
            text = clean(part)
            if head and text:
                yield (PackEntry(text, code, head) if inverted else PackEntry(head, code, text))
