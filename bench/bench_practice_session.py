"""Practice session build time for the synthetic learner, on SQLite and PostgreSQL.

Usage (from the repository root):
    python bench/bench_practice_session.py [--shared ../shared] [--lexicon PATH]
        [--postgres URL] [--saved 300] [--due 50] [--runs 200]

The learner (bench/exercise_data.py) saves ``--saved`` words with their sentences through the
study service; ``--due`` of them have a review card that fell due. Their exercises are made by
the shipped path (services.practice.prepare_words, what the prepare_exercises job runs: here the
session's candidate words, due first), then a 20-item session (services.practice.build_session,
all the API's session request does: it only picks stored items) is timed ``--runs`` times: p50
and p95. The PostgreSQL run creates and drops its own database.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from exercise_data import SavedSample, saved_words  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402
from vocabsphere.services import accounts, practice, study  # noqa: E402
from vocabsphere.store.database import Database  # noqa: E402
from vocabsphere.store.migrate import upgrade_database  # noqa: E402

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
SAVED_AT = NOW - timedelta(days=30)


def fill(db: Database, samples: list[SavedSample], due: int) -> int:
    user_id = accounts.create_user(db, username="learner", password="bench-pass-1", now=SAVED_AT).id  # noqa: S106
    ids = []
    for sample in samples:
        word = study.WordToSave(sample.lemma, sample.pos, sample.word, sample.sentence, definition="x")
        ids.append(study.save_word(db, user_id=user_id, word=word, now=SAVED_AT).id)
    for word_id in random.Random(5).sample(ids, due):
        card = study.word_detail(db, user_id=user_id, word_id=word_id, now=SAVED_AT).cards[0]
        study.rate_card(
            db, user_id=user_id, card_id=card.id, rating=3, request_id=f"w{word_id}", now=SAVED_AT
        )
    return user_id


def report(
    name: str, db: Database, samples: list[SavedSample], lexicon: Lexicon, args: argparse.Namespace
) -> None:
    upgrade_database(db.engine)
    user_id = fill(db, samples, args.due)
    started = time.perf_counter()
    made = practice.prepare_words(
        db, user_id=user_id, lexicon=lexicon, nlp=load_pipeline(), now=NOW, limit=100
    )
    making = time.perf_counter() - started
    practice.build_session(db, user_id=user_id, now=NOW, size=20)  # warm
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        session = practice.build_session(db, user_id=user_id, now=NOW, size=20)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    kinds = len({i.kind for i in session.items})
    print(
        f"{name:10} items made for {made} words in {making:.0f} s; 20-item session: "
        f"p50 {statistics.median(times):.1f} ms, p95 {times[int(0.95 * (len(times) - 1))]:.1f} ms "
        f"over {args.runs} runs ({len(session.items)} items, {kinds} kinds)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON", ""))
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--saved", type=int, default=300)
    parser.add_argument("--due", type=int, default=50)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    if not args.lexicon:
        parser.error("pass --lexicon or set VOCABSPHERE_LEXICON")
    lexicon = Lexicon.open(args.lexicon)
    samples = saved_words(load_pipeline(), args.shared, count=args.saved)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.connect(f"sqlite:///{tmp}/bench.sqlite3")
        report("SQLite", db, samples, lexicon, args)
        db.dispose()
    name = f"vs_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        db = Database.connect(
            make_url(args.postgres).set(database=name).render_as_string(hide_password=False)
        )
        report("PostgreSQL", db, samples, lexicon, args)
        db.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
