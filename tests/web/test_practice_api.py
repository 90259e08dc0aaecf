"""The practice API with a bearer token: session, answers once per request id, history, bad input."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import add_user, app_state, bearer
from vocabsphere.config import Settings
from vocabsphere.services import practice, study
from vocabsphere.web import create_app

SAVED = [
    ("decision", "NOUN", "decision", "The board made a quick decision about the new school."),
    ("raise", "VERB", "raised", "They have raised the price of bread."),
    ("news", "NOUN", "news", "BREAKING NEWS"),
]


@pytest.fixture
def lexicon_client(make_settings: Callable[..., Settings]) -> Iterator[TestClient]:
    path = os.environ.get("VOCABSPHERE_LEXICON", "")
    if not path or not Path(path).is_file():
        pytest.skip("no built lexicon: set VOCABSPHERE_LEXICON")
    with TestClient(create_app(make_settings(lexicon_path=path)), base_url="http://testserver") as client:
        yield client


def _learner(client: TestClient, name: str) -> dict[str, str]:
    user = add_user(client, name)
    db, now = app_state(client).database, app_state(client).clock()
    for lemma, pos, word, sentence in SAVED:
        study.save_word(
            db, user_id=user.id, word=study.WordToSave(lemma, pos, word, sentence, definition="x"), now=now
        )
    return bearer(client, name)


def _session(client: TestClient, headers: dict[str, str], timeout: float = 120.0) -> dict[str, Any]:
    """The session once the background job has made the waiting words' exercises."""
    deadline = time.monotonic() + timeout
    while True:
        response = client.get("/api/v1/practice/session", headers=headers)
        assert response.status_code == 200, response.text
        if not response.json()["waiting_words"] or time.monotonic() > deadline:
            return dict(response.json())
        time.sleep(0.2)


def test_practice_session_answers_and_history(lexicon_client: TestClient) -> None:
    client = lexicon_client
    ana = _learner(client, "ana")
    first = client.get("/api/v1/practice/session", headers=ana).json()
    # Saved outside the API: nothing made yet; the request queues the job and answers at once.
    assert first["waiting_words"] == 3 and first["items"] == []
    session = _session(client, ana)
    assert session["waiting_words"] == 0
    items = session["items"]
    assert items and {i["word"] for i in items} == {"decision", "raise"}  # the heading made none
    item = next(i for i in items if i["options"])
    body = {"answer": item["options"][0], "request_id": "req-1"}
    first = client.post(f"/api/v1/practice/items/{item['id']}/answer", json=body, headers=ana)
    again = client.post(f"/api/v1/practice/items/{item['id']}/answer", json=body, headers=ana)
    assert first.status_code == again.status_code == 200
    assert not first.json()["duplicate"] and again.json()["duplicate"]
    assert first.json()["explanation"] and first.json()["answer"] in item["options"]
    history = client.get("/api/v1/practice/history", headers=ana).json()
    assert [h["item_id"] for h in history] == [item["id"]]  # the double submit counted once

    # Someone else's item is not found; empty, huge or missing answers are refused; nothing stored.
    bea = _learner(client, "bea")
    other = client.post(
        f"/api/v1/practice/items/{item['id']}/answer", json=body | {"request_id": "b"}, headers=bea
    )
    assert other.status_code == 404 and "Traceback" not in other.text
    for bad in (
        {"answer": "", "request_id": "r2"},
        {"answer": "x" * 5000, "request_id": "r3"},
        {"request_id": "r4"},
        {"answer": "noun", "request_id": ""},
        {"answer": "a", "request_id": "x" * 65},
    ):
        refused = client.post(f"/api/v1/practice/items/{item['id']}/answer", json=bad, headers=ana)
        assert refused.status_code in (400, 422), (bad, refused.status_code)
        assert "error" in refused.json()
    assert len(client.get("/api/v1/practice/history", headers=ana).json()) == 1
    assert client.get("/api/v1/practice/history", headers=bea).json() == []
    assert client.get("/api/v1/practice/session?kinds=bogus", headers=ana).status_code in (400, 422)
    assert client.get("/api/v1/practice/session?size=500", headers=ana).status_code == 422
    assert client.get("/api/v1/practice/session").status_code == 401


def test_practice_is_in_the_openapi_description_with_bearer_auth(lexicon_client: TestClient) -> None:
    spec = lexicon_client.get("/api/v1/openapi.json").json()
    for path in (
        "/api/v1/practice/session",
        "/api/v1/practice/items/{item_id}/answer",
        "/api/v1/practice/history",
    ):
        operation = next(iter(spec["paths"][path].values()))
        assert operation.get("security"), path


def test_saving_a_word_queues_the_making_of_its_exercises(lexicon_client: TestClient) -> None:
    """A word saved through the API gets its exercises from the job queue, with no session asked."""
    client = lexicon_client
    user = add_user(client, "cai")
    headers = bearer(client, "cai")
    lemma, pos, word, sentence = SAVED[0]
    body = {"lemma": lemma, "pos": pos, "word": word, "sentence": sentence, "definition": "x"}
    assert client.post("/api/v1/words", json=body, headers=headers).status_code == 201
    db, now = app_state(client).database, app_state(client).clock()
    deadline = time.monotonic() + 120
    while practice.build_session(db, user_id=user.id, now=now).waiting_words:
        assert time.monotonic() < deadline, "the job did not make the exercises"
        time.sleep(0.2)
    built = practice.build_session(db, user_id=user.id, now=now)
    assert built.items and {i.word for i in built.items} == {"decision"}
