"""Offline reviews on both databases: applied once, replayed in review-time order, tampered rows refused
row by row; and the bundle a device keeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.services import accounts, offline_bundle, study
from vocabsphere.services.offline_sync import OfflineReview, UnreadableRow, sync_reviews
from vocabsphere.store.database import Database
from vocabsphere.store.unit_of_work import unit_of_work

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def user(db: Database, name: str) -> int:
    return accounts.create_user(db, username=name, password="s3cret-pass", now=T0).id


def saved_card(db: Database, user_id: int, lemma: str = "harbour") -> int:
    word = study.WordToSave(lemma=lemma, pos="NOUN", word=lemma, sentence=f"A {lemma} here.", translation="x")
    saved = study.save_word(db, user_id=user_id, word=word, now=T0)
    return study.word_detail(db, user_id=user_id, word_id=saved.id, now=T0).cards[0].id


def row(
    card_id: int, n: int, rating: int = 3, at: datetime | None = None, device: str = "phone"
) -> OfflineReview:
    when = at or T0 + timedelta(days=n, minutes=n)
    return OfflineReview(f"{device}-{n}", device, n, card_id, rating, when, 1200)


def count_logs(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT count(*) FROM review_logs").scalar() or 0)


def card_due(db: Database, card_id: int) -> datetime:
    with unit_of_work(db) as uow:
        card = uow.study.card(card_id)
        assert card is not None
        return card.due


def card_row(db: Database, card_id: int) -> tuple[object, ...]:
    with unit_of_work(db) as uow:
        c = uow.study.card(card_id)
        assert c is not None
        return (c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps)


def test_each_review_is_applied_once_and_the_card_matches_live_ratings(database: Database) -> None:
    ana, ben = user(database, "ana"), user(database, "ben")
    offline_card, live_card = saved_card(database, ana), saved_card(database, ben)
    batch = [row(offline_card, n, rating) for n, rating in enumerate((3, 3, 1, 3, 4))]
    now = T0 + timedelta(days=10)
    report = sync_reviews(database, user_id=ana, rows=batch, now=now)
    assert [r.outcome for r in report.rows] == ["applied"] * 5
    assert count_logs(database) == 5
    again = sync_reviews(database, user_id=ana, rows=batch, now=now)
    assert [r.outcome for r in again.rows] == ["duplicate"] * 5 and count_logs(database) == 5
    # The same ratings made online, one by one, give the same card: the replay uses the live scheduler.
    for r in batch:
        study.rate_card(
            database,
            user_id=ben,
            card_id=live_card,
            rating=r.rating,
            request_id=r.client_id,
            now=r.reviewed_at,
        )
    assert card_row(database, offline_card) == card_row(database, live_card)
    assert report.cards[0].reps == 5 and report.cards[0].due == card_due(database, live_card)


def test_two_devices_end_in_the_same_state_whatever_order_they_sync(database: Database) -> None:
    ana, ben = user(database, "ana"), user(database, "ben")
    first, second = saved_card(database, ana), saved_card(database, ben)
    now = T0 + timedelta(days=10)

    def device_rows(card_id: int, device: str, days: tuple[int, ...], rating: int) -> list[OfflineReview]:
        hour = 1 if device == "tablet" else 0
        return [row(card_id, d, rating, T0 + timedelta(days=d, hours=hour), device) for d in days]

    # Ana's phone syncs before her tablet; Ben's tablet before his phone. The reviews interleave in time.
    sync_reviews(database, user_id=ana, rows=device_rows(first, "phone", (1, 4), 3), now=now)
    sync_reviews(database, user_id=ana, rows=device_rows(first, "tablet", (2, 3), 1), now=now)
    sync_reviews(database, user_id=ben, rows=device_rows(second, "tablet", (2, 3), 1), now=now)
    sync_reviews(database, user_id=ben, rows=device_rows(second, "phone", (1, 4), 3), now=now)
    assert card_row(database, first) == card_row(database, second)
    assert card_row(database, first)[6] == 4
    with pytest.raises(NotFound):  # undo takes back live ratings, not what a device synced
        study.undo_last_rating(database, user_id=ana)


def test_undoing_a_live_rating_followed_in_time_by_synced_reviews_replays_the_card(
    database: Database,
) -> None:
    ana, ben = user(database, "ana"), user(database, "ben")
    card, twin = saved_card(database, ana), saved_card(database, ben)
    study.rate_card(
        database, user_id=ana, card_id=card, rating=1, request_id="live", now=T0 + timedelta(hours=1)
    )
    later = [row(card, n) for n in (1, 2)]  # reviewed offline after the live rating, synced now
    sync_reviews(database, user_id=ana, rows=later, now=T0 + timedelta(days=5))
    assert study.undo_last_rating(database, user_id=ana) == card
    sync_reviews(database, user_id=ben, rows=[row(twin, n) for n in (1, 2)], now=T0 + timedelta(days=5))
    assert card_row(database, card) == card_row(database, twin)  # as if the live rating never happened


def test_tampered_rows_are_refused_one_by_one_and_the_rest_applied(database: Database) -> None:
    ana, eve = user(database, "ana"), user(database, "eve")
    mine, theirs = saved_card(database, ana), saved_card(database, eve, "ferry")
    now = T0 + timedelta(days=3)
    rows: list[OfflineReview | UnreadableRow] = [
        row(mine, 1),
        row(theirs, 2),
        row(mine, 3, rating=5),
        row(mine, 4, rating=0),
        row(mine, 5, at=now + timedelta(hours=1)),
        row(mine, 6, at=T0 - timedelta(days=30)),
        OfflineReview("", "phone", 7, mine, 3, T0 + timedelta(hours=2)),
        OfflineReview("x-8", "phone", -1, mine, 3, T0 + timedelta(hours=2)),
        OfflineReview("x-9", "phone", 9, mine, 3, T0 + timedelta(hours=2), duration_ms=-5),
        OfflineReview("x-10", "phone", 10, mine, 3, datetime(2026, 11, 2, 12)),  # no time zone
        UnreadableRow("x-11", "Malformed row: rating: Input should be a valid integer."),
        row(mine, 2),  # a second valid row, after the bad ones
    ]
    report = sync_reviews(database, user_id=ana, rows=rows, now=now)
    outcomes = [(r.outcome, r.reason) for r in report.rows]
    assert outcomes[0] == ("applied", "") and outcomes[-1] == ("applied", "")
    assert outcomes[1] == ("refused", "No such card.")
    assert "rating must be 1" in outcomes[2][1] and "rating must be 1" in outcomes[3][1]
    assert "in the future" in outcomes[4][1]
    assert "before the word was saved" in outcomes[5][1]
    assert "client_id" in outcomes[6][1] and "seq" in outcomes[7][1] and "duration_ms" in outcomes[8][1]
    assert "time zone" in outcomes[9][1] and outcomes[10] == ("refused", rows[10].reason)  # type: ignore[union-attr]
    assert all(o == "refused" for o, _ in outcomes[1:-1])
    assert count_logs(database) == 2
    assert [c.card_id for c in report.cards] == [mine]  # nothing about someone else's card
    assert card_row(database, theirs)[6] == 0  # untouched
    with pytest.raises(InvalidInput):
        sync_reviews(database, user_id=ana, rows=[row(mine, n) for n in range(501)], now=now)


def test_a_row_sent_twice_in_one_batch_counts_once(database: Database) -> None:
    ana = user(database, "ana")
    card = saved_card(database, ana)
    report = sync_reviews(
        database, user_id=ana, rows=[row(card, 1), row(card, 1)], now=T0 + timedelta(days=2)
    )
    assert [r.outcome for r in report.rows] == ["applied", "duplicate"] and count_logs(database) == 1


def test_the_bundle_holds_todays_queue_and_the_reviews_of_the_coming_days(database: Database) -> None:
    ana = user(database, "ana")
    reviewed, fresh = saved_card(database, ana, "harbour"), saved_card(database, ana, "ferry")
    study.rate_card(database, user_id=ana, card_id=reviewed, rating=3, request_id="r1", now=T0)
    found = offline_bundle.offline_bundle(database, user_id=ana, now=T0 + timedelta(minutes=5), days=14)
    by_id = {c.card.card_id: c for c in found.cards}
    # Today's new card is the word's second kind (new words take turns), typed: its answer comes along.
    todays = [c for c in found.cards if c.card.is_new]
    assert [(c.card.word.lemma, c.card.kind, c.answer) for c in todays] == [("ferry", "form", "ferry")]
    assert fresh not in by_id  # the meaning card of "ferry" waits for another day
    # The card rated a moment ago comes back within the fortnight, with the intervals of each rating.
    assert by_id[reviewed].card.due > T0 + timedelta(minutes=5) and by_id[reviewed].answer == ""
    assert len(by_id[reviewed].card.due_if_rated) == 4
    with pytest.raises(InvalidInput):
        offline_bundle.offline_bundle(database, user_id=ana, now=T0, days=0)
