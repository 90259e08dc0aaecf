"""FSRS-6 scheduling over plain, frozen values: a card state and a rating in, a new state and a log out.

Time is always passed in (an aware datetime, normalised to UTC); nothing here reads a clock, and fuzzing
is off, so the same inputs always give the same outputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from fsrs import Card, Rating, ReviewLog, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS

from vocabsphere.core.errors import InvalidInput

__all__ = [
    "MAX_DESIRED_RETENTION",
    "MIN_DESIRED_RETENTION",
    "CardState",
    "Rating",
    "ReviewRecord",
    "State",
    "forgetting_curve",
    "retrievability",
    "review",
]

# Exclusive bounds: below 0.7 forgetting becomes the norm, above 0.99 the workload explodes.
MIN_DESIRED_RETENTION = 0.7
MAX_DESIRED_RETENTION = 0.99
MAX_CURVE_DAYS = 3650


def as_utc(value: datetime, field: str) -> datetime:
    """``value`` in UTC; a naive datetime is refused because its meaning depends on the server's zone."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(f"{field} must be a timezone-aware datetime", field=field)
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class CardState:
    """What we store per card; ``state`` is an ``fsrs.State`` value (1 learning, 2 review, 3 relearning)."""

    card_id: int
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None

    def __post_init__(self) -> None:
        if self.state not in {s.value for s in State}:
            raise InvalidInput(f"unknown card state {self.state!r}", field="state")
        # Frozen, so normalise through object.__setattr__ once, at construction.
        object.__setattr__(self, "due", as_utc(self.due, "due"))
        if self.last_review is not None:
            object.__setattr__(self, "last_review", as_utc(self.last_review, "last_review"))

    @classmethod
    def new(cls, card_id: int, now: datetime) -> CardState:
        """A card never reviewed, due at ``now``."""
        return cls(card_id, State.Learning.value, 0, None, None, now, None)

    @property
    def is_new(self) -> bool:
        return self.last_review is None

    def to_fsrs(self) -> Card:
        return Card(
            card_id=self.card_id,
            state=State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    @classmethod
    def from_fsrs(cls, card: Card) -> CardState:
        return cls(
            card_id=card.card_id,
            state=int(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
        )


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One review as it happened; the optimizer learns parameters from a history of these."""

    card_id: int
    rating: int
    reviewed_at: datetime
    duration_ms: int | None = None

    def to_fsrs(self) -> ReviewLog:
        return ReviewLog(
            card_id=self.card_id,
            rating=Rating(self.rating),
            review_datetime=as_utc(self.reviewed_at, "reviewed_at"),
            review_duration=self.duration_ms,
        )

    @classmethod
    def from_fsrs(cls, log: ReviewLog) -> ReviewRecord:
        return cls(log.card_id, int(log.rating), log.review_datetime, log.review_duration)


def _rating(value: Rating | int) -> Rating:
    # bool is an int subclass; True must not silently mean "Again".
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
        raise InvalidInput("rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)", field="rating")
    return Rating(value)


def _check_retention(desired_retention: float) -> None:
    if not MIN_DESIRED_RETENTION < desired_retention < MAX_DESIRED_RETENTION:
        raise InvalidInput(
            f"desired retention must be between {MIN_DESIRED_RETENTION} and {MAX_DESIRED_RETENTION}",
            field="desired_retention",
        )


@lru_cache(maxsize=64)
def _cached_scheduler(params: tuple[float, ...] | None, desired_retention: float) -> Scheduler:
    # No fuzzing: a random spread of due dates would make reviews non-reproducible.
    return Scheduler(
        parameters=DEFAULT_PARAMETERS if params is None else params,
        desired_retention=desired_retention,
        enable_fuzzing=False,
    )


def scheduler_for(params: Sequence[float] | None, desired_retention: float = 0.9) -> Scheduler:
    """A shared, fuzz-free scheduler; bad parameters become ``InvalidInput``. Do not mutate it."""
    _check_retention(desired_retention)
    key = None if params is None else tuple(float(p) for p in params)
    try:
        return _cached_scheduler(key, desired_retention)
    except ValueError as exc:
        raise InvalidInput(f"invalid FSRS parameters: {exc}", field="params") from exc


def review(
    card: CardState,
    rating: Rating | int,
    now: datetime,
    *,
    params: Sequence[float] | None = None,
    desired_retention: float = 0.9,
    duration_ms: int | None = None,
) -> tuple[CardState, ReviewRecord]:
    """Review ``card`` at ``now``; returns the new state and the record to store. ``card`` is untouched."""
    grade = _rating(rating)
    at = as_utc(now, "now")
    if card.last_review is not None and at < card.last_review:
        raise InvalidInput("a review cannot happen before the previous one", field="now")
    if duration_ms is not None and duration_ms < 0:
        raise InvalidInput("duration must not be negative", field="duration_ms")
    scheduler = scheduler_for(params, desired_retention)
    new_card, log = scheduler.review_card(card.to_fsrs(), grade, at, duration_ms)
    return CardState.from_fsrs(new_card), ReviewRecord.from_fsrs(log)


def retrievability(card: CardState, now: datetime, *, params: Sequence[float] | None = None) -> float:
    """Predicted probability of recalling ``card`` at ``now`` (0.0 for a card never reviewed)."""
    at = as_utc(now, "now")
    return float(scheduler_for(params).get_card_retrievability(card.to_fsrs(), at))


def forgetting_curve(
    card: CardState,
    start: datetime,
    days: int = 30,
    *,
    params: Sequence[float] | None = None,
) -> list[tuple[datetime, float]]:
    """Predicted recall at ``start`` and each of the next ``days`` days (``days + 1`` points), for a chart."""
    if isinstance(days, bool) or not 1 <= days <= MAX_CURVE_DAYS:
        raise InvalidInput(f"days must be between 1 and {MAX_CURVE_DAYS}", field="days")
    origin = as_utc(start, "start")
    scheduler = scheduler_for(params)
    fsrs_card = card.to_fsrs()
    points = []
    for offset in range(days + 1):
        at = origin + timedelta(days=offset)
        points.append((at, float(scheduler.get_card_retrievability(fsrs_card, at))))
    return points
