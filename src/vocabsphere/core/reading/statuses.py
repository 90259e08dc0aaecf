"""Word statuses as learners know them from reading tools, and known-word coverage of a text.

A lemma the learner never marked is *presumed* known when it is clearly below their level (A1 words
always), so coverage means something from the first day; anything they mark overrides the guess.
Proper nouns are never counted as unknown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TypeVar

from vocabsphere.core.accounts import CEFR_LEVELS
from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.reading.tokens import LemmaStats
from vocabsphere.core.reading.word_keys import lookup_key

__all__ = [
    "COMFORT_HIGH",
    "COMFORT_LOW",
    "STATUS_MEANINGS",
    "Coverage",
    "WordStatus",
    "coverage",
    "parse_status",
    "pick_comfortable",
    "presumed_known",
    "reader_class",
    "status_from_stability",
]

# Known-word coverage at which unassisted reading is comfortable (Hu & Nation 2000; Laufer 2010).
COMFORT_LOW = 0.95
COMFORT_HIGH = 0.98

K = TypeVar("K")


class WordStatus(IntEnum):
    NEW = 0
    LEARNING_1 = 1
    LEARNING_2 = 2
    LEARNING_3 = 3
    LEARNING_4 = 4
    KNOWN = 5
    IGNORED = 6

    @property
    def label(self) -> str:
        if 1 <= self.value <= 4:
            return f"learning-{self.value}"
        return self.name.lower()


_BY_LABEL = {s.label: s for s in WordStatus}
# What each status means, in the learner's words (popover chips, vocabulary book).
STATUS_MEANINGS = {
    WordStatus.NEW: "new to me",
    WordStatus.LEARNING_1: "just met",
    WordStatus.LEARNING_2: "I recognise it",
    WordStatus.LEARNING_3: "familiar",
    WordStatus.LEARNING_4: "almost known",
    WordStatus.KNOWN: "I know it",
    WordStatus.IGNORED: "not a word to learn",
}


def parse_status(value: str | int) -> WordStatus:
    """A status from its label ("new", "learning-1".."learning-4", "known", "ignored") or number."""
    if isinstance(value, int) and not isinstance(value, bool) and value in {s.value for s in WordStatus}:
        return WordStatus(value)
    if isinstance(value, str) and value.strip().lower() in _BY_LABEL:
        return _BY_LABEL[value.strip().lower()]
    raise InvalidInput(
        "Status must be one of new, learning-1, learning-2, learning-3, learning-4, known, ignored.",
        field="status",
    )


def presumed_known(level: str | None, learner_level: str) -> bool:
    """An unmarked word below the learner's level (or at A1) is presumed known."""
    if level not in CEFR_LEVELS:
        return False
    rank = CEFR_LEVELS.index(learner_level) if learner_level in CEFR_LEVELS else 2
    return level == "A1" or CEFR_LEVELS.index(level) < rank


def reader_class(status: int | None, level: str | None, learner_level: str, is_name: bool) -> str:
    """The CSS status class of a word in the reader."""
    if status is None:
        if is_name:
            return "name"
        return "presumed" if presumed_known(level, learner_level) else "new"
    return WordStatus(status).label


def status_from_stability(stability_days: float) -> WordStatus:
    """The learning stage a review card's FSRS stability suggests (weeks of memory = almost known)."""
    if stability_days >= 90:
        return WordStatus.KNOWN
    if stability_days >= 21:
        return WordStatus.LEARNING_4
    if stability_days >= 7:
        return WordStatus.LEARNING_3
    if stability_days >= 2:
        return WordStatus.LEARNING_2
    return WordStatus.LEARNING_1


@dataclass(frozen=True, slots=True)
class Coverage:
    tokens: int  # running words counted (names included, as known)
    known_tokens: int
    learning_tokens: int
    new_lemmas: int  # distinct lemmas neither known, presumed, learning nor ignored

    @property
    def known_share(self) -> float:
        return self.known_tokens / self.tokens if self.tokens else 1.0

    @property
    def new_share(self) -> float:
        """Share of running words that are new to the learner (not known and not being learnt)."""
        if not self.tokens:
            return 0.0
        return (self.tokens - self.known_tokens - self.learning_tokens) / self.tokens


def coverage(profile: Mapping[str, LemmaStats], statuses: Mapping[str, int], learner_level: str) -> Coverage:
    """Known-word coverage of a text (by running words) for a learner's statuses and level; both are
    keyed by word key (``word_keys``)."""
    tokens = known = learning = new_lemmas = 0
    for key, stats in profile.items():
        tokens += stats.count
        status = lookup_key(statuses, key)
        if status is None:
            if stats.is_name or presumed_known(stats.level, learner_level):
                known += stats.count
            else:
                new_lemmas += 1
        elif status in (WordStatus.KNOWN, WordStatus.IGNORED):
            known += stats.count
        elif status == WordStatus.NEW:
            new_lemmas += 1
        else:
            learning += stats.count
    return Coverage(tokens, known, learning, new_lemmas)


def pick_comfortable(candidates: Sequence[tuple[K, Coverage]]) -> K | None:
    """The candidate whose known-word coverage is closest to the comfortable band (inside it: the one
    with the most new words to learn from). None if there are no candidates."""

    def distance(item: tuple[K, Coverage]) -> tuple[float, float]:
        share = item[1].known_share
        gap = COMFORT_LOW - share if share < COMFORT_LOW else max(0.0, share - COMFORT_HIGH)
        return (round(gap, 6), share)

    if not candidates:
        return None
    return min(candidates, key=distance)[0]
