"""Ingestion throughput: clean + analyse (level) + group into stories + store, on 200 articles.

The articles are built at run time from the OneStopEnglish texts in ../shared/data (all three levels,
so most stories get two or three "outlets"), each wrapped in the kind of junk scraping leaves behind.
Usage: python bench/bench_ingest.py [DATA_DIR] [--count 200]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from vocabsphere.services.ingest import IngestSource, prepare, store
from vocabsphere.services.stories import list_stories
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database

JUNK_TOP = ["Home | World | Business | Sport | Culture | Opinion", "Share on Facebook  Share on X"]
JUNK_BOTTOM = ["Tags: news, world, science", "Sign up for our newsletter", "Post your comment", "Back to top"]
OUTLETS = {"ele": "Daily Digest", "int": "Morning Post", "adv": "The Observer Review"}


def articles(data_dir: Path, count: int) -> list[IngestSource]:
    return [source for _, source in draw(data_dir, count)]


def draw(data_dir: Path, count: int) -> list[tuple[str, IngestSource]]:
    """(OneStopEnglish article id, junk-wrapped source): the three levels of an article are one event."""
    root = data_dir / "onestopenglish"
    with (root / "index.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    random.Random(7).shuffle(rows)
    sources = []
    for row in rows[:count]:
        body = (root / row["path"]).read_text(encoding="utf-8")
        text = "\n".join(JUNK_TOP) + "\n\n" + row["title"] + "\n\n" + body + "\n\n" + "\n".join(JUNK_BOTTOM)
        source = IngestSource(kind="text", text=text, outlet=OUTLETS.get(row["level"], "Wire"))
        sources.append((row["article_id"], source))
    return sources


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", nargs="?", type=Path, default=Path("../shared/data"))
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    batch = articles(args.data_dir, args.count)
    prepare(batch[0])  # load the models once, outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.connect(f"sqlite:///{tmp}/bench.sqlite3")
        upgrade_database(db.engine)
        now = datetime.now(UTC)
        t_prepare = t_store = 0.0
        words = 0
        started = time.perf_counter()
        for source in batch:
            t0 = time.perf_counter()
            prepared = prepare(source)
            t1 = time.perf_counter()
            store(db, prepared, kind="text", now=now)
            t2 = time.perf_counter()
            t_prepare += t1 - t0
            t_store += t2 - t1
            words += len(prepared.draft.text.split())
        total = time.perf_counter() - started
        stories = list_stories(db, limit=1000)
    print(f"articles: {len(batch)}, words: {words}, stories formed: {len(stories)}")
    print(f"clean + analyse: {t_prepare:.1f} s ({len(batch) / t_prepare:.1f} articles/s)")
    print(f"group + store:   {t_store:.1f} s ({len(batch) / t_store:.1f} articles/s)")
    print(
        f"total:           {total:.1f} s -> {len(batch) / total:.2f} articles/s, {words / total:.0f} words/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
