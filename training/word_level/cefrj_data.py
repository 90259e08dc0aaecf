"""Reading the CEFR-J / Octanove word list and carving the dev split (shared by train and bench)."""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

LEVEL_INDEX: dict[str, int] = {"A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6}

# CEFR-J POS names -> UPOS tags a tagger such as spaCy gives the same word.
POS_TO_UPOS: dict[str, tuple[str, ...]] = {
    "noun": ("NOUN",),
    "verb": ("VERB",),
    "vern": ("VERB",),
    "adjective": ("ADJ",),
    "adverb": ("ADV",),
    "preposition": ("ADP",),
    "pronoun": ("PRON",),
    "determiner": ("DET",),
    "conjunction": ("CCONJ", "SCONJ"),
    "number": ("NUM",),
    "modal auxiliary": ("AUX",),
    "be-verb": ("AUX", "VERB"),
    "do-verb": ("AUX", "VERB"),
    "have-verb": ("AUX", "VERB"),
    "interjection": ("INTJ",),
    "infinitive-to": ("PART",),
    "": ("NOUN",),  # the one row without a POS is a noun sense ("batter", one who bats)
}
DEV_SEED = "vocabsphere-word-level-dev-v1"
DEV_FRACTION = 0.15
WORD_LIST = Path("cefrj") / "train.csv"


@dataclass(frozen=True)
class Item:
    """One (headword, UPOS) pair with the lowest level over its senses."""

    headword: str
    variants: tuple[str, ...]
    upos: str
    level: int


def read_rows(data_dir: Path) -> list[dict[str, str]]:
    with (data_dir / WORD_LIST).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def variants_of(headword: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in headword.split("/") if v.strip())


def items_of(rows: list[dict[str, str]]) -> list[Item]:
    """Collapse senses: one item per (headword, UPOS) with its lowest level."""
    best: dict[tuple[str, str], int] = {}
    for row in rows:
        for upos in POS_TO_UPOS[row["pos"].strip()][:1]:  # primary tag only for evaluation
            key = (row["headword"], upos)
            level = LEVEL_INDEX[row["cefr"]]
            best[key] = min(level, best.get(key, level))
    return [Item(h, variants_of(h), u, lv) for (h, u), lv in sorted(best.items())]


def lexicon_triples(rows: list[dict[str, str]]) -> list[tuple[str, str, int]]:
    """(variant, UPOS, level) for every spelling variant and every UPOS a row maps to."""
    triples: list[tuple[str, str, int]] = []
    for row in rows:
        for variant in variants_of(row["headword"]):
            tags = POS_TO_UPOS[row["pos"].strip()]
            # Capitalised headwords (Monday, Internet, TV) are what a tagger calls PROPN.
            tags += ("PROPN",) if variant[:1].isupper() else ()
            for upos in tags:
                triples.append((variant.lower(), upos, LEVEL_INDEX[row["cefr"]]))
    return triples


def _hash(headword: str) -> str:
    return hashlib.sha256(f"{DEV_SEED}:{headword}".encode()).hexdigest()


def dev_headwords(rows: list[dict[str, str]]) -> set[str]:
    """~15 % of headwords (case-insensitive), stratified by their lowest level, by seeded hash."""
    lowest: dict[str, int] = {}
    for row in rows:
        key = row["headword"].lower()
        lowest[key] = min(LEVEL_INDEX[row["cefr"]], lowest.get(key, 9))
    by_level: defaultdict[int, list[str]] = defaultdict(list)
    for key, level in lowest.items():
        by_level[level].append(key)
    dev: set[str] = set()
    for keys in by_level.values():
        keys.sort(key=_hash)
        dev.update(keys[: round(len(keys) * DEV_FRACTION)])
    return dev


def split_rows(
    rows: list[dict[str, str]],
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    dev = dev_headwords(rows)
    train = [r for r in rows if r["headword"].lower() not in dev]
    return train, [r for r in rows if r["headword"].lower() in dev]
