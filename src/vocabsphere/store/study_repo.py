"""Saved words, review cards and the review log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from vocabsphere.store.tables import ReviewCard, ReviewLogEntry, SavedWord


class StudyRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def find_word(self, user_id: int, lemma: str, pos: str) -> SavedWord | None:
        query = select(SavedWord).where(
            SavedWord.user_id == user_id, SavedWord.lemma == lemma, SavedWord.pos == pos
        )
        return self._session.scalar(query)

    def add(self, row: SavedWord | ReviewCard | ReviewLogEntry) -> None:
        self._session.add(row)
        self._session.flush()

    def words(self, user_id: int, *, limit: int, offset: int) -> list[SavedWord]:
        query = (
            select(SavedWord)
            .where(SavedWord.user_id == user_id)
            .order_by(SavedWord.created_at.desc(), SavedWord.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return list(self._session.scalars(query))

    def card(self, card_id: int) -> ReviewCard | None:
        return self._session.get(ReviewCard, card_id)

    def due_cards(self, user_id: int, now: datetime, *, limit: int) -> list[tuple[ReviewCard, SavedWord]]:
        """Uses the (user_id, due) index: the daily queue stays fast with tens of thousands of cards."""
        query = (
            select(ReviewCard, SavedWord)
            .join(SavedWord, SavedWord.id == ReviewCard.saved_word_id)
            .where(ReviewCard.user_id == user_id, ReviewCard.due <= now)
            .order_by(ReviewCard.due, ReviewCard.id)
            .limit(limit)
        )
        return [(card, word) for card, word in self._session.execute(query)]

    def log_by_request(self, user_id: int, request_id: str) -> ReviewLogEntry | None:
        query = select(ReviewLogEntry).where(
            ReviewLogEntry.user_id == user_id, ReviewLogEntry.request_id == request_id
        )
        return self._session.scalar(query)

    def last_log(self, user_id: int) -> ReviewLogEntry | None:
        query = (
            select(ReviewLogEntry)
            .where(ReviewLogEntry.user_id == user_id)
            .order_by(ReviewLogEntry.id.desc())
            .limit(1)
        )
        return self._session.scalar(query)

    def logs_for_card(self, card_id: int) -> list[ReviewLogEntry]:
        query = select(ReviewLogEntry).where(ReviewLogEntry.card_id == card_id).order_by(ReviewLogEntry.id)
        return list(self._session.scalars(query))

    def delete_log(self, log_id: int) -> None:
        self._session.execute(delete(ReviewLogEntry).where(ReviewLogEntry.id == log_id))
