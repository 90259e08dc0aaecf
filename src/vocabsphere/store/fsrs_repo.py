"""What fitting personal FSRS parameters reads and writes: a learner's review log and stored parameters."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from vocabsphere.store.tables import ReviewLogEntry, User


class ReviewRow(NamedTuple):
    card_id: int
    rating: int
    reviewed_at: datetime
    duration_ms: int | None


class FsrsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def learner_exists(self, user_id: int) -> bool:
        return self._session.scalar(select(User.id).where(User.id == user_id)) is not None

    def review_records(self, user_id: int, *, until: datetime | None = None) -> list[ReviewRow]:
        """The learner's reviews (up to ``until`` when given), card by card in the order they happened."""
        query = select(
            ReviewLogEntry.card_id,
            ReviewLogEntry.rating,
            ReviewLogEntry.reviewed_at,
            ReviewLogEntry.duration_ms,
        ).where(ReviewLogEntry.user_id == user_id)
        if until is not None:
            query = query.where(ReviewLogEntry.reviewed_at <= until)
        query = query.order_by(ReviewLogEntry.card_id, ReviewLogEntry.reviewed_at, ReviewLogEntry.id)
        return [ReviewRow(*row) for row in self._session.execute(query)]

    def parameters_json(self, user_id: int) -> str | None:
        return self._session.scalar(select(User.fsrs_params_json).where(User.id == user_id))

    def store_parameters_json(self, user_id: int, value: str | None) -> bool:
        """Replace the learner's stored parameters; False when there is no such learner."""
        result = self._session.execute(update(User).where(User.id == user_id).values(fsrs_params_json=value))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def learners_to_fit(self, *, min_reviews: int, active_since: datetime) -> list[int]:
        """Active learners with at least ``min_reviews`` reviews who have no parameters yet or reviewed
        since ``active_since`` (a learner who has not reviewed since the last fit would get the same fit)."""
        counts = (
            select(
                ReviewLogEntry.user_id.label("user_id"),
                func.count(ReviewLogEntry.id).label("reviews"),
                func.max(ReviewLogEntry.reviewed_at).label("last_review"),
            )
            .group_by(ReviewLogEntry.user_id)
            .subquery()
        )
        query = (
            select(User.id)
            .join(counts, counts.c.user_id == User.id)
            .where(
                User.is_active.is_(True),
                counts.c.reviews >= min_reviews,
                (User.fsrs_params_json.is_(None)) | (counts.c.last_review >= active_since),
            )
            .order_by(User.id)
        )
        return list(self._session.scalars(query))
