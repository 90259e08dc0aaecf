"""The Progress page and API: charts with their numbers, CSV export, the level suggestion never applied
by itself, and one learner's history never shown to another."""

from __future__ import annotations

import csv
import html
import io
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.web.conftest import add_user, bearer, csrf_from, log_in
from vocabsphere.services import classes, reading, study
from vocabsphere.store.tables import ExerciseAnswer, ExerciseItemRow, SavedWord
from vocabsphere.store.unit_of_work import unit_of_work


def _activity(client: TestClient, user_id: int) -> None:
    db = client.app.state.vocabsphere.database  # type: ignore[attr-defined]
    now = datetime.now(UTC)
    for n, lemma in enumerate(("harbour", "ferry", "bridge")):
        study.save_word(
            db,
            user_id=user_id,
            word=study.WordToSave(
                lemma=lemma, pos="NOUN", word=lemma, sentence=f"A {lemma}.", translation="x"
            ),
            now=now - timedelta(days=2, minutes=n),
        )
    card = study.due_cards(db, user_id=user_id, now=now - timedelta(days=1))[0]
    study.rate_card(
        db, user_id=user_id, card_id=card.card_id, rating=3, request_id="r1", now=now - timedelta(days=1)
    )
    reading.set_statuses(db, user_id=user_id, lemmas=["house", "water"], status="known", now=now)


def _practice_answer(client: TestClient, user_id: int) -> None:
    """One right cloze answer on the learner's first saved word (what the practice service stores)."""
    db = client.app.state.vocabsphere.database  # type: ignore[attr-defined]
    now = datetime.now(UTC)
    with unit_of_work(db) as uow:
        word = uow.session.scalars(select(SavedWord).where(SavedWord.user_id == user_id)).first()
        assert word is not None
        item = ExerciseItemRow(
            user_id=user_id,
            saved_word_id=word.id,
            kind="cloze",
            item_key="k1",
            data_json="{}",
            created_at=now,
        )
        uow.session.add(item)
        uow.session.flush()
        uow.session.add(
            ExerciseAnswer(
                user_id=user_id, item_id=item.id, request_id="a1", answer="x", correct=True, answered_at=now
            )
        )


def test_progress_page_draws_accessible_charts_and_exports_csv(client: TestClient) -> None:
    ana = add_user(client, "ana")
    _activity(client, ana.id)
    log_in(client, "ana")
    page = client.get("/progress")
    assert page.status_code == 200
    html = page.text
    assert html.count('role="img"') >= 5 and "<title>Study days:" in html
    assert "<title>Reviews per day</title>" in html and "Daily goal: 20 reviews" in html
    assert "Words known by level" in html and "the numbers</summary>" in html
    assert "Europe" not in html and "(UTC;" in html  # the learner's zone is named
    assert "Practice and quizzes" in html and 'href="/practice"' in html  # nothing answered yet
    _practice_answer(client, ana.id)
    html = client.get("/progress").text
    assert "Practice by kind of exercise" in html and '<th scope="row">Cloze' in html
    assert "1 (100 %)" in html
    exported = client.get("/progress/history.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(rows) == 182 and sum(int(r["reviews"]) for r in rows) == 1
    assert rows[-1]["vocabulary_book"] == "3" and rows[-1]["known_words"] == "2"


def test_progress_api_history_and_level_are_the_learners_own(client: TestClient) -> None:
    ana = add_user(client, "ana")
    add_user(client, "bob")
    _activity(client, ana.id)
    mine = client.get("/api/v1/me/progress/history?days=7", headers=bearer(client, "ana")).json()
    assert len(mine["days"]) == 7 and sum(d["reviews"] for d in mine["days"]) == 1
    assert mine["time_zone"] == "UTC" and mine["days"][-1]["saved_words"] == 3
    theirs = client.get("/api/v1/me/progress/history?days=7", headers=bearer(client, "bob")).json()
    assert sum(d["reviews"] for d in theirs["days"]) == 0 and theirs["days"][-1]["saved_words"] == 0
    assert client.get("/api/v1/me/progress/history?days=0", headers=bearer(client, "ana")).status_code in (
        400,
        422,
    )
    level = client.get("/api/v1/me/progress/level", headers=bearer(client, "ana")).json()
    assert level["level"] == "B1" and level["suggested"] is None and not level["enough_evidence"]
    _practice_answer(client, ana.id)
    accuracy = client.get("/api/v1/me/progress/accuracy", headers=bearer(client, "ana")).json()
    assert [(r["key"], r["answers"], r["right"]) for r in accuracy["practice_by_kind"]] == [("cloze", 1, 1)]
    bobs = client.get("/api/v1/me/progress/accuracy", headers=bearer(client, "bob")).json()
    assert bobs == {"practice_by_kind": [], "practice_by_point": [], "quiz_by_kind": []}
    assert client.get("/api/v1/me/progress/accuracy").status_code == 401
    me = client.get("/api/v1/me/progress", headers=bearer(client, "ana")).json()
    assert me["daily_goal"] == 20 and me["time_zone"] == "UTC" and me["streak_frozen_days"] == []


def test_taking_a_level_needs_the_form_token_and_a_real_level(client: TestClient) -> None:
    add_user(client, "ana")
    log_in(client, "ana")
    token = csrf_from(client.get("/progress").text)
    assert client.post("/progress/level", data={"cefr_level": "B2"}).status_code == 403
    assert client.post("/progress/level", data={"cefr_level": "Z9", "csrf_token": token}).status_code == 400
    moved = client.post(
        "/progress/level", data={"cefr_level": "B2", "csrf_token": token}, follow_redirects=False
    )
    assert moved.status_code == 303
    assert client.get("/api/v1/me").json()["cefr_level"] == "B2"
    assert "Your level is saved." in client.get(moved.headers["location"]).text


def test_a_locked_level_is_explained_on_the_page_and_refused_by_the_form(client: TestClient) -> None:
    db = client.app.state.vocabsphere.database  # type: ignore[attr-defined]
    teacher, ana = add_user(client, "tia", role="teacher"), add_user(client, "ana")
    room = classes.create_class(db, teacher, name="Evening B1", cefr_level="B1", now=datetime.now(UTC))
    classes.join_class(db, ana, code=room.join_code, now=datetime.now(UTC))
    classes.lock_level(db, teacher, class_id=room.id, user_id=ana.id, level="A2")
    log_in(client, "ana")
    page = client.get("/progress").text
    assert "Your teacher has set your level to A2 in the class \u201cEvening B1\u201d" in html.unescape(page)
    refused = client.post("/progress/level", data={"cefr_level": "B2", "csrf_token": csrf_from(page)})
    assert refused.status_code == 409 and client.get("/api/v1/me").json()["cefr_level"] == "B1"
    level = client.get("/api/v1/me/progress/level").json()
    assert level["locked"] and level["suggested"] is None
