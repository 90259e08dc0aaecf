"""Tuning and measuring the cefrpy gate (word_level.GatedModel) on precomputed scores.

Both tree models are scored once per word through the run-time evaluator; the gate is then applied
here with numpy for every candidate setting. train.py checks that the shipped run-time path gives
the same dev predictions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from metrics import accuracy

from vocabsphere.core.levels.cefrpy_feature import CEFRPY_FEATURE_NAMES, RARE_FLOOR, neutral_features
from vocabsphere.core.levels.word_features import FEATURE_NAMES
from vocabsphere.core.levels.word_level import MAX_ABOVE_BASE, LevelModel

ZIPF_COL = FEATURE_NAMES.index("zipf")
CEFRPY_START = FEATURE_NAMES.index(CEFRPY_FEATURE_NAMES[0])
SHIFT_GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 5.0)  # 0.0 = the old model, 5.0 = unbounded
RARE_GRID = (0.0, 2.5, 2.75, 3.0, 3.25)  # 0.0 = no rare-word floor
EASY_TOLERANCE = 0.01  # off-list A1-A2 share may exceed the old model's by at most one point
CV_TOLERANCE = 0.005  # settings within half a point of the best CV count as equal


@dataclass(frozen=True)
class Scores:
    """Per word: the scores of the base model and of the cefrpy model, and the gate's other inputs."""

    base: np.ndarray
    full: np.ndarray
    has: np.ndarray
    zipf: np.ndarray
    cap: np.ndarray  # highest score a derived word may get (listed base + 2), else 6


def without_cefrpy(x: np.ndarray) -> np.ndarray:
    """The same vectors with the cefrpy block replaced by its no-entry imputation."""
    out = x.copy()
    out[:, CEFRPY_START:] = [neutral_features(z) for z in x[:, ZIPF_COL]]
    return out


def scores_of(base: LevelModel, full: LevelModel, x: np.ndarray) -> Scores:
    base_level = x[:, FEATURE_NAMES.index("base_level")]
    return Scores(
        np.array([base.score(list(r)) for r in without_cefrpy(x)]),
        np.array([full.score(list(r)) for r in x]),
        x[:, CEFRPY_START] > 0,
        x[:, ZIPF_COL],
        np.where(base_level > 0, base_level + MAX_ABOVE_BASE, 6.0),
    )


def concat(parts: list[tuple[np.ndarray, Scores]], n: int) -> Scores:
    """Out-of-fold Scores from (indices, fold Scores) pairs."""
    keys = ("base", "full", "has", "zipf", "cap")
    arrays = {k: np.zeros(n, dtype=bool if k == "has" else float) for k in keys}
    for idx, s in parts:
        for k, arr in arrays.items():
            arr[idx] = getattr(s, k)
    return Scores(**arrays)


def gate(s: Scores, max_shift: float, rare_zipf: float) -> np.ndarray:
    """Levels 1..6, mirroring word_level.score_features."""
    score = np.clip(s.full, s.base - max_shift, s.base + max_shift)
    floored = s.has & (s.zipf < rare_zipf)
    score = np.where(floored, np.maximum(score, np.minimum(RARE_FLOOR, s.base)), score)
    score = np.round(np.minimum(np.where(s.has, score, s.base), s.cap), 3)
    levels: np.ndarray = np.clip(np.floor(score + 0.5), 1, 6).astype(int)
    return levels


def easy_share(pred: np.ndarray) -> float:
    """Share of words placed at A1-A2."""
    return float(np.mean(pred <= 2))


def tune(oof: Scores, y: np.ndarray, tuning: list[Scores]) -> tuple[tuple[float, float], list[str]]:
    """(max_shift, rare_zipf): best train CV (exact + within one) among settings that keep the A1-A2
    share of every tuning sample of unlisted words within a point of the old model's; among the
    settings within half a point of that CV, the smallest shift, then the highest floor threshold.
    CV cannot see the harm off the list (every train word is listed); the tuning samples can."""
    limits = [easy_share(gate(t, 0.0, 0.0)) + EASY_TOLERANCE for t in tuning]
    log, feasible = [], []
    for shift in SHIFT_GRID:
        for rare_zipf in RARE_GRID:
            cv = accuracy(gate(oof, shift, rare_zipf), y)
            easy = [easy_share(gate(t, shift, rare_zipf)) for t in tuning]
            ok = all(e <= lim for e, lim in zip(easy, limits, strict=True))
            shares = " ".join(f"{e:.3f}" for e in easy)
            log.append(
                f"  shift {shift:4.2f} floor<{rare_zipf:4.2f}: CV {cv[0]:.3f} / {cv[1]:.3f}, "
                f"tuning A1-A2 {shares}{'' if ok else '  (too many easy)'}"
            )
            if ok:
                feasible.append((sum(cv), shift, rare_zipf))
    best = max(total for total, _, _ in feasible)  # shift 0 is always feasible, so never empty
    shift, neg_rare_zipf = min((s, -r) for t, s, r in feasible if t >= best - CV_TOLERANCE)
    return (shift, -neg_rare_zipf), log
