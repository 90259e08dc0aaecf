"""Vocabulary book and reviews on both databases: save, due queue, rate once, undo, access."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.services import accounts, study
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
WORD = study.WordToSave(
    lemma="closure",
    pos="NOUN",
    word="closure",
    sentence="It was the first full closure in twenty years.",
    translation="Schließung",
    definition="the act of closing something",
)


def user(db: Database, name: str) -> int:
    return accounts.create_user(db, username=name, password="s3cret-pass", now=T0).id


def test_saving_creates_cards_that_fall_due(database: Database) -> None:
    ana = user(database, "ana")
    saved = study.save_word(database, user_id=ana, word=WORD, now=T0)
    assert saved.lemma == "closure" and saved.translation == "Schließung"
    due = study.due_cards(database, user_id=ana, now=T0)
    assert {c.kind for c in due} >= {"meaning", "form"} and all(c.is_new for c in due)
    with pytest.raises(Conflict):
        study.save_word(database, user_id=ana, word=WORD, now=T0)
    with pytest.raises(InvalidInput):
        study.save_word(database, user_id=ana, word=study.WordToSave(lemma="  ", pos="NOUN", word=""), now=T0)


def test_rating_is_applied_once_and_can_be_undone(database: Database) -> None:
    ana = user(database, "ana")
    study.save_word(database, user_id=ana, word=WORD, now=T0)
    card = study.due_cards(database, user_id=ana, now=T0)[0]
    first = study.rate_card(database, user_id=ana, card_id=card.card_id, rating=3, request_id="r1", now=T0)
    again = study.rate_card(database, user_id=ana, card_id=card.card_id, rating=3, request_id="r1", now=T0)
    assert not first.duplicate and again.duplicate and again.next_due == first.next_due
    assert first.next_due > T0
    assert card.card_id not in {c.card_id for c in study.due_cards(database, user_id=ana, now=T0)}
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM review_logs").scalar() == 1
    assert study.undo_last_rating(database, user_id=ana) == card.card_id
    assert card.card_id in {c.card_id for c in study.due_cards(database, user_id=ana, now=T0)}
    with pytest.raises(NotFound):
        study.undo_last_rating(database, user_id=ana)


def test_good_ratings_push_the_due_date_out(database: Database) -> None:
    ana = user(database, "ana")
    study.save_word(database, user_id=ana, word=WORD, now=T0)
    card_id = study.due_cards(database, user_id=ana, now=T0)[0].card_id
    now, dues = T0, []
    for n in range(4):
        result = study.rate_card(
            database, user_id=ana, card_id=card_id, rating=3, request_id=f"g{n}", now=now
        )
        dues.append(result.next_due - now)
        now = result.next_due + timedelta(minutes=1)
    assert dues == sorted(dues) and dues[-1] > timedelta(days=1)


def test_someone_elses_card_and_bad_ratings(database: Database) -> None:
    ana, bob = user(database, "ana"), user(database, "bob")
    study.save_word(database, user_id=ana, word=WORD, now=T0)
    card_id = study.due_cards(database, user_id=ana, now=T0)[0].card_id
    with pytest.raises(NotFound):
        study.rate_card(database, user_id=bob, card_id=card_id, rating=3, request_id="x", now=T0)
    with pytest.raises(NotFound):
        study.rate_card(database, user_id=ana, card_id=99999, rating=3, request_id="y", now=T0)
    for bad in (0, 5):
        with pytest.raises(InvalidInput):
            study.rate_card(database, user_id=ana, card_id=card_id, rating=bad, request_id=f"b{bad}", now=T0)
    assert study.due_cards(database, user_id=bob, now=T0) == []
