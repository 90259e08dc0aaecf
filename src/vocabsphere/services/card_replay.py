"""A card recomputed from its review log in review-time order (offline sync, undo of a rating that
later reviews followed): the card's state is then a function of its log, not of the order ratings
arrived in."""

from __future__ import annotations

import json
from collections.abc import Sequence

from vocabsphere.core.srs import CardState
from vocabsphere.core.srs.offline import LoggedReview, replay_reviews
from vocabsphere.store.tables import ReviewCard, ReviewLogEntry

__all__ = ["recompute_card", "state_record"]


def state_record(state: CardState, reps: int) -> dict[str, object]:
    """A card state as the review log keeps it (what undo puts back)."""
    return {
        "state": state.state,
        "step": state.step,
        "stability": state.stability,
        "difficulty": state.difficulty,
        "due": state.due.isoformat(),
        "last_review": state.last_review.isoformat() if state.last_review else None,
        "reps": reps,
    }


def recompute_card(
    card: ReviewCard,
    logs: Sequence[ReviewLogEntry],
    *,
    params: tuple[float, ...] | None,
    desired_retention: float,
) -> None:
    """Replay ``logs`` (all of the card's reviews) with the scheduler a live rating uses; each log keeps
    the state before it and whether it was the card's first review (the daily new-card count). Only what
    changed is written. Without logs the card is new again."""
    by_request = {log.request_id: log for log in logs}
    steps = replay_reviews(
        card.id,
        [LoggedReview(x.rating, x.reviewed_at, x.request_id, x.duration_ms) for x in logs],
        params=params,
        desired_retention=desired_retention,
    )
    for position, step in enumerate(steps):
        log = by_request[step.review.tiebreak]
        earlier = json.loads(log.before_json or "{}")
        record = json.dumps(state_record(step.before, position) | {"word_status": earlier.get("word_status")})
        if log.before_json != record:
            log.before_json = record
        if log.was_new != (position == 0):
            log.was_new = position == 0
    final = steps[-1].after if steps else CardState.new(card.id, card.due)
    card.state, card.step, card.stability, card.difficulty = (
        final.state,
        final.step,
        final.stability,
        final.difficulty,
    )
    card.due, card.last_review, card.reps = final.due, final.last_review, len(steps)
