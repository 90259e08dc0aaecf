"""Counts behind a learner's progress page: words by status, reviews, readings, day by day in their zone."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    bindparam,
    cast,
    exists,
    func,
    literal,
    select,
    text,
    union_all,
)
from sqlalchemy.orm import Session

from vocabsphere.store.local_days import DayWindow, day_bounds, day_buckets
from vocabsphere.store.tables import (
    ExerciseAnswer,
    ExerciseItemRow,
    LookupEvent,
    ReadingSession,
    ReviewLogEntry,
    SavedWord,
    Story,
    Submission,
    WordStatus,
)

KNOWN = 5  # core.reading.WordStatus.KNOWN (store does not import the reader's enum)
MAX_COMPOUND = 400  # SQLite allows 500 SELECTs in one compound statement


@dataclass(frozen=True)
class DayReviews:
    reviews: int
    mature: int  # reviews of cards seen before (first sights are not a memory test)
    recalled: int  # of those, rated Hard, Good or Easy


@dataclass(frozen=True)
class DayReading:
    seconds: int  # active reading time of sessions begun that day
    finished_seconds: int  # of finished sessions only, for words per minute
    finished_words: int


@dataclass(frozen=True)
class LatestReading:
    story_id: int
    title: str
    level: str
    word_count: int
    active_seconds: int
    finished_at: datetime | None  # of any reading of the story
    last_seen_at: datetime


def _in_range(index: int) -> tuple[ColumnElement[bool], ...]:
    return (
        ReviewLogEntry.user_id == bindparam("user_id"),
        ReviewLogEntry.reviewed_at >= bindparam(f"start{index}"),
        ReviewLogEntry.reviewed_at < bindparam(f"end{index}"),
    )


# The study days of a span, newest first, by a loose index scan on ix_review_logs_user_time.
_WALK_DAYS = text(
    """
    WITH RECURSIVE walk(at) AS (
      SELECT max(reviewed_at) FROM review_logs
      WHERE user_id = :user_id AND reviewed_at >= :since AND reviewed_at < :until
      UNION ALL
      SELECT (
        SELECT max(r.reviewed_at) FROM review_logs r
        WHERE r.user_id = :user_id AND r.reviewed_at >= :since
          AND r.reviewed_at < timezone(:tz, date(timezone(:tz, walk.at))::timestamp)
      )
      FROM walk WHERE walk.at IS NOT NULL
    )
    SELECT date(timezone(:tz, at)) FROM walk WHERE at IS NOT NULL
    """
)


def _range_values(user_id: int, bounds: Sequence[tuple[datetime, datetime]]) -> dict[str, object]:
    values: dict[str, object] = {"user_id": user_id}
    for index, (start, end) in enumerate(bounds):
        values[f"start{index}"], values[f"end{index}"] = start, end
    return values


@cache
def _probe_statement(days: int) -> Select[*tuple[Any, ...]]:
    """One EXISTS per day; built once per number of days (building the expression costs more than
    running it), the instants bound at each call."""
    return select(*(exists().where(*_in_range(i)) for i in range(days)))


@cache
def _per_day_statement(days: int) -> CompoundSelect[Any]:
    mature = cast(~ReviewLogEntry.was_new, Integer)
    recalled = cast(~ReviewLogEntry.was_new & (ReviewLogEntry.rating > 1), Integer)
    return union_all(
        *(
            select(literal(i), func.count(), func.sum(mature), func.sum(recalled)).where(*_in_range(i))
            for i in range(days)
        )
    )


@cache
def _saved_per_day_statement(days: int) -> CompoundSelect[Any]:
    return union_all(
        *(
            select(literal(i), func.count()).where(
                SavedWord.user_id == bindparam("user_id"),
                SavedWord.created_at >= bindparam(f"start{i}"),
                SavedWord.created_at < bindparam(f"end{i}"),
            )
            for i in range(days)
        )
    )


def _summed(pairs: Iterable[tuple[date, int]]) -> dict[date, int]:
    out: dict[date, int] = {}
    for day, n in pairs:
        out[day] = out.get(day, 0) + int(n)
    return out


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

    def known_lemmas(self, user_id: int) -> list[str]:
        query = select(WordStatus.lemma).where(WordStatus.user_id == user_id, WordStatus.status == KNOWN)
        return list(self._session.scalars(query))

    def reviews_since(self, user_id: int, since: datetime) -> int:
        query = select(func.count()).where(
            ReviewLogEntry.user_id == user_id, ReviewLogEntry.reviewed_at >= since
        )
        return self._session.scalar(query) or 0

    def review_days(self, user_id: int, days: Sequence[date], time_zone: str) -> dict[date, DayReviews]:
        """Reviews per local day, each day counted over its own time range (a range scan per day on
        the covering index, rather than grouping a busy year's hundreds of thousands of rows)."""
        if self._postgres():
            return self._grouped_review_days(user_id, days, time_zone)
        out: dict[date, DayReviews] = {}
        for chunk in range(0, len(days), MAX_COMPOUND):
            part = days[chunk : chunk + MAX_COMPOUND]
            values = _range_values(user_id, day_bounds(part, time_zone))
            for row in self._session.execute(_per_day_statement(len(part)), values):
                index, n, m, r = (int(v or 0) for v in row)
                if n:
                    out[part[index]] = DayReviews(n, m, r)
        return out

    def review_day_set(self, user_id: int, days: Sequence[date], time_zone: str) -> set[date]:
        """Which of `days` have a review: one index probe per day."""
        if not days:
            return set()
        if self._postgres():
            return self._walked_review_days(user_id, days, time_zone)
        values = _range_values(user_id, day_bounds(days, time_zone))
        found = self._session.execute(_probe_statement(len(days)), values).one()
        return {day for day, hit in zip(days, found, strict=True) if hit}

    def _walked_review_days(self, user_id: int, days: Sequence[date], time_zone: str) -> set[date]:
        """PostgreSQL: from the latest review in the span, jump to the latest review before the start
        of its local day, and so on: one index probe per study day instead of reading every review
        (a year of a heavy learner's log is 70,000 rows; grouping them took 0.2 s)."""
        since = day_bounds(days[:1], time_zone)[0][0]
        until = day_bounds(days[-1:], time_zone)[0][1]
        params = {"user_id": user_id, "since": since, "until": until, "tz": time_zone}
        return set(self._session.scalars(_WALK_DAYS, params))  # PostgreSQL returns dates

    def _postgres(self) -> bool:
        """PostgreSQL groups by local day itself, with the zone's rules, faster than it plans one
        statement with a part per day; SQLite has no zone rules, so it scans day by day."""
        return self._session.get_bind().dialect.name == "postgresql"

    def _grouped_review_days(
        self, user_id: int, days: Sequence[date], time_zone: str
    ) -> dict[date, DayReviews]:
        window = DayWindow(
            day_bounds(days[:1], time_zone)[0][0], day_bounds(days[-1:], time_zone)[0][1], time_zone
        )
        bucket, to_date = day_buckets(self._session, ReviewLogEntry.reviewed_at, window)
        mature = cast(~ReviewLogEntry.was_new, Integer)
        recalled = cast(~ReviewLogEntry.was_new & (ReviewLogEntry.rating > 1), Integer)
        query = (
            select(bucket, func.count(), func.sum(mature), func.sum(recalled))
            .where(
                ReviewLogEntry.user_id == user_id,
                ReviewLogEntry.reviewed_at >= window.since,
                ReviewLogEntry.reviewed_at < window.until,
            )
            .group_by(bucket)
        )
        return {
            to_date(v): DayReviews(int(n), int(m or 0), int(r or 0))
            for v, n, m, r in self._session.execute(query)
        }

    def review_totals(self, user_id: int) -> tuple[int, int]:
        """Reviews of cards seen before, and how many of them were recalled, over all time."""
        query = select(func.count(), func.sum(cast(ReviewLogEntry.rating > 1, Integer))).where(
            ReviewLogEntry.user_id == user_id, ~ReviewLogEntry.was_new
        )
        reviews, recalled = self._session.execute(query).one()
        return int(reviews), int(recalled or 0)

    def reading_days(self, user_id: int, window: DayWindow) -> dict[date, DayReading]:
        bucket, to_date = day_buckets(self._session, ReadingSession.started_at, window)
        finished = ReadingSession.finished_at.is_not(None)
        finished_seconds = func.sum(cast(finished, Integer) * ReadingSession.active_seconds)
        finished_words = func.sum(cast(finished, Integer) * ReadingSession.word_count)
        query = (
            select(bucket, func.sum(ReadingSession.active_seconds), finished_seconds, finished_words)
            .where(
                ReadingSession.user_id == user_id,
                ReadingSession.started_at >= window.since,
                ReadingSession.started_at <= window.until,
                (ReadingSession.active_seconds > 0) | finished,
            )
            .group_by(bucket)
        )
        days: dict[date, DayReading] = {}
        for value, sec, fsec, fwords in self._session.execute(query):
            day = to_date(value)
            seen = days.get(day, DayReading(0, 0, 0))
            days[day] = DayReading(
                seen.seconds + int(sec or 0),
                seen.finished_seconds + int(fsec or 0),
                seen.finished_words + int(fwords or 0),
            )
        return days

    def known_days(self, user_id: int, window: DayWindow) -> tuple[int, dict[date, int]]:
        """Words marked known before `since`, and per local day after (by when their status last changed)."""
        where = (WordStatus.user_id == user_id, WordStatus.status == KNOWN)
        before = (
            self._session.scalar(select(func.count()).where(*where, WordStatus.updated_at < window.since))
            or 0
        )
        bucket, to_date = day_buckets(self._session, WordStatus.updated_at, window)
        query = (
            select(bucket, func.count()).where(*where, WordStatus.updated_at >= window.since).group_by(bucket)
        )
        return int(before), _summed((to_date(v), n) for v, n in self._session.execute(query))

    def saved_days(self, user_id: int, days: Sequence[date], time_zone: str) -> tuple[int, dict[date, int]]:
        """Words saved before the first of `days`, and on each of them (a count per day on the
        (user, created) index)."""
        bounds = day_bounds(days, time_zone)
        before = self._session.scalar(
            select(func.count()).where(SavedWord.user_id == user_id, SavedWord.created_at < bounds[0][0])
        )
        if self._postgres():
            window = DayWindow(bounds[0][0], bounds[-1][1], time_zone)
            bucket, to_date = day_buckets(self._session, SavedWord.created_at, window)
            query = (
                select(bucket, func.count())
                .where(SavedWord.user_id == user_id, SavedWord.created_at >= window.since)
                .group_by(bucket)
            )
            return int(before or 0), _summed((to_date(v), n) for v, n in self._session.execute(query))
        out: dict[date, int] = {}
        for chunk in range(0, len(days), MAX_COMPOUND):
            part = days[chunk : chunk + MAX_COMPOUND]
            values = _range_values(user_id, bounds[chunk : chunk + MAX_COMPOUND])
            for row in self._session.execute(_saved_per_day_statement(len(part)), values):
                index, n = (int(v or 0) for v in row)
                if n:
                    out[part[index]] = n
        return int(before or 0), out

    def latest_readings(self, user_id: int, *, limit: int) -> list[LatestReading]:
        """The latest reading of each story (most recent first), marked finished when any reading of it
        was: one window query rather than over-fetching and de-duplicating in Python."""
        counted = (ReadingSession.active_seconds > 0) | ReadingSession.finished_at.is_not(None)
        ranked = (
            select(
                ReadingSession.story_id,
                ReadingSession.level,
                ReadingSession.word_count,
                ReadingSession.active_seconds,
                ReadingSession.last_seen_at,
                func.max(ReadingSession.finished_at)
                .over(partition_by=ReadingSession.story_id)
                .label("finished_at"),
                func.row_number()
                .over(
                    partition_by=ReadingSession.story_id,
                    order_by=(ReadingSession.last_seen_at.desc(), ReadingSession.id.desc()),
                )
                .label("rank"),
            )
            .where(ReadingSession.user_id == user_id, counted)
            .subquery()
        )
        query = (
            select(ranked, Story.title)
            .join(Story, Story.id == ranked.c.story_id)
            .where(ranked.c.rank == 1)
            .order_by(ranked.c.last_seen_at.desc(), ranked.c.story_id.desc())
            .limit(limit)
        )
        return [
            LatestReading(
                row.story_id,
                row.title,
                row.level,
                row.word_count,
                row.active_seconds,
                row.finished_at,
                row.last_seen_at,
            )
            for row in self._session.execute(query)
        ]

    def reading_at_level(self, user_id: int, level: str) -> tuple[int, int, int]:
        """Words and active seconds of finished readings at `level`, and the words saved from those
        stories (the level estimate's reading evidence)."""
        where = (
            ReadingSession.user_id == user_id,
            ReadingSession.level == level,
            ReadingSession.finished_at.is_not(None),
        )
        words, seconds = self._session.execute(
            select(
                func.coalesce(func.sum(ReadingSession.word_count), 0),
                func.coalesce(func.sum(ReadingSession.active_seconds), 0),
            ).where(*where)
        ).one()
        stories = select(ReadingSession.story_id).where(*where)
        saves = self._session.scalar(
            select(func.count()).where(SavedWord.user_id == user_id, SavedWord.story_id.in_(stories))
        )
        return int(words), int(seconds), int(saves or 0)

    def lookups_at_level(self, user_id: int, level: str) -> int:
        """Words looked up (once per story and lemma) in the stories finished at `level`, at that level."""
        stories = select(ReadingSession.story_id).where(
            ReadingSession.user_id == user_id,
            ReadingSession.level == level,
            ReadingSession.finished_at.is_not(None),
        )
        query = select(func.count()).where(
            LookupEvent.user_id == user_id, LookupEvent.level == level, LookupEvent.story_id.in_(stories)
        )
        return int(self._session.scalar(query) or 0)

    def practice_totals(self, user_id: int) -> tuple[int, int]:
        """Practice answers given and how many were right."""
        query = select(func.count(), func.coalesce(func.sum(cast(ExerciseAnswer.correct, Integer)), 0)).where(
            ExerciseAnswer.user_id == user_id
        )
        answers, right = self._session.execute(query).one()
        return int(answers), int(right or 0)

    def practice_by_item(self, user_id: int) -> list[tuple[str, str | None, int, int]]:
        """Practice answers grouped by the item's kind and grammar point: (kind, point, answers, right)."""
        right = func.coalesce(func.sum(cast(ExerciseAnswer.correct, Integer)), 0)
        query = (
            select(ExerciseItemRow.kind, ExerciseItemRow.grammar_point, func.count(), right)
            .join(ExerciseItemRow, ExerciseItemRow.id == ExerciseAnswer.item_id)
            .where(ExerciseAnswer.user_id == user_id)
            .group_by(ExerciseItemRow.kind, ExerciseItemRow.grammar_point)
        )
        return [(kind, point, int(n), int(ok or 0)) for kind, point, n, ok in self._session.execute(query)]

    def submitted_answers(self, user_id: int) -> list[str]:
        """The stored answers (JSON) of the learner's quiz submissions: a learner has a few, not thousands."""
        query = select(Submission.answers_json).where(Submission.user_id == user_id)
        return list(self._session.scalars(query))

    def finished(self, user_id: int) -> tuple[int, int]:
        """Distinct stories finished and the words read in finished sessions."""
        query = select(
            func.count(func.distinct(ReadingSession.story_id)),
            func.coalesce(func.sum(ReadingSession.word_count), 0),
        ).where(ReadingSession.user_id == user_id, ReadingSession.finished_at.is_not(None))
        stories, words = self._session.execute(query).one()
        return int(stories), int(words)
