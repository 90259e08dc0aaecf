"""CEFR levels of words (A1..C2)."""

from vocabsphere.core.levels.word_level import (
    UPOS_TAGS,
    WordLevel,
    assess_word,
    level_of_score,
    word_level,
    word_level_score,
)

__all__ = [
    "UPOS_TAGS",
    "WordLevel",
    "assess_word",
    "level_of_score",
    "word_level",
    "word_level_score",
]
