"""CEFR levels (A1..C2) of words, grammar points and texts."""

from vocabsphere.core.levels.grammar import GRAMMAR_POINTS, GrammarMatch, GrammarPoint, detect_grammar
from vocabsphere.core.levels.readability import flesch_kincaid_grade, normalise_text
from vocabsphere.core.levels.text_features import TextFeatures
from vocabsphere.core.levels.text_level import (
    InvalidText,
    TextLevel,
    parse_texts,
    text_level,
    text_level_of_doc,
    text_levels,
)
from vocabsphere.core.levels.word_level import (
    UPOS_TAGS,
    WordLevel,
    assess_word,
    level_of_score,
    word_level,
    word_level_score,
)

__all__ = [
    "GRAMMAR_POINTS",
    "UPOS_TAGS",
    "GrammarMatch",
    "GrammarPoint",
    "InvalidText",
    "TextFeatures",
    "TextLevel",
    "WordLevel",
    "assess_word",
    "detect_grammar",
    "flesch_kincaid_grade",
    "level_of_score",
    "normalise_text",
    "parse_texts",
    "text_level",
    "text_level_of_doc",
    "text_levels",
    "word_level",
    "word_level_score",
]
