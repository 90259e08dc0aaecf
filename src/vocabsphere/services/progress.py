"""A learner's progress: words by status, reviews and streak, what is due, stories read and reading pace."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from vocabsphere.core.reading import WordStatus, words_per_minute
from vocabsphere.services import study
from vocabsphere.store.database import Database
from vocabsphere.store.progress_repo import ProgressRepository
from vocabsphere.store.unit_of_work import unit_of_work

STREAK_LOOKBACK_DAYS = 366


@dataclass(frozen=True)
class ReadingRow:
    story_id: int
    title: str
    level: str
    minutes: float
    words_per_minute: float | None
    finished_at: datetime | None
    last_seen_at: datetime


@dataclass(frozen=True)
class Progress:
    saved_words: int
    known_words: int
    learning_words: int
    reviews_today: int
    review_streak_days: int  # consecutive study days (UTC) with at least one review, up to today
    due_now: int  # cards in today's review queue
    stories_finished: int
    words_read: int
    readings: tuple[ReadingRow, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.saved_words or self.known_words or self.readings or self.reviews_today)


def streak(review_days: set[date], today: date) -> int:
    """Consecutive days with reviews ending today (or yesterday, so the streak survives until tonight)."""
    day = today if today in review_days else today - timedelta(days=1)
    count = 0
    while day in review_days:
        count += 1
        day -= timedelta(days=1)
    return count


def progress(db: Database, *, user_id: int, now: datetime, recent: int = 10) -> Progress:
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    # What the review page would offer now (daily limits, one card per word a day), not every due row.
    due_today = len(study.due_cards(db, user_id=user_id, now=now, limit=study.MAX_QUEUE))
    with unit_of_work(db, read_only=True) as uow:
        repo = ProgressRepository(uow.session)
        statuses = repo.status_counts(user_id)
        days = repo.review_days(user_id, day_start - timedelta(days=STREAK_LOOKBACK_DAYS))
        finished, words = repo.finished(user_id)
        # One row per story: its latest reading, marked finished if any reading of it was finished.
        latest: dict[int, ReadingRow] = {}
        for row, title in repo.readings(user_id, limit=recent * 5):
            seen = latest.get(row.story_id)
            if seen is not None:
                if seen.finished_at is None and row.finished_at is not None:
                    latest[row.story_id] = replace(seen, finished_at=row.finished_at)
                continue
            if len(latest) < recent:
                latest[row.story_id] = ReadingRow(
                    row.story_id,
                    title,
                    row.level,
                    round(row.active_seconds / 60, 1),
                    words_per_minute(row.word_count, row.active_seconds),
                    row.finished_at,
                    row.last_seen_at,
                )
        readings = tuple(latest.values())
        return Progress(
            saved_words=repo.saved_words(user_id),
            known_words=statuses.get(WordStatus.KNOWN, 0),
            learning_words=sum(statuses.get(s, 0) for s in range(1, 5)),
            reviews_today=repo.reviews_since(user_id, day_start),
            review_streak_days=streak(days, now.date()),
            due_now=due_today,
            stories_finished=finished,
            words_read=words,
            readings=readings,
        )
