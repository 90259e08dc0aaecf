"""The learner loop over the JSON API and the pages: reader tokens, statuses, save, reviews, bad input."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi.testclient import TestClient

from tests.fixtures.articles import BRIDGE_A
from tests.web.conftest import add_user, app_state, bearer, log_in
from vocabsphere.services import versions


def review_log_rows(client: TestClient) -> int:
    with app_state(client).database.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT count(*) FROM review_logs").scalar() or 0)


def test_learner_loop_over_the_api_with_bad_input(client: TestClient) -> None:
    add_user(client, "teach", role="teacher")
    add_user(client, "ana")
    add_user(client, "bob")
    teacher, ana, bob = bearer(client, "teach"), bearer(client, "ana"), bearer(client, "bob")
    story_id = client.post("/api/v1/ingest/text", headers=teacher, json={"text": BRIDGE_A}).json()["story_id"]
    state = app_state(client)
    versions.build_versions(state.database, state.settings, story_id, now=state.clock())

    reader = client.get(f"/api/v1/stories/{story_id}/versions/B1/reader", headers=ana).json()
    tokens = [t for p in reader["paragraphs"] for s in p for t in s]
    assert reader["coverage"]["new_words"] > 0 and all(t["text"] for t in tokens)
    assert {t["status"] for t in tokens if t["lemma"]} <= {"new", "presumed", "name"}
    sentence = next(s for p in reader["paragraphs"] for s in p if any(t["status"] == "new" for t in s))
    target = next(t for t in sentence if t["status"] == "new")
    text = "".join(t["text"] + (" " if t["space"] else "") for t in sentence).strip()

    word = {"lemma": target["lemma"], "pos": target["pos"], "word": target["text"], "sentence": text}
    saved = client.post("/api/v1/words", headers=ana, json={**word, "story_id": story_id})
    assert saved.status_code == 201 and saved.json()["status"] == "learning-1"
    again = client.post("/api/v1/words", headers=ana, json={**word, "story_id": story_id})
    assert again.status_code == 409  # a double submit saves nothing twice
    not_in_story = client.post(
        "/api/v1/words",
        headers=ana,
        json={"lemma": "zebra", "word": "zebra", "sentence": "A zebra ran.", "story_id": story_id},
    )
    assert not_in_story.status_code == 400 and "not in this story" in not_in_story.json()["error"]["message"]

    assert client.put("/api/v1/statuses/harbour", headers=ana, json={"status": "famous"}).status_code == 400
    assert client.put("/api/v1/statuses/harbour", headers=ana, json={"status": "ignored"}).json() == {
        "lemma": "harbour",
        "status": "ignored",
    }
    marked = client.post(f"/api/v1/stories/{story_id}/versions/B1/mark-known", headers=ana).json()
    assert marked["changed"] == len(marked["lemmas"]) > 0 and "harbour" not in marked["lemmas"]
    # Undo gives the words back their earlier state; marking again marks the same words.
    undo = client.post("/api/v1/statuses/undo-known", headers=ana, json={"lemmas": marked["lemmas"]})
    assert undo.json() == {"reset": marked["changed"]}
    assert client.post(
        "/api/v1/statuses/undo-known", headers=bob, json={"lemmas": marked["lemmas"]}
    ).json() == {"reset": 0}
    again_marked = client.post(f"/api/v1/stories/{story_id}/versions/B1/mark-known", headers=ana).json()
    assert again_marked == marked
    after = client.get(f"/api/v1/stories/{story_id}/versions/B1/reader", headers=ana).json()
    statuses = {t["lemma"]: t["status"] for p in after["paragraphs"] for s in p for t in s if t["lemma"]}
    assert "new" not in statuses.values() and statuses[target["lemma"]] == "learning-1"
    assert client.get("/api/v1/statuses", headers=bob).json() == {}

    reading = client.post("/api/v1/readings", headers=ana, json={"story_id": story_id, "level": "B1"})
    assert reading.status_code == 201
    rid = reading.json()["id"]
    assert client.post(f"/api/v1/readings/{rid}", headers=bob, json={"seconds": 5}).status_code == 404
    finished = client.post(f"/api/v1/readings/{rid}", headers=ana, json={"seconds": 1, "finished": True})
    assert finished.json()["finished_at"] is not None

    due = client.get("/api/v1/reviews/due", headers=ana).json()
    assert [c["word"]["lemma"] for c in due] == [target["lemma"]]
    card_id = due[0]["card_id"]
    rating = {"rating": 3, "request_id": str(uuid.uuid4())}
    first = client.post(f"/api/v1/reviews/{card_id}", headers=ana, json=rating)
    second = client.post(f"/api/v1/reviews/{card_id}", headers=ana, json=rating)
    assert first.status_code == second.status_code == 200
    assert not first.json()["duplicate"] and second.json()["duplicate"]
    assert review_log_rows(client) == 1
    other = client.post(f"/api/v1/reviews/{card_id}", headers=bob, json={**rating, "request_id": "b1"})
    assert other.status_code == 404
    assert (
        client.post("/api/v1/reviews/999999", headers=ana, json={**rating, "request_id": "u1"}).status_code
        == 404
    )
    assert client.post(
        f"/api/v1/reviews/{card_id}", headers=ana, json={"rating": 7, "request_id": "r7"}
    ).status_code in (
        400,
        422,
    )
    assert review_log_rows(client) == 1  # no stray rows from refused ratings

    detail = client.get(f"/api/v1/words/{saved.json()['id']}", headers=ana).json()
    assert len(detail["history"]) == 1 and detail["cards"][0]["recall_curve"]
    assert client.get(f"/api/v1/words/{saved.json()['id']}", headers=bob).status_code == 404
    assert client.get("/api/v1/words?status=learning", headers=ana).json()[0]["lemma"] == target["lemma"]
    assert client.get("/api/v1/words?status=bogus", headers=ana).status_code == 400
    settings = client.put("/api/v1/study-settings", headers=ana, json={"desired_retention": 0.85}).json()
    assert settings["desired_retention"] == 0.85
    assert (
        client.put("/api/v1/study-settings", headers=ana, json={"desired_retention": 1.5}).status_code == 400
    )
    assert client.get("/api/v1/reviews/due", headers={}).status_code == 401

    # The same learner in the browser pages.
    log_in(client, "ana")
    page = client.get(f"/stories/{story_id}?level=B1").text
    assert 'class="w ' in page and f'data-l="{target["lemma"]}"' in page and "<script>" not in page
    book = client.get("/vocabulary").text
    assert target["lemma"] in book
    word_page = client.get(f"/vocabulary/words/{saved.json()['id']}").text
    assert '<svg class="curve"' in word_page and "Review history" in word_page
    due = min(datetime.fromisoformat(c["due"]) for c in detail["cards"] if c["recall_curve"])
    assert '<g class="next-review">' in word_page and f"Next review: {due:%d %b %Y}" in word_page
    assert client.get("/vocabulary?status=bogus").status_code == 400
    assert client.get("/review").status_code == 200
    library = client.get("/library").text
    assert "% new words" in library
    mine = client.get("/api/v1/me/progress", headers=ana).json()
    assert mine["stories_finished"] == 1 and mine["readings"][0]["story_id"] == story_id
    assert mine["saved_words"] == 1 and mine["known_words"] > 0
    assert client.get("/api/v1/me/progress", headers=bob).json()["readings"] == []
    assert "Recent reading" in client.get("/progress").text


def test_removing_a_word_takes_its_cards_and_history_and_odd_lemmas_work(client: TestClient) -> None:
    add_user(client, "ana")
    add_user(client, "bob")
    ana, bob = bearer(client, "ana"), bearer(client, "bob")
    word = {"lemma": "gust", "word": "gusts", "sentence": "Gusts reached 140 km/h.", "translation": "Böe"}
    saved = client.post("/api/v1/words", headers=ana, json=word).json()
    card = client.get("/api/v1/reviews/due", headers=ana).json()[0]
    client.post(f"/api/v1/reviews/{card['card_id']}", headers=ana, json={"rating": 3, "request_id": "r1"})
    assert review_log_rows(client) == 1
    assert client.delete(f"/api/v1/words/{saved['id']}", headers=bob).status_code == 404
    assert client.delete(f"/api/v1/words/{saved['id']}", headers=ana).status_code == 204
    assert client.get(f"/api/v1/words/{saved['id']}", headers=ana).status_code == 404
    assert review_log_rows(client) == 0 and client.get("/api/v1/reviews/due", headers=ana).json() == []
    assert client.get("/api/v1/statuses?lemma=gust", headers=ana).json() == {"gust": "learning-2"}
    # Lemmas with a slash or an apostrophe are words too.
    for lemma in ("km/h", "o'clock"):
        response = client.put(f"/api/v1/statuses/{lemma}", headers=ana, json={"status": "known"})
        assert response.status_code == 200 and response.json()["lemma"] == lemma

    # The page form removes a word too (CSRF-checked).
    again = client.post("/api/v1/words", headers=ana, json=word).json()
    log_in(client, "ana")
    page = client.get(f"/vocabulary/words/{again['id']}").text
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    removed = client.post(
        f"/vocabulary/words/{again['id']}/delete", data={"csrf_token": token}, follow_redirects=False
    )
    assert (
        removed.status_code == 303
        and client.get(f"/api/v1/words/{again['id']}", headers=ana).status_code == 404
    )
    forged = client.post(
        f"/vocabulary/words/{again['id']}/delete", data={"csrf_token": "x"}, follow_redirects=False
    )
    assert forged.status_code in (400, 403, 404)
