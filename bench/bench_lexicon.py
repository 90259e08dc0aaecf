"""Benchmark the offline lexicon: build time, file size, CEFR-J coverage, look-up latency.

Usage:
    python bench/bench_lexicon.py LEXICON [--build] [--data-dir ../shared/data]
                                  [--languages de,es,ja] [--words 2000] [--seed 13]

Coverage: share of CEFR-J A1-B2 headwords (slash-joined variants count if any variant is
covered) with at least one translation, per language, for source combinations (exact
key), and through the API (adds spelling variants and the WordNet lemma of a form).
Latency: warm, single-process look-ups of random CEFR-J words.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from vocabsphere.core.lexicon import Lexicon, build_lexicon

LEVELS = ("A1", "A2", "B1", "B2")
# Source-combination columns: label -> source kinds included.
COMBINATIONS: dict[str, tuple[str, ...]] = {
    "eng->X": ("freedict",),
    "+apertium/trans": ("freedict", "apertium", "trans"),
    "X->eng inv.": ("freedict-inverted",),
    "all but pivot": ("freedict", "apertium", "trans", "freedict-inverted"),
    "all (+pivot)": ("freedict", "apertium", "trans", "freedict-inverted", "pivot"),
}


def cefr_headwords(data_dir: Path, levels: Sequence[str] = LEVELS) -> list[list[str]]:
    """Distinct headwords at the given levels, each as its list of variants."""
    seen: dict[str, list[str]] = {}
    with (data_dir / "cefrj" / "train.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["cefr"] in levels and row["headword"].strip():
                head = row["headword"].strip()
                seen[head] = [v.strip() for v in head.split("/") if v.strip()]
    return list(seen.values())


def coverage_table(lexicon_path: Path, lex: Lexicon, words: list[list[str]]) -> list[str]:
    conn = sqlite3.connect(f"file:{lexicon_path}?mode=ro", uri=True)
    kinds = dict(conn.execute("SELECT id, kind FROM sources").fetchall())
    # Mask bits are per language: bit i is the i-th id in languages.source_ids.
    order = {
        code: [int(i) for i in ids.split(",") if i]
        for code, ids in conn.execute("SELECT code, source_ids FROM languages")
    }
    header = f"{'lang':<5}" + "".join(f"{c:>17}" for c in COMBINATIONS) + f"{'API':>9}"
    lines = [header, "-" * len(header)]
    for info in lex.languages():
        masks: dict[str, int] = {}
        for lemma, mask in conn.execute(
            "SELECT lemma, source_mask FROM translations WHERE lang = ?", (info.code,)
        ):
            masks[lemma] = masks.get(lemma, 0) | mask
        cells = []
        for combo in COMBINATIONS.values():
            allowed = sum(1 << bit for bit, sid in enumerate(order[info.code]) if kinds[sid] in combo)
            hit = sum(any(masks.get(v.lower(), 0) & allowed for v in variants) for variants in words)
            cells.append(f"{100 * hit / len(words):>16.1f}%")
        api = sum(any(lex.translations(v, info.code) for v in variants) for variants in words)
        lines.append(f"{info.code:<5}" + "".join(cells) + f"{100 * api / len(words):>8.1f}%")
    conn.close()
    return lines


def latency(fn: Callable[[str], object], words: list[str]) -> tuple[float, ...]:
    """(wall p50, wall p99, CPU p50, CPU p99) in microseconds.

    On a shared machine wall-clock p99 includes time the process was descheduled (a 4 ms
    scheduler tick); thread CPU time shows the cost of the look-up itself.
    """
    for word in words[:200]:  # warm caches and the thread's connection
        fn(word)
    wall, cpu = [], []
    for word in words:
        start, start_cpu = time.perf_counter(), time.thread_time()
        fn(word)
        wall.append((time.perf_counter() - start) * 1e6)
        cpu.append((time.thread_time() - start_cpu) * 1e6)
    w, c = statistics.quantiles(wall, n=100), statistics.quantiles(cpu, n=100)
    return w[49], w[98], c[49], c[98]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lexicon", type=Path)
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--build", action="store_true", help="(re)build the lexicon first")
    parser.add_argument("--languages", default="", help="comma list for --build")
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--lang", default="es", help="language for the translation timings")
    args = parser.parse_args(argv)
    if args.build:
        langs = [x for x in args.languages.split(",") if x] or None
        report = build_lexicon(args.lexicon, languages=langs)
        print(f"build: {report.seconds:.1f} s (skipped: {'; '.join(report.skipped) or '-'})")
    lex = Lexicon.open(args.lexicon)
    meta = sqlite3.connect(f"file:{args.lexicon}?mode=ro", uri=True)
    seconds = dict(meta.execute("SELECT key, value FROM meta").fetchall()).get("build_seconds")
    meta.close()
    print(f"lexicon {lex.lexicon_version()} built {lex.build_time()} in {seconds} s")
    print(f"file size: {args.lexicon.stat().st_size / 1e6:.1f} MB")
    for src in lex.sources():
        print(f"  source {src.name:<22} {src.version or '-':<16} {src.entries:>8}  {src.license}")
    words = cefr_headwords(args.data_dir)
    print(f"\ncoverage of {len(words)} CEFR-J A1-B2 headwords (at least one translation):")
    print("\n".join(coverage_table(args.lexicon, lex, words)))
    pool = [v for variants in cefr_headwords(args.data_dir, (*LEVELS, "C1", "C2")) for v in variants]
    sample = random.Random(args.seed).choices(pool, k=args.words)
    codes = [info.code for info in lex.languages()]
    lang = args.lang if args.lang in codes else (codes or ["de"])[0]
    print(f"\nwarm look-up latency over {args.words} random CEFR-J words, lang={lang} (µs):")
    checks: dict[str, Callable[[str], object]] = {
        "translations(w, lang)": lambda w: lex.translations(w, lang),
        "entries(w)": lex.entries,
        "ipa(w)": lex.ipa,
        "family(w)": lex.family,
        "tap (entries+translations+ipa)": lambda w: (lex.entries(w), lex.translations(w, lang), lex.ipa(w)),
    }
    print(f"  {'':<32} {'wall p50':>9} {'wall p99':>9} {'cpu p50':>9} {'cpu p99':>9}")
    for name, fn in checks.items():
        print(f"  {name:<32}" + "".join(f"{v:>10.0f}" for v in latency(fn, sample)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
