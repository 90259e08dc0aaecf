"""Result types of highlight selection (frozen, so they can be cached and shared)."""

from __future__ import annotations

from dataclasses import dataclass

from vocabsphere.core.levels.grammar import CEFR_LEVELS

__all__ = ["GrammarRef", "Highlight", "WordNote", "level_index", "normalise_level"]


@dataclass(frozen=True)
class GrammarRef:
    """A grammar point explained in a highlight, with the words that show it."""

    id: str
    name: str
    level: str
    text: str


@dataclass(frozen=True)
class WordNote:
    """A word slightly above the learner's level (i+1) and a short meaning ("" if unknown)."""

    word: str
    lemma: str
    level: str
    meaning: str


@dataclass(frozen=True)
class Highlight:
    """One sentence worth learning: where it is, what it teaches and why."""

    sentence: str
    sentence_index: int
    start_char: int
    end_char: int
    explanation: str
    points: tuple[GrammarRef, ...]
    words: tuple[WordNote, ...]
    expressions: tuple[str, ...]
    score: float


def normalise_level(level: str) -> str:
    """'b2' -> 'B2'; raises ValueError for anything that is not a CEFR level."""
    value = str(level).strip().upper()
    if value not in CEFR_LEVELS:
        raise ValueError(f"Unknown CEFR level {level!r}: use one of {', '.join(CEFR_LEVELS)}.")
    return value


def level_index(level: str) -> int:
    """A1 -> 0 ... C2 -> 5."""
    return CEFR_LEVELS.index(normalise_level(level))
