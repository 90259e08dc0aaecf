"""Build stage: fill gaps by triangulation through other languages already in the file.

For a target T (e.g. Spanish) and every built pivot language P with an installed FreeDict
P->T dictionary (deu-spa, fra-spa, ...): English lemma -> top P translations -> T words.
A T word is kept only when at least ``MIN_PIVOTS`` different pivot languages agree, which
filters out most of the sense confusion a single pivot introduces. Only English lemmas
with no direct T translation are filled.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from . import dictd_reader
from .store_schema import ISO3_TO_ISO1
from .translation_stage import zipf_function

log = logging.getLogger(__name__)

MIN_PIVOTS = 2
PIVOT_TOP = 3  # English -> pivot translations used per lemma
TARGET_TOP = 2  # pivot -> target translations used per pivot word
MAX_FILLED = 5
MAX_PIVOTS = 8  # per target, in the order languages are built
ISO1_TO_ISO3 = {v: k for k, v in ISO3_TO_ISO1.items()}
Register = Callable[[str, str, str, str, Path, str], int]


def _load_pivot_dict(base: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for _key, entry in dictd_reader.iter_entries(base):
        texts = table.setdefault(entry.headword.lower(), [])
        for text, _pos in entry.translations[:TARGET_TOP]:
            if text not in texts:
                texts.append(text)
    return table


def _votes_from(
    conn: sqlite3.Connection,
    pivot: str,
    table: dict[str, list[str]],
    bit: int,
    missing: set[str],
    votes: dict[str, dict[str, int]],
) -> int:
    """Set ``bit`` on T words reached from each missing English lemma via ``pivot``."""
    reached = 0
    rows = conn.execute(
        "SELECT lemma, text FROM translations WHERE lang = ? AND rank < ?", (pivot, PIVOT_TOP)
    )
    for lemma, text in rows:
        if lemma not in missing:
            continue
        for target in table.get(text.lower(), ()):
            slot = votes.setdefault(lemma, {})
            slot[target] = slot.get(target, 0) | bit
            reached += 1
    return reached


def fill_by_pivot(
    conn: sqlite3.Connection, target: str, built: list[str], root: Path, register: Register, first_bit: int
) -> list[int]:
    """Insert triangulated translations for ``target``; returns the pivot source ids used.

    ``first_bit`` is the mask position of the first pivot (after the direct sources).
    """
    target3 = ISO1_TO_ISO3[target]
    have = {r[0] for r in conn.execute("SELECT DISTINCT lemma FROM translations WHERE lang = ?", (target,))}
    pivots = [p for p in built if p != target]
    missing = {
        r[0]
        for p in pivots
        for r in conn.execute("SELECT DISTINCT lemma FROM translations WHERE lang = ?", (p,))
    } - have
    votes: dict[str, dict[str, int]] = {}
    ids: list[int] = []
    for pivot in pivots:
        base = root / "dictd" / f"freedict-{ISO1_TO_ISO3[pivot]}-{target3}"
        if not base.with_name(base.name + ".index").exists() or len(ids) >= MAX_PIVOTS:
            continue
        sid = register(
            base.name,
            "pivot",
            target,
            f"dict-freedict-{base.name[9:]}",
            base.with_name(base.name + ".index"),
            "freedict",
        )
        bit = 1 << (first_bit + len(ids))
        reached = _votes_from(conn, pivot, _load_pivot_dict(base), bit, missing, votes)
        conn.execute("UPDATE sources SET entries = ? WHERE id = ?", (reached, sid))
        ids.append(sid)
    rows = _rows(target, votes, ids, first_bit, zipf_function(target))
    conn.executemany("INSERT INTO translations VALUES (?,?,?,?,?,?,?)", rows)
    return ids


def _rows(
    target: str,
    votes: dict[str, dict[str, int]],
    ids: list[int],
    first_bit: int,
    zipf: Callable[[str], float],
) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for lemma, cands in votes.items():
        agreed = [
            (bin(mask).count("1"), text, mask)
            for text, mask in cands.items()
            if bin(mask).count("1") >= MIN_PIVOTS
        ]
        agreed.sort(key=lambda c: (-c[0], -zipf(c[1]), c[1]))
        for rank, (_n, text, mask) in enumerate(agreed[:MAX_FILLED]):
            lowest = (mask & -mask).bit_length() - 1  # first pivot that reached the word
            rows.append((target, lemma, rank, None, text, ids[lowest - first_bit], mask))
    return rows
