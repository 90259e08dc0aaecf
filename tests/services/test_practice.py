"""Practice on both databases: items made from saved words, sessions, answers applied once, the
schedule fed without doubling a review, and bad input refused without losing anything."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.text import load_pipeline
from vocabsphere.services import accounts, practice, study
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
WORDS = {
    "decision": ("NOUN", "decision", "The board made a quick decision about the new school."),
    "raise": ("VERB", "raised", "They have raised the price of bread."),
    "child": ("NOUN", "children", "Many children played happily in the park after school."),
    "news": ("NOUN", "news", "BREAKING NEWS"),  # a heading: no usable sentence
}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    path = os.environ.get("VOCABSPHERE_LEXICON", "")
    if not path or not Path(path).is_file():
        pytest.skip("no built lexicon: set VOCABSPHERE_LEXICON")
    return Lexicon.open(path)


def learner(db: Database, name: str) -> tuple[int, dict[str, int]]:
    user_id = accounts.create_user(db, username=name, password="s3cret-pass", now=T0).id
    ids = {}
    for lemma, (pos, written, sentence) in WORDS.items():
        saved = study.save_word(
            db,
            user_id=user_id,
            word=study.WordToSave(lemma=lemma, pos=pos, word=written, sentence=sentence, definition="x"),
            now=T0,
        )
        ids[lemma] = saved.id
    return user_id, ids


def session(db: Database, user_id: int, lexicon: Lexicon, now: datetime = T0) -> practice.PracticeSession:
    """The job's work (making the waiting words' items), then the session that only picks."""
    waiting = practice.build_session(db, user_id=user_id, now=now).waiting_word_ids
    if waiting:
        practice.prepare_words(
            db, user_id=user_id, lexicon=lexicon, nlp=load_pipeline(), now=now, word_ids=waiting, limit=100
        )
    return practice.build_session(db, user_id=user_id, now=now)


def test_a_session_only_picks_stored_items(database: Database, lexicon: Lexicon) -> None:
    """Nothing is parsed on the request path: words whose items are not made are reported waiting."""
    ana, ids = learner(database, "ana")
    first = practice.build_session(database, user_id=ana, now=T0)
    assert first.items == () and set(first.waiting_word_ids) == set(ids.values())
    made = practice.prepare_words(
        database, user_id=ana, lexicon=lexicon, nlp=load_pipeline(), now=T0, word_ids=[ids["raise"]]
    )
    after = practice.build_session(database, user_id=ana, now=T0)
    assert made == 1 and ids["raise"] not in after.waiting_word_ids
    assert after.items and {i.saved_word_id for i in after.items} == {ids["raise"]}


def test_a_session_mixes_kinds_from_the_learners_words(database: Database, lexicon: Lexicon) -> None:
    ana, ids = learner(database, "ana")
    built = session(database, ana, lexicon)
    assert built.waiting_words == 0 and 6 <= len(built.items) <= 20
    assert {i.saved_word_id for i in built.items} == {ids["decision"], ids["raise"], ids["child"]}
    assert len({i.kind for i in built.items}) >= 3
    # The heading gave no item and no error; its word is marked as tried, not retried each time.
    assert ids["news"] not in {i.saved_word_id for i in built.items}
    assert session(database, ana, lexicon).items == built.items
    # Nothing in a session gives the key away.
    cloze = next(i for i in built.items if i.kind == "cloze")
    assert "_____" in cloze.gapped and len(cloze.options) == 4


def test_answers_are_events_applied_once(database: Database, lexicon: Lexicon) -> None:
    ana, _ = learner(database, "ana")
    item = next(i for i in session(database, ana, lexicon).items if i.kind == "part_of_speech")
    wrong = next(o for o in item.options if o != "noun" and o != "verb")
    first = practice.answer_item(
        database, user_id=ana, item_id=item.id, answer=wrong, request_id="a1", now=T0
    )
    assert not first.correct and first.explanation and not first.duplicate
    again = practice.answer_item(
        database, user_id=ana, item_id=item.id, answer=wrong, request_id="a1", now=T0
    )
    assert again.duplicate and not again.correct
    assert [h.item_id for h in practice.history(database, user_id=ana)] == [item.id]
    right = practice.answer_item(
        database, user_id=ana, item_id=item.id, answer=first.answer, request_id="a2", now=T0
    )
    assert right.correct and right.review_card_id is None  # grammar practice schedules nothing
    assert len(practice.history(database, user_id=ana)) == 2
    # Answered right today: the item is not offered again today.
    assert item.id not in {i.id for i in session(database, ana, lexicon).items}


def test_bad_answers_are_refused_and_nothing_is_stored(database: Database, lexicon: Lexicon) -> None:
    ana, _ = learner(database, "ana")
    bea, _ = learner(database, "bea")
    item = session(database, ana, lexicon).items[0]
    with pytest.raises(NotFound):
        practice.answer_item(database, user_id=bea, item_id=item.id, answer="noun", request_id="b1", now=T0)
    with pytest.raises(NotFound):
        practice.answer_item(database, user_id=ana, item_id=10**12, answer="noun", request_id="b2", now=T0)
    for answer in ("", "   ", "x" * 301):
        with pytest.raises(InvalidInput):
            practice.answer_item(
                database, user_id=ana, item_id=item.id, answer=answer, request_id="b3", now=T0
            )
    with pytest.raises(InvalidInput):
        practice.answer_item(database, user_id=ana, item_id=item.id, answer="noun", request_id="", now=T0)
    assert practice.history(database, user_id=ana) == [] and practice.history(database, user_id=bea) == []


def test_production_answers_feed_the_form_card_once_a_day(database: Database, lexicon: Lexicon) -> None:
    ana, ids = learner(database, "ana")
    items = session(database, ana, lexicon).items
    form = next(
        i for i in items if i.kind in ("word_form", "word_family") and i.saved_word_id == ids["raise"]
    )
    key = practice.answer_item(database, user_id=ana, item_id=form.id, answer="zzz", request_id="f0", now=T0)
    assert not key.correct and key.review_card_id is not None  # a lapse of the due form card
    detail = study.word_detail(database, user_id=ana, word_id=ids["raise"], now=T0)
    card = next(c for c in detail.cards if c.kind == "form")
    assert card.id == key.review_card_id and card.reps == 1 and [h.rating for h in detail.history] == [1]
    # A retry of the same answer rates nothing more.
    practice.answer_item(database, user_id=ana, item_id=form.id, answer="zzz", request_id="f0", now=T0)
    assert len(study.word_detail(database, user_id=ana, word_id=ids["raise"], now=T0).history) == 1
    # A card reviewed today already (here in Review) is not fed again by practice that day.
    cloze_or_form = [i for i in items if i.kind in ("cloze", "word_form", "word_family") and i.id != form.id]
    child = next(i for i in cloze_or_form if i.saved_word_id == ids["child"] and i.kind == "word_form")
    card = next(
        c
        for c in study.word_detail(database, user_id=ana, word_id=ids["child"], now=T0).cards
        if c.kind == "form"
    )
    study.rate_card(database, user_id=ana, card_id=card.id, rating=3, request_id="r-child", now=T0)
    later = T0 + timedelta(hours=3)
    result = practice.answer_item(
        database, user_id=ana, item_id=child.id, answer="children", request_id="f1", now=later
    )
    assert result.correct and result.review_card_id is None
    assert len(study.word_detail(database, user_id=ana, word_id=ids["child"], now=later).history) == 1


def test_grammar_points_to_pick_are_those_of_the_learners_items(database: Database, lexicon: Lexicon) -> None:
    ana, _ = learner(database, "ana")
    assert practice.grammar_points(database, user_id=ana) == []  # nothing made yet
    built = session(database, ana, lexicon)
    points = {p.id: p for p in practice.grammar_points(database, user_id=ana)}
    assert "present_perfect" in points and points["present_perfect"].level
    # a sentence pattern outside the catalogue is listed with its own name ("Did the board make ...?")
    assert (points["yes_no_question_past"].name, points["yes_no_question_past"].level) == (
        "Yes/no questions with did",
        "A2",
    )
    picked = practice.build_session(database, user_id=ana, now=T0, grammar_point="present_perfect")
    assert picked.items and all(
        i.grammar_point is not None and i.grammar_point.id == "present_perfect" for i in picked.items
    )
    assert len(picked.items) < len(built.items)


def test_a_typed_word_family_item_is_stored_shown_and_graded(database: Database, lexicon: Lexicon) -> None:
    """Word formation (issue #17): the family's stem in capitals, no options, the member typed; a
    slip is forgiven, another word is not, and the answer feeds the word's form card."""
    user_id = accounts.create_user(database, username="cyd", password="s3cret-pass", now=T0).id
    word = study.WordToSave(
        lemma="improve",
        pos="VERB",
        word="improve",
        sentence="We must improve the roads in our town.",
        definition="x",
    )
    saved = study.save_word(database, user_id=user_id, word=word, now=T0)
    built = session(database, user_id, lexicon)
    item = next(i for i in built.items if i.kind == "word_family")
    assert item.options == () and "IMPROVEMENT" in item.prompt
    assert item.gapped == "We must _____ the roads in our town."
    wrong = practice.answer_item(
        database, user_id=user_id, item_id=item.id, answer="improvement", request_id="t1", now=T0
    )
    assert not wrong.correct and wrong.answer == "improve" and wrong.review_card_id is not None
    slip = practice.answer_item(
        database, user_id=user_id, item_id=item.id, answer="imporve", request_id="t2", now=T0
    )
    assert slip.correct and slip.near_miss and "improve" in slip.explanation
    assert saved.id == item.saved_word_id
