"""Model fitting and metrics for the text-level model (numpy only).

The model is ridge regression on standardised features, fitted jointly on OneStopEnglish texts
(targets 2.0 / 3.0 / 4.25) and CEFR-SP sentence groups (teacher labels 1..6). CEFR-SP gets its
own unpenalised intercept (``domain``): its labels are per sentence, so a B2 sentence is shorter
than a B2 news text; the shared weights carry the spread of the scale, OneStopEnglish the location.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
MIN_CUT_GAP = 0.3  # raw units between consecutive cut points


@dataclass(frozen=True)
class Ridge:
    mean: Array
    scale: Array
    bias: float
    weights: Array
    domain: float  # CEFR-SP offset (not used at run time)

    def raw(self, x: Array) -> Array:
        return np.asarray(self.bias + ((x - self.mean) / self.scale) @ self.weights, dtype=np.float64)


def fit_ridge(xo: Array, yo: Array, xs: Array, ys: Array, lam: float, sp_weight: float) -> Ridge:
    """Weighted ridge: OneStopEnglish rows weigh 1 in total, CEFR-SP rows `sp_weight` in total."""
    mean, scale = xo.mean(axis=0), xo.std(axis=0) + 1e-9
    z = (np.vstack([xo, xs]) - mean) / scale
    n_o, n_s = len(xo), len(xs)
    domain = np.r_[np.zeros(n_o), np.ones(n_s)]
    a = np.c_[np.ones(n_o + n_s), domain, z]
    y = np.r_[yo, ys]
    w = np.r_[np.full(n_o, 1.0 / n_o), np.full(n_s, sp_weight / max(1, n_s))]
    penalty = np.eye(a.shape[1]) * lam
    penalty[:2, :2] = 0.0
    if n_s == 0 or sp_weight == 0:
        penalty[1, 1] = 1.0  # no CEFR-SP rows: pin the unused domain column to zero
    beta = np.linalg.solve(a.T @ (a * w[:, None]) + penalty, a.T @ (w * y))
    return Ridge(mean, scale, float(beta[0]), beta[2:], float(beta[1]))


def best_threshold(low: Array, high: Array) -> float:
    """Threshold separating two classes with most texts right (centre of the best interval)."""
    values = np.sort(np.r_[low, high])
    candidates = (values[1:] + values[:-1]) / 2
    right = np.array([np.sum(low < c) + np.sum(high >= c) for c in candidates])
    best = np.flatnonzero(right == right.max())
    return float((candidates[best[0]] + candidates[best[-1]]) / 2)


def class_thresholds(raw: Array, level: NDArray[np.int_]) -> tuple[float, float]:
    """Raw thresholds Elementary|Intermediate and Intermediate|Advanced."""
    t1 = best_threshold(raw[level == 0], raw[level == 1])
    t2 = best_threshold(raw[level == 1], raw[level == 2])
    return t1, max(t2, t1 + MIN_CUT_GAP)


def three_class(raw: Array, t: Sequence[float]) -> NDArray[np.int_]:
    return np.where(raw < t[0], 0, np.where(raw < t[1], 1, 2))


def pair_order_rate(score: Array, level: NDArray[np.int_], article: Sequence[str]) -> tuple[float, int]:
    """Share of same-article pairs (ele<int, int<adv, ele<adv) whose scores are strictly ordered."""
    by_article: dict[str, dict[int, float]] = {}
    for s, lv, a in zip(score, level, article, strict=True):
        by_article.setdefault(a, {})[int(lv)] = float(s)
    good = total = 0
    for levels in by_article.values():
        for lo, hi in ((0, 1), (1, 2), (0, 2)):
            if lo in levels and hi in levels:
                total += 1
                good += levels[lo] < levels[hi]
    return (good / total if total else 0.0), total


def level_width(raw: Array, label: Array) -> float:
    """Raw units per CEFR level: inverse slope of the teacher label regressed on the raw score."""
    slope = float(np.polyfit(raw, label, 1)[0])
    return 1.0 / max(slope, 1e-6)


def make_cuts(t1: float, t2: float, width: float) -> list[float]:
    """Five raw cut points (A1|A2, A2|B1, B1|B2, B2|C1, C1|C2).

    A2|B1 and B1|B2 are the OneStopEnglish class thresholds; the outer bands (A2, B2, C1) are one
    CEFR-SP level `width` wide, so CEFR-SP teacher labels set the spread beyond OneStopEnglish.
    """
    width = max(width, MIN_CUT_GAP)
    return [t1 - width, t1, t2, t2 + width, t2 + 2 * width]


def spearman(a: Array, b: Array) -> float:
    return float(np.corrcoef(_average_ranks(a), _average_ranks(b))[0, 1])


def _average_ranks(x: Array) -> Array:
    order = np.argsort(x, kind="stable")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(len(x), dtype=float)
    for value in np.unique(x):
        tied = x == value
        ranks[tied] = ranks[tied].mean()
    return ranks
