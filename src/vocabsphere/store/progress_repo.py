"""Counts behind a learner's progress page: words by status, reviews, due cards, readings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from vocabsphere.store.tables import ReadingSession, ReviewLogEntry, SavedWord, Story, WordStatus


class ProgressRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def saved_words(self, user_id: int) -> int:
        return self._session.scalar(select(func.count()).where(SavedWord.user_id == user_id)) or 0

    def status_counts(self, user_id: int) -> dict[int, int]:
        query = (
            select(WordStatus.status, func.count())
            .where(WordStatus.user_id == user_id)
            .group_by(WordStatus.status)
        )
        return {status: count for status, count in self._session.execute(query)}

    def reviews_since(self, user_id: int, since: datetime) -> int:
        query = select(func.count()).where(
            ReviewLogEntry.user_id == user_id, ReviewLogEntry.reviewed_at >= since
        )
        return self._session.scalar(query) or 0

    def review_days(self, user_id: int, since: datetime) -> set[date]:
        """Days (UTC) with a review since ``since``, for the streak: one row per day, not per review
        (a busy year holds hundreds of thousands). PostgreSQL's timestamptz is moved to UTC first;
        SQLite already stores UTC text, and its ``date()`` returns text."""
        moment: ColumnElement[datetime] = ReviewLogEntry.reviewed_at.expression
        if self._session.get_bind().dialect.name == "postgresql":
            moment = func.timezone("UTC", moment)
        day = func.date(moment)
        query = (
            select(day)
            .where(ReviewLogEntry.user_id == user_id, ReviewLogEntry.reviewed_at >= since)
            .group_by(day)
        )
        days: list[object] = list(self._session.scalars(query))
        return {v if isinstance(v, date) else date.fromisoformat(str(v)) for v in days}

    def readings(self, user_id: int, *, limit: int) -> list[tuple[ReadingSession, str]]:
        query = (
            select(ReadingSession, Story.title)
            .join(Story, Story.id == ReadingSession.story_id)
            .where(
                ReadingSession.user_id == user_id,
                (ReadingSession.active_seconds > 0) | ReadingSession.finished_at.is_not(None),
            )
            .order_by(ReadingSession.last_seen_at.desc(), ReadingSession.id.desc())
            .limit(limit)
        )
        return [(row, title) for row, title in self._session.execute(query)]

    def finished(self, user_id: int) -> tuple[int, int]:
        """Distinct stories finished and the words read in finished sessions."""
        query = select(
            func.count(func.distinct(ReadingSession.story_id)),
            func.coalesce(func.sum(ReadingSession.word_count), 0),
        ).where(ReadingSession.user_id == user_id, ReadingSession.finished_at.is_not(None))
        stories, words = self._session.execute(query).one()
        return int(stories), int(words)
