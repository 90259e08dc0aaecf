"""Personal FSRS parameters: fitted from a learner's own review log by a background job.

Fitting needs the ``optimizer`` extra (PyTorch); without it, or with too short a history, the learner
keeps the default parameters and nothing is stored. The fit itself runs outside any transaction: it
takes seconds to minutes of CPU, and a database transaction must not stay open that long.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.core.srs.optimizer import MIN_REVIEWS, fit_parameters, optimizer_available
from vocabsphere.core.srs.scheduling import ReviewRecord, scheduler_for
from vocabsphere.store.database import Database
from vocabsphere.store.fsrs_repo import FsrsRepository
from vocabsphere.store.unit_of_work import unit_of_work

__all__ = [
    "FitReport",
    "FitStatus",
    "fit_learner_parameters",
    "learner_parameters",
    "learners_to_fit",
]

log = logging.getLogger(__name__)

# "rejected": the optimizer returned parameters the scheduler refuses (out of bounds, not finite).
FitStatus = Literal["fitted", "too_few_reviews", "optimizer_unavailable", "rejected"]


@dataclass(frozen=True)
class FitReport:
    status: FitStatus
    reviews: int  # reviews the fit saw (or would have seen)
    parameters: tuple[float, ...] | None = None  # what was stored; None when the defaults stay

    @property
    def message(self) -> str:
        """One line for a job record or a log."""
        if self.status == "fitted":
            return f"Fitted personal FSRS parameters on {self.reviews} reviews."
        reason = {
            "too_few_reviews": f"{self.reviews} reviews are too few to fit",
            "optimizer_unavailable": "the optimizer extra (PyTorch) is not installed",
            "rejected": "the fit gave parameters the scheduler refuses",
        }[self.status]
        return f"Kept the default FSRS parameters: {reason}."


def _default_parameters() -> tuple[float, ...]:
    return tuple(float(p) for p in scheduler_for(None).parameters)


def _valid(params: Sequence[object]) -> tuple[float, ...] | None:
    """The parameters as floats when the scheduler accepts them, else None."""
    values: list[float] = []
    for p in params:
        if isinstance(p, bool) or not isinstance(p, int | float):
            return None
        try:
            value = float(p)
        except OverflowError:  # an integer too large for a float
            return None
        if not math.isfinite(value):
            return None
        values.append(value)
    try:
        scheduler_for(values)
    except InvalidInput:
        return None
    return tuple(values)


def _records(user_id: int, db: Database, now: datetime) -> list[ReviewRecord]:
    with unit_of_work(db) as uow:
        repo = FsrsRepository(uow.session)
        if not repo.learner_exists(user_id):
            raise NotFound("No such learner.")
        rows = repo.review_records(user_id, until=now)
    # A rating outside 1-4 cannot come from the app; skip rather than fail the whole fit on it.
    return [
        ReviewRecord(r.card_id, r.rating, r.reviewed_at, r.duration_ms) for r in rows if 1 <= r.rating <= 4
    ]


def fit_learner_parameters(
    db: Database, *, user_id: int, now: datetime, min_reviews: int = MIN_REVIEWS
) -> FitReport:
    """Fit FSRS parameters to the learner's reviews up to ``now`` and store them when they are usable.

    Slow (CPU-bound, no transaction held while fitting): call it from a background job."""
    records = _records(user_id, db, now)
    reviews = len(records)
    if reviews < min_reviews:
        return FitReport("too_few_reviews", reviews)
    if not optimizer_available():
        return FitReport("optimizer_unavailable", reviews)
    fitted = fit_parameters(records, min_reviews=min_reviews)
    if fitted is None:
        return FitReport("optimizer_unavailable", reviews)
    if fitted == _default_parameters():
        # fsrs returns the defaults untouched when fewer than one mini-batch (512) of the reviews are
        # reviews on a later day than the card's previous one: nothing was learned, store nothing.
        return FitReport("too_few_reviews", reviews)
    params = _valid(fitted)
    if params is None:
        log.warning("FSRS fit for learner %s gave unusable parameters; keeping the defaults", user_id)
        return FitReport("rejected", reviews)
    with unit_of_work(db) as uow:
        if not FsrsRepository(uow.session).store_parameters_json(user_id, json.dumps(list(params))):
            raise NotFound("No such learner.")  # deleted while the fit ran
    log.info("fitted FSRS parameters for learner %s on %d reviews", user_id, reviews)
    return FitReport("fitted", reviews, params)


def parse_parameters(stored: str | None) -> tuple[float, ...] | None:
    """Stored parameters JSON as a valid parameter tuple, or None (use the defaults)."""
    if not stored:
        return None
    try:
        value = json.loads(stored)
    except ValueError:
        return None
    if not isinstance(value, list):
        return None
    return _valid(value)


def learner_parameters(db: Database, *, user_id: int) -> tuple[float, ...] | None:
    """The learner's fitted parameters, or None (use the defaults) when absent or not valid."""
    with unit_of_work(db) as uow:
        stored = FsrsRepository(uow.session).parameters_json(user_id)
    return parse_parameters(stored)


def learners_to_fit(db: Database, *, now: datetime, min_reviews: int = MIN_REVIEWS) -> list[int]:
    """Learners worth a daily refit: enough reviews, and no parameters yet or reviews in the last day."""
    with unit_of_work(db) as uow:
        return FsrsRepository(uow.session).learners_to_fit(
            min_reviews=min_reviews, active_since=now - timedelta(days=1)
        )
