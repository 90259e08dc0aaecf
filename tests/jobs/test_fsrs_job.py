"""The FSRS fitting jobs: the daily refit picks the right learners, the on-demand fit records its run."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta

import pytest

from tests.services.test_fsrs_fitting import (
    OTHER_PARAMS,
    T0,
    after,
    simulate_history,
    store_history,
    store_json,
    stored_json,
    user,
)
from vocabsphere.config import Settings
from vocabsphere.core.srs import ReviewRecord
from vocabsphere.core.srs.optimizer import MIN_REVIEWS
from vocabsphere.jobs import tasks as tasks_module
from vocabsphere.jobs.queue import make_huey
from vocabsphere.jobs.tasks import TaskSet, register_tasks
from vocabsphere.services import fsrs_fitting, job_runs
from vocabsphere.store.database import Database


@pytest.fixture
def tasks(database: Database, settings: Settings) -> TaskSet:
    return register_tasks(make_huey(settings), lambda: database, settings)


@pytest.fixture
def fake_fit(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Pretend torch is installed and fit instantly; returns the number of reviews of each fit."""
    fits: list[int] = []

    def fit(logs: Sequence[ReviewRecord], *, min_reviews: int) -> tuple[float, ...]:
        fits.append(len(logs))
        return OTHER_PARAMS

    monkeypatch.setattr(tasks_module, "optimizer_available", lambda: True)
    monkeypatch.setattr(fsrs_fitting, "optimizer_available", lambda: True)
    monkeypatch.setattr(fsrs_fitting, "fit_parameters", fit)
    return fits


def test_daily_job_does_nothing_without_the_optimizer(
    tasks: TaskSet, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_run(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("without torch the job must not look for learners")

    monkeypatch.setattr(tasks_module, "optimizer_available", lambda: False)
    monkeypatch.setattr(fsrs_fitting, "learners_to_fit", must_not_run)
    monkeypatch.setattr(fsrs_fitting, "fit_learner_parameters", must_not_run)
    ana = user(database, "ana")
    store_history(database, ana, simulate_history(MIN_REVIEWS))
    tasks.fit_due_fsrs_parameters.call_local()
    assert stored_json(database, ana) is None


def test_daily_job_fits_learners_with_enough_new_reviews(
    tasks: TaskSet, database: Database, monkeypatch: pytest.MonkeyPatch, fake_fit: list[int]
) -> None:
    history = simulate_history(MIN_REVIEWS + 5)
    now = after(history) + timedelta(days=1)
    monkeypatch.setattr(tasks_module, "_now", lambda: now)
    ana, bob, cleo, dan = (user(database, name) for name in ("ana", "bob", "cleo", "dan"))
    store_history(database, ana, history)  # enough reviews, never fitted: fitted
    store_history(database, bob, history[:100])  # too few reviews: skipped
    store_history(database, cleo, history)  # fitted before, nothing new since: skipped
    store_json(database, cleo, json.dumps([0.5] * 4))
    recent = [
        ReviewRecord(r.card_id, r.rating, now - timedelta(hours=2) - timedelta(seconds=i), r.duration_ms)
        for i, r in enumerate(history)
    ]
    store_history(database, dan, recent)  # fitted before, reviewed today: refitted
    store_json(database, dan, json.dumps([0.5] * 4))
    assert fsrs_fitting.learners_to_fit(database, now=now) == [ana, dan]

    tasks.fit_due_fsrs_parameters.call_local()
    assert fake_fit == [MIN_REVIEWS + 5, MIN_REVIEWS + 5]
    for learner in (ana, dan):
        assert fsrs_fitting.learner_parameters(database, user_id=learner) == OTHER_PARAMS
    assert stored_json(database, bob) is None
    assert stored_json(database, cleo) == json.dumps([0.5] * 4)


def test_daily_job_goes_on_after_one_learner_fails(
    tasks: TaskSet, database: Database, monkeypatch: pytest.MonkeyPatch, fake_fit: list[int]
) -> None:
    real_fit = fsrs_fitting.fit_learner_parameters
    ana, bob = user(database, "ana"), user(database, "bob")
    history = simulate_history(MIN_REVIEWS)
    monkeypatch.setattr(tasks_module, "_now", lambda: after(history))
    for learner in (ana, bob):
        store_history(database, learner, history)

    def flaky(db: Database, *, user_id: int, **kwargs: object) -> fsrs_fitting.FitReport:
        if user_id == ana:
            raise RuntimeError("boom")
        return real_fit(db, user_id=user_id, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fsrs_fitting, "fit_learner_parameters", flaky)
    tasks.fit_due_fsrs_parameters.call_local()
    assert stored_json(database, ana) is None
    assert fsrs_fitting.learner_parameters(database, user_id=bob) == OTHER_PARAMS


def test_on_demand_fit_is_recorded_as_a_job_run(
    tasks: TaskSet, database: Database, monkeypatch: pytest.MonkeyPatch, fake_fit: list[int]
) -> None:
    ana, bob = user(database, "ana"), user(database, "bob")
    history = simulate_history(MIN_REVIEWS)
    monkeypatch.setattr(tasks_module, "_now", lambda: after(history))
    store_history(database, ana, history)

    run_id = job_runs.create_run(database, kind="fit_fsrs_parameters", now=T0, requested_by=ana)
    tasks.fit_fsrs_parameters.call_local(ana, run_id)
    run = job_runs.get_run(database, run_id)
    assert (run.status, run.message) == ("done", f"Fitted personal FSRS parameters on {MIN_REVIEWS} reviews.")
    assert fsrs_fitting.learner_parameters(database, user_id=ana) == OTHER_PARAMS

    run_id = job_runs.create_run(database, kind="fit_fsrs_parameters", now=T0, requested_by=bob)
    tasks.fit_fsrs_parameters.call_local(bob, run_id)
    run = job_runs.get_run(database, run_id)
    assert run.status == "done" and "0 reviews are too few" in run.message

    run_id = job_runs.create_run(database, kind="fit_fsrs_parameters", now=T0)
    tasks.fit_fsrs_parameters.call_local(424242, run_id)
    assert job_runs.get_run(database, run_id).status == "failed"

    tasks.fit_fsrs_parameters.call_local(bob)  # without a run: only logged
    assert fake_fit == [MIN_REVIEWS]


def test_the_refit_runs_once_a_day(settings: Settings) -> None:
    tasks = register_tasks(make_huey(settings), lambda: pytest.fail("no database needed"), settings)
    assert (tasks.fit_fsrs_parameters.name, tasks.fit_due_fsrs_parameters.name) == (
        "fit_fsrs_parameters",
        "fit_due_fsrs_parameters",
    )
    day = T0.replace(hour=0, minute=0, tzinfo=None)  # Huey's clock: naive UTC
    runs = [
        day + timedelta(minutes=m)
        for m in range(24 * 60)
        if "fit_due_fsrs_parameters" in {t.name for t in tasks.huey.read_periodic(day + timedelta(minutes=m))}
    ]
    assert runs == [day.replace(hour=3, minute=17)]
