"""Story grouping quality: pairwise precision and recall of the stories ingestion forms.

Ingests, through the real service on a fresh SQLite database, in this order: the bundled demo articles,
the four seed articles (if ../shared/seeds is there), then the fictional reports of tests/fixtures/stories.py
shuffled with a fixed seed: 24 reports from one local news desk about 24 different events in its house
phrasing, and three events each told by three outlets in their own words.
Gold stories: seeds 000, 001, 002 one story, 004 its own; each demo article and each desk report its own;
each outlet event one story. With --onestop (held out: the rules were not tuned on it) the OneStopEnglish
dev texts (or with --onestop train the train texts) are added, shuffled in: each article at its three
levels is one story told three ways.
Prints pairwise precision and recall (over all pairs of articles), the stories formed, and every wrong
merge or split.
With --ingest-draw N, only bench_ingest.py's draw of N junk-wrapped OneStopEnglish texts is ingested,
in its order (its article ids are the gold stories).
Usage: python bench/bench_story_grouping.py [SHARED_DIR] [--order-seed 7] [--onestop [dev|train]]
       python bench/bench_story_grouping.py [SHARED_DIR] --ingest-draw 200
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from collections import defaultdict
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_ingest import draw  # noqa: E402

from tests.fixtures.stories import OUTLET_EVENTS, Report, desk_reports  # noqa: E402
from vocabsphere.services.demo import demo_articles  # noqa: E402
from vocabsphere.services.ingest import IngestSource, prepare, store  # noqa: E402
from vocabsphere.store.database import Database  # noqa: E402
from vocabsphere.store.migrate import upgrade_database  # noqa: E402

NOW = datetime(2026, 11, 6, 9, 0, tzinfo=UTC)
SEED_STORY = {
    "000": "seed-north-korea",
    "001": "seed-north-korea",
    "002": "seed-north-korea",
    "004": "seed-004",
}


def onestop_reports(shared: Path, split: str) -> list[Report]:
    root = shared / "data" / "onestopenglish"
    with (root / "index.csv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["split"] == split]
    return [
        Report(
            f"onestop-{row['article_id']}",
            row["title"],
            (root / row["path"]).read_text(encoding="utf-8"),
            f"OneStopEnglish {row['level']}",
        )
        for row in rows
    ]


def sources(shared: Path, order_seed: int, *, onestop: str | None) -> list[tuple[str, str, IngestSource]]:
    """(label, gold story, source) in ingestion order."""
    items = [
        (
            f"demo:{d.title}",
            f"demo-{i}",
            IngestSource(kind="demo", text=d.text, title=d.title, outlet=d.outlet),
        )
        for i, d in enumerate(demo_articles())
    ]
    for path in sorted((shared / "seeds").glob("*.txt")):
        gold = SEED_STORY.get(path.name[:3])
        if gold:
            items.append(
                (
                    f"seed:{path.name[:3]}",
                    gold,
                    IngestSource(kind="file", data=path.read_bytes(), filename=path.name),
                )
            )
    reports = desk_reports() + list(OUTLET_EVENTS) + (onestop_reports(shared, onestop) if onestop else [])
    random.Random(order_seed).shuffle(reports)
    items += [
        (
            f"{r.outlet}: {r.title}",
            r.key,
            IngestSource(kind="text", text=r.text, title=r.title, outlet=r.outlet),
        )
        for r in reports
    ]
    return items


def pairwise(gold: dict[str, str], found: dict[str, int]) -> tuple[float, float, list[str], list[str]]:
    tp = fp = fn = 0
    merges: list[str] = []
    splits: list[str] = []
    for a, b in combinations(gold, 2):
        same_gold, same_found = gold[a] == gold[b], found[a] == found[b]
        tp += same_gold and same_found
        if same_found and not same_gold:
            fp += 1
            merges.append(f"{a}  +  {b}")
        if same_gold and not same_found:
            fn += 1
            splits.append(f"{a}  /  {b}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, merges, splits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("shared", nargs="?", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--order-seed", type=int, default=7)
    parser.add_argument("--ingest-draw", type=int, metavar="N", help="bench_ingest.py's draw of N texts only")
    parser.add_argument(
        "--onestop", nargs="?", const="dev", choices=["dev", "train"], help="add OneStopEnglish texts (dev)"
    )
    args = parser.parse_args()
    if args.ingest_draw:
        picked = draw(args.shared / "data", args.ingest_draw)
        items = [(f"{key}#{i}", key, source) for i, (key, source) in enumerate(picked)]
    else:
        items = sources(args.shared, args.order_seed, onestop=args.onestop)
    gold: dict[str, str] = {}
    found: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.connect(f"sqlite:///{tmp}/grouping.sqlite3")
        upgrade_database(db.engine)
        for label, story, source in items:
            result = store(db, prepare(source, with_analysis=False), kind=source.kind, now=NOW, label=label)
            gold[label], found[label] = story, result.story_id
    precision, recall, merges, splits = pairwise(gold, found)
    seeds = sum(label.startswith("seed:") for label in gold)
    print(
        f"articles: {len(gold)} ({seeds} seeds), gold stories: {len(set(gold.values()))}, "
        f"stories formed: {len(set(found.values()))}"
    )
    print(f"pairwise precision: {precision:.3f}  recall: {recall:.3f}")
    for title, rows in (("wrong merges", merges), ("wrong splits", splits)):
        print(f"{title}: {len(rows)}")
        for row in rows:
            print(f"  {row}")
    groups: dict[int, list[str]] = defaultdict(list)
    for label, story_id in found.items():
        groups[story_id].append(label)
    for members in groups.values():
        if len(members) > 1:
            print("story: " + " | ".join(members))
    return 0


if __name__ == "__main__":
    sys.exit(main())
