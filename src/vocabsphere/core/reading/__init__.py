"""Reading: the reader's tokens, word statuses and known-word coverage, reading pace (plain Python)."""

from vocabsphere.core.reading.pace import MAX_HEARTBEAT_SECONDS, words_per_minute
from vocabsphere.core.reading.statuses import (
    COMFORT_HIGH,
    COMFORT_LOW,
    STATUS_MEANINGS,
    Coverage,
    WordStatus,
    coverage,
    parse_status,
    pick_comfortable,
    presumed_known,
    reader_class,
    status_from_stability,
)
from vocabsphere.core.reading.tokens import (
    LemmaStats,
    ReaderSentence,
    ReaderText,
    ReaderToken,
    build_reader_text,
    fold_text,
    normalise_lemma,
)
from vocabsphere.core.reading.word_keys import key_parts, lookup_key, status_pos, word_key

__all__ = [
    "COMFORT_HIGH",
    "COMFORT_LOW",
    "MAX_HEARTBEAT_SECONDS",
    "STATUS_MEANINGS",
    "Coverage",
    "LemmaStats",
    "ReaderSentence",
    "ReaderText",
    "ReaderToken",
    "WordStatus",
    "build_reader_text",
    "coverage",
    "fold_text",
    "key_parts",
    "lookup_key",
    "normalise_lemma",
    "parse_status",
    "pick_comfortable",
    "presumed_known",
    "reader_class",
    "status_from_stability",
    "status_pos",
    "word_key",
    "words_per_minute",
]
