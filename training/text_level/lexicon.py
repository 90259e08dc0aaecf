"""The simplification-style lexicon: one weight per common word, learned from OneStopEnglish.

Ridge regression of the level target on each text's relative word frequencies, after subtracting
every article's mean (over its three versions) from both frequencies and targets. Only the
differences between versions of the same article are learned, so topic words cancel out and what
remains is how the adapters write at each level ("because", "lots", "very" at Elementary;
"whether", "despite", "whose", "however" at Advanced). The run-time feature is the mean weight per
word (``text_features.style_score``). Only words used in at least MIN_ARTICLES articles get a weight.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

MIN_ARTICLES = 10
LEXICON_LAMBDA = 0.1


def fit_lexicon(
    forms: Sequence[Sequence[str]],
    targets: Sequence[float],
    articles: Sequence[str],
    min_articles: int = MIN_ARTICLES,
    lam: float = LEXICON_LAMBDA,
) -> dict[str, float]:
    seen: dict[str, set[str]] = {}
    for words, article in zip(forms, articles, strict=True):
        for w in set(words):
            seen.setdefault(w, set()).add(article)
    vocab = sorted(w for w, arts in seen.items() if len(arts) >= min_articles)
    index = {w: i for i, w in enumerate(vocab)}
    x = np.zeros((len(forms), len(vocab)))
    for row, words in enumerate(forms):
        for w, n in Counter(words).items():
            if w in index:
                x[row, index[w]] = n / max(1, len(words))
    y = np.asarray(targets, dtype=np.float64).copy()
    art = np.asarray(articles)
    for a in set(articles):
        rows = art == a
        x[rows] -= x[rows].mean(axis=0)
        y[rows] -= y[rows].mean()
    alpha = np.linalg.solve(x @ x.T + lam * np.eye(len(y)), y)  # dual form: n texts << n words
    beta = x.T @ alpha
    return {w: round(float(b), 5) for w, b in zip(vocab, beta, strict=True) if abs(b) >= 5e-6}


def score_texts(forms: Sequence[Sequence[str]], lexicon: dict[str, float]) -> np.ndarray:
    """Mean weight per word, as text_features.style_score computes it at run time."""
    return np.array([sum(lexicon.get(w, 0.0) for w in words) / max(1, len(words)) for words in forms])


def cross_fit(
    forms: Sequence[Sequence[str]], targets: Sequence[float], articles: Sequence[str], fold: np.ndarray
) -> np.ndarray:
    """Out-of-fold style scores: each text scored by a lexicon fitted without its article."""
    out = np.zeros(len(forms))
    for k in sorted(set(fold.tolist())):
        fit_rows = [int(i) for i in np.flatnonzero(fold != k)]
        lexicon = fit_lexicon(
            [forms[i] for i in fit_rows], [targets[i] for i in fit_rows], [articles[i] for i in fit_rows]
        )
        held = [int(i) for i in np.flatnonzero(fold == k)]
        out[held] = score_texts([forms[i] for i in held], lexicon)
    return out
