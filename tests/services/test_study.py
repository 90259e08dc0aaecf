"""Vocabulary book and reviews on both databases: save, daily queue, rate once, undo, statuses, access."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.services import accounts, profiles, reading, study
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


def word(lemma: str) -> study.WordToSave:
    return study.WordToSave(lemma=lemma, pos="NOUN", word=lemma, sentence=f"A {lemma} here.", translation="x")


def log_rows(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT count(*) FROM review_logs").scalar() or 0)


def test_saving_creates_cards_but_one_card_per_word_a_day(database: Database) -> None:
    ana = user(database, "ana")
    saved = study.save_word(database, user_id=ana, word=WORD, now=T0)
    assert saved.lemma == "closure" and saved.translation == "Schließung" and saved.status == "learning-1"
    detail = study.word_detail(database, user_id=ana, word_id=saved.id, now=T0)
    assert [c.kind for c in detail.cards] == ["meaning", "form", "listening"]
    due = study.due_cards(database, user_id=ana, now=T0)
    assert [c.kind for c in due] == ["meaning"] and due[0].is_new  # siblings wait for another day
    study.rate_card(database, user_id=ana, card_id=due[0].card_id, rating=4, request_id="r1", now=T0)
    assert study.due_cards(database, user_id=ana, now=T0 + timedelta(hours=1)) == []  # no sibling today
    tomorrow = study.due_cards(database, user_id=ana, now=T0 + timedelta(days=1, hours=1))
    assert [c.kind for c in tomorrow] == ["form"]
    with pytest.raises(Conflict):
        study.save_word(database, user_id=ana, word=WORD, now=T0)
    with pytest.raises(InvalidInput):
        study.save_word(database, user_id=ana, word=study.WordToSave(lemma="  ", pos="NOUN", word=""), now=T0)


def test_daily_new_card_limit_and_interleaving(database: Database) -> None:
    ana = user(database, "ana")
    profiles.update_study_settings(database, user_id=ana, new_cards_per_day=3)
    for lemma in ("harbour", "ferry", "bridge", "tunnel", "canal"):
        study.save_word(database, user_id=ana, word=word(lemma), now=T0)
    due = study.due_cards(database, user_id=ana, now=T0)
    assert [c.word.lemma for c in due] == ["harbour", "ferry", "bridge"]
    # Day one already shows every kind the words allow: new words take turns, one card each.
    assert [c.kind for c in due] == ["meaning", "form", "listening"]
    for n, card in enumerate(due):
        study.rate_card(database, user_id=ana, card_id=card.card_id, rating=4, request_id=f"e{n}", now=T0)
    assert study.due_cards(database, user_id=ana, now=T0 + timedelta(minutes=1)) == []  # limit reached
    with pytest.raises(InvalidInput):
        profiles.update_study_settings(database, user_id=ana, desired_retention=0.5)


def test_rating_is_applied_once_and_can_be_undone(database: Database) -> None:
    ana = user(database, "ana")
    study.save_word(database, user_id=ana, word=WORD, now=T0)
    card = study.due_cards(database, user_id=ana, now=T0)[0]
    first = study.rate_card(database, user_id=ana, card_id=card.card_id, rating=3, request_id="r1", now=T0)
    again = study.rate_card(database, user_id=ana, card_id=card.card_id, rating=3, request_id="r1", now=T0)
    assert not first.duplicate and again.duplicate and again.next_due == first.next_due
    assert first.next_due > T0
    assert card.card_id not in {c.card_id for c in study.due_cards(database, user_id=ana, now=T0)}
    assert log_rows(database) == 1
    assert study.undo_last_rating(database, user_id=ana) == card.card_id
    assert log_rows(database) == 0
    assert card.card_id in {c.card_id for c in study.due_cards(database, user_id=ana, now=T0)}
    with pytest.raises(NotFound):
        study.undo_last_rating(database, user_id=ana)


def test_reviews_move_the_status_and_undo_restores_it(database: Database) -> None:
    ana = user(database, "ana")
    study.save_word(database, user_id=ana, word=WORD, now=T0)
    card_id = study.due_cards(database, user_id=ana, now=T0)[0].card_id
    study.rate_card(database, user_id=ana, card_id=card_id, rating=4, request_id="e1", now=T0)
    status = reading.statuses_of(database, user_id=ana, lemmas=["closure"])["closure:NOUN"]
    assert status in (2, 3)  # an Easy first answer gives days of stability
    study.undo_last_rating(database, user_id=ana)
    assert reading.statuses_of(database, user_id=ana, lemmas=["closure"])["closure:NOUN"] == 1
    reading.set_status(database, user_id=ana, lemma="closure", status="known", now=T0)
    study.rate_card(database, user_id=ana, card_id=card_id, rating=1, request_id="a1", now=T0)
    # The learner's call, set for every part of speech, reaches the saved noun's status too.
    assert reading.statuses_of(database, user_id=ana, lemmas=["closure"])["closure:NOUN"] == 5


def test_good_ratings_push_the_due_date_out_and_retention_matters(database: Database) -> None:
    dues: dict[float, timedelta] = {}
    for retention in (0.8, 0.95):
        ana = user(database, f"ana{int(retention * 100)}")
        profiles.update_study_settings(database, user_id=ana, desired_retention=retention)
        study.save_word(database, user_id=ana, word=WORD, now=T0)
        card_id = study.due_cards(database, user_id=ana, now=T0)[0].card_id
        now, steps = T0, []
        for n in range(4):
            result = study.rate_card(
                database, user_id=ana, card_id=card_id, rating=3, request_id=f"g{n}", now=now
            )
            steps.append(result.next_due - now)
            now = result.next_due + timedelta(minutes=1)
        assert steps == sorted(steps) and steps[-1] > timedelta(days=1)
        dues[retention] = steps[-1]
    assert dues[0.8] > dues[0.95]  # a lower target retention spaces reviews further apart


def test_typed_answers_forgive_case_and_one_typo(database: Database) -> None:
    ana = user(database, "ana")
    saved = study.save_word(database, user_id=ana, word=WORD, now=T0)
    form = next(
        c
        for c in study.word_detail(database, user_id=ana, word_id=saved.id, now=T0).cards
        if c.kind == "form"
    )
    check, expected = study.check_answer(database, user_id=ana, card_id=form.id, answer="Closre")
    assert expected == "closure" and check.correct and check.near_miss
    check, _ = study.check_answer(database, user_id=ana, card_id=form.id, answer="opening")
    assert not check.correct
    check, _ = study.check_answer(database, user_id=ana, card_id=form.id, answer="Closures")
    assert check.correct and check.near_miss and check.message.startswith("Right word, another form")
    meaning = study.due_cards(database, user_id=ana, now=T0)[0]
    with pytest.raises(InvalidInput):
        study.check_answer(database, user_id=ana, card_id=meaning.card_id, answer="closure")


def test_filters_find_words_by_text_status_level_and_date(database: Database) -> None:
    ana = user(database, "ana")
    study.save_word(database, user_id=ana, word=WORD, now=T0)
    study.save_word(
        database,
        user_id=ana,
        word=study.WordToSave(
            lemma="ferry", pos="NOUN", word="ferries", cefr_level="B1", translation="Fähre"
        ),
        now=T0 + timedelta(days=3),
    )
    reading.set_status(database, user_id=ana, lemma="ferry", status="known", now=T0)

    def lemmas(**where: object) -> list[str]:
        found = study.list_words(database, user_id=ana, where=study.WordFilter(**where))  # type: ignore[arg-type]
        return [w.lemma for w in found]

    assert lemmas() == ["ferry", "closure"]
    assert lemmas(query="fähr") == ["ferry"] and lemmas(query="CLOS") == ["closure"]
    assert lemmas(query="%") == [] and lemmas(query="_") == []  # wildcards are literal
    assert lemmas(statuses=(5,)) == ["ferry"] and lemmas(statuses=(1, 2, 3, 4)) == ["closure"]
    assert lemmas(level="B1") == ["ferry"]
    assert lemmas(saved_from=T0 + timedelta(days=1)) == ["ferry"]
    assert lemmas(saved_until=T0 + timedelta(days=1)) == ["closure"]


def test_someone_elses_card_and_bad_ratings(database: Database) -> None:
    ana, bob = user(database, "ana"), user(database, "bob")
    saved = study.save_word(database, user_id=ana, word=WORD, now=T0)
    card_id = study.due_cards(database, user_id=ana, now=T0)[0].card_id
    with pytest.raises(NotFound):
        study.rate_card(database, user_id=bob, card_id=card_id, rating=3, request_id="x", now=T0)
    with pytest.raises(NotFound):
        study.rate_card(database, user_id=ana, card_id=99999, rating=3, request_id="y", now=T0)
    with pytest.raises(NotFound):
        study.word_detail(database, user_id=bob, word_id=saved.id, now=T0)
    with pytest.raises(NotFound):
        study.check_answer(database, user_id=bob, card_id=card_id, answer="closure")
    for bad in (0, 5):
        with pytest.raises(InvalidInput):
            study.rate_card(database, user_id=ana, card_id=card_id, rating=bad, request_id=f"b{bad}", now=T0)
    assert study.due_cards(database, user_id=bob, now=T0) == []
    assert log_rows(database) == 0


def test_a_synonym_of_the_saved_sense_is_also_right_on_form_cards(database: Database) -> None:
    path = os.environ.get("VOCABSPHERE_LEXICON")
    if not path or not Path(path).is_file():
        pytest.skip("no built lexicon: set VOCABSPHERE_LEXICON")
    lexicon = Lexicon.open(path)
    sense = next(s for s in lexicon.entries("ban", "VERB").senses if s.synonyms)  # WordNet: "banish"
    ana = user(database, "ana")
    saved = study.save_word(
        database,
        user_id=ana,
        word=study.WordToSave(
            lemma="ban",
            pos="VERB",
            word="banned",
            sentence="They banned him from the town.",
            synset_id=sense.synset_id,
            translation="verbannen",
            definition=sense.definition,
        ),
        now=T0,
    )
    cards = {c.kind: c.id for c in study.word_detail(database, user_id=ana, word_id=saved.id, now=T0).cards}
    synonym = sense.synonyms[0]
    check, expected = study.check_answer(
        database, user_id=ana, card_id=cards["form"], answer=synonym.upper(), lexicon=lexicon
    )
    assert check.correct and check.near_miss and check.message == "Also right, but we wanted \u201cban\u201d."
    assert expected == "ban"
    # Without the lexicon, or on a card that asks for the word heard, a synonym is not the answer.
    assert not study.check_answer(database, user_id=ana, card_id=cards["form"], answer=synonym)[0].correct
    listening, _ = study.check_answer(
        database, user_id=ana, card_id=cards["listening"], answer=synonym, lexicon=lexicon
    )
    assert not listening.correct
    wrong, _ = study.check_answer(
        database, user_id=ana, card_id=cards["form"], answer="allow", lexicon=lexicon
    )
    assert not wrong.correct
