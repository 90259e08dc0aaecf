"""Build stage for translations: merge every bilingual source of one language, rank, store.

Candidates for one English lemma are merged by text; each keeps the bitmask of the sources
that gave it. Ranking mixes source trust, "first translation of its sense", agreement between
sources and the target word's frequency (wordfreq), so "house" -> "Haus" beats "Geschlecht".
"""

from __future__ import annotations

import logging
import math
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import apertium_reader, dictd_reader, trans_reader
from .store_schema import ISO3_TO_ISO1

log = logging.getLogger(__name__)

MAX_CANDIDATES = 150  # per lemma while collecting (bounds memory on Ding's huge entries)
MAX_STORED = 12  # per lemma in the file
MIN_KNOWN_CANDIDATES = 2  # known words a lemma needs before unknown one-source strings are dropped
MAX_INVERTED_WORDS = 3
DIRECT_WEIGHT, INVERTED_WEIGHT, FIRST_BONUS, NO_POS_PENALTY = 2.0, 1.0, 1.0, 1.0

# Registers a source and returns its id: (name, kind, lang, package, path, license hint).
Register = Callable[[str, str, str, str, Path, str], int]


@dataclass
class _Candidate:
    text: str
    pos: str | None
    score: float
    source: int
    mask: int
    support: int = 1


class TranslationPool:
    """All candidate translations of one target language, keyed by English lemma."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.by_lemma: dict[str, dict[str, _Candidate]] = {}
        # Source ids in registration order; a source's bit in the mask is its position here
        # (per language, so the 64-bit mask never runs out however many languages we add).
        self.sources: list[int] = []

    def bit(self, source: int) -> int:
        return 1 << self.sources.index(source)

    def add(self, lemma: str, text: str, pos: str | None, source: int, score: float) -> None:
        key = " ".join(lemma.lower().split())
        if not key or not text:
            return
        cands = self.by_lemma.setdefault(key, {})
        found = cands.get(text.lower())
        if found is None:
            if len(cands) < MAX_CANDIDATES:
                cands[text.lower()] = _Candidate(text, pos, score, source, self.bit(source))
            return
        found.mask |= self.bit(source)
        found.support += 1
        found.pos = found.pos or pos
        if score > found.score:
            found.score, found.source = score, source

    def rows(self, zipf: Callable[[str], float]) -> Iterable[tuple[object, ...]]:
        for lemma, cands in self.by_lemma.items():
            ranked = sorted(plausible(list(cands.values()), zipf), key=lambda c: -_rank_score(c, zipf))
            for rank, cand in enumerate(ranked[:MAX_STORED]):
                yield (self.lang, lemma, rank, cand.pos, cand.text, cand.source, cand.mask)


def plausible(cands: list[_Candidate], zipf: Callable[[str], float]) -> list[_Candidate]:
    """Drop one-word candidates the language's word list does not know and only one source
    gives, when the word has enough known ones. FreeDict eng-spa joins multi-word
    translations ("bank" -> "billetedebanco", "cuentabancaria"); such a string is never a
    word, and a rare real one is no loss beside "banco" and "orilla". Words with few known
    candidates keep everything (coverage), as do phrases (the list holds single words)."""
    known = sum(1 for c in cands if zipf(c.text) > 0)
    if known < MIN_KNOWN_CANDIDATES:
        return cands
    return [c for c in cands if zipf(c.text) > 0 or " " in c.text.strip() or c.mask & (c.mask - 1)]


def _rank_score(cand: _Candidate, zipf: Callable[[str], float]) -> float:
    # Agreement between independent sources counts more than repeats within one source.
    agreeing = bin(cand.mask).count("1") - 1
    # Ding lists inflected forms ("gelaufen" for "run") as entries without any POS tag.
    untagged = NO_POS_PENALTY if cand.pos is None else 0.0
    return cand.score + 0.75 * agreeing + 0.25 * min(cand.support - 1, 4) + zipf(cand.text) / 2 - untagged


def zipf_function(lang: str) -> Callable[[str], float]:
    """Zipf frequency of a target-language word from wordfreq's table (0 if unknown)."""
    try:
        import wordfreq

        table = wordfreq.get_frequency_dict(lang)
    except Exception:
        return lambda text: 0.0

    def zipf(text: str) -> float:
        freq = table.get(text.lower(), 0.0)
        return math.log10(freq * 1e9) if freq > 0 else 0.0

    return zipf


def add_direct(pool: TranslationPool, base: Path, source: int) -> int:
    """FreeDict English->X: index headwords are the English lemmas."""
    count = 0
    for key, entry in dictd_reader.iter_entries(base):
        lemma, pos = key, entry.pos
        if lemma.startswith("to ") and len(lemma) > 3:
            lemma, pos = lemma[3:], pos or "verb"
        for i, (text, tpos) in enumerate(entry.translations):
            pool.add(lemma, text, tpos or pos, source, DIRECT_WEIGHT + (FIRST_BONUS if i == 0 else 0.0))
        count += 1
    return count


def english_key(text: str, pos: str | None) -> tuple[str, str | None]:
    key = " ".join(text.lower().split())
    if key.startswith("to "):
        return key[3:], pos or "verb"
    return key, pos


def add_inverted(pool: TranslationPool, base: Path, source: int, vocab: set[str]) -> int:
    """FreeDict X->English read backwards: each English gloss that is a known lemma."""
    count = 0
    for _key, entry in dictd_reader.iter_entries(base):
        if len(entry.headword) > dictd_reader.MAX_TRANSLATION_CHARS:
            continue
        for i, (text, tpos) in enumerate(entry.translations):
            key, pos = english_key(text, tpos or entry.pos)
            if key in vocab and len(key.split()) <= MAX_INVERTED_WORDS:
                pool.add(key, entry.headword, pos, source, INVERTED_WEIGHT + (FIRST_BONUS if i == 0 else 0.0))
                count += 1
    return count


def add_trans(pool: TranslationPool, path: Path, source: int, vocab: set[str]) -> int:
    count = 0
    for english, german, pos in trans_reader.iter_pairs(path):
        key, pos = english_key(english, pos)
        if key in vocab:
            pool.add(key, german, pos, source, INVERTED_WEIGHT)
            count += 1
    return count


def add_apertium(pool: TranslationPool, pair: Path, target: str, source: int, vocab: set[str]) -> int:
    count = 0
    for lemma, text, pos in apertium_reader.iter_translations(vocab, pair, target):
        pool.add(lemma, text, pos, source, DIRECT_WEIGHT)
        count += 1
    return count


def build_language(
    conn: sqlite3.Connection, lang3: str, root: Path, vocab: set[str], register: Register
) -> list[int]:
    """Collect every installed source for one language into the file; returns source ids.

    The order of the returned ids is the bit order of ``translations.source_mask``.
    """
    lang = ISO3_TO_ISO1[lang3]
    pool = TranslationPool(lang)
    dictd, index = root / "dictd", ".index"
    direct, inverse = dictd / f"freedict-eng-{lang3}", dictd / f"freedict-{lang3}-eng"
    pair = apertium_reader.pair_dir(root / "apertium", lang3)
    trans = root / "trans" / f"{lang}-en"
    steps: list[tuple[bool, tuple[str, str, str, Path, str], Callable[[int], int]]] = [
        (
            direct.with_name(direct.name + index).exists(),
            (
                direct.name,
                "freedict",
                f"dict-freedict-eng-{lang3}",
                direct.with_name(direct.name + index),
                "freedict",
            ),
            lambda sid: add_direct(pool, direct, sid),
        ),
        (
            pair is not None and apertium_reader.available(),
            (
                f"apertium-eng-{lang3}",
                "apertium",
                f"apertium-eng-{lang3}",
                (pair or root) / f"eng-{lang3}.autobil.bin",
                "apertium",
            ),
            lambda sid: add_apertium(pool, pair or root, lang3, sid, vocab),
        ),
        (
            trans.exists(),
            (f"trans-{lang}-en", "trans", f"trans-{lang}-en", trans, "trans"),
            lambda sid: add_trans(pool, trans, sid, vocab),
        ),
        (
            inverse.with_name(inverse.name + index).exists(),
            (
                inverse.name,
                "freedict-inverted",
                f"dict-freedict-{lang3}-eng",
                inverse.with_name(inverse.name + index),
                "freedict",
            ),
            lambda sid: add_inverted(pool, inverse, sid, vocab),
        ),
    ]
    if pair is not None and not apertium_reader.available():
        log.info("Apertium pair eng-%s found but lt-proc (lttoolbox) is missing: skipped", lang3)
    for present, (name, kind, package, path, licence), run in steps:
        if present:
            sid = register(name, kind, lang, package, path, licence)
            pool.sources.append(sid)
            _set_entries(conn, sid, run(sid))
    if pool.sources:
        conn.executemany("INSERT INTO translations VALUES (?,?,?,?,?,?,?)", pool.rows(zipf_function(lang)))
    else:
        log.info("no bilingual source installed for %s: language skipped", lang3)
    return pool.sources


def _set_entries(conn: sqlite3.Connection, source: int, entries: int) -> None:
    conn.execute("UPDATE sources SET entries = ? WHERE id = ?", (entries, source))
