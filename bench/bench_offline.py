"""Offline mode's server side, through the shipped services, on SQLite (and PostgreSQL with --postgres):

(a) sync: a learner with CARDS cards sends batches of 100 offline reviews (5 per card, 20 cards each);
    each card is replayed from its whole log (HISTORY earlier reviews + the new ones); then the same
    batch again (all acknowledged as duplicates);
(b) the bundle: today's queue plus the reviews due in the next 7 days, for the same learner;
(c) with --lexicon: every word of a demo story's B1 version looked up (what a device downloads once
    per story it keeps).

Usage: python bench/bench_offline.py [--cards 2000] [--history 20] [--batches 10] [--postgres URL]
                                     [--lexicon PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from vocabsphere.services import accounts, offline_bundle, study  # noqa: E402
from vocabsphere.services.offline_sync import OfflineReview, sync_reviews  # noqa: E402
from vocabsphere.store.database import Database  # noqa: E402
from vocabsphere.store.migrate import upgrade_database  # noqa: E402

T0 = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def fill(db: Database, cards: int, history: int) -> tuple[int, list[int]]:
    """A learner with ``cards`` saved words, the first card of each reviewed ``history`` times."""
    user = accounts.create_user(db, username="heavy", password="bench-pass-1", now=T0).id  # noqa: S106
    card_ids = []
    for n in range(cards):
        word = study.WordToSave(lemma=f"word{n}", pos="NOUN", word=f"word{n}", translation="x")
        saved = study.save_word(db, user_id=user, word=word, now=T0)
        card_ids.append(study.word_detail(db, user_id=user, word_id=saved.id, now=T0).cards[0].id)
    for card in card_ids[: max(1, cards // 10)]:  # a tenth with a long history (the replayed ones)
        for k in range(history):
            at = T0 + timedelta(days=2 * k, minutes=card % 60)
            study.rate_card(db, user_id=user, card_id=card, rating=3, request_id=f"h{card}-{k}", now=at)
    return user, card_ids


def bench_sync(db: Database, user: int, cards: list[int], batches: int, history: int) -> None:
    base = T0 + timedelta(days=2 * history + 1)
    now = base + timedelta(days=10)
    first, again = [], []
    for b in range(batches):
        chosen = cards[b * 20 : (b + 1) * 20]
        rows = [
            OfflineReview(f"b{b}-{c}-{k}", "phone", b * 100 + i * 5 + k, c, 3, base + timedelta(hours=k), 900)
            for i, c in enumerate(chosen)
            for k in range(5)
        ]
        start = time.perf_counter()
        report = sync_reviews(db, user_id=user, rows=rows, now=now)
        first.append(time.perf_counter() - start)
        assert all(r.outcome == "applied" for r in report.rows)
        start = time.perf_counter()
        report = sync_reviews(db, user_id=user, rows=rows, now=now)
        again.append(time.perf_counter() - start)
        assert all(r.outcome == "duplicate" for r in report.rows)
    print(
        f"  sync, 100 new rows (20 cards, replayed): median {statistics.median(first) * 1000:.0f} ms, "
        f"max {max(first) * 1000:.0f} ms over {batches} batches"
    )
    print(f"  sync, the same 100 rows again (duplicates): median {statistics.median(again) * 1000:.0f} ms")


def bench_bundle(db: Database, user: int, runs: int = 5) -> None:
    now = T0 + timedelta(days=30)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        found = offline_bundle.offline_bundle(db, user_id=user, now=now, days=7)
        times.append(time.perf_counter() - start)
    print(f"  bundle (7 days, {len(found.cards)} cards): median {statistics.median(times) * 1000:.0f} ms")


def bench_lookups(lexicon: Path) -> None:
    from vocabsphere.config import load_settings
    from vocabsphere.services import dictionary, versions
    from vocabsphere.services.demo import import_demo_articles
    from vocabsphere.services.stories import list_stories

    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(env="test", data_dir=Path(folder), lexicon_path=lexicon, queue_url="memory")
        db = Database.connect(f"sqlite:///{folder}/lookups.sqlite3")
        upgrade_database(db.engine)
        import_demo_articles(db, now=T0)
        story = list_stories(db, query="", limit=1, offset=0)[0]
        versions.build_versions(db, settings, story.id, now=T0)
        dictionary.warm_up(settings)
        times = []
        for lang in ("de", "fr", "es"):  # a language not asked before: the whole version is looked up
            start = time.perf_counter()
            found = dictionary.look_up_whole_version(settings, db, story_id=story.id, level="B1", lang=lang)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        dictionary.look_up_whole_version(settings, db, story_id=story.id, level="B1", lang="de")
        cached = time.perf_counter() - start
        median = statistics.median(times)
        print(
            f"  look-ups of a whole B1 version ({len(found)} words): median {median:.2f} s "
            f"({median / len(found) * 1000:.1f} ms a word); "
            f"asked again (kept per process): {cached * 1000:.2f} ms"
        )
        db.dispose()


def run(label: str, db: Database, args: argparse.Namespace) -> None:
    print(f"{label}: {args.cards} cards, {args.history} earlier reviews on a tenth of them")
    user, cards = fill(db, args.cards, args.history)
    bench_sync(db, user, cards, args.batches, args.history)
    bench_bundle(db, user)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=int, default=2000)
    parser.add_argument("--history", type=int, default=20)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--postgres", help="server URL; a database is created and dropped")
    parser.add_argument("--lexicon", type=Path, help="a built lexicon: also time a version's look-ups")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.connect(f"sqlite:///{folder}/bench.sqlite3")
        upgrade_database(db.engine)
        run("SQLite", db, args)
        db.dispose()
    if args.postgres:
        name = f"vs_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            db = Database.connect(
                make_url(args.postgres).set(database=name).render_as_string(hide_password=False)
            )
            upgrade_database(db.engine)
            run("PostgreSQL", db, args)
            db.dispose()
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    if args.lexicon:
        bench_lookups(args.lexicon)


if __name__ == "__main__":
    main()
