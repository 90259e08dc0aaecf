"""Dev figures of the shipped CEFR text-level model, with Flesch-Kincaid (FKGL) alone as baseline.

Usage (from the repository root):
    python bench/bench_text_level.py [DATA_DIR]      # DATA_DIR defaults to ../shared/data

Scores the OneStopEnglish dev articles through the run-time code path (``text_levels``: normalise,
parse with nlp.pipe, features, model JSON) and prints:
- three-class accuracy: Elementary = A1-A2, Intermediate = B1, Advanced = B2 and above;
- pair ordering: share of same-article pairs (ele<int, int<adv, ele<adv) with strictly ordered scores;
- FKGL alone: the same pair ordering, and three-class accuracy with two thresholds tuned on train;
- CEFR-SP dev sentences (single sentences, the model's hardest case): Spearman with teacher labels;
- throughput in texts/s and words/s (parse included).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "training" / "text_level"))

from data import OSE_LEVELS, read_cefr_sp, read_ose  # noqa: E402
from fit import class_thresholds, pair_order_rate, spearman, three_class  # noqa: E402

from vocabsphere.core.levels.readability import flesch_kincaid_grade, normalise_text  # noqa: E402
from vocabsphere.core.levels.text_level import load_text_model, text_levels  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402

_BAND = {"A1": 0, "A2": 0, "B1": 1, "B2": 2, "C1": 2, "C2": 2}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data_dir", nargs="?", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--show", action="store_true", help="print every dev text's score")
    args = parser.parse_args()
    texts = read_ose(args.data_dir)
    dev = [t for t in texts if t.split == "dev"]
    level = np.array([OSE_LEVELS.index(t.level) for t in dev])
    articles = [t.article_id for t in dev]
    load_pipeline(), load_text_model()  # load outside the timing

    start = time.perf_counter()
    results = text_levels([t.text for t in dev])
    elapsed = time.perf_counter() - start
    score = np.array([r.score for r in results])
    predicted = np.array([_BAND[r.level] for r in results])
    pairs, n_pairs = pair_order_rate(score, level, articles)
    n_words = sum(r.word_count for r in results)
    print(f"model {results[0].model_version}; dev: {len(dev)} texts, {len(set(articles))} articles")
    print(f"three-class accuracy       {np.mean(predicted == level):.3f}")
    print(f"pair ordering              {pairs:.4f} ({n_pairs} pairs)")
    for k, name in enumerate(OSE_LEVELS):
        s = score[level == k]
        print(f"  {name}: mean score {s.mean():.2f} (min {s.min():.2f}, max {s.max():.2f})")
    print("confusion (rows ele/int/adv, columns predicted):")
    for k in range(3):
        print("  ", [int(np.sum((level == k) & (predicted == j))) for j in range(3)])

    train = [t for t in texts if t.split == "train"]
    fk_train = np.array([flesch_kincaid_grade(normalise_text(t.text)) for t in train])
    fk_dev = np.array([flesch_kincaid_grade(normalise_text(t.text)) for t in dev])
    t = class_thresholds(fk_train, np.array([OSE_LEVELS.index(x.level) for x in train]))
    doc_fk = np.array([r.fkgl for r in results])
    print(
        f"FKGL alone (plain-text splitter): pair ordering {pair_order_rate(fk_dev, level, articles)[0]:.4f}, "
        f"three-class accuracy {np.mean(three_class(fk_dev, t) == level):.3f} (thresholds from train)"
    )
    print(f"FKGL alone (our sentences/words): pair order {pair_order_rate(doc_fk, level, articles)[0]:.4f}")
    print(f"throughput                 {len(dev) / elapsed:.1f} texts/s, {n_words / elapsed:.0f} words/s")

    sp = read_cefr_sp(args.data_dir, "dev")
    sp_scores = np.array([r.score for r in text_levels([s.text for s in sp])])
    print(
        f"CEFR-SP dev sentences      Spearman {spearman(sp_scores, np.array([s.label for s in sp])):.3f} "
        f"(n={len(sp)}, one sentence at a time)"
    )
    if args.show:
        writer = csv.writer(sys.stdout)
        for text, r in zip(dev, results, strict=True):
            writer.writerow([text.article_id, text.level, r.level, r.score, round(r.fkgl, 2)])


if __name__ == "__main__":
    main()
