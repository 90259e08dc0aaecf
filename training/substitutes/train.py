"""Fit the simpler-word ranker (``models/substitutes/ranker.json``) on the tuning half of BenchLS.

Usage:
    python training/substitutes/train.py LEXICON [--shared ../shared] [--out RANKER_JSON]

``--out`` defaults to ``src/vocabsphere/models/substitutes/ranker.json``.

Every candidate of :func:`vocabsphere.core.lexicon.substitute_ranking.candidate_features` for the
even (tuning) items of BenchLS is labelled 1 when people gave it (its lemma or its inflected form)
as a simpler word there. A logistic regression over those features is written as JSON. The odd
items (the report half of ``bench/bench_substitutes.py``) are never read.
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
from vocabsphere.core.lexicon.substitute_ranking import FEATURES, candidate_features, candidate_form
from vocabsphere.core.text import load_pipeline


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
    x, y = np.asarray(rows), np.asarray(labels)
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    print(f"{len(items)} items, {len(y)} candidates, {int(y.sum())} in the gold lists")
    for name, weight in zip(FEATURES, model.coef_[0], strict=True):
        print(f"  {name:12s} {weight:+.3f}")
    out = {
        "features": list(FEATURES),
        "weights": [round(float(w), 4) for w in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 4),
        "trained_on": "BenchLS even items (tuning half)",
    }
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
