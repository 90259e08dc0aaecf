"""The offline API: sync by row over HTTP (token and cookie + CSRF), the bundle, a version's look-ups."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import add_user, app_state, bearer, log_in
from tests.web.test_lookup import lexicon_file  # noqa: F401  (a fixture)
from vocabsphere.config import Settings
from vocabsphere.web import create_app


def saved_card(client: TestClient, headers: dict[str, str], lemma: str) -> int:
    body = {"lemma": lemma, "pos": "NOUN", "word": lemma, "sentence": f"A {lemma} here.", "translation": "x"}
    assert client.post("/api/v1/words", headers=headers, json=body).status_code == 201
    return int(client.get("/api/v1/reviews/due", headers=headers).json()[-1]["card_id"])


def test_sync_refuses_bad_rows_by_row_and_applies_the_rest(client: TestClient) -> None:
    add_user(client, "lea")
    add_user(client, "eve")
    lea, eve = bearer(client, "lea"), bearer(client, "eve")
    mine, theirs = saved_card(client, lea, "harbour"), saved_card(client, eve, "ferry")
    at = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    good = {"client_id": "a1", "device_id": "d1", "seq": 1, "card_id": mine, "rating": 3, "reviewed_at": at}
    rows = [
        good,
        {**good, "client_id": "a2", "card_id": theirs},
        {**good, "client_id": "a3", "rating": 7},
        {**good, "client_id": "a4", "rating": "good"},
        {**good, "client_id": "a5", "reviewed_at": "2999-01-01T00:00:00Z"},
        {"client_id": "a6"},
        {**good, "client_id": "a7", "card_id": 0},
    ]
    response = client.post("/api/v1/offline/reviews", headers=lea, json={"rows": rows})
    assert response.status_code == 200, response.text
    outcomes = [(r["client_id"], r["outcome"], r["reason"]) for r in response.json()["rows"]]
    assert outcomes[0] == ("a1", "applied", "")
    assert outcomes[1] == ("a2", "refused", "No such card.")
    assert outcomes[2][1] == "refused" and "rating must be 1" in outcomes[2][2]
    assert outcomes[3][1] == "refused" and outcomes[3][2].startswith("Malformed row: rating")
    assert "in the future" in outcomes[4][2]
    assert outcomes[5][1] == "refused" and "Malformed row" in outcomes[5][2]
    assert outcomes[6][1] == "refused" and "card_id" in outcomes[6][2]
    assert [c["card_id"] for c in response.json()["cards"]] == [mine]
    again = client.post("/api/v1/offline/reviews", headers=lea, json={"rows": [good]})
    assert again.json()["rows"][0]["outcome"] == "duplicate"
    too_many = client.post("/api/v1/offline/reviews", headers=lea, json={"rows": [good] * 501})
    assert too_many.status_code == 422
    not_rows = client.post("/api/v1/offline/reviews", headers=lea, json={"rows": ["a string"]})
    assert not_rows.status_code == 422 and "rows.0" in not_rows.json()["error"]["message"]
    assert client.post("/api/v1/offline/reviews", json={"rows": [good]}).status_code == 401


def test_sync_from_a_page_needs_the_csrf_header(client: TestClient) -> None:
    add_user(client, "lea")
    log_in(client, "lea")
    body = {"rows": []}
    refused = client.post("/api/v1/offline/reviews", json=body)
    assert refused.status_code == 403
    page = client.get("/review")
    token = page.text.split('name="csrf-token" content="')[1].split('"')[0]
    accepted = client.post("/api/v1/offline/reviews", json=body, headers={"X-CSRF-Token": token})
    assert accepted.status_code == 200 and accepted.json() == {"rows": [], "cards": []}


def test_the_bundle_and_the_openapi_description(client: TestClient) -> None:
    add_user(client, "lea")
    lea = bearer(client, "lea")
    card = saved_card(client, lea, "harbour")
    bundle = client.get("/api/v1/offline/bundle", headers=lea, params={"days": 3})
    assert bundle.status_code == 200
    cards = bundle.json()["cards"]
    assert [c["card_id"] for c in cards] == [card] and cards[0]["answer"] == ""  # a meaning card
    assert client.get("/api/v1/offline/bundle", headers=lea, params={"days": 99}).status_code == 422
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/offline/reviews", "/api/v1/offline/bundle"} <= set(paths)


@pytest.fixture
def lexicon_client(make_settings: Callable[..., Settings], lexicon_file: Path) -> Iterator[TestClient]:  # noqa: F811
    with TestClient(create_app(make_settings(lexicon_path=lexicon_file))) as client:
        yield client


def test_a_versions_lookups_match_the_readers_taps(lexicon_client: TestClient) -> None:
    from tests.fixtures.articles import BRIDGE_A
    from vocabsphere.services import versions

    add_user(lexicon_client, "teach", role="teacher")
    add_user(lexicon_client, "lea")
    teacher, lea = bearer(lexicon_client, "teach"), bearer(lexicon_client, "lea")
    story = lexicon_client.post("/api/v1/ingest/text", headers=teacher, json={"text": BRIDGE_A}).json()
    state = app_state(lexicon_client)
    versions.build_versions(state.database, state.settings, story["story_id"], now=state.clock())
    url = f"/api/v1/offline/stories/{story['story_id']}/versions/B1/lookups"
    found = lexicon_client.get(url, headers=lea, params={"lang": "de"})
    assert found.status_code == 200, found.text
    body = found.json()
    assert len(body["results"]) < len(body["positions"])  # repeated words are sent once
    for key in list(body["positions"])[:5]:
        s, t = key.split(".")
        params = {"word": "x", "lang": "de", "story": story["story_id"], "level": "B1", "s": s, "t": t}
        tapped = lexicon_client.get("/api/v1/lookup", headers=lea, params=params).json()
        assert body["results"][body["positions"][key]] == tapped
    assert lexicon_client.get(url.replace("B1", "Z9"), headers=lea).status_code in (400, 404)
    assert lexicon_client.get(url.replace(str(story["story_id"]), "999"), headers=lea).status_code == 404


def test_offline_answers_are_refused_by_row_over_http(client: TestClient) -> None:
    add_user(client, "ola")
    ola = bearer(client, "ola")
    at = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    good = {
        "client_id": "p1",
        "device_id": "d1",
        "seq": 1,
        "item_id": 10**6,
        "answer": "noun",
        "answered_at": at,
    }
    rows = [
        good,
        {**good, "client_id": "p2", "answer": "x" * 301},
        {**good, "client_id": "p3", "item_id": "one"},
    ]
    response = client.post("/api/v1/offline/answers", headers=ola, json={"rows": rows})
    assert response.status_code == 200, response.text
    outcomes = [(r["client_id"], r["outcome"], r["reason"]) for r in response.json()["rows"]]
    assert outcomes[0] == ("p1", "refused", "No such exercise.")
    assert outcomes[1][1] == "refused" and outcomes[1][2].startswith("Malformed row: answer")
    assert outcomes[2][1] == "refused" and outcomes[2][2].startswith("Malformed row: item_id")
    assert client.get("/api/v1/offline/practice", headers=ola).json() == []  # nothing saved yet
    assert client.post("/api/v1/offline/answers", json={"rows": [good]}).status_code == 401
    assert client.get("/api/v1/offline/practice").status_code == 401
