"""Train the CEFR text-level model and write src/vocabsphere/models/text_level/model.json.

Usage (from the repository root):
    python training/text_level/train.py [DATA_DIR] [--cache DIR | --no-cache] [--no-grammar]

DATA_DIR defaults to ../shared/data relative to the repository root. Deterministic: article folds
and CEFR-SP groups are ordered by SHA-256. Hyperparameters (ridge penalty, CEFR-SP weight) are
chosen by 5-fold cross-validation on OneStopEnglish train, grouped by article; dev is only
reported (by bench/bench_text_level.py), never used for a choice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import (  # noqa: E402
    DEFAULT_CACHE,
    OSE_LEVELS,
    OSE_TARGET,
    parse_cached,
    read_cefr_sp,
    read_ose,
    sp_docs,
    sp_groups,
)
from fit import (  # noqa: E402
    Array,
    Ridge,
    class_thresholds,
    fit_ridge,
    level_width,
    make_cuts,
    pair_order_rate,
    spearman,
    three_class,
)
from lexicon import LEXICON_LAMBDA, MIN_ARTICLES, cross_fit, fit_lexicon, score_texts  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from vocabsphere.core.levels.text_features import (  # noqa: E402
    GRAMMAR_BANDS,
    LEVELS,
    analysed_words,
    extract_features,
    grammar_detector,
    style_forms,
)
from vocabsphere.core.levels.text_level import calibrate, model_from_json  # noqa: E402
from vocabsphere.core.text import MODEL_VERSION as PIPELINE_VERSION  # noqa: E402

VERSION = "text-level-1"
OUT = REPO / "src" / "vocabsphere" / "models" / "text_level" / "model.json"
FEATURES: tuple[str, ...] = (
    "mean_sentence_length",
    "sentence_length_sd",
    "long_sentence_share",
    "commas_per_sentence",
    "clauses_per_sentence",
    "subordinate_per_sentence",
    "mean_parse_depth",
    "passive_share",
    "syllables_per_word",
    "polysyllable_share",
    "lexical_density",
    "mattr",
    "mean_word_score",
    "share_B1_plus",
    "share_B2_plus",
    "share_C1_plus",
    "mean_content_zipf",
    "rare_word_share",
)
GRAMMAR_FEATURES = tuple(f"grammar_{band}_per_sentence" for band in GRAMMAR_BANDS)
LAMBDAS = (0.003, 0.01, 0.03, 0.1)
SP_WEIGHTS = (0.0, 0.1, 0.25, 0.5)
N_FOLDS = 5


@dataclass(frozen=True)
class Split:
    x: Array  # FEATURES (+ grammar), without style_score
    y: Array
    level: np.ndarray
    article: list[str]
    forms: list[list[str]]  # words the style lexicon looks at

    def with_style(self, style: Array) -> Array:
        return np.asarray(np.c_[self.x, style], dtype=np.float64)


def _rows(docs: list[Doc], names: tuple[str, ...]) -> tuple[Array, list[list[str]]]:
    feats = [extract_features(d).model_inputs() for d in docs]
    forms = [style_forms(analysed_words(d)) for d in docs]
    return np.array([[f[n] for n in names] for f in feats]), forms


def load(
    data_dir: Path, cache: Path | None, names: tuple[str, ...]
) -> tuple[dict[str, Split], dict[str, Split]]:
    ose = read_ose(data_dir)
    x, forms = _rows(parse_cached([t.text for t in ose], "ose", cache), names)
    splits: dict[str, Split] = {}
    for split in ("train", "dev"):
        idx = [i for i, t in enumerate(ose) if t.split == split]
        splits[split] = Split(
            x[idx],
            np.array([OSE_TARGET[ose[i].level] for i in idx]),
            np.array([OSE_LEVELS.index(ose[i].level) for i in idx]),
            [ose[i].article_id for i in idx],
            [forms[i] for i in idx],
        )
    sp: dict[str, Split] = {}
    for split in ("train", "dev"):
        sentences = read_cefr_sp(data_dir, split)
        groups = sp_groups(sentences, "vocabsphere-text-level-v1")
        sdocs = parse_cached([s.text for s in sentences], f"cefr-sp-{split}", cache)
        gx, gforms = _rows(sp_docs(sdocs, groups), names)
        labels = np.array([np.mean([sentences[i].label for i in g]) for g in groups])
        sp[split] = Split(gx, labels, labels.round(), [], gforms)
    return splits, sp


def folds(articles: list[str]) -> np.ndarray:
    order = sorted(set(articles), key=lambda a: hashlib.sha256(f"text-level-fold:{a}".encode()).digest())
    fold_of = {a: i % N_FOLDS for i, a in enumerate(order)}
    return np.array([fold_of[a] for a in articles])


@dataclass(frozen=True)
class Fold:
    fit_rows: np.ndarray
    held: np.ndarray
    x_fit: Array  # with cross-fitted style scores
    x_held: Array  # style from the lexicon of the fitting rows
    x_sp: Array


def outer_folds(tr: Split, sp: Split) -> list[Fold]:
    """CV folds with the style lexicon refitted inside each (nested cross-fitting, no leakage)."""
    fold, out = folds(tr.article), []
    for k in range(N_FOLDS):
        fit_rows, held = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        forms = [tr.forms[i] for i in fit_rows]
        targets, arts = tr.y[fit_rows].tolist(), [tr.article[i] for i in fit_rows]
        inner = cross_fit(forms, targets, arts, fold[fit_rows])
        lexicon = fit_lexicon(forms, targets, arts)
        held_style = score_texts([tr.forms[i] for i in held], lexicon)
        out.append(
            Fold(
                fit_rows,
                held,
                np.c_[tr.x[fit_rows], inner],
                np.c_[tr.x[held], held_style],
                sp.with_style(score_texts(sp.forms, lexicon)),
            )
        )
    return out


def cross_validate(tr: Split, sp: Split, cv: list[Fold], lam: float, sp_weight: float) -> tuple[float, float]:
    """Out-of-fold three-class accuracy (thresholds from the training folds) and pair-order rate."""
    raw, correct = np.zeros(len(tr.y)), 0
    for f in cv:
        model = fit_ridge(f.x_fit, tr.y[f.fit_rows], f.x_sp, sp.y, lam, sp_weight)
        t = class_thresholds(model.raw(f.x_fit), tr.level[f.fit_rows])
        raw[f.held] = model.raw(f.x_held)
        correct += int(np.sum(three_class(raw[f.held], t) == tr.level[f.held]))
    return correct / len(tr.y), pair_order_rate(raw, tr.level, tr.article)[0]


def choose(tr: Split, sp: Split) -> tuple[float, float, dict[str, list[float]]]:
    cv = outer_folds(tr, sp)
    table: dict[str, list[float]] = {}
    best: tuple[float, float, float, float] | None = None
    for lam in LAMBDAS:
        for sp_weight in SP_WEIGHTS:
            acc, pairs = cross_validate(tr, sp, cv, lam, sp_weight)
            table[f"lambda={lam} sp_weight={sp_weight}"] = [round(acc, 4), round(pairs, 4)]
            print(f"  lambda={lam:<6} sp_weight={sp_weight:<5} cv_acc={acc:.3f} cv_pairs={pairs:.4f}")
            # Accuracy first, then ordering, then the larger CEFR-SP weight and penalty (smoother).
            key = (round(acc, 3), round(pairs, 3), sp_weight, lam)
            if best is None or key > best:
                best = key
    assert best is not None
    return best[3], best[2], table


def export(
    out: Path,
    model: Ridge,
    cuts: list[float],
    names: tuple[str, ...],
    lexicon: dict[str, float],
    meta: dict[str, object],
) -> None:
    data: dict[str, object] = {
        "features": list(names),
        "mean": [round(float(v), 6) for v in model.mean],
        "scale": [round(float(v), 6) for v in model.scale],
        "weights": [round(float(v), 6) for v in model.weights],
        "bias": round(model.bias, 6),
        "cuts": [round(c, 6) for c in cuts],
        "style_lexicon": dict(sorted(lexicon.items())),
    }
    # The version names the parameters, so caches keyed on it change whenever the model does.
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:8]
    data = {"version": f"{VERSION}-{digest}", **data, "training": meta}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def check_runtime(out: Path, model: Ridge, x: Array) -> float:
    """Largest difference between numpy raw scores and the run-time evaluator reading `out`."""
    runtime = model_from_json(json.loads(out.read_text(encoding="utf-8")))
    rows = [dict(zip(runtime.features, row, strict=True)) for row in x]
    return float(max(abs(runtime.raw(r) - o) for r, o in zip(rows, model.raw(x), strict=True)))


def _mean_score_by_label(raw: Array, cuts: list[float], label: np.ndarray) -> dict[str, float]:
    """Mean calibrated score of CEFR-SP groups per teacher label (with the CEFR-SP offset added)."""
    score = np.array([calibrate(r, cuts) for r in raw])
    return {
        LEVELS[int(k) - 1]: round(float(score[label == k].mean()), 2) for k in sorted(set(label.tolist()))
    }


def fit_final(ose: dict[str, Split], sp: dict[str, Split], lam: float, sp_weight: float) -> dict[str, Any]:
    tr = ose["train"]
    x_tr = tr.with_style(cross_fit(tr.forms, tr.y.tolist(), tr.article, folds(tr.article)))
    lexicon = fit_lexicon(tr.forms, tr.y.tolist(), tr.article)
    x_sp = {k: s.with_style(score_texts(s.forms, lexicon)) for k, s in sp.items()}
    model = fit_ridge(x_tr, tr.y, x_sp["train"], sp["train"].y, lam, sp_weight)
    width = level_width(model.raw(x_sp["train"]), sp["train"].y)
    cuts = make_cuts(*class_thresholds(model.raw(x_tr), tr.level), width)
    x_dev = ose["dev"].with_style(score_texts(ose["dev"].forms, lexicon))
    return {
        "model": model,
        "cuts": cuts,
        "lexicon": lexicon,
        "x_dev": x_dev,
        "sp_rho": spearman(model.raw(x_sp["dev"]), sp["dev"].y),
        "sp_by_label": _mean_score_by_label(model.raw(x_sp["dev"]) + model.domain, cuts, sp["dev"].level),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data_dir", nargs="?", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="parsed-Doc cache directory")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--no-grammar", action="store_true", help="train without grammar-point features")
    parser.add_argument(
        "--out", type=Path, default=OUT, help="model JSON to write (default: the shipped one)"
    )
    args = parser.parse_args()
    grammar = grammar_detector() is not None and not args.no_grammar
    names = FEATURES + (GRAMMAR_FEATURES if grammar else ())
    print(f"pipeline {PIPELINE_VERSION}; grammar features: {grammar}")
    ose, sp = load(args.data_dir, None if args.no_cache else args.cache, names)
    print(f"OneStopEnglish train {len(ose['train'].y)} texts; CEFR-SP train {len(sp['train'].y)} groups")
    lam, sp_weight, table = choose(ose["train"], sp["train"])
    final = fit_final(ose, sp, lam, sp_weight)
    model, cuts = final["model"], final["cuts"]
    names += ("style_score",)
    print(f"chosen lambda={lam} sp_weight={sp_weight}; cuts {np.round(cuts, 3).tolist()}")
    print(f"CEFR-SP dev groups: Spearman {final['sp_rho']:.3f} (n={len(sp['dev'].y)})")
    print(f"CEFR-SP dev groups, mean score by label (offset added): {final['sp_by_label']}")
    print("weights:", {n: round(float(w), 3) for n, w in zip(names, model.weights, strict=True)})
    meta = {
        "pipeline": PIPELINE_VERSION,
        "grammar_features": grammar,
        "lambda": lam,
        "sp_weight": sp_weight,
        "cefr_sp_domain_offset": round(model.domain, 4),
        "targets": OSE_TARGET,
        "style_lexicon": {
            "min_articles": MIN_ARTICLES,
            "lambda": LEXICON_LAMBDA,
            "words": len(final["lexicon"]),
        },
        "cv_train_acc_pairs": table,
        "cefr_sp_dev_spearman": round(final["sp_rho"], 4),
        "cefr_sp_dev_mean_score_by_label": final["sp_by_label"],
    }
    export(args.out, model, cuts, names, final["lexicon"], meta)
    diff = check_runtime(args.out, model, final["x_dev"])
    print(f"run-time evaluator max |diff| {diff:.2e}; wrote {args.out}")


if __name__ == "__main__":
    main()
