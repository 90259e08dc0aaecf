"""A learner's progress on both databases: words by status, reviews and streak, due cards, readings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from vocabsphere.services import accounts, progress, reading, study
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def test_streak_counts_consecutive_days_up_to_today_or_yesterday() -> None:
    today = date(2026, 11, 10)
    days = {today, today - timedelta(days=1), today - timedelta(days=2), today - timedelta(days=5)}
    assert progress.streak(days, today) == 3
    assert progress.streak(days - {today}, today) == 2  # not yet reviewed today: still alive
    assert progress.streak({today - timedelta(days=3)}, today) == 0
    assert progress.streak(set(), today) == 0


def test_progress_counts_what_the_learner_did(database: Database) -> None:
    ana = accounts.create_user(database, username="ana", password="s3cret-pass", now=T0).id
    bob = accounts.create_user(database, username="bob", password="s3cret-pass", now=T0).id
    assert progress.progress(database, user_id=ana, now=T0).is_empty
    for lemma in ("harbour", "ferry"):
        study.save_word(
            database,
            user_id=ana,
            word=study.WordToSave(
                lemma=lemma, pos="NOUN", word=lemma, sentence=f"A {lemma}.", translation="x"
            ),
            now=T0 - timedelta(days=1),
        )
    reading.set_statuses(database, user_id=ana, lemmas=["the", "bridge", "wind"], status="known", now=T0)
    yesterday = study.due_cards(database, user_id=ana, now=T0 - timedelta(days=1))[0]
    study.rate_card(
        database, user_id=ana, card_id=yesterday.card_id, rating=4, request_id="y", now=T0 - timedelta(days=1)
    )
    today = study.due_cards(database, user_id=ana, now=T0)[0]
    study.rate_card(database, user_id=ana, card_id=today.card_id, rating=3, request_id="t", now=T0)

    view = progress.progress(database, user_id=ana, now=T0 + timedelta(minutes=1))
    assert (view.saved_words, view.known_words, view.learning_words) == (2, 3, 2)
    assert view.reviews_today == 1 and view.review_streak_days == 2
    assert view.due_now >= 1 and not view.is_empty
    assert progress.progress(database, user_id=bob, now=T0).is_empty  # nothing of Ana's leaks to Bob
