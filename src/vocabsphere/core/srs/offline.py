"""Reviews made on a device without a connection: the checks each one passes before it is applied, and
the replay of a card's whole log in review-time order (so the order in which devices sync does not
change where the card ends up).

Time is passed in; nothing here reads a clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from vocabsphere.core.srs.scheduling import CardState, review

__all__ = [
    "CLOCK_SKEW",
    "MAX_DURATION_MS",
    "MAX_ID_LENGTH",
    "LoggedReview",
    "OfflineAnswer",
    "OfflineReview",
    "ReplayStep",
    "offline_answer_problem",
    "offline_review_problem",
    "replay_reviews",
]

# A device's clock may run a little ahead of the server's; further ahead is a time that has not come.
CLOCK_SKEW = timedelta(minutes=5)
MAX_DURATION_MS = 3_600_000
MAX_ID_LENGTH = 64
_MAX_SEQ = 2**53  # what a JavaScript number holds exactly


@dataclass(frozen=True, slots=True)
class OfflineReview:
    """One row of a device's outbox: ``client_id`` is the rating's request id (applied once per card)."""

    client_id: str
    device_id: str
    seq: int
    card_id: int
    rating: int
    reviewed_at: datetime
    duration_ms: int | None = None


def _bad_id(value: str) -> bool:
    return not 0 < len(value) <= MAX_ID_LENGTH or not value.isprintable()


@dataclass(frozen=True, slots=True)
class OfflineAnswer:
    """One practice answer from a device's outbox: ``client_id`` is the answer's request id."""

    client_id: str
    device_id: str
    seq: int
    item_id: int
    answer: str
    answered_at: datetime


def _outbox_problem(client_id: str, device_id: str, seq: int) -> str | None:
    """What every outbox row needs: its own id, its device's id and the device's running number."""
    if _bad_id(client_id):
        return f"client_id must have 1 to {MAX_ID_LENGTH} printable characters."
    if _bad_id(device_id):
        return f"device_id must have 1 to {MAX_ID_LENGTH} printable characters."
    if isinstance(seq, bool) or not 0 <= seq < _MAX_SEQ:
        return "seq must be a whole number from 0."
    return None


def _time_problem(field: str, at: datetime, now: datetime) -> str | None:
    if at.tzinfo is None or at.utcoffset() is None:
        return f"{field} needs a time zone (for example 2026-12-06T09:15:00Z)."
    if at > now + CLOCK_SKEW:
        return f"{field} is in the future: check the device's clock."
    return None


def offline_answer_problem(row: OfflineAnswer, now: datetime) -> str | None:
    """Why the answer cannot be applied as it stands (None when it can); the item's owner and the
    answer's grading are checked where the item is read."""
    return _outbox_problem(row.client_id, row.device_id, row.seq) or _time_problem(
        "answered_at", row.answered_at, now
    )


def offline_review_problem(row: OfflineReview, now: datetime) -> str | None:
    """Why the row cannot be applied as it stands (None when it can); ownership is checked by the caller."""
    problem = _outbox_problem(row.client_id, row.device_id, row.seq)
    if problem is not None:
        return problem
    # bool is an int subclass: True must not pass for "Again".
    if isinstance(row.rating, bool) or row.rating not in (1, 2, 3, 4):
        return "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."
    problem = _time_problem("reviewed_at", row.reviewed_at, now)
    if problem is not None:
        return problem
    if row.duration_ms is not None and not 0 <= row.duration_ms <= MAX_DURATION_MS:
        return f"duration_ms must be between 0 and {MAX_DURATION_MS}."
    return None


@dataclass(frozen=True, slots=True)
class LoggedReview:
    """A stored review of one card; ``tiebreak`` orders reviews made at the same instant the same way
    on every server and in every sync order (the client's request id)."""

    rating: int
    reviewed_at: datetime
    tiebreak: str
    duration_ms: int | None = None


@dataclass(frozen=True, slots=True)
class ReplayStep:
    review: LoggedReview
    before: CardState
    after: CardState


def replay_reviews(
    card_id: int,
    reviews: Sequence[LoggedReview],
    *,
    params: Sequence[float] | None = None,
    desired_retention: float = 0.9,
) -> list[ReplayStep]:
    """The card's states through its whole log, from a new card, in review-time order (the same
    scheduler as a live rating): the last step's ``after`` is where the card stands."""
    ordered = sorted(reviews, key=lambda r: (r.reviewed_at, r.tiebreak))
    if not ordered:
        return []
    state = CardState.new(card_id, ordered[0].reviewed_at)
    steps = []
    for item in ordered:
        after, _ = review(
            state,
            item.rating,
            item.reviewed_at,
            params=params,
            desired_retention=desired_retention,
            duration_ms=item.duration_ms,
        )
        steps.append(ReplayStep(item, state, after))
        state = after
    return steps
