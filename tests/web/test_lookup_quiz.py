"""The class's most looked-up words turned into a vocabulary quiz with one action (API and page)."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.fixtures.quiz_story import ORIG
from tests.web.conftest import add_user, app_state, bearer, csrf_from, log_in
from vocabsphere.services import versions
from vocabsphere.store.unit_of_work import unit_of_work
from vocabsphere.web import create_app

LOOKED_UP = ("begin", "soil", "market")  # the class's list, most learners first


@pytest.fixture
def client(make_settings: Any) -> Any:
    lexicon = os.environ.get("VOCABSPHERE_LEXICON")
    if not lexicon or not Path(lexicon).exists():
        pytest.skip("set VOCABSPHERE_LEXICON to a built lexicon (the README's test command does)")
    with TestClient(create_app(make_settings(lexicon_path=Path(lexicon)))) as test_client:
        yield test_client


def _assignment(client: TestClient, teacher: dict[str, str], *, looked_up: bool) -> int:
    story_id = client.post("/api/v1/ingest/text", headers=teacher, json={"text": ORIG}).json()["story_id"]
    state = app_state(client)
    versions.build_versions(state.database, state.settings, story_id, now=state.clock())
    room = client.post("/api/v1/classes", headers=teacher, json={"name": "6A", "cefr_level": "B1"}).json()
    work = client.post(
        f"/api/v1/classes/{room['id']}/assignments",
        headers=teacher,
        json={"story_id": story_id, "level_rule": "fixed", "fixed_level": "B1", "due_at": "2099-01-01T10:00"},
    ).json()
    learners = []
    for name in (f"ana{room['id']}", f"bob{room['id']}"):
        add_user(client, name)
        client.post("/api/v1/classes/join", headers=bearer(client, name), json={"code": room["join_code"]})
        learners.append(name)
    if looked_up:
        with unit_of_work(state.database) as uow:
            now = datetime.now(UTC)
            for k, lemma in enumerate(LOOKED_UP):
                for name in learners[: 2 - min(k, 1)]:  # "begin" by both, the others by one
                    user = uow.users.by_username(name)
                    assert user is not None
                    uow.classes.record_lookup(user.id, story_id, "B1", lemma, now)
    return int(work["id"])


def _asked(stem: str) -> str:
    found = re.match(r"What does “(\w+)” mean in this sentence\?", stem)
    assert found, stem
    return found.group(1).lower()


def test_the_looked_up_words_become_a_vocabulary_quiz_over_the_api(client: TestClient) -> None:
    add_user(client, "teach", role="teacher")
    add_user(client, "other", role="teacher")
    teacher = bearer(client, "teach")
    assignment = _assignment(client, teacher, looked_up=True)
    made = client.post(f"/api/v1/assignments/{assignment}/lookup-quiz", headers=teacher)
    assert made.status_code == 201, made.text
    quiz = made.json()
    assert quiz["title"].startswith("Words from")
    questions = quiz["questions"]
    assert questions and all(q["kind"] == "vocabulary" for q in questions)
    assert {_asked(q["stem"]) for q in questions} <= set(LOOKED_UP)
    assert _asked(questions[0]["stem"]) == "begin"  # the word most learners looked up comes first
    for q in questions:
        assert q["answer"] in q["options"] and len(q["options"]) == 4
        assert q["levels"] and q["evidence"]
    # Another teacher's assignment does not exist for them; learners cannot make quizzes.
    other = client.post(f"/api/v1/assignments/{assignment}/lookup-quiz", headers=bearer(client, "other"))
    assert other.status_code == 404
    learner = client.post(f"/api/v1/assignments/{assignment}/lookup-quiz", headers=bearer(client, "ana1"))
    assert learner.status_code == 403


def test_without_look_ups_nothing_is_made_and_the_teacher_is_told(client: TestClient) -> None:
    add_user(client, "teach", role="teacher")
    teacher = bearer(client, "teach")
    assignment = _assignment(client, teacher, looked_up=False)
    made = client.post(f"/api/v1/assignments/{assignment}/lookup-quiz", headers=teacher)
    assert made.status_code == 400
    assert "Nobody in the class has looked up a word" in made.text
    assert client.get("/api/v1/quizzes", headers=teacher).json() == []


def test_one_button_on_the_report_page_makes_the_quiz(client: TestClient) -> None:
    add_user(client, "teach", role="teacher")
    assignment = _assignment(client, bearer(client, "teach"), looked_up=True)
    log_in(client, "teach")
    page = client.get(f"/assignments/{assignment}")
    assert "Make a vocabulary quiz of these words" in page.text
    response = client.post(
        f"/assignments/{assignment}/lookup-quiz",
        data={"csrf_token": csrf_from(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    quiz_page = client.get(response.headers["location"])
    assert quiz_page.status_code == 200
    assert "What does “begin” mean in this sentence?" in quiz_page.text.replace("&#34;", '"')
