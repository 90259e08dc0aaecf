"""The learner's level re-estimated from how they use the product; a change is suggested, never made.

Evidence, each with a rule that holds up or holds down a move (precision first: no suggestion unless
there is enough reading and reviewing to judge, and the signals agree):
- words looked up per 100 words read in the stories finished at their level (each word once per
  story): reading with ease needs about 98 % of the words known and reading at all about 95 %, so 5
  or more look-ups per 100 words mean the texts are hard and at most 1.5 that they may be easy,
- words saved per 100 words read at their level (a learner at the right level saves a few; many saves
  mean the texts are hard, almost none with a good pace mean they are easy),
- reading pace (words per minute) over finished readings at their level,
- review accuracy on cards seen before (true retention) against the scheduler's target,
- practice accuracy (exercise answers right), once there are enough answers to judge,
- words marked known in the band above their level.

A move up needs every "easy" signal; a move down needs a "hard" reading signal (look-ups or saves)
and a "struggling" one (slow pace, retention well under target, or most practice answers wrong).
Quiz scores are not used yet: assigned quizzes are on the teacher's level, not the learner's.
The thresholds are set from reading research and the scheduler's target, not fitted to learners.
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
EASY_LOOKUPS_PER_100 = 1.5
HARD_LOOKUPS_PER_100 = 5.0
MIN_ANSWERS = 20  # practice answers before their accuracy counts
EASY_ACCURACY = 0.8
HARD_ACCURACY = 0.5


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
    lookups: int = 0  # words looked up in those readings
    answers: int = 0  # practice answers
    answered_right: int = 0


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
    lookups = 100 * e.lookups / e.words_read
    judged = e.answers >= MIN_ANSWERS  # too few practice answers say nothing either way
    accuracy = e.answered_right / e.answers if e.answers else 0.0
    facts = (
        f"{lookups:.1f} words looked up per 100 words read",
        f"{saves:.1f} words saved per 100 words read",
        f"{pace:.0f} words per minute",
        f"{retention:.0%} of reviews recalled (target {e.target_retention:.0%})",
        *((f"{accuracy:.0%} of {e.answers} practice answers right",) if judged else ()),
        f"{e.known_in_next_band} words of the next level marked known",
    )
    up = _neighbour(e.level, 1)
    down = _neighbour(e.level, -1)
    easy = (
        saves <= EASY_SAVES_PER_100
        and lookups <= EASY_LOOKUPS_PER_100
        and pace >= EASY_WPM
        and retention >= e.target_retention - 0.02
        and (not judged or accuracy >= EASY_ACCURACY)
    )
    if up and easy and e.known_in_next_band >= KNOWN_ABOVE_FOR_UP:
        return LevelSuggestion(e.level, up, (f"Texts at {e.level} look easy for you:", *facts), True)
    hard_reading = saves >= HARD_SAVES_PER_100 or lookups >= HARD_LOOKUPS_PER_100
    struggling = (
        pace <= SLOW_WPM or retention < e.target_retention - 0.1 or (judged and accuracy < HARD_ACCURACY)
    )
    if down and hard_reading and struggling:
        return LevelSuggestion(e.level, down, (f"Texts at {e.level} look hard for you:", *facts), True)
    return LevelSuggestion(e.level, None, (f"{e.level} fits what you do:", *facts), True)
