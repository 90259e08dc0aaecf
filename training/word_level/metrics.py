"""Cut-point tuning and accuracy for six ordinal levels (numpy only, shared by train and bench)."""

from __future__ import annotations

import numpy as np
from cefrj_data import Item


def apply_cuts(scores: np.ndarray, cuts: list[float]) -> np.ndarray:
    """Level 1..6: one plus the number of cut points at or below the score."""
    return 1 + np.searchsorted(np.asarray(cuts), scores, side="right")


def accuracy(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """(exact, within one level)."""
    return float(np.mean(pred == gold)), float(np.mean(np.abs(pred - gold) <= 1))


def _objective(scores: np.ndarray, levels: np.ndarray, cuts: list[float]) -> float:
    # Exact + within-one: exact alone pushes items two levels off to win a few exact hits.
    return sum(accuracy(apply_cuts(scores, cuts), levels))


def tune_thresholds(scores: np.ndarray, levels: np.ndarray) -> list[float]:
    """Five increasing cut points on a score, by coordinate ascent over score quantiles."""
    cuts = [
        float(np.quantile(scores, q)) for q in np.cumsum(np.bincount(levels, minlength=7)[1:6]) / len(levels)
    ]
    grid = np.quantile(scores, np.linspace(0.002, 0.998, 500))
    for _ in range(4):
        for k in range(5):
            lo = cuts[k - 1] if k else -np.inf
            hi = cuts[k + 1] if k < 4 else np.inf
            candidates = [float(g) for g in grid if lo < g < hi] or [cuts[k]]
            cuts[k] = max(
                candidates, key=lambda g: _objective(scores, levels, [*cuts[:k], g, *cuts[k + 1 :]])
            )
    return cuts


def most_common_zipf(item: Item) -> float:
    from vocabsphere.core.levels.word_features import zipf

    return max(zipf(v.lower()) for v in item.variants)


def frequency_baseline(train: list[Item], dev: list[Item]) -> tuple[float, float]:
    """Zipf frequency alone (most common spelling), cut points tuned on train."""

    def neg_zipf(items: list[Item]) -> np.ndarray:
        return np.array([-most_common_zipf(it) for it in items])

    cuts = tune_thresholds(neg_zipf(train), np.array([it.level for it in train]))
    return accuracy(apply_cuts(neg_zipf(dev), cuts), np.array([it.level for it in dev]))


def cefrpy_raw(words: list[tuple[str, str]]) -> np.ndarray:
    """cefrpy's own level (for the UPOS, else the mean over its tags), rounded; 0 where it has none."""
    from vocabsphere.core.levels.cefrpy_feature import cefrpy_levels, cefrpy_table

    out = []
    for word, upos in words:
        pos_level, _ = cefrpy_levels(word, upos)
        table = [level for _, level in cefrpy_table(word)]
        value = pos_level if pos_level is not None else (sum(table) / len(table) if table else None)
        out.append(0 if value is None else min(6, max(1, round(value))))
    return np.array(out)


def item_words(items: list[Item]) -> list[tuple[str, str]]:
    """(most common spelling, UPOS) of each item: the spelling the features use."""
    from vocabsphere.core.levels.word_features import zipf

    return [(max((v.lower() for v in it.variants), key=zipf), it.upos) for it in items]
