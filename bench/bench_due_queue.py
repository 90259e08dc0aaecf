"""Due-queue latency for a heavy learner: 50,000 cards and 500,000 logged reviews, SQLite and PostgreSQL.

Usage: python bench/bench_due_queue.py [--postgres URL] [--cards 50000] [--reviews 500000] [--runs 300]
The PostgreSQL run creates and drops its own database through the given server URL.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from vocabsphere.services import study
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database
from vocabsphere.store.tables import ReviewCard, ReviewLogEntry, SavedWord, User

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
BATCH = 10_000


def fill(db: Database, cards: int, reviews: int) -> int:
    rng = random.Random(11)
    with db.engine.begin() as connection:
        user_id = connection.execute(
            insert(User)
            .values(
                username="heavy",
                password_hash="x",  # noqa: S106 - this user never logs in
                role="learner",
                display_name="Heavy",
                native_language="es",
                cefr_level="B1",
                daily_goal=50,
                is_active=True,
                created_at=NOW,
            )
            .returning(User.id)
        ).scalar_one()
        words = [
            {
                "user_id": user_id,
                "lemma": f"w{i}",
                "pos": "NOUN",
                "word": f"w{i}",
                "sentence": "",
                "definition": "",
                "translation": "",
                "created_at": NOW,
            }
            for i in range(cards)
        ]
        for start in range(0, cards, BATCH):
            connection.execute(insert(SavedWord), words[start : start + BATCH])
        word_ids = [r[0] for r in connection.execute(text("SELECT id FROM saved_words ORDER BY id"))]
        rows = [
            {
                "user_id": user_id,
                "saved_word_id": wid,
                "kind": "meaning",
                "state": 2,
                "step": None,
                "stability": rng.uniform(1, 300),
                "difficulty": rng.uniform(1, 10),
                "due": NOW + timedelta(days=rng.uniform(-30, 300)),
                "last_review": NOW - timedelta(days=1),
                "reps": 10,
            }
            for wid in word_ids
        ]
        for start in range(0, cards, BATCH):
            connection.execute(insert(ReviewCard), rows[start : start + BATCH])
        card_ids = [r[0] for r in connection.execute(text("SELECT id FROM review_cards ORDER BY id"))]
        for start in range(0, reviews, BATCH):
            connection.execute(
                insert(ReviewLogEntry),
                [
                    {
                        "user_id": user_id,
                        "card_id": card_ids[(start + i) % len(card_ids)],
                        "rating": 3,
                        # 100 reviews today, the rest spread over the days before (one a minute).
                        "reviewed_at": NOW - timedelta(minutes=start + i)
                        if start + i < 100
                        else NOW - timedelta(days=1, minutes=start + i),
                        "duration_ms": 4000,
                        "request_id": f"r{start + i}",
                        "before_json": "{}",
                    }
                    for i in range(min(BATCH, reviews - start))
                ],
            )
    return int(user_id)


def measure(db: Database, user_id: int, runs: int) -> tuple[float, float, int]:
    study.due_cards(db, user_id=user_id, now=NOW, limit=100)  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        queue = study.due_cards(db, user_id=user_id, now=NOW, limit=100)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.99 * (len(times) - 1))], len(queue)


def settle(db: Database) -> None:
    """Measure a database in its steady state: after a bulk load PostgreSQL's autovacuum and analyze
    would otherwise run during the measurement (and its planner would work without statistics)."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    else:
        with db.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    # The fill left a large heap behind; freeze it as the server freezes its start-up heap, so that
    # the collector's passes over the bench's own garbage do not count as queue latency.
    gc.collect()
    gc.freeze()


def report(name: str, db: Database, args: argparse.Namespace) -> None:
    upgrade_database(db.engine)
    started = time.perf_counter()
    user_id = fill(db, args.cards, args.reviews)
    settle(db)
    p50, p99, size = measure(db, user_id, args.runs)
    print(
        f"{name:10} filled in {time.perf_counter() - started:.0f} s; due queue (100 of the due cards): "
        f"p50 {p50:.2f} ms, p99 {p99:.2f} ms over {args.runs} runs (queue size {size})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--cards", type=int, default=50_000)
    parser.add_argument("--reviews", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    on_each_database(args.postgres, lambda name, db: report(name, db, args))


def on_each_database(postgres_url: str, run: Callable[[str, Database], None]) -> None:
    """`run` on a throw-away SQLite file, then on a throw-away database of the PostgreSQL server."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.connect(f"sqlite:///{tmp}/bench.sqlite3")
        run("SQLite", db)
        db.dispose()
    name = f"vs_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        db = Database.connect(make_url(postgres_url).set(database=name).render_as_string(hide_password=False))
        run("PostgreSQL", db)
        db.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
