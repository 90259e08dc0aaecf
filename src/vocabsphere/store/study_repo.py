"""Saved words, review cards and the review log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session

from vocabsphere.store.reading_repo import status_pos_of
from vocabsphere.store.tables import (
    ReviewCard,
    ReviewLogEntry,
    SavedWord,
    UndoRequest,
    WordEncounter,
    WordStatus,
)


def _status_join() -> ColumnElement[bool]:
    """A saved word's status row: same learner, lemma and part of speech (see word_keys)."""
    return (
        (WordStatus.user_id == SavedWord.user_id)
        & (WordStatus.lemma == SavedWord.lemma)
        & (WordStatus.pos == status_pos_of(SavedWord.pos))
    )


def _like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (wildcards in user input are escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class WordFilter:
    """Vocabulary-book filters; None means any."""

    query: str = ""
    statuses: tuple[int, ...] | None = None
    level: str | None = None
    story_id: int | None = None
    saved_from: datetime | None = None
    saved_until: datetime | None = None


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

    def word(self, word_id: int) -> SavedWord | None:
        return self._session.get(SavedWord, word_id)

    def filtered_words(
        self, user_id: int, where: WordFilter, *, limit: int, offset: int
    ) -> list[tuple[SavedWord, int | None]]:
        """Saved words with the learner's status of each lemma (None: never marked), newest first."""
        status_join = _status_join()
        query = (
            select(SavedWord, WordStatus.status)
            .outerjoin(WordStatus, status_join)
            .where(SavedWord.user_id == user_id)
        )
        if where.query:
            pattern = _like_pattern(where.query)
            query = query.where(
                or_(
                    SavedWord.lemma.ilike(pattern, escape="\\"),
                    SavedWord.word.ilike(pattern, escape="\\"),
                    SavedWord.translation.ilike(pattern, escape="\\"),
                )
            )
        if where.statuses is not None:
            wanted = WordStatus.status.in_(where.statuses)
            # A saved word never marked counts as "learning 1" (saving a word starts learning it).
            query = query.where(or_(wanted, WordStatus.status.is_(None)) if 1 in where.statuses else wanted)
        if where.level is not None:
            query = query.where(SavedWord.cefr_level == where.level)
        if where.story_id is not None:
            query = query.where(SavedWord.story_id == where.story_id)
        if where.saved_from is not None:
            query = query.where(SavedWord.created_at >= where.saved_from)
        if where.saved_until is not None:
            query = query.where(SavedWord.created_at < where.saved_until)
        query = query.order_by(SavedWord.created_at.desc(), SavedWord.id.desc()).limit(limit).offset(offset)
        return [(word, status) for word, status in self._session.execute(query)]

    def cards_of_word(self, word_id: int) -> list[ReviewCard]:
        query = select(ReviewCard).where(ReviewCard.saved_word_id == word_id).order_by(ReviewCard.id)
        return list(self._session.scalars(query))

    def card_of_kind(self, word_id: int, kind: str) -> ReviewCard | None:
        query = select(ReviewCard).where(ReviewCard.saved_word_id == word_id, ReviewCard.kind == kind)
        return self._session.scalar(query)

    def logs_for_word(self, word_id: int) -> list[tuple[ReviewLogEntry, str]]:
        query = (
            select(ReviewLogEntry, ReviewCard.kind)
            .join(ReviewCard, ReviewCard.id == ReviewLogEntry.card_id)
            .where(ReviewCard.saved_word_id == word_id)
            .order_by(ReviewLogEntry.reviewed_at, ReviewLogEntry.id)
        )
        return [(log, kind) for log, kind in self._session.execute(query)]

    def latest_encounters(self, word_ids: list[int]) -> dict[int, WordEncounter]:
        if not word_ids:
            return {}
        query = (
            select(WordEncounter)
            .where(WordEncounter.saved_word_id.in_(word_ids))
            .order_by(WordEncounter.seen_at, WordEncounter.id)
        )
        return {row.saved_word_id: row for row in self._session.scalars(query)}

    def reviewed_since(self, user_id: int, since: datetime) -> tuple[int, int, list[int]]:
        """Reviews of learnt cards and first reviews of new cards since ``since``, and the cards touched
        (one index range on the learner's log)."""
        query = select(ReviewLogEntry.was_new, ReviewLogEntry.card_id).where(
            ReviewLogEntry.user_id == user_id, ReviewLogEntry.reviewed_at >= since
        )
        reviews = new = 0
        card_ids: list[int] = []
        for was_new, card_id in self._session.execute(query):
            new += 1 if was_new else 0
            reviews += 0 if was_new else 1
            card_ids.append(card_id)
        return reviews, new, card_ids

    def words_of_cards(self, card_ids: list[int]) -> set[int]:
        """Saved-word ids of the given cards: primary-key look-ups (a join would make PostgreSQL hash all
        of the learner's cards)."""
        words: set[int] = set()
        ordered = sorted(set(card_ids))
        for start in range(0, len(ordered), 900):
            chunk = ordered[start : start + 900]
            words.update(
                self._session.scalars(select(ReviewCard.saved_word_id).where(ReviewCard.id.in_(chunk)))
            )
        return words

    def due_reviews(
        self, user_id: int, now: datetime, *, limit: int
    ) -> list[tuple[ReviewCard, SavedWord, int | None]]:
        """Cards already learnt and due now, most overdue first, each with its word and the learner's
        status of the word (the (user_id, due) index serves it)."""
        status_join = _status_join()
        query = (
            select(ReviewCard, SavedWord, WordStatus.status)
            .join(SavedWord, SavedWord.id == ReviewCard.saved_word_id)
            .outerjoin(WordStatus, status_join)
            .where(ReviewCard.user_id == user_id, ReviewCard.due <= now, ReviewCard.reps > 0)
            .order_by(ReviewCard.due, ReviewCard.id)
            .limit(limit)
        )
        return [(card, word, status) for card, word, status in self._session.execute(query)]

    def count_due_reviews(self, user_id: int, now: datetime, *, cap: int) -> int:
        """Cards learnt and due now, counted up to `cap` (the queue never shows more)."""
        due = (
            select(ReviewCard.id)
            .where(ReviewCard.user_id == user_id, ReviewCard.due <= now, ReviewCard.reps > 0)
            .limit(cap)
            .subquery()
        )
        return self._session.scalar(select(func.count()).select_from(due)) or 0

    def count_new_words(self, user_id: int, now: datetime, *, reviewed_cards: list[int], cap: int) -> int:
        """Words with a card never reviewed, up to `cap`, leaving out words with a card due for review
        or reviewed today (the queue shows one card per word a day)."""
        fresh = select(ReviewCard.saved_word_id).where(
            ReviewCard.user_id == user_id, ReviewCard.reps == 0, ReviewCard.due <= now
        )
        # The usual case for a steady learner: no new card at all (asked on the (user, reps) index;
        # with the due time in the question SQLite would walk the due index instead).
        never_reviewed = select(ReviewCard.id).where(ReviewCard.user_id == user_id, ReviewCard.reps == 0)
        if self._session.scalar(select(never_reviewed.limit(1).exists())) is not True:
            return 0
        busy = select(ReviewCard.saved_word_id).where(
            ReviewCard.user_id == user_id, ReviewCard.due <= now, ReviewCard.reps > 0
        )
        query = fresh.where(ReviewCard.saved_word_id.not_in(busy))
        taken = self.words_of_cards(reviewed_cards)
        if taken:
            query = query.where(ReviewCard.saved_word_id.not_in(sorted(taken)))
        words = query.distinct().limit(cap).subquery()
        return self._session.scalar(select(func.count()).select_from(words)) or 0

    def new_cards(self, user_id: int, now: datetime, *, limit: int) -> list[tuple[ReviewCard, SavedWord]]:
        """Cards never reviewed, in the order their words were saved."""
        query = (
            select(ReviewCard, SavedWord)
            .join(SavedWord, SavedWord.id == ReviewCard.saved_word_id)
            .where(ReviewCard.user_id == user_id, ReviewCard.reps == 0, ReviewCard.due <= now)
            .order_by(ReviewCard.id)  # ids follow the order words were saved in
            .limit(limit)
        )
        return [(card, word) for card, word in self._session.execute(query)]

    def next_due(self, user_id: int, after: datetime) -> datetime | None:
        query = select(func.min(ReviewCard.due)).where(ReviewCard.user_id == user_id, ReviewCard.due > after)
        return self._session.scalar(query)

    def card(self, card_id: int, *, for_update: bool = False) -> ReviewCard | None:
        """``for_update`` locks the row until commit (PostgreSQL; SQLite writers are serialised anyway)."""
        return self._session.get(ReviewCard, card_id, with_for_update=for_update or None)

    def log_by_request(self, user_id: int, card_id: int, request_id: str) -> ReviewLogEntry | None:
        query = select(ReviewLogEntry).where(
            ReviewLogEntry.user_id == user_id,
            ReviewLogEntry.card_id == card_id,
            ReviewLogEntry.request_id == request_id,
        )
        return self._session.scalar(query)

    def add_all(self, rows: list[ReviewLogEntry]) -> None:
        """Several rows in one flush."""
        self._session.add_all(rows)
        self._session.flush()

    def logs_of_card(self, card_id: int) -> list[ReviewLogEntry]:
        query = select(ReviewLogEntry).where(ReviewLogEntry.card_id == card_id).order_by(ReviewLogEntry.id)
        return list(self._session.scalars(query))

    def reviews_due_between(
        self, user_id: int, after: datetime, until: datetime, *, limit: int
    ) -> list[tuple[ReviewCard, SavedWord, int | None]]:
        """Cards already learnt that fall due in (after, until], soonest first, with word and status."""
        status_join = (WordStatus.user_id == SavedWord.user_id) & (WordStatus.lemma == SavedWord.lemma)
        query = (
            select(ReviewCard, SavedWord, WordStatus.status)
            .join(SavedWord, SavedWord.id == ReviewCard.saved_word_id)
            .outerjoin(WordStatus, status_join)
            .where(
                ReviewCard.user_id == user_id,
                ReviewCard.due > after,
                ReviewCard.due <= until,
                ReviewCard.reps > 0,
            )
            .order_by(ReviewCard.due, ReviewCard.id)
            .limit(limit)
        )
        return [(card, word, status) for card, word, status in self._session.execute(query)]

    def undo_by_request(self, user_id: int, request_id: str) -> UndoRequest | None:
        query = select(UndoRequest).where(
            UndoRequest.user_id == user_id, UndoRequest.request_id == request_id
        )
        return self._session.scalar(query)

    def record_undo(
        self, user_id: int, request_id: str, card_id: int, now: datetime, keep: timedelta
    ) -> None:
        """Remember an undo by its request id; ids older than ``keep`` are forgotten."""
        self._session.execute(
            delete(UndoRequest).where(UndoRequest.user_id == user_id, UndoRequest.created_at < now - keep)
        )
        self._session.add(
            UndoRequest(user_id=user_id, request_id=request_id, card_id=card_id, created_at=now)
        )
        self._session.flush()

    def last_log(self, user_id: int) -> ReviewLogEntry | None:
        """The learner's last live rating (reviews synced from a device's outbox are not undone)."""
        query = (
            select(ReviewLogEntry)
            .where(ReviewLogEntry.user_id == user_id, ReviewLogEntry.device_id.is_(None))
            .order_by(ReviewLogEntry.id.desc())
            .limit(1)
        )
        return self._session.scalar(query)

    def delete_log(self, log_id: int) -> None:
        self._session.execute(delete(ReviewLogEntry).where(ReviewLogEntry.id == log_id))
