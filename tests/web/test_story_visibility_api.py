"""Teachers and admins hide, delete and restore stories through the JSON API; learners cannot."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.fixtures.articles import BRIDGE_A
from tests.web.conftest import add_user, bearer, log_in


def test_hide_delete_and_restore_through_the_api(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    add_user(client, "lea")
    teacher, learner = bearer(client, "tom"), bearer(client, "lea")
    added = client.post("/api/v1/ingest/text", headers=teacher, json={"text": BRIDGE_A})
    story_id = added.json()["story_id"]
    assert client.post(f"/api/v1/stories/{story_id}/hide", headers=learner).status_code == 403

    def library() -> list[int]:
        return [s["id"] for s in client.get("/api/v1/stories", headers=learner).json()]

    hidden = client.post(f"/api/v1/stories/{story_id}/hide", headers=teacher)
    assert hidden.status_code == 200
    assert hidden.json()["hidden"] and not hidden.json()["deleted"]
    assert story_id not in library()
    deleted = client.post(f"/api/v1/stories/{story_id}/delete", headers=teacher).json()
    assert deleted["deleted"] and deleted["id"] == story_id
    restored = client.post(f"/api/v1/stories/{story_id}/restore", headers=teacher).json()
    assert not restored["hidden"] and not restored["deleted"]
    assert story_id in library()
    assert client.post(f"/api/v1/stories/{story_id}/publish", headers=teacher).status_code == 422
    assert client.post("/api/v1/stories/999999/hide", headers=teacher).status_code == 404


def test_a_saved_word_page_does_not_link_to_a_hidden_or_deleted_story(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    add_user(client, "ana")
    teacher, ana = bearer(client, "tom"), bearer(client, "ana")
    story_id = client.post("/api/v1/ingest/text", headers=teacher, json={"text": BRIDGE_A}).json()["story_id"]
    word = {"lemma": "harbour", "pos": "NOUN", "word": "harbour", "story_id": story_id}
    word_id = client.post("/api/v1/words", headers=ana, json=word).json()["id"]
    log_in(client, "ana")
    link = f'href="/stories/{story_id}"'
    assert link in client.get(f"/vocabulary/words/{word_id}").text
    for action in ("hide", "delete"):
        client.post(f"/api/v1/stories/{story_id}/{action}", headers=teacher)
        page = client.get(f"/vocabulary/words/{word_id}")
        assert page.status_code == 200 and link not in page.text
        assert "Storm Closes Harbour Bridge" in page.text  # the title stays, as plain text
        client.post(f"/api/v1/stories/{story_id}/restore", headers=teacher)
    assert link in client.get(f"/vocabulary/words/{word_id}").text
