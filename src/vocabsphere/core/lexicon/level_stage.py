"""Build stage: the CEFR level of every WordNet word, rated once when the lexicon is built.

A tap shows the synonyms of the chosen sense simplest first and weighs simpler words, so it rates
words the level model has not met in this process; each costs a fraction of a millisecond
(features, 500 trees), and a tap meets several. Here every (lemma, part of speech) of WordNet is
rated by the level code itself (:func:`..levels.word_level.rate_word`) and stored with the
fingerprint of that code and model; a process that opens the lexicon answers from the table
(:func:`use_stored_levels`) only when the fingerprint is its own, so the answers are the same.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from functools import lru_cache

from vocabsphere.core.levels.word_features import normalise
from vocabsphere.core.levels.word_level import (
    Source,
    WordLevel,
    level_fingerprint,
    level_of_score,
    rate_word,
    use_stored_levels,
)

from .lookup import Lexicon

log = logging.getLogger(__name__)

WORD_LEVELS_KEY = "word_levels"  # lexicon meta: the level fingerprint the stored levels come from
UPOS_OF_WN = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV"}
WN_OF_UPOS = {upos: wn for wn, upos in UPOS_OF_WN.items()}
_SOURCES: tuple[Source, ...] = ("list", "model")  # stored as their index
_BATCH = 5000


def build_word_levels(conn: sqlite3.Connection) -> int:
    """Fill ``word_levels`` for every WordNet (lemma, POS); returns how many were stored."""
    stored = 0
    for batch in _batches(conn):
        conn.executemany(
            "INSERT OR IGNORE INTO word_levels(word, pos, score, source) VALUES (?,?,?,?)", batch
        )
        stored += len(batch)
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (WORD_LEVELS_KEY, level_fingerprint())
    )
    log.info("word levels: %d words", stored)
    return stored


def _batches(conn: sqlite3.Connection) -> Iterator[list[tuple[str, str, float, int]]]:
    batch: list[tuple[str, str, float, int]] = []
    seen: set[tuple[str, str]] = set()
    for lemma, pos in conn.execute("SELECT DISTINCT lemma, pos FROM senses ORDER BY lemma, pos").fetchall():
        word = normalise(str(lemma))  # the key rate_word is called with
        if not word or (word, pos) in seen:
            continue
        seen.add((word, pos))
        rated = rate_word(word, UPOS_OF_WN[pos])
        batch.append((word, pos, rated.score, _SOURCES.index(rated.source)))
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


class StoredWordLevels:
    """The lexicon's table as a source of :func:`..levels.word_level.assess_word` answers."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon

    def stored_level(self, word: str, upos: str) -> WordLevel | None:
        pos = WN_OF_UPOS.get(upos)
        if pos is None:
            return None
        row = (
            self._lexicon._conn()  # the Lexicon's own per-thread read-only connection
            .execute("SELECT score, source FROM word_levels WHERE word = ? AND pos = ?", (word, pos))
            .fetchone()
        )
        if row is None:
            return None
        score = float(row[0])
        return WordLevel(level_of_score(score), score, _SOURCES[int(row[1])])


def use_stored_levels_of(lexicon: Lexicon) -> bool:
    """Let ``assess_word`` answer from this lexicon's table when it was built by the level code and
    model this process runs; False (every word rated, as before) otherwise."""
    usable = has_stored_levels(lexicon)
    use_stored_levels(StoredWordLevels(lexicon) if usable else None)
    return usable


@lru_cache(maxsize=8)
def has_stored_levels(lexicon: Lexicon) -> bool:
    try:
        row = lexicon._conn().execute("SELECT value FROM meta WHERE key = ?", (WORD_LEVELS_KEY,)).fetchone()
    except sqlite3.OperationalError:  # no meta table: not a lexicon this code built
        return False
    return row is not None and row[0] == level_fingerprint()
