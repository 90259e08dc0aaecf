"""The job a teacher waits for: build_versions on a ~1,000-word story, with its parses and storage.

Usage (from the repository root):
    python bench/bench_build_versions.py [--runs 3] [FILE]

Builds a throw-away SQLite data directory, ingests FILE (default: the ~1,000-word story of
bench_reader.py, made from the bundled demo articles), runs build_versions once to load the models
(not timed), then --runs more times and prints each time and the median (wall clock and CPU time, with the
machine's load average: on a shared machine the CPU time is the steadier figure): every version (A2, B1, B2
and A1/C1 where offered), the original's and each version's reader analysis and highlights, and the
database writes. The lexicon is $VOCABSPHERE_LEXICON_PATH (as the app reads it).

The job stores the reader texts without what a first tap would compute slowly; the follow-up job
queued after it (``prepare_version_taps``, the taps' sense choices and simpler words) is timed apart,
after each run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from bench_reader import long_story  # noqa: E402

from vocabsphere.config import Settings  # noqa: E402
from vocabsphere.core.articles import count_words  # noqa: E402
from vocabsphere.services import versions  # noqa: E402
from vocabsphere.services.fetching import FetchPolicy  # noqa: E402
from vocabsphere.services.ingest import IngestSource, ingest  # noqa: E402
from vocabsphere.store.database import Database  # noqa: E402
from vocabsphere.store.migrate import upgrade_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    text = args.file.read_text(encoding="utf-8") if args.file else long_story()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), env="development")
        db = Database.connect(settings.sqlalchemy_url)
        upgrade_database(db.engine)
        now = datetime.now(UTC)
        story_id = ingest(db, IngestSource(kind="text", text=text), now=now, policy=FetchPolicy()).story_id
        # warm-up: model loads
        built = versions.build_versions(db, settings, story_id, now=now, prepare_taps=False)
        versions.prepare_version_taps(db, settings, story_id)
        print(f"story: {count_words(text)} words; versions: {', '.join(v.level for v in built)}")
        times, cpu, follow_times, follow_cpu = [], [], [], []
        for run in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            versions.build_versions(db, settings, story_id, now=now, prepare_taps=False)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            started, started_cpu = time.perf_counter(), time.process_time()
            prepared = versions.prepare_version_taps(db, settings, story_id)
            follow_times.append(time.perf_counter() - started)
            follow_cpu.append(time.process_time() - started_cpu)
            print(
                f"run {run + 1}: {times[-1]:.2f} s (CPU {cpu[-1]:.2f} s);"
                f" follow-up ({prepared} versions) {follow_times[-1]:.2f} s (CPU {follow_cpu[-1]:.2f} s)"
            )
        load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
        print(
            f"build_versions, warm: median {statistics.median(times):.2f} s (min {min(times):.2f} s);"
            f" CPU time median {statistics.median(cpu):.2f} s; load average {load} on {os.cpu_count()} cores"
        )
        print(
            f"follow-up prepare_version_taps: median {statistics.median(follow_times):.2f} s;"
            f" CPU time median {statistics.median(follow_cpu):.2f} s"
        )
        db.dispose()


if __name__ == "__main__":
    main()
