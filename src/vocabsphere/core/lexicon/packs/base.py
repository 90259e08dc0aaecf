"""What every pack reader yields, and small helpers shared by the readers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from vocabsphere.core.errors import InvalidInput

from .iso639 import to_iso1

MAX_TRANSLATION_CHARS = 60  # longer "translations" are explanations, not words
# "en-ko", "eng-kor", "freedict-eng-kor", "stardict_en_ko" in a file or book name.
_PAIR = re.compile(r"(?:^|[^a-z])([a-z]{2,3})[-_]([a-z]{2,3})(?:[^a-z]|$)")


@dataclass(frozen=True)
class PackEntry:
    english: str
    lang: str  # ISO 639-1
    text: str
    pos: str | None = None  # our POS vocabulary (noun, verb, ...), None if unknown


def clean(text: str) -> str | None:
    out = " ".join(text.split()).strip(" ,;.")
    return out if out and len(out) <= MAX_TRANSLATION_CHARS else None


def language_pair(name: str) -> tuple[str, str] | None:
    """(source, target) ISO 639-1 codes named in a file or book name, English on one side."""
    for match in _PAIR.finditer(name.lower()):
        a, b = to_iso1(match.group(1)), to_iso1(match.group(2))
        if a and b and "en" in (a, b) and a != b:
            return a, b
    return None


def target_language(path: Path, lang: str | None, *names: str) -> tuple[str, bool]:
    """(target language, inverted) from the argument or the names; inverted = X -> English."""
    for name in (path.name, *names):
        pair = language_pair(name)
        if pair and (lang is None or lang in pair):
            return (pair[1], False) if pair[0] == "en" else (pair[0], True)
    if lang:
        return lang, False
    raise InvalidInput(f"Cannot tell the language of {path.name}: give the language code.", field="lang")
