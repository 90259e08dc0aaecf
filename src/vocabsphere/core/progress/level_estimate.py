"""The learner's level re-estimated from how they use the product; a change is suggested, never made.

Evidence, each with a rule that holds up or holds down a move (precision first: no suggestion unless
there is enough reading and reviewing to judge, and the signals agree):
- words saved per 100 words read at their level (a learner at the right level saves a few; many saves
  mean the texts are hard, almost none with a good pace mean they are easy),
- reading pace (words per minute) over finished readings at their level,
- review accuracy on cards seen before (true retention) against the scheduler's target,
- words marked known in the band above their level.
"""

from __future__ import annotations

from dataclasses import dataclass

from vocabsphere.core.accounts import CEFR_LEVELS

MIN_WORDS_READ = 1500  # about six short stories: less says too little about pace and saves
MIN_REVIEWS = 30
EASY_SAVES_PER_100 = 1.0
HARD_SAVES_PER_100 = 6.0
EASY_WPM = 150.0  # comfortable reading pace for learners (adult L1 reading is ~240)
SLOW_WPM = 70.0
KNOWN_ABOVE_FOR_UP = 150  # words of the next band marked known


@dataclass(frozen=True)
class UsageEvidence:
    level: str  # the learner's level now
    words_read: int  # in finished readings at that level or above
    saves: int  # words saved while reading those
    minutes: float
    reviews: int  # reviews of cards seen before
    recalled: int
    target_retention: float
    known_in_next_band: int


@dataclass(frozen=True)
class LevelSuggestion:
    level: str
    suggested: str | None  # None: keep the level (or too little evidence)
    reasons: tuple[str, ...]  # what the suggestion rests on, in plain words
    enough_evidence: bool
    locked: bool = False  # a teacher holds the level: nothing is suggested (the first reason says so)


def _neighbour(level: str, step: int) -> str | None:
    index = CEFR_LEVELS.index(level) + step
    return CEFR_LEVELS[index] if 0 <= index < len(CEFR_LEVELS) else None


def suggest_level(e: UsageEvidence) -> LevelSuggestion:
    if e.words_read < MIN_WORDS_READ or e.reviews < MIN_REVIEWS:
        return LevelSuggestion(
            e.level,
            None,
            (
                f"Read at least {MIN_WORDS_READ:,} words and do {MIN_REVIEWS} reviews of words seen before "
                f"(so far {e.words_read:,} words and {e.reviews} reviews) for a suggestion.",
            ),
            enough_evidence=False,
        )
    saves = 100 * e.saves / e.words_read
    pace = e.words_read / e.minutes if e.minutes > 0 else 0.0
    retention = e.recalled / e.reviews
    facts = (
        f"{saves:.1f} words saved per 100 words read",
        f"{pace:.0f} words per minute",
        f"{retention:.0%} of reviews recalled (target {e.target_retention:.0%})",
        f"{e.known_in_next_band} words of the next level marked known",
    )
    up = _neighbour(e.level, 1)
    down = _neighbour(e.level, -1)
    easy = saves <= EASY_SAVES_PER_100 and pace >= EASY_WPM and retention >= e.target_retention - 0.02
    if up and easy and e.known_in_next_band >= KNOWN_ABOVE_FOR_UP:
        return LevelSuggestion(e.level, up, (f"Texts at {e.level} look easy for you:", *facts), True)
    hard = saves >= HARD_SAVES_PER_100 and (pace <= SLOW_WPM or retention < e.target_retention - 0.1)
    if down and hard:
        return LevelSuggestion(e.level, down, (f"Texts at {e.level} look hard for you:", *facts), True)
    return LevelSuggestion(e.level, None, (f"{e.level} fits what you do:", *facts), True)
