"""A learner's progress: today's counts, streak and goal, and day-by-day history, in their time zone."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from vocabsphere.core.errors import NotFound
from vocabsphere.core.levels import word_level
from vocabsphere.core.levels.grammar_points import GRAMMAR_POINTS
from vocabsphere.core.local_time import day_start, local_date, midnight
from vocabsphere.core.progress.level_estimate import LevelSuggestion, UsageEvidence, suggest_level
from vocabsphere.core.progress.series import days_between, rate, running_total
from vocabsphere.core.progress.streaks import Streak, study_streak
from vocabsphere.core.reading import WordStatus, words_per_minute
from vocabsphere.services import study
from vocabsphere.services.level_lock import level_lock
from vocabsphere.store.database import Database
from vocabsphere.store.local_days import DayWindow
from vocabsphere.store.progress_repo import ProgressRepository
from vocabsphere.store.unit_of_work import unit_of_work

STREAK_LOOKBACK_DAYS = 366
STREAK_BATCH_DAYS = 31
HISTORY_DAYS = 182  # 26 weeks: the heatmap's width and the charts' window


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
    review_streak_days: int  # consecutive local study days (reviews or reading), a freeze day bridged
    streak_frozen_days: tuple[date, ...]  # missed days the freeze covered
    daily_goal: int  # reviews a day
    goal_met_today: bool
    due_now: int  # cards in today's review queue
    stories_finished: int
    words_read: int
    time_zone: str
    today: date  # the learner's local date
    readings: tuple[ReadingRow, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.saved_words or self.known_words or self.readings or self.reviews_today)


@dataclass(frozen=True)
class DayRow:
    day: date  # the learner's local date
    reviews: int
    retention: float | None  # share of reviews of cards seen before that were recalled
    reading_minutes: float
    words_per_minute: float | None
    known_words: int  # running total at the end of the day
    saved_words: int  # vocabulary-book size at the end of the day
    studied: bool
    goal_met: bool


@dataclass(frozen=True)
class History:
    days: tuple[DayRow, ...]
    known_by_level: tuple[tuple[str, int], ...]  # A1..C2 and words marked known at that level
    retention: float | None  # over the whole window
    target_retention: float
    daily_goal: int
    time_zone: str


def streak(review_days: set[date], today: date) -> int:
    """Consecutive study days ending today or yesterday, a single missed day bridged by a freeze."""
    return study_streak(review_days, today).days


def _streak(repo: ProgressRepository, user_id: int, today: date, now: datetime, tz: str) -> Streak:
    """The streak, fetching study days backwards from today (index probes: a month, then twice as
    many days each time), until the walk ends inside what was fetched (with room for a freeze day)
    or a year is reached."""
    first = today - timedelta(days=STREAK_LOOKBACK_DAYS)
    read = repo.reading_days(user_id, DayWindow(midnight(first, tz), now, tz))
    studied = {day for day, r in read.items() if r.seconds > 0}
    oldest, size = today + timedelta(days=1), STREAK_BATCH_DAYS
    while True:
        batch = days_between(max(first, oldest - timedelta(days=size)), oldest - timedelta(days=1))
        size *= 2
        studied |= repo.review_day_set(user_id, batch, tz)
        oldest = batch[0]
        run = study_streak(studied, today)
        start = today if run.alive_today else today - timedelta(days=1)
        earliest = start - timedelta(days=run.days + len(run.frozen))  # the missed day that ended it
        if earliest - timedelta(days=1) >= oldest or oldest <= first:
            return run


def progress(db: Database, *, user_id: int, now: datetime, recent: int = 10) -> Progress:
    due_today = study.due_count(db, user_id=user_id, now=now)
    with unit_of_work(db, read_only=True) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        tz, today = user.time_zone, local_date(now, user.time_zone)
        repo = ProgressRepository(uow.session)
        statuses = repo.status_counts(user_id)
        since = day_start(now, tz)
        run = _streak(repo, user_id, today, now, tz)
        finished, words = repo.finished(user_id)
        reviews_today = repo.reviews_since(user_id, since)
        readings = tuple(
            ReadingRow(
                r.story_id,
                r.title,
                r.level,
                round(r.active_seconds / 60, 1),
                words_per_minute(r.word_count, r.active_seconds),
                r.finished_at,
                r.last_seen_at,
            )
            for r in repo.latest_readings(user_id, limit=recent)
        )
        return Progress(
            saved_words=repo.saved_words(user_id),
            known_words=statuses.get(WordStatus.KNOWN, 0),
            learning_words=sum(statuses.get(s, 0) for s in range(1, 5)),
            reviews_today=reviews_today,
            review_streak_days=run.days,
            streak_frozen_days=run.frozen,
            daily_goal=user.daily_goal,
            goal_met_today=reviews_today >= user.daily_goal,
            due_now=due_today,
            stories_finished=finished,
            words_read=words,
            time_zone=tz,
            today=today,
            readings=readings,
        )


@lru_cache(maxsize=100_000)
def _lowest_level(lemma: str) -> str:
    """A lemma's lowest level over its common parts of speech (kept per process: a learner's known
    words come back on every progress page)."""
    return min(word_level(lemma, pos) for pos in ("NOUN", "VERB", "ADJ"))


def known_by_level(lemmas: list[str]) -> tuple[tuple[str, int], ...]:
    """Known words by CEFR band."""
    levels = Counter(_lowest_level(lemma) for lemma in lemmas)
    return tuple((level, levels.get(level, 0)) for level in ("A1", "A2", "B1", "B2", "C1", "C2"))


def history(db: Database, *, user_id: int, now: datetime, days: int = HISTORY_DAYS) -> History:
    """One row per local day of the last `days` days (today included), and known words by band."""
    with unit_of_work(db, read_only=True) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        tz, goal = user.time_zone, user.daily_goal
        today = local_date(now, tz)
        calendar = days_between(today - timedelta(days=days - 1), today)
        since = midnight(calendar[0], tz)
        repo = ProgressRepository(uow.session)
        window = DayWindow(since, now, tz)
        reviewed = repo.review_days(user_id, calendar, tz)
        read = repo.reading_days(user_id, window)
        known_before, known_added = repo.known_days(user_id, window)
        saved_before, saved_added = repo.saved_days(user_id, calendar, tz)
        lemmas = repo.known_lemmas(user_id)
        target = user.desired_retention
    known = running_total(known_before, known_added, calendar)
    saved = running_total(saved_before, saved_added, calendar)
    rows = []
    for index, day in enumerate(calendar):
        r, g = reviewed.get(day), read.get(day)
        count = r.reviews if r else 0
        rows.append(
            DayRow(
                day,
                count,
                rate(r.recalled, r.mature) if r else None,
                round(g.seconds / 60, 1) if g else 0.0,
                words_per_minute(g.finished_words, g.finished_seconds) if g else None,
                known[index],
                saved[index],
                studied=count > 0 or bool(g and g.seconds > 0),
                goal_met=count >= goal,
            )
        )
    mature = sum(r.mature for r in reviewed.values())
    recalled = sum(r.recalled for r in reviewed.values())
    return History(tuple(rows), known_by_level(lemmas), rate(recalled, mature), target, goal, tz)


def level_suggestion(db: Database, *, user_id: int) -> LevelSuggestion:
    """Whether the learner's use of the product suggests another level (a suggestion, never applied)."""
    with unit_of_work(db, read_only=True) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        repo = ProgressRepository(uow.session)
        words, seconds, saves = repo.reading_at_level(user_id, user.cefr_level)
        lookups = repo.lookups_at_level(user_id, user.cefr_level)
        answers, right = repo.practice_totals(user_id)
        reviews, recalled = repo.review_totals(user_id)
        lemmas = repo.known_lemmas(user_id)
        level = user.cefr_level
        target = user.desired_retention
        lock = level_lock(uow, user_id)
    bands = dict(known_by_level(lemmas))
    following = {"A1": "A2", "A2": "B1", "B1": "B2", "B2": "C1", "C1": "C2"}.get(level)
    found = suggest_level(
        UsageEvidence(
            level=level,
            words_read=words,
            saves=saves,
            minutes=seconds / 60,
            reviews=reviews,
            recalled=recalled,
            target_retention=target,
            known_in_next_band=bands.get(following, 0) if following else 0,
            lookups=lookups,
            answers=answers,
            answered_right=right,
        )
    )
    if lock is None:
        return found
    # The evidence is still shown; the move is the teacher's to make.
    return replace(found, suggested=None, reasons=(lock.note, *found.reasons), locked=True)


@dataclass(frozen=True)
class AccuracyRow:
    """Answers of one skill (exercise kind, grammar point or quiz question kind) and how many were right."""

    key: str
    label: str
    level: str | None
    answers: int
    right: int

    @property
    def share(self) -> float:
        return self.right / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class Accuracy:
    practice_by_kind: tuple[AccuracyRow, ...]
    practice_by_point: tuple[AccuracyRow, ...]
    quiz_by_kind: tuple[AccuracyRow, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.practice_by_kind or self.quiz_by_kind)


_KIND_LABELS = {"true_false": "True or false", "fact": "Facts", "main_idea": "Main idea"}


def _label(kind: str) -> str:
    return _KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def _rows(
    counts: dict[str, tuple[int, int]], label: dict[str, tuple[str, str | None]]
) -> tuple[AccuracyRow, ...]:
    rows = [AccuracyRow(k, *label[k], n, ok) for k, (n, ok) in counts.items()]
    return tuple(sorted(rows, key=lambda r: (-r.answers, r.label)))


def accuracy(db: Database, *, user_id: int) -> Accuracy:
    """Practice answers by exercise kind and by grammar point, and quiz answers by question kind (keyed
    questions only: a discussion answer has no right or wrong)."""
    with unit_of_work(db, read_only=True) as uow:
        repo = ProgressRepository(uow.session)
        practice_rows = repo.practice_by_item(user_id)
        submitted = repo.submitted_answers(user_id)
    by_kind: dict[str, tuple[int, int]] = {}
    by_point: dict[str, tuple[int, int]] = {}
    for kind, point, n, ok in practice_rows:
        old = by_kind.get(kind, (0, 0))
        by_kind[kind] = (old[0] + n, old[1] + ok)
        if point:
            old = by_point.get(point, (0, 0))
            by_point[point] = (old[0] + n, old[1] + ok)
    by_question: dict[str, tuple[int, int]] = {}
    for answers_json in submitted:
        for answer in json.loads(answers_json or "[]"):
            if answer.get("correct") is None:
                continue
            old = by_question.get(answer["kind"], (0, 0))
            by_question[answer["kind"]] = (old[0] + 1, old[1] + int(bool(answer["correct"])))
    kind_labels: dict[str, tuple[str, str | None]] = {k: (_label(k), None) for k in (*by_kind, *by_question)}
    point_labels: dict[str, tuple[str, str | None]] = {
        p: (GRAMMAR_POINTS[p].name, GRAMMAR_POINTS[p].level) if p in GRAMMAR_POINTS else (_label(p), None)
        for p in by_point
    }
    return Accuracy(
        _rows(by_kind, kind_labels), _rows(by_point, point_labels), _rows(by_question, kind_labels)
    )
