"""Build stage: each synset's gloss vector from the static sense vectors, stored in the lexicon.

A tap ranks every sense of its word by the cosine of the sentence with each sense's gloss
(:mod:`.sense_vectors`). Building those gloss vectors on the tap cost most of a cold tap on a
word with many senses ("take": 42), so they are summed here once per synset: the rarity-weighted
sum of the word vectors of the definition, examples and hypernym names, as float16 (256 bytes).
The tap subtracts the looked-up word's own rows (a gloss may repeat it) and normalises.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator

import numpy as np

from .sense_vectors import GLOSS_VECTORS_KEY, MODEL_VERSION, gloss_words, load_static_vectors
from .store_schema import EXAMPLE_SEP

log = logging.getLogger(__name__)

_BATCH = 5000


def build_gloss_vectors(conn: sqlite3.Connection) -> int:
    """Fill ``gloss_vectors`` for every synset; returns how many were stored."""
    vectors = load_static_vectors()
    stored = 0
    for batch in _batches(conn):
        rows = []
        for key, text in batch:
            total = vectors.weighted_sum(gloss_words(text))
            if total is not None:
                rows.append((key, total.astype(np.float16).tobytes()))
        conn.executemany("INSERT INTO gloss_vectors(synset, vector) VALUES (?, ?)", rows)
        stored += len(rows)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (GLOSS_VECTORS_KEY, MODEL_VERSION))
    log.info("gloss vectors: %d synsets", stored)
    return stored


def _batches(conn: sqlite3.Connection) -> Iterator[list[tuple[int, str]]]:
    """(synset, gloss text) as a sense's gloss reads on the tap: definition, examples and the
    first name of each related synset (Lexicon._senses: the most tagged display, then rank)."""
    names: dict[int, str] = {}
    by_synset = "SELECT synset, display FROM senses ORDER BY synset, tag_count DESC, rank"
    for synset, display in conn.execute(by_synset):
        names.setdefault(int(synset), str(display))
    related: dict[int, list[int]] = {}
    for synset, target in conn.execute("SELECT synset, target FROM relations"):
        related.setdefault(int(synset), []).append(int(target))
    batch: list[tuple[int, str]] = []
    for key, definition, examples in conn.execute("SELECT id, definition, examples FROM synsets ORDER BY id"):
        hypernyms = [names[t] for t in related.get(int(key), []) if t in names]
        text = " ".join((str(definition), *(e for e in str(examples).split(EXAMPLE_SEP) if e), *hypernyms))
        batch.append((int(key), text))
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
