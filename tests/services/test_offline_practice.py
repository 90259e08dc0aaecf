"""Practice answers made offline, on both databases: applied once at the time they were made (the
schedule fed as a live answer would have fed it), tampered rows refused one by one with a reason."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.services import test_practice
from tests.services.test_practice import T0, learner, session
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.services import practice, study
from vocabsphere.services.offline_practice import OfflineAnswer, sync_answers
from vocabsphere.services.offline_sync import UnreadableRow
from vocabsphere.store.database import Database

practice_lexicon = test_practice.lexicon  # the practice tests' fixture, under its own name here

LATER = T0 + timedelta(hours=2)


def answer(item_id: int, n: int, text: str, at: datetime | None = None) -> OfflineAnswer:
    return OfflineAnswer(f"phone-{n}", "phone", n, item_id, text, at or T0 + timedelta(minutes=n))


def test_offline_answers_apply_once_at_the_time_they_were_made(
    database: Database, practice_lexicon: Lexicon
) -> None:
    ana, ids = learner(database, "ana")
    items = session(database, ana, practice_lexicon).items
    grammar = next(i for i in items if i.kind == "part_of_speech")
    form = next(
        i for i in items if i.kind in ("word_form", "word_family") and i.saved_word_id == ids["raise"]
    )
    keys = {o.item.id: o for o in practice.offline_items(database, user_id=ana, now=T0)}
    rows = [answer(grammar.id, 1, keys[grammar.id].answer), answer(form.id, 2, "zzz")]

    outcomes = sync_answers(database, user_id=ana, rows=rows, now=LATER)
    assert [(o.outcome, o.correct) for o in outcomes] == [("applied", True), ("applied", False)]
    history = practice.history(database, user_id=ana)
    assert sorted(h.answered_at for h in history) == [r.answered_at for r in rows]
    # The wrong form answer was a lapse of the due form card, logged when it was made.
    detail = study.word_detail(database, user_id=ana, word_id=ids["raise"], now=LATER)
    assert [(h.rating, h.reviewed_at) for h in detail.history] == [(1, rows[1].answered_at)]

    for _ in range(2):  # replayed: acknowledged, nothing new stored
        again = sync_answers(database, user_id=ana, rows=rows, now=LATER)
        assert [o.outcome for o in again] == ["duplicate", "duplicate"]
        assert [o.correct for o in again] == [True, False]
    assert len(practice.history(database, user_id=ana)) == 2
    assert len(study.word_detail(database, user_id=ana, word_id=ids["raise"], now=LATER).history) == 1


def test_tampered_rows_are_refused_by_row_and_the_rest_applied(
    database: Database, practice_lexicon: Lexicon
) -> None:
    ana, _ = learner(database, "ana")
    bea, _ = learner(database, "bea")
    mine = session(database, ana, practice_lexicon).items[0]
    theirs = session(database, bea, practice_lexicon).items[0]
    good = answer(mine.id, 1, mine.options[0] if mine.options else "word")
    rows: list[OfflineAnswer | UnreadableRow] = [
        answer(theirs.id, 2, "noun"),
        answer(10**12, 3, "noun"),
        answer(mine.id, 4, "   "),
        answer(mine.id, 5, "noun", at=LATER + timedelta(hours=1)),
        answer(mine.id, 6, "noun", at=T0 - timedelta(days=2)),
        answer(mine.id, 7, "noun", at=datetime(2026, 11, 2, 9, 5)),  # no time zone
        OfflineAnswer("phone-8", "", 8, mine.id, "noun", T0),
        OfflineAnswer("phone-9", "phone", -1, mine.id, "noun", T0),
        UnreadableRow("phone-10", "Malformed row: item_id: Input should be a valid integer."),
        good,
        good,
    ]
    outcomes = sync_answers(database, user_id=ana, rows=rows, now=LATER)
    assert [o.outcome for o in outcomes] == ["refused"] * 9 + ["applied", "duplicate"]
    reasons = [o.reason for o in outcomes]
    assert reasons[:2] == ["No such exercise."] * 2
    assert reasons[2] == "Give an answer."
    assert reasons[3] == "answered_at is in the future: check the device's clock."
    assert reasons[4] == "answered_at is before the exercise was made."
    assert "time zone" in reasons[5] and "device_id" in reasons[6] and "seq" in reasons[7]
    assert reasons[8].startswith("Malformed row")
    assert [h.item_id for h in practice.history(database, user_id=ana)] == [mine.id]
    assert practice.history(database, user_id=bea) == []
