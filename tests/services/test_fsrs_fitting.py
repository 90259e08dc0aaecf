"""Personal FSRS parameters on both databases: fit from the review log, store, read back, refuse junk."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from random import Random

import pytest
from fsrs.scheduler import DEFAULT_PARAMETERS
from sqlalchemy import text

from vocabsphere.core.errors import NotFound
from vocabsphere.core.srs import CardState, ReviewRecord, optimizer_available, retrievability, review
from vocabsphere.core.srs.optimizer import MIN_REVIEWS
from vocabsphere.services import accounts, fsrs_fitting
from vocabsphere.store.database import Database
from vocabsphere.store.tables import ReviewCard, ReviewLogEntry, SavedWord

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
DEFAULTS = tuple(float(p) for p in DEFAULT_PARAMETERS)
# The simulated learner forgets faster than the default model expects: lower initial stabilities.
TRUE_PARAMS = tuple(p * 0.4 if i < 4 else p for i, p in enumerate(DEFAULTS))
# A valid personal parameter set, as a stand-in fit returns it.
OTHER_PARAMS = tuple(round(p * 1.1, 4) if i < 4 else p for i, p in enumerate(DEFAULTS))


def user(db: Database, name: str) -> int:
    return accounts.create_user(db, username=name, password="s3cret-pass", now=T0).id


def simulate_history(reviews: int, *, seed: int = 7, cards_per_day: int = 10) -> list[ReviewRecord]:
    """A learner who reviews each card when the default scheduler says so (a few hours late), and
    recalls it as a memory following ``TRUE_PARAMS`` would: Again when forgotten, mostly Good otherwise.
    Ten new cards a day, reviews over one year."""
    rng = Random(seed)
    records: list[ReviewRecord] = []
    card_id = 0
    while len(records) < reviews:
        card_id += 1
        now = T0 + timedelta(days=card_id // cards_per_day, hours=rng.randint(0, 12))
        shown = memory = CardState.new(card_id, now)
        while len(records) < reviews and now < T0 + timedelta(days=365):
            if memory.is_new:
                rating = rng.choices([1, 2, 3, 4], weights=[15, 10, 70, 5])[0]
            elif rng.random() < retrievability(memory, now, params=TRUE_PARAMS):
                rating = rng.choices([2, 3, 4], weights=[10, 80, 10])[0]
            else:
                rating = 1
            duration = rng.randint(1_500, 15_000)
            shown, record = review(shown, rating, now, duration_ms=duration)
            memory, _ = review(memory, rating, now, params=TRUE_PARAMS)
            records.append(record)
            now = shown.due + timedelta(minutes=rng.randint(0, 36 * 60))
    return records


def store_history(db: Database, user_id: int, records: Sequence[ReviewRecord]) -> None:
    """Write ``records`` as the learner's review log, one saved word and card per simulated card."""
    with db.unit_of_work() as session:
        cards: dict[int, int] = {}
        for number in sorted({r.card_id for r in records}):
            word = SavedWord(
                user_id=user_id, lemma=f"word{number}", pos="NOUN", word=f"word{number}", created_at=T0
            )
            session.add(word)
            session.flush()
            card = ReviewCard(
                user_id=user_id, saved_word_id=word.id, kind="meaning", state=2, step=None, due=T0
            )
            session.add(card)
            session.flush()
            cards[number] = card.id
        session.add_all(
            ReviewLogEntry(
                user_id=user_id,
                card_id=cards[r.card_id],
                rating=r.rating,
                reviewed_at=r.reviewed_at,
                duration_ms=r.duration_ms,
                request_id=f"sim-{index}",
                before_json="{}",
            )
            for index, r in enumerate(records)
        )


def stored_json(db: Database, user_id: int) -> str | None:
    with db.engine.connect() as connection:
        query = text("SELECT fsrs_params_json FROM users WHERE id = :id")
        value: str | None = connection.execute(query, {"id": user_id}).scalar()
        return value


def store_json(db: Database, user_id: int, value: str | None) -> None:
    with db.engine.begin() as connection:
        query = text("UPDATE users SET fsrs_params_json = :value WHERE id = :id")
        connection.execute(query, {"value": value, "id": user_id})


def after(records: Sequence[ReviewRecord]) -> datetime:
    return max(r.reviewed_at for r in records) + timedelta(days=1)


def test_without_the_optimizer_nothing_is_fitted_or_stored(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    if optimizer_available():  # torch is installed here: pretend it is not
        monkeypatch.setattr(fsrs_fitting, "optimizer_available", lambda: False)
    ana = user(database, "ana")
    history = simulate_history(MIN_REVIEWS + 50)
    store_history(database, ana, history)
    report = fsrs_fitting.fit_learner_parameters(database, user_id=ana, now=after(history))
    assert report == fsrs_fitting.FitReport("optimizer_unavailable", MIN_REVIEWS + 50, None)
    assert "not installed" in report.message
    assert stored_json(database, ana) is None
    assert fsrs_fitting.learner_parameters(database, user_id=ana) is None


def test_too_few_reviews_keep_the_defaults(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def must_not_fit(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("no fit below the minimum number of reviews")

    monkeypatch.setattr(fsrs_fitting, "fit_parameters", must_not_fit)
    ana, bob = user(database, "ana"), user(database, "bob")
    history = simulate_history(MIN_REVIEWS - 1)
    store_history(database, ana, history)
    report = fsrs_fitting.fit_learner_parameters(database, user_id=ana, now=after(history))
    assert (report.status, report.reviews, report.parameters) == ("too_few_reviews", MIN_REVIEWS - 1, None)
    assert stored_json(database, ana) is None
    # Someone else's reviews do not count, and reviews after ``now`` are not there yet.
    assert fsrs_fitting.fit_learner_parameters(database, user_id=bob, now=after(history)).reviews == 0
    assert fsrs_fitting.fit_learner_parameters(database, user_id=ana, now=T0 - timedelta(days=1)).reviews == 0


def test_a_fit_is_stored_and_read_back(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Sequence[ReviewRecord]] = []

    def fake_fit(logs: Sequence[ReviewRecord], *, min_reviews: int) -> tuple[float, ...]:
        # The fit is slow: no connection (so no transaction) may be held while it runs.
        assert database.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
        seen.append(logs)
        return OTHER_PARAMS

    monkeypatch.setattr(fsrs_fitting, "optimizer_available", lambda: True)
    monkeypatch.setattr(fsrs_fitting, "fit_parameters", fake_fit)
    ana = user(database, "ana")
    history = simulate_history(MIN_REVIEWS + 10)
    store_history(database, ana, history)
    report = fsrs_fitting.fit_learner_parameters(database, user_id=ana, now=after(history))
    assert report == fsrs_fitting.FitReport("fitted", MIN_REVIEWS + 10, OTHER_PARAMS)
    assert json.loads(stored_json(database, ana) or "null") == list(OTHER_PARAMS)
    assert fsrs_fitting.learner_parameters(database, user_id=ana) == OTHER_PARAMS
    (logs,) = seen
    assert sorted((r.rating, r.reviewed_at, r.duration_ms) for r in logs) == sorted(
        (r.rating, r.reviewed_at, r.duration_ms) for r in history
    )
    assert all(r.reviewed_at.tzinfo is not None for r in logs)


@pytest.mark.parametrize(
    "fitted",
    [
        (float("nan"),) * 21,
        tuple(p * 1000 for p in DEFAULTS),  # out of bounds
        DEFAULTS[:19],  # not FSRS-6
    ],
    ids=["nan", "out-of-bounds", "too-short"],
)
def test_unusable_fits_keep_the_previous_parameters(
    database: Database, monkeypatch: pytest.MonkeyPatch, fitted: tuple[float, ...]
) -> None:
    monkeypatch.setattr(fsrs_fitting, "optimizer_available", lambda: True)
    monkeypatch.setattr(fsrs_fitting, "fit_parameters", lambda logs, *, min_reviews: fitted)
    ana = user(database, "ana")
    history = simulate_history(MIN_REVIEWS)
    store_history(database, ana, history)
    store_json(database, ana, json.dumps(list(OTHER_PARAMS)))
    report = fsrs_fitting.fit_learner_parameters(database, user_id=ana, now=after(history))
    assert (report.status, report.parameters) == ("rejected", None)
    assert fsrs_fitting.learner_parameters(database, user_id=ana) == OTHER_PARAMS


def test_defaults_back_from_the_optimizer_are_not_stored(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fsrs hands back its defaults when too few reviews fall on a later day than the card's previous one.
    monkeypatch.setattr(fsrs_fitting, "optimizer_available", lambda: True)
    monkeypatch.setattr(fsrs_fitting, "fit_parameters", lambda logs, *, min_reviews: DEFAULTS)
    ana = user(database, "ana")
    history = simulate_history(MIN_REVIEWS)
    store_history(database, ana, history)
    report = fsrs_fitting.fit_learner_parameters(database, user_id=ana, now=after(history))
    assert report.status == "too_few_reviews"
    assert stored_json(database, ana) is None


def test_learner_parameters_reads_only_valid_json(database: Database) -> None:
    ana = user(database, "ana")
    assert fsrs_fitting.learner_parameters(database, user_id=ana) is None
    assert fsrs_fitting.learner_parameters(database, user_id=99999) is None
    store_json(database, ana, json.dumps(list(OTHER_PARAMS)))
    assert fsrs_fitting.learner_parameters(database, user_id=ana) == OTHER_PARAMS
    garbage = [
        "",
        "not json",
        "{}",
        '{"w": [1, 2]}',
        json.dumps(list(OTHER_PARAMS[:20])),
        json.dumps(["0.2"] * 21),
        json.dumps([True] * 21),
        json.dumps([1e999] * 21),
        "[" + ", ".join(["NaN"] * 21) + "]",
        json.dumps([10**400] * 21),
        json.dumps([p * -1 for p in OTHER_PARAMS]),
    ]
    for value in garbage:
        store_json(database, ana, value)
        assert fsrs_fitting.learner_parameters(database, user_id=ana) is None, value


def test_fitting_for_a_missing_learner_is_not_found(database: Database) -> None:
    with pytest.raises(NotFound):
        fsrs_fitting.fit_learner_parameters(database, user_id=424242, now=T0)


@pytest.mark.slow
def test_a_real_fit_on_a_simulated_history(database: Database) -> None:
    if not optimizer_available():  # torch alone (the 'senses' extra) is not enough: pandas, tqdm too
        pytest.skip("the optimizer extra is not installed")
    ana = user(database, "ana")
    history = simulate_history(1_000)
    store_history(database, ana, history)
    started = time.perf_counter()
    report = fsrs_fitting.fit_learner_parameters(database, user_id=ana, now=after(history))
    elapsed = time.perf_counter() - started
    print(f"FSRS fit on {report.reviews} reviews took {elapsed:.1f} s")
    assert report.status == "fitted", report.message
    assert report.reviews == 1_000
    params = report.parameters
    assert params is not None and len(params) == len(DEFAULTS) == 21
    assert params != DEFAULTS
    assert fsrs_fitting.learner_parameters(database, user_id=ana) == params
    assert json.loads(stored_json(database, ana) or "null") == list(params)
    # The fitted parameters schedule reviews.
    card, _ = review(CardState.new(1, T0), 3, T0, params=params)
    card, _ = review(card, 3, card.due, params=params)
    assert card.due > T0
