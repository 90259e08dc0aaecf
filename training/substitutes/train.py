"""Fit the simpler-word ranker (``models/substitutes/ranker.json``) on the tuning half of BenchLS.

Usage:
    python training/substitutes/train.py LEXICON [--shared ../shared] [--out RANKER_JSON] [--cv]

``--out`` defaults to ``src/vocabsphere/models/substitutes/ranker.json``; ``--cv`` first prints
ACC@1 and Potential@3 of 5-fold cross-validation over the tuning items (folds by item).

Every candidate of :func:`vocabsphere.core.lexicon.substitute_ranking.candidate_features` for the
even (tuning) items of BenchLS is labelled 1 when people gave it (its lemma or its inflected form)
as a simpler word there. Gradient-boosted regression trees (scikit-learn, log-loss) over the
signals in ``FEATURES`` are written as JSON: per tree the arrays ``feature``, ``threshold``,
``left``, ``right`` (-1 at a leaf) and ``value`` (times the learning rate), the log-odds ``init``
and the deepest tree's ``depth``; the app evaluates them with numpy alone and the export is checked
against scikit-learn here. The odd items (the report half of ``bench/bench_substitutes.py``) are
never read.

Round subs-4: the trees over every signal (with the candidate's length) beat the standardised
logistic model of round subs-3 in cross-validation on the tuning half (ACC@1 0.533 -> 0.58;
Potential@3 about the same); the settings below were chosen there too. That fit, on its 18
signals, ships as ``writer.json``: the gate for words written into a text (``SAFE_FIT``).
Round subs-5: with the two translation signals (:mod:`vocabsphere.core.lexicon.translation_overlap`)
cross-validation gives ACC@1 0.628, Potential@3 0.822 (was 0.570 / 0.774); this script writes
that fit, the list's ranker, to ``ranker.json``.

Data: BenchLS (Paetzold and Specia, LREC 2016), distributed for research with no licence file; it is
read from the shared data directory and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from bench_substitutes import benchls, token_at

from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.sense_choice import choose_sense
from vocabsphere.core.lexicon.substitute_ranking import (
    SIGNALS,
    candidate_features,
    candidate_form,
    model_from_json,
    signal_positions,
)
from vocabsphere.core.lexicon.substitutes import word_level
from vocabsphere.core.text import load_pipeline

FEATURES = SIGNALS
SETTINGS = {"n_estimators": 200, "max_depth": 3, "learning_rate": 0.05, "subsample": 0.8, "random_state": 0}
FOLDS = 5


def candidates(lexicon: Lexicon, shared: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Signals, labels and item number of every ranked candidate (as ``rank_substitutes`` keeps
    them: rated and with a form) of the tuning items; and how many items there are."""
    items = list(benchls(shared / "data" / "lexical_simplification" / "BenchLS.txt"))[::2]
    nlp = load_pipeline()
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    groups: list[int] = []
    for number, (item, doc) in enumerate(zip(items, nlp.pipe(i.text for i in items), strict=True)):
        index = token_at(doc, item.start)
        if index is None:
            continue
        choice = choose_sense(lexicon, doc, index)
        if not choice.senses or choice.upos not in ("NOUN", "VERB", "ADJ", "ADV"):
            continue
        # sorted: the candidates' order follows set order, which changes with the hash seed
        for word, features in sorted(candidate_features(lexicon, doc, index, choice).items()):
            form = candidate_form(doc[index], word, choice.upos)
            if form is None or word_level(word, choice.upos) is None:
                continue
            rows.append(features)
            labels.append(int(bool({word, form.lower()} & item.gold)))
            groups.append(number)
    x = np.asarray(rows)[:, list(signal_positions(FEATURES))]
    return x, np.asarray(labels), np.asarray(groups), len(items)


def ranked_scores(
    scores: np.ndarray, labels: np.ndarray, groups: np.ndarray, items: int
) -> tuple[float, float]:
    """ACC@1 and Potential@3 over all ``items`` (an item without candidates counts as a miss)."""
    first = three = 0
    for group in np.unique(groups):
        mine = groups == group
        ordered = labels[mine][np.argsort(-scores[mine], kind="stable")]
        first += int(ordered[0])
        three += int(ordered[:3].any())
    return first / items, three / items


def cross_validate(x: np.ndarray, y: np.ndarray, groups: np.ndarray, items: int) -> tuple[float, float]:
    scores = np.zeros(len(y))
    for fold in range(FOLDS):
        held = groups % FOLDS == fold
        model = GradientBoostingClassifier(**SETTINGS).fit(x[~held], y[~held])
        scores[held] = model.decision_function(x[held])
    return ranked_scores(scores, y, groups, items)


def export(model: GradientBoostingClassifier, x: np.ndarray) -> dict[str, object]:
    rate = float(model.learning_rate)
    trees = []
    for estimator in model.estimators_[:, 0]:
        tree = estimator.tree_
        trees.append(
            {
                "feature": [int(v) for v in tree.feature],
                "threshold": [float(v) for v in tree.threshold],
                "left": [int(v) for v in tree.children_left],
                "right": [int(v) for v in tree.children_right],
                "value": [round(float(v) * rate, 7) for v in tree.value[:, 0, 0]],
            }
        )
    summed = sum(rate * e.predict(x[:1])[0] for e in model.estimators_[:, 0])
    init = float(model.decision_function(x[:1])[0] - summed)
    depth = max(int(e.tree_.max_depth) for e in model.estimators_[:, 0])
    return {
        "kind": "gradient-boosted trees",
        "features": list(FEATURES),
        "init": init,
        "depth": depth,
        "trees": trees,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("lexicon")
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default="src/vocabsphere/models/substitutes/ranker.json")
    parser.add_argument("--cv", action="store_true", help="print 5-fold cross-validation first")
    args = parser.parse_args()
    x, y, groups, items = candidates(Lexicon.open(args.lexicon), Path(args.shared))
    print(f"{items} items, {len(y)} candidates, {int(y.sum())} in the gold lists")
    if args.cv:
        first, three = cross_validate(x, y, groups, items)
        print(f"{FOLDS}-fold cross-validation: ACC@1 {first:.3f}, Potential@3 {three:.3f}")
    model = GradientBoostingClassifier(**SETTINGS).fit(x, y)
    out = export(model, x)
    worst = float(np.max(np.abs(model_from_json(out).log_odds(x) - model.decision_function(x))))
    if worst > 1e-5:
        raise SystemExit(f"exported trees differ from scikit-learn by {worst}")
    print(f"export check ok (max difference {worst:.1e})")
    out["settings"] = SETTINGS
    out["trained_on"] = "BenchLS even items (tuning half)"
    out["data"] = "BenchLS (Paetzold and Specia, LREC 2016), distributed for research; not copied here"
    Path(args.out).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
