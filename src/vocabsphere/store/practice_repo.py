"""Exercise items made from saved words, and the answers given to them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from vocabsphere.store.tables import (
    ExerciseAnswer,
    ExerciseItemRow,
    ExerciseWord,
    ReadingSession,
    SavedWord,
)

MAX_INTEGER = 2**31 - 1  # the ids' column type (INTEGER) on PostgreSQL


class PracticeRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, row: ExerciseItemRow | ExerciseWord | ExerciseAnswer) -> None:
        self._session.add(row)
        self._session.flush()

    def made(self, word_ids: list[int]) -> dict[int, ExerciseWord]:
        """Words whose items were made (any generator version), by saved word id."""
        if not word_ids:
            return {}
        rows = self._session.scalars(select(ExerciseWord).where(ExerciseWord.saved_word_id.in_(word_ids)))
        return {row.saved_word_id: row for row in rows}

    def item_keys(self, word_id: int) -> set[str]:
        query = select(ExerciseItemRow.item_key).where(ExerciseItemRow.saved_word_id == word_id)
        return set(self._session.scalars(query))

    def items_of_words(self, user_id: int, word_ids: list[int]) -> list[ExerciseItemRow]:
        if not word_ids:
            return []
        query = (
            select(ExerciseItemRow)
            .where(ExerciseItemRow.user_id == user_id, ExerciseItemRow.saved_word_id.in_(word_ids))
            .order_by(ExerciseItemRow.id)
        )
        return list(self._session.scalars(query))

    def grammar_points(self, user_id: int) -> list[str]:
        """The grammar point ids the learner's stored items practise."""
        query = (
            select(ExerciseItemRow.grammar_point)
            .where(ExerciseItemRow.user_id == user_id, ExerciseItemRow.grammar_point.is_not(None))
            .distinct()
        )
        return sorted(p for p in self._session.scalars(query) if p)

    def item(self, item_id: int) -> ExerciseItemRow | None:
        if not 0 < item_id <= MAX_INTEGER:
            return None  # no such row; PostgreSQL would refuse to compare the number with its ids
        return self._session.get(ExerciseItemRow, item_id)

    def answer_by_request(self, user_id: int, request_id: str) -> ExerciseAnswer | None:
        query = select(ExerciseAnswer).where(
            ExerciseAnswer.user_id == user_id, ExerciseAnswer.request_id == request_id
        )
        return self._session.scalar(query)

    def answered_since(self, user_id: int, since: datetime) -> dict[int, bool]:
        """Items answered since ``since``: item id -> answered right at least once."""
        query = select(ExerciseAnswer.item_id, ExerciseAnswer.correct).where(
            ExerciseAnswer.user_id == user_id, ExerciseAnswer.answered_at >= since
        )
        found: dict[int, bool] = {}
        for item_id, correct in self._session.execute(query):
            found[item_id] = found.get(item_id, False) or bool(correct)
        return found

    def history(
        self, user_id: int, *, limit: int, offset: int
    ) -> list[tuple[ExerciseAnswer, ExerciseItemRow]]:
        query = (
            select(ExerciseAnswer, ExerciseItemRow)
            .join(ExerciseItemRow, ExerciseItemRow.id == ExerciseAnswer.item_id)
            .where(ExerciseAnswer.user_id == user_id)
            .order_by(ExerciseAnswer.answered_at.desc(), ExerciseAnswer.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return [(answer, item) for answer, item in self._session.execute(query)]

    def recent_words(self, user_id: int, *, limit: int) -> list[SavedWord]:
        query = (
            select(SavedWord)
            .where(SavedWord.user_id == user_id)
            .order_by(SavedWord.created_at.desc(), SavedWord.id.desc())
            .limit(limit)
        )
        return list(self._session.scalars(query))

    def read_story_ids(self, user_id: int, *, limit: int) -> list[int]:
        """Stories the learner opened, most recent first."""
        query = (
            select(ReadingSession.story_id)
            .where(ReadingSession.user_id == user_id)
            .order_by(ReadingSession.last_seen_at.desc())
            .limit(limit * 4)
        )
        return list(dict.fromkeys(self._session.scalars(query)))[:limit]

    def answered_before(self, item_id: int) -> bool:
        query = select(ExerciseAnswer.id).where(ExerciseAnswer.item_id == item_id).limit(1)
        return self._session.scalar(query) is not None
