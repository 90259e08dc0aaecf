"""Rare real words outside the CEFR-J list, for the sanity check that they are not graded A1-A2.

Pool: wordfreq's top 200,000 English words that are lower-case ASCII letters, have Zipf 1.5-3.0,
are their own lemma in lemminflect's dictionary (which also drops most names and junk), and are
not a spelling in cefrj/train.csv. The pool is ordered by a seeded SHA-256 hash: the first 500 are
the reported sanity sample, the next 500 a disjoint sample used only to tune the rare-word rule.
"""

from __future__ import annotations

import hashlib

from lemminflect import getAllLemmas
from wordfreq import top_n_list, zipf_frequency

RARE_SEED = "vocabsphere-rare-words-v1"
SAMPLE_SIZE = 500
MIN_ZIPF, MAX_ZIPF = 1.5, 3.0
_OPEN_CLASSES = ("NOUN", "VERB", "ADJ", "ADV")


def known_spellings(rows: list[dict[str, str]]) -> set[str]:
    """Every spelling variant of train.csv, lower case, with hyphen/space/closed forms."""
    out: set[str] = set()
    for row in rows:
        for variant in row["headword"].split("/"):
            word = variant.strip().lower()
            out.update({word, word.replace("-", " "), word.replace(" ", "-"), word.replace("-", "")})
    return out


def _lemma_pos(word: str) -> str | None:
    """First open-class UPOS under which the word is its own lemma, else None."""
    lemmas = getAllLemmas(word)
    return next((u for u in _OPEN_CLASSES if word in lemmas.get(u, ())), None)


def rare_pool(
    rows: list[dict[str, str]], min_zipf: float = MIN_ZIPF, max_zipf: float = MAX_ZIPF
) -> list[tuple[str, str]]:
    """(word, UPOS) pairs of the pool, in seeded hash order."""
    known = known_spellings(rows)
    pool: list[tuple[str, str]] = []
    for word in top_n_list("en", 200_000):
        if not (word.isascii() and word.isalpha() and word.islower()) or word in known:
            continue
        if not min_zipf <= zipf_frequency(word, "en") < max_zipf:
            continue
        upos = _lemma_pos(word)
        if upos is not None:
            pool.append((word, upos))
    return sorted(pool, key=lambda wu: hashlib.sha256(f"{RARE_SEED}:{wu[0]}".encode()).hexdigest())


def samples(
    rows: list[dict[str, str]], min_zipf: float = MIN_ZIPF, max_zipf: float = MAX_ZIPF
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(sanity sample for reporting, disjoint tuning sample)."""
    pool = rare_pool(rows, min_zipf, max_zipf)
    return pool[:SAMPLE_SIZE], pool[SAMPLE_SIZE : 2 * SAMPLE_SIZE]
