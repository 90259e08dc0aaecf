"""Fit the simpler-word ranker (``models/substitutes/ranker.json``) on the tuning half of BenchLS.

Usage:
    python training/substitutes/train.py LEXICON [--shared ../shared] [--out RANKER_JSON]

``--out`` defaults to ``src/vocabsphere/models/substitutes/ranker.json``.

Every candidate of :func:`vocabsphere.core.lexicon.substitute_ranking.candidate_features` for the
even (tuning) items of BenchLS is labelled 1 when people gave it (its lemma or its inflected form)
as a simpler word there. A logistic regression over the signals in ``FEATURES`` (standardised) is
written as JSON. The odd items (the report half of ``bench/bench_substitutes.py``) are never read.

``FEATURES`` was chosen by greedy forward/backward selection from the signals of
:data:`~vocabsphere.core.lexicon.substitute_ranking.SIGNALS` (and some products of two, which did not
help), scoring ACC@1 + Potential@3 in 5-fold cross-validation over the tuning items only; SWORDS dev
was the second check. Pairwise training (gold minus other candidates) ranked no better.

Data: BenchLS (Paetzold and Specia, LREC 2016), distributed for research with no licence file; it is
read from the shared data directory and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from bench_substitutes import benchls, token_at

from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.sense_choice import choose_sense
from vocabsphere.core.lexicon.substitute_ranking import (
    SIGNALS,
    candidate_features,
    candidate_form,
    signal_positions,
)
from vocabsphere.core.text import load_pipeline

FEATURES = (
    "sense",
    "hypernym",
    "neighbour",
    "only_neighbour",
    "cos_word",
    "cos_context",
    "cos_near",
    "zipf",
    "zipf_gain",
    "level_gain",
    "multi_sense",
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("lexicon")
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default="src/vocabsphere/models/substitutes/ranker.json")
    args = parser.parse_args()
    lexicon = Lexicon.open(args.lexicon)
    items = list(benchls(Path(args.shared) / "data" / "lexical_simplification" / "BenchLS.txt"))[::2]
    nlp = load_pipeline()
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    for item, doc in zip(items, nlp.pipe(i.text for i in items), strict=True):
        index = token_at(doc, item.start)
        if index is None:
            continue
        choice = choose_sense(lexicon, doc, index)
        if not choice.senses:
            continue
        for word, features in candidate_features(lexicon, doc, index, choice).items():
            form = candidate_form(doc[index], word, choice.upos) or word
            rows.append(features)
            labels.append(int(bool({word, form.lower()} & item.gold)))
    x = np.asarray(rows)[:, list(signal_positions(FEATURES))]
    y = np.asarray(labels)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9  # standardised, so C treats signals alike
    model = LogisticRegression(C=1.0, max_iter=5000).fit((x - mean) / scale, y)
    print(
        f"{len(items)} items, {len(y)} candidates, {int(y.sum())} in the gold lists ({len(SIGNALS)} signals)"
    )
    for name, weight in zip(FEATURES, model.coef_[0], strict=True):
        print(f"  {name:14s} {weight:+.3f}")
    out = {
        "features": list(FEATURES),
        "mean": [round(float(v), 5) for v in mean],
        "scale": [round(float(v), 5) for v in scale],
        "weights": [round(float(w), 4) for w in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 4),
        "trained_on": "BenchLS even items (tuning half)",
        "data": "BenchLS (Paetzold and Specia, LREC 2016), distributed for research; not copied here",
    }
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
