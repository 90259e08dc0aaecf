"""Reader for the Ding German-English list shipped as Debian's ``trans-de-en``.

Each line is ``german parts :: english parts``; parts are separated by `` | `` and aligned
one to one, and each part lists synonyms separated by ``;``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .store_schema import normalize_pos

_TAG = re.compile(r"\{([^}]*)\}")
_DROP = re.compile(r"\[[^\]]*\]|\([^()]*\)|\{[^}]*\}|<[^>]*>")
_PLACEHOLDERS = frozenset(
    {"etw.", "jdn.", "jdm.", "jds.", "sb.", "sth.", "sb's", "sth's", "sb.'s", "sth.'s", "sb.’s"}
)
_GERMAN_POS = {
    "n": "noun",
    "f": "noun",
    "m": "noun",
    "pl": "noun",
    "vt": "verb",
    "vi": "verb",
    "vr": "verb",
    "v": "verb",
    "adj": "adjective",
    "adv": "adverb",
    "prp": "preposition",
    "conj": "conjunction",
    "pron": "pronoun",
    "num": "number",
    "interj": "interjection",
    "art": "determiner",
}
MAX_WORDS = 4


def _clean(text: str) -> str:
    text = _DROP.sub(" ", text)
    return " ".join(w for w in text.split() if w not in _PLACEHOLDERS).strip(" .,:;!?")


def _pos_of(german: str, english: str) -> str | None:
    for tag in _TAG.findall(german):
        pos = _GERMAN_POS.get(tag.strip().split(",")[0]) or normalize_pos(tag)
        if pos:
            return pos
    return "verb" if english.strip().startswith("to ") else None


def iter_pairs(path: Path) -> Iterator[tuple[str, str, str | None]]:
    """(English phrase, German phrase, POS) for every aligned synonym pair."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or " :: " not in line:
                continue
            german_side, english_side = line.rstrip("\n").split(" :: ", 1)
            for i, (german_part, english_part) in enumerate(
                zip(german_side.split(" | "), english_side.split(" | "), strict=False)
            ):
                # Later parts without a {tag} are inflected forms or phrases ("gelaufen").
                if i == 0 or _TAG.search(german_part):
                    yield from _part_pairs(german_part, english_part)


def _part_pairs(german_part: str, english_part: str) -> Iterator[tuple[str, str, str | None]]:
    # Tags like "{ran; run}" hold semicolons too: read the POS, then drop them before splitting.
    pos = _pos_of(german_part, english_part)
    germans = [_clean(g) for g in _DROP.sub(" ", german_part).split(";")]
    germans = [g for g in germans if g and len(g.split()) <= MAX_WORDS]
    for english in _DROP.sub(" ", english_part).split(";"):
        english_clean = _clean(english)
        if english_clean and len(english_clean.split()) <= MAX_WORDS:
            for german in germans:
                yield english_clean, german, pos or _pos_of("", english)
