"""Benchmark the grammar-point detectors on UD English-EWT dev sentences.

Usage (from the repository root):
    python bench/bench_grammar.py [DATA_DIR] [--limit N] [--examples K]

DATA_DIR is the shared data directory holding ``ud_english_ewt/`` (default ``../shared/data``
relative to the repository root). Sentences are the treebank's ``# text =`` lines, parsed
one per doc with the packaged pipeline. Prints matches per grammar point (and, with
``--examples``, a few matched spans per point for eyeballing precision) and the speed of
parsing + detection and of detection alone, on one core.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

# Pin every BLAS/OpenMP pool to one thread *before* numpy/spaCy are imported: the speed
# figure is a single-core figure (and the machine is shared).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

from spacy.tokens import Doc  # noqa: E402  (imported after the pinning on purpose)

from vocabsphere.core.levels.grammar import (  # noqa: E402
    GRAMMAR_POINTS,
    GrammarMatch,
    detect_grammar,
)
from vocabsphere.core.text.pipeline import MODEL_VERSION, load_pipeline  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"
DEV_FILE = Path("ud_english_ewt") / "en_ewt-ud-dev.conllu"
TEXT_PREFIX = "# text = "


def read_sentences(data_dir: Path, limit: int | None) -> list[str]:
    lines = (data_dir / DEV_FILE).read_text(encoding="utf-8").splitlines()
    texts = [line[len(TEXT_PREFIX) :].strip() for line in lines if line.startswith(TEXT_PREFIX)]
    return texts[:limit] if limit else texts


def run(texts: Sequence[str]) -> tuple[list[Doc], list[list[GrammarMatch]], float, float]:
    """Parse and detect; returns docs, matches, parse+detect seconds and detect-only seconds."""
    nlp = load_pipeline()
    nlp("Warm-up sentence.")  # keep model loading out of the timing
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    parsed = time.perf_counter()
    matches = [detect_grammar(doc) for doc in docs]
    detected = time.perf_counter()
    return docs, matches, detected - start, detected - parsed


def report(docs: Sequence[Doc], matches: Sequence[list[GrammarMatch]], examples: int) -> None:
    counts: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    for doc_matches in matches:
        for match in doc_matches:
            counts[match.point.id] += 1
            if len(samples[match.point.id]) < examples:
                samples[match.point.id].append(match.text)
    with_any = sum(1 for doc_matches in matches if doc_matches)
    print(f"sentences: {len(docs)}; with at least one match: {with_any}; matches: {sum(counts.values())}")
    print(f"{'point':30} {'level':5} {'matches':>8} {'per 1k sent':>11}")
    for point in GRAMMAR_POINTS.values():
        n = counts[point.id]
        print(f"{point.id:30} {point.level:5} {n:8d} {1000 * n / max(len(docs), 1):11.1f}")
        for text in samples[point.id]:
            print(f"{'':36}| {text}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--examples", type=int, default=0, help="print K matched spans per point")
    args = parser.parse_args(argv)
    if not (args.data_dir / DEV_FILE).is_file():
        print(f"missing {args.data_dir / DEV_FILE}", file=sys.stderr)
        return 2
    texts = read_sentences(args.data_dir, args.limit)
    docs, matches, total, detect_only = run(texts)
    print(f"model: {MODEL_VERSION}")
    report(docs, matches, args.examples)
    print(f"parse + detect: {len(texts) / total:.1f} sentences/s ({total:.1f} s)")
    print(f"detect only:    {len(texts) / detect_only:.1f} sentences/s ({detect_only:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
