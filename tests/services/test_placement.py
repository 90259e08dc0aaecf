"""The placement test as a use case, on both databases: steps in order, answers checked, the result
stored, and the learner's level changed only when they accept it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.core.placement.items import load_bank
from vocabsphere.services import accounts, classes, placement, profiles, progress
from vocabsphere.store.database import Database

T0 = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def _take(database: Database, user_id: int, threshold: float) -> placement.PlacementView:
    words = load_bank().by_word()
    view = placement.start_test(database, user_id=user_id, now=T0)
    while view.stage == "words":
        known = [w for w in view.words if w in words and words[w].difficulty <= threshold]
        view = placement.answer(
            database,
            user_id=user_id,
            test_id=view.id,
            stage="words",
            step=view.step,
            known=known,
            lexicon=None,
            now=T0,
        )
    assert view.stage == "reading" and not view.meanings  # no lexicon here: no meaning checks
    return placement.answer(
        database, user_id=user_id, test_id=view.id, stage="reading", choices=[1, 2, 0], lexicon=None, now=T0
    )


def test_a_finished_test_is_stored_and_accepting_it_sets_the_level(database: Database) -> None:
    ana = accounts.create_user(database, username="ana", password="s3cret-pass", now=T0, cefr_level="A1").id
    done = _take(database, ana, 3.5)
    assert done.stage == "done" and done.result is not None and done.level_before == "A1"
    assert done.result["level"] == "B1" and done.result["reading_right"] == 3
    assert 1000 < done.result["estimate"]["vocabulary_size"] < 10000
    assert placement.latest_result(database, user_id=ana) == done
    assert profiles.get_user(database, ana).cefr_level == "A1"  # nothing changes until the learner says so
    accepted = placement.decide(database, user_id=ana, test_id=done.id, accept=True, now=T0)
    assert accepted.decision == "accepted" and profiles.get_user(database, ana).cefr_level == "B1"
    with pytest.raises(Conflict):
        placement.decide(database, user_id=ana, test_id=done.id, accept=False, now=T0)


def test_keeping_ones_level_and_answers_out_of_turn(database: Database) -> None:
    ana = accounts.create_user(database, username="ana", password="s3cret-pass", now=T0, cefr_level="C1").id
    bob = accounts.create_user(database, username="bob", password="s3cret-pass", now=T0).id
    view = placement.start_test(database, user_id=ana, now=T0)
    with pytest.raises(NotFound):  # Bob cannot see or answer Ana's test
        placement.get_test(database, user_id=bob, test_id=view.id)
    with pytest.raises(NotFound):
        placement.answer(
            database, user_id=bob, test_id=view.id, stage="words", known=[], lexicon=None, now=T0
        )
    with pytest.raises(Conflict):  # not the step on screen (an old tab, a double submit)
        placement.answer(
            database, user_id=ana, test_id=view.id, stage="words", step=3, known=[], lexicon=None, now=T0
        )
    with pytest.raises(InvalidInput):
        placement.answer(
            database, user_id=ana, test_id=view.id, stage="words", known=["not-shown"], lexicon=None, now=T0
        )
    with pytest.raises(Conflict):
        placement.decide(database, user_id=ana, test_id=view.id, accept=True, now=T0)
    done = _take(database, ana, 2.5)
    kept = placement.decide(database, user_id=ana, test_id=done.id, accept=False, now=T0)
    assert kept.decision == "kept" and profiles.get_user(database, ana).cefr_level == "C1"


def test_a_teachers_lock_holds_the_level_against_placement_suggestion_and_settings(
    database: Database,
) -> None:
    teacher = accounts.create_user(database, username="tia", password="s3cret-pass", now=T0, role="teacher")
    ana = accounts.create_user(database, username="ana", password="s3cret-pass", now=T0, cefr_level="A1")
    room = classes.create_class(database, teacher, name="Year 9 Blue", cefr_level="A2", now=T0)
    classes.join_class(database, ana, code=room.join_code, now=T0)
    done = _take(database, ana.id, 3.5)
    assert done.result is not None and done.result["level"] == "B1" and done.lock_note == ""

    classes.lock_level(database, teacher, class_id=room.id, user_id=ana.id, level="A2")
    note = (
        "Your teacher has set your level to A2 in the class \u201cYear 9 Blue\u201d; "
        "ask them if you want to change it."
    )
    assert placement.get_test(database, user_id=ana.id, test_id=done.id).lock_note == note
    with pytest.raises(Conflict, match="Your teacher has set your level to A2"):
        placement.decide(database, user_id=ana.id, test_id=done.id, accept=True, now=T0)
    with pytest.raises(Conflict, match="Year 9 Blue"):
        profiles.update_profile(database, user_id=ana.id, change=profiles.ProfileChange(cefr_level="B1"))
    suggestion = progress.level_suggestion(database, user_id=ana.id)
    assert suggestion.locked and suggestion.suggested is None and suggestion.reasons[0] == note
    assert profiles.get_user(database, ana.id).cefr_level == "A1"
    # Keeping one's level is still recorded; other settings still change.
    assert (
        placement.decide(database, user_id=ana.id, test_id=done.id, accept=False, now=T0).decision == "kept"
    )
    profiles.update_profile(database, user_id=ana.id, change=profiles.ProfileChange(daily_goal=30))

    # Unlocked (or the class archived), the learner decides again.
    classes.lock_level(database, teacher, class_id=room.id, user_id=ana.id, level=None)
    again = _take(database, ana.id, 3.5)
    assert again.lock_note == "" and not progress.level_suggestion(database, user_id=ana.id).locked
    placement.decide(database, user_id=ana.id, test_id=again.id, accept=True, now=T0)
    assert profiles.get_user(database, ana.id).cefr_level == "B1"
    classes.lock_level(database, teacher, class_id=room.id, user_id=ana.id, level="A2")
    classes.update_class(database, teacher, class_id=room.id, archived=True, now=T0)
    assert not progress.level_suggestion(database, user_id=ana.id).locked
