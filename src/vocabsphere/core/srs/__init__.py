"""Spaced repetition core (FSRS-6 via the ``fsrs`` package): pure functions over frozen values.

Example::

    from datetime import UTC, datetime
    from vocabsphere.core.srs import CardState, review

    now = datetime(2026, 1, 5, 9, tzinfo=UTC)
    card, record = review(CardState.new(1, now), 3, now)   # 3 = Good
    print(card.due, record.rating)
"""

from vocabsphere.core.srs.answers import AnswerCheck, check_typed_answer, suggested_rating
from vocabsphere.core.srs.optimizer import MIN_REVIEWS, fit_parameters, optimizer_available
from vocabsphere.core.srs.queue import (
    CARD_KINDS,
    QueueCard,
    QueueItem,
    SavedWordFacts,
    build_queue,
    card_kinds_for,
    interleave_words,
)
from vocabsphere.core.srs.scheduling import (
    CardState,
    Rating,
    ReviewRecord,
    State,
    forgetting_curve,
    retrievability,
    review,
)

__all__ = [
    "CARD_KINDS",
    "MIN_REVIEWS",
    "AnswerCheck",
    "CardState",
    "QueueCard",
    "QueueItem",
    "Rating",
    "ReviewRecord",
    "SavedWordFacts",
    "State",
    "build_queue",
    "card_kinds_for",
    "check_typed_answer",
    "fit_parameters",
    "forgetting_curve",
    "interleave_words",
    "optimizer_available",
    "retrievability",
    "review",
    "suggested_rating",
]
