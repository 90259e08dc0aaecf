"""The JSON API: tokens, profile, articles, errors, OpenAPI."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import PASSWORD, add_user, bearer


def test_register_and_token_flow(client: TestClient) -> None:
    created = client.post("/api/v1/auth/register", json={"username": "kim", "password": PASSWORD})
    assert created.status_code == 201
    assert created.json()["role"] == "learner"
    headers = bearer(client, "kim")
    me = client.get("/api/v1/me", headers=headers)
    assert me.status_code == 200 and me.json()["username"] == "kim"
    assert client.delete("/api/v1/auth/token", headers=headers).status_code == 204
    again = client.get("/api/v1/me", headers=headers)
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "not_authenticated"
    assert again.headers["www-authenticate"] == "Bearer"


def test_profile_patch_validates(client: TestClient) -> None:
    add_user(client, "kim")
    headers = bearer(client, "kim")
    ok = client.patch("/api/v1/me", headers=headers, json={"cefr_level": "C1", "native_language": "de"})
    assert ok.status_code == 200 and ok.json()["cefr_level"] == "C1"
    bad = client.patch("/api/v1/me", headers=headers, json={"cefr_level": "Z1"})
    assert bad.status_code == 422  # the OpenAPI description lists the levels
    assert bad.json()["error"]["code"] == "invalid_input"
    assert bad.json()["error"]["field"] == "cefr_level"
    unknown_field = client.patch("/api/v1/me", headers=headers, json={"role": "admin"})
    assert unknown_field.status_code == 422
    assert client.get("/api/v1/me", headers=headers).json()["role"] == "learner"


def test_profile_time_zone_is_checked_and_kept(client: TestClient) -> None:
    add_user(client, "kim")
    headers = bearer(client, "kim")
    assert client.get("/api/v1/me", headers=headers).json()["time_zone"] == "UTC"
    ok = client.patch("/api/v1/me", headers=headers, json={"time_zone": "Europe/Madrid"})
    assert ok.status_code == 200 and ok.json()["time_zone"] == "Europe/Madrid"
    bad = client.patch("/api/v1/me", headers=headers, json={"time_zone": "Mars/Base"})
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "time_zone"
    # Other changes leave the time zone alone.
    client.patch("/api/v1/me", headers=headers, json={"daily_goal": 30})
    assert client.get("/api/v1/me", headers=headers).json()["time_zone"] == "Europe/Madrid"


def test_wrong_password_and_rate_limit(client: TestClient) -> None:
    add_user(client, "kim")
    for _ in range(5):
        response = client.post("/api/v1/auth/token", json={"username": "kim", "password": "wrong"})
        assert response.status_code == 401
    limited = client.post("/api/v1/auth/token", json={"username": "kim", "password": PASSWORD})
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0
    assert limited.json()["error"]["code"] == "too_many_requests"


def test_articles_listing(client: TestClient) -> None:
    from datetime import UTC, datetime

    from tests.web.conftest import app_state
    from vocabsphere.services.demo import import_demo_articles

    import_demo_articles(app_state(client).database, now=datetime.now(UTC))
    add_user(client, "kim")
    headers = bearer(client, "kim")
    listed = client.get("/api/v1/articles?limit=2", headers=headers)
    assert listed.status_code == 200 and len(listed.json()) == 2
    article = client.get(f"/api/v1/articles/{listed.json()[0]['id']}", headers=headers).json()
    assert article["paragraphs"] and article["word_count"] > 50
    missing = client.get("/api/v1/articles/999999", headers=headers)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/articles?limit=5000", headers=headers).status_code == 422


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    for path in ["/api/v1/auth/token", "/api/v1/me", "/api/v1/articles", "/api/v1/admin/users"]:
        assert path in spec["paths"], path
    assert client.get("/api/docs").status_code == 200


def test_health(client: TestClient) -> None:
    body = client.get("/api/v1/health").json()
    assert body["status"] == "ok" and body["database"] == "sqlite"


def test_vocabulary_and_reviews_api(client: TestClient) -> None:
    add_user(client, "kim")
    add_user(client, "lee")
    kim, lee = bearer(client, "kim"), bearer(client, "lee")
    saved = client.post(
        "/api/v1/words",
        headers=kim,
        json={"lemma": "closure", "pos": "NOUN", "sentence": "The closure lasted three days."},
    )
    assert saved.status_code == 201
    assert (
        client.post("/api/v1/words", headers=kim, json={"lemma": "closure", "pos": "NOUN"}).status_code == 409
    )
    due = client.get("/api/v1/reviews/due", headers=kim).json()
    card_id = due[0]["card_id"]
    body = {"rating": 3, "request_id": "abc"}
    first = client.post(f"/api/v1/reviews/{card_id}", headers=kim, json=body).json()
    second = client.post(f"/api/v1/reviews/{card_id}", headers=kim, json=body).json()
    assert not first["duplicate"] and second["duplicate"]
    assert (
        client.post(
            f"/api/v1/reviews/{card_id}", headers=lee, json={"rating": 3, "request_id": "z"}
        ).status_code
        == 404
    )
    assert (
        client.post("/api/v1/reviews/424242", headers=kim, json={"rating": 3, "request_id": "q"}).status_code
        == 404
    )
    assert (
        client.post(
            f"/api/v1/reviews/{card_id}", headers=kim, json={"rating": 9, "request_id": "w"}
        ).status_code
        == 422  # the schema says ratings are 1-4
    )
    assert client.post("/api/v1/reviews/undo", headers=kim).json() == {"card_id": card_id}
    assert client.get("/api/v1/words", headers=lee).json() == []
