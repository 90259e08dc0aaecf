"""Benchmark learnable-sentence highlights on OneStopEnglish dev Intermediate texts.

Usage (from the repository root):
    python bench/bench_highlights.py [DATA_DIR] [--texts N] [--level B1] [--lexicon FILE] [--show K]

DATA_DIR is the shared data directory holding ``onestopenglish/`` (default ``../shared/data``
relative to the repository root). The lexicon file defaults to the VOCABSPHERE_LEXICON
environment variable; without one, highlights have no WordNet expressions or meanings.
Prints, per text, the highlights (``--show`` of them with explanations), then: highlights
per text, mean explanation length, the share of explanations that quote their sentence
(must be 100 %), distinct grammar points covered, and milliseconds per 1,000-word text for
selection alone and for parsing + selection, on one core.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# One thread for every BLAS/OpenMP pool *before* numpy/spaCy load: a single-core figure on a
# shared machine.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

from vocabsphere.core.learnables import Highlight, quotes_sentence, select_highlights  # noqa: E402
from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.text.pipeline import MODEL_VERSION, load_pipeline  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"
CORPUS = Path("onestopenglish")


@dataclass(frozen=True)
class Result:
    article: str
    words: int
    highlights: list[Highlight]
    parse_s: float
    select_s: float


def read_texts(data_dir: Path, limit: int) -> list[tuple[str, str]]:
    """(article id, text) of the dev split's Intermediate texts, in index order."""
    with (data_dir / CORPUS / "index.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["split"] == "dev" and r["level"] == "int"]
    return [
        (r["article_id"], (data_dir / CORPUS / r["path"]).read_text(encoding="utf-8")) for r in rows[:limit]
    ]


def run(texts: Sequence[tuple[str, str]], level: str, lexicon: Lexicon | None) -> list[Result]:
    nlp = load_pipeline()
    # Warm-up: model loading and first-use caches stay out of the timing.
    select_highlights(nlp("The council has made a decision. It will open a garden."), level, lexicon=lexicon)
    results = []
    for article, text in texts:
        start = time.perf_counter()
        doc = nlp(text)
        parsed = time.perf_counter()
        highlights = select_highlights(doc, level, lexicon=lexicon)
        done = time.perf_counter()
        words = sum(1 for t in doc if not (t.is_punct or t.is_space))
        results.append(Result(article, words, highlights, parsed - start, done - parsed))
    return results


def show(result: Result, limit: int) -> None:
    print(f"\n## {result.article} ({result.words} words): {len(result.highlights)} highlights")
    for h in result.highlights[:limit]:
        print(f"  [{h.sentence_index}] score {h.score:.2f}  {h.sentence}")
        print(f"      -> {h.explanation}")


def summary(results: Sequence[Result]) -> None:
    highlights = [h for r in results for h in r.highlights]
    counts = [len(r.highlights) for r in results]
    quoting = sum(quotes_sentence(h.explanation, h.sentence) for h in highlights)
    points = {p.id for h in highlights for p in h.points}
    per_text = [len({p.id for h in r.highlights for p in h.points}) for r in results]
    words = sum(r.words for r in results)
    print(f"\nmodel {MODEL_VERSION}; {len(results)} texts, {words} words")
    print(f"highlights per text: mean {sum(counts) / len(counts):.1f}, min {min(counts)}, max {max(counts)}")
    mean_words = sum(len(h.explanation.split()) for h in highlights) / len(highlights)
    mean_chars = sum(len(h.explanation) for h in highlights) / len(highlights)
    print(f"explanation length: mean {mean_words:.1f} words, {mean_chars:.0f} characters")
    print(
        f"explanations quoting their sentence: {quoting}/{len(highlights)} "
        f"({100 * quoting / len(highlights):.1f} %)"
    )
    print(
        f"distinct grammar points: {len(points)} over all texts, "
        f"{sum(per_text) / len(per_text):.1f} per text; with a word note: "
        f"{sum(bool(h.words) for h in highlights)}/{len(highlights)}; with an expression: "
        f"{sum(bool(h.expressions) for h in highlights)}/{len(highlights)}"
    )
    select_ms = 1000 * sum(r.select_s for r in results) / words * 1000
    total_ms = 1000 * sum(r.select_s + r.parse_s for r in results) / words * 1000
    print(f"speed per 1,000-word text: selection {select_ms:.0f} ms, parse + selection {total_ms:.0f} ms")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--texts", type=int, default=8, help="number of dev Intermediate texts")
    parser.add_argument("--level", default="B1", help="learner level (Intermediate texts suit B1)")
    parser.add_argument("--lexicon", type=Path, default=os.environ.get("VOCABSPHERE_LEXICON"))
    parser.add_argument("--show", type=int, default=3, help="highlights printed per text")
    args = parser.parse_args(argv)
    if not (args.data_dir / CORPUS / "index.csv").is_file():
        print(f"no {CORPUS}/index.csv under {args.data_dir}", file=sys.stderr)
        return 2
    lexicon = Lexicon.open(args.lexicon) if args.lexicon else None
    print(f"learner level {args.level}; lexicon: {'yes' if lexicon else 'none (no meanings)'}")
    results = run(read_texts(args.data_dir, args.texts), args.level, lexicon)
    for result in results:
        show(result, args.show)
    summary(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
