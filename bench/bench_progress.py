"""Progress page latency for a heavy learner (50,000 words saved over the last year, a review log of
PER_DAY reviews on every day of it, 5,000 known words, a time zone with daylight saving), SQLite and
PostgreSQL, through the shipped services.

Usage: python bench/bench_progress.py [--postgres URL] [--cards 50000] [--per-day 200] [--runs 30]
Prints p50 / p99 of services.progress.progress (today, streak, due count, recent readings),
services.progress.history (182 local days) and services.progress.level_suggestion.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import timedelta

from bench_due_queue import NOW, fill, on_each_database, settle
from sqlalchemy import bindparam, insert, text, update

from vocabsphere.services import progress
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database
from vocabsphere.store.tables import ReviewLogEntry, SavedWord, User, WordStatus


def add_reviews(db: Database, user_id: int, per_day: int) -> None:
    """`per_day` reviews on each of the last 365 days, at even times of day, one in five a first sight
    and one in ten forgotten."""
    with db.engine.begin() as connection:
        cards = [r[0] for r in connection.execute(text("SELECT id FROM review_cards ORDER BY id"))]
        rows = []
        for day in range(365):
            for n in range(per_day):
                at = NOW - timedelta(days=day, minutes=n * 1440 // per_day)
                rows.append(
                    {
                        "user_id": user_id,
                        "card_id": cards[(day * per_day + n) % len(cards)],
                        "rating": 1 if n % 10 == 0 else 3,
                        "reviewed_at": at,
                        "duration_ms": 4000,
                        "request_id": f"d{day}-{n}",
                        "before_json": "{}",
                        "was_new": n % 5 == 0,
                    }
                )
            if len(rows) >= 10_000:
                connection.execute(insert(ReviewLogEntry), rows)
                rows = []
        if rows:
            connection.execute(insert(ReviewLogEntry), rows)


def spread_saves(db: Database, user_id: int) -> None:
    """The saved words over the last year (the fill saves them all at once)."""
    with db.engine.begin() as connection:
        ids = [r[0] for r in connection.execute(text("SELECT id FROM saved_words ORDER BY id"))]
        rows = [
            {"word_id": wid, "at": NOW - timedelta(days=i % 365, minutes=i % 1440)}
            for i, wid in enumerate(ids)
        ]
        connection.execute(
            update(SavedWord).where(SavedWord.id == bindparam("word_id")).values(created_at=bindparam("at")),
            rows,
        )


def add_known(db: Database, user_id: int, count: int) -> None:
    with db.engine.begin() as connection:
        connection.execute(update(User).where(User.id == user_id).values(time_zone="Europe/Madrid"))
        rows = [
            {"user_id": user_id, "lemma": f"known{i}", "status": 5, "updated_at": NOW} for i in range(count)
        ]
        connection.execute(insert(WordStatus), rows)


def timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    call()  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.99 * (len(times) - 1))]


def report(name: str, db: Database, args: argparse.Namespace) -> None:
    upgrade_database(db.engine)
    user_id = fill(db, args.cards, 0)
    spread_saves(db, user_id)
    add_reviews(db, user_id, args.per_day)
    add_known(db, user_id, args.known)
    settle(db)
    calls = {
        "today": lambda: progress.progress(db, user_id=user_id, now=NOW),
        "history": lambda: progress.history(db, user_id=user_id, now=NOW),
        "level": lambda: progress.level_suggestion(db, user_id=user_id),
    }
    figures = []
    for label, call in calls.items():
        p50, p99 = timed(call, args.runs)
        figures.append(f"{label} p50 {p50:.1f} ms / p99 {p99:.1f} ms")
    print(f"{name:10} {args.per_day} reviews a day: " + "; ".join(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--cards", type=int, default=50_000)
    parser.add_argument("--per-day", type=int, default=200, help="reviews on each of the last 365 days")
    parser.add_argument("--known", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    on_each_database(args.postgres, lambda name, db: report(name, db, args))


if __name__ == "__main__":
    main()
