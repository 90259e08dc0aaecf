"""Merge pack translations into a built lexicon file (the only writer besides the builder).

Each (pack, language) is one ``sources`` row (kind "pack") and one bit in that language's
``source_mask``. A translation the language already has gains the bit; a new one is appended
after the existing ranks. Importing the same pack again finds every bit set: nothing is added.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vocabsphere.core.errors import InvalidInput

from ..store_schema import SCHEMA_VERSION
from .base import PackEntry
from .iso639 import language_name

MAX_NEW_PER_LEMMA = 12  # same cap as the build
MAX_SOURCES_PER_LANGUAGE = 62  # source_mask is a signed 64-bit integer


@dataclass(frozen=True)
class LanguageCount:
    lang: str
    source: str
    read: int  # pack entries for this language
    added: int  # new translation rows
    confirmed: int  # existing rows this pack also gives


def open_for_merge(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise InvalidInput(f"Lexicon file not found: {path.name}", field="lexicon")
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if not row or row[0] != str(SCHEMA_VERSION):
        conn.close()
        raise InvalidInput(f"{path.name} was built with another schema; rebuild it first.", field="lexicon")
    return conn


def _source_bit(
    conn: sqlite3.Connection, name: str, lang: str, version: str, license: str
) -> tuple[int, int]:
    """(source id, mask bit), registering the source and the language when new."""
    row = conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
    sid = (
        int(row[0])
        if row
        else int(
            conn.execute(
                "INSERT INTO sources(name, kind, lang, package, version, license, entries) "
                "VALUES (?, 'pack', ?, NULL, ?, ?, 0)",
                (name, lang, version, license),
            ).lastrowid
            or 0
        )
    )
    lang_row = conn.execute("SELECT source_ids FROM languages WHERE code = ?", (lang,)).fetchone()
    ids = [int(i) for i in lang_row[0].split(",") if i] if lang_row else []
    if sid not in ids:
        if len(ids) >= MAX_SOURCES_PER_LANGUAGE:
            raise InvalidInput(f"Too many dictionaries for {language_name(lang)}.", field="pack")
        ids.append(sid)
        conn.execute(
            "INSERT OR REPLACE INTO languages VALUES (?, ?, COALESCE((SELECT entries "
            "FROM languages WHERE code = ?), 0), ?)",
            (lang, language_name(lang), lang, ",".join(map(str, ids))),
        )
    return sid, ids.index(sid)


def merge_language(
    conn: sqlite3.Connection, entries: Iterable[PackEntry], name: str, lang: str, version: str, license: str
) -> LanguageCount:
    sid, bit = _source_bit(conn, name, lang, version, license)
    flag = 1 << bit
    read = added = confirmed = 0
    new_per_lemma: dict[str, int] = {}
    for entry in entries:
        read += 1
        key = " ".join(entry.english.replace("_", " ").lower().split())
        rows = conn.execute(
            "SELECT rank, text, source_mask FROM translations WHERE lang = ? AND lemma = ?", (lang, key)
        ).fetchall()
        match = next((r for r in rows if r[1].lower() == entry.text.lower()), None)
        if match is not None:
            if not match[2] & flag:
                conn.execute(
                    "UPDATE translations SET source_mask = source_mask | ? WHERE "
                    "lang = ? AND lemma = ? AND rank = ?",
                    (flag, lang, key, match[0]),
                )
                confirmed += 1
            continue
        if new_per_lemma.get(key, 0) >= MAX_NEW_PER_LEMMA:
            continue
        new_per_lemma[key] = new_per_lemma.get(key, 0) + 1
        rank = max((r[0] for r in rows), default=0) + 1
        conn.execute(
            "INSERT INTO translations VALUES (?,?,?,?,?,?,?)",
            (lang, key, rank, entry.pos, entry.text, sid, flag),
        )
        added += 1
    _update_counts(conn, sid, lang, flag)
    return LanguageCount(lang, name, read, added, confirmed)


def _update_counts(conn: sqlite3.Connection, sid: int, lang: str, flag: int) -> None:
    conn.execute(
        "UPDATE sources SET entries = (SELECT COUNT(DISTINCT lemma) FROM translations "
        "WHERE lang = ? AND source_mask & ? != 0) WHERE id = ?",
        (lang, flag, sid),
    )
    conn.execute(
        "UPDATE languages SET entries = (SELECT COUNT(DISTINCT lemma) FROM "
        "translations WHERE lang = ?) WHERE code = ?",
        (lang, lang),
    )


def refresh_version(conn: sqlite3.Connection) -> str:
    """Same recipe as the build: the version changes when the set of sources changes."""
    rows = conn.execute("SELECT name, COALESCE(version, '') FROM sources ORDER BY name")
    digest = hashlib.blake2b(repr((SCHEMA_VERSION, list(rows))).encode(), digest_size=6).hexdigest()
    version = f"{SCHEMA_VERSION}.{digest}"
    conn.execute("UPDATE meta SET value = ? WHERE key = 'lexicon_version'", (version,))
    return version


def file_digest(path: Path) -> str:
    """Recorded as the source version: a changed pack file is a new version."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]
