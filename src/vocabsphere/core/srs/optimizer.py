"""Personal FSRS parameters from a learner's review history, when that is possible and worth it.

``fit_parameters`` returns ``None`` - meaning "keep the default parameters" - unless PyTorch is
installed (fsrs's Optimizer needs it; VocabSphere does not depend on it) and there are at least
``MIN_REVIEWS`` reviews, below which a fit mostly learns noise. torch is imported lazily, inside the
call, so importing this module stays cheap.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence

from vocabsphere.core.srs.scheduling import ReviewRecord

__all__ = ["MIN_REVIEWS", "fit_parameters", "optimizer_available"]

MIN_REVIEWS = 400


def optimizer_available() -> bool:
    """True when fsrs's Optimizer can work (the ``optimizer`` extra: torch, pandas and tqdm; torch
    alone may come with the ``senses`` extra); checked without importing them."""
    return all(importlib.util.find_spec(name) is not None for name in ("torch", "pandas", "tqdm"))


def fit_parameters(
    logs: Sequence[ReviewRecord], *, min_reviews: int = MIN_REVIEWS
) -> tuple[float, ...] | None:
    """Fitted FSRS parameters for these reviews, or ``None`` to keep the defaults (no torch, or fewer
    than ``min_reviews`` logs). Fitting is CPU-heavy: call it from a background job, not a request."""
    if len(logs) < min_reviews or not optimizer_available():
        return None
    try:
        from fsrs import Optimizer  # lazy: pulls in torch and pandas
    except ImportError:
        return None
    try:
        optimizer = Optimizer([log.to_fsrs() for log in logs])
    except ImportError:
        # fsrs installs a stub Optimizer that raises when one of its extras (pandas, tqdm) is missing.
        return None
    return tuple(float(p) for p in optimizer.compute_optimal_parameters())
