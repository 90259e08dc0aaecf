"""Access is checked on every request: roles, other users' data, CSRF, tokens."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import PASSWORD, add_user, bearer, csrf_from, log_in

TEACHER_PAGES = ["/classes"]
ADMIN_PAGES = ["/admin"]
ADMIN_API = [
    ("GET", "/api/v1/admin/users"),
    ("GET", "/api/v1/admin/jobs"),
    ("POST", "/api/v1/admin/jobs/demo-import"),
    ("PUT", "/api/v1/admin/users/1/role"),
]


def test_learner_cannot_reach_teacher_or_admin_pages(client: TestClient) -> None:
    add_user(client, "lea")
    log_in(client, "lea")
    for path in TEACHER_PAGES + ADMIN_PAGES:
        response = client.get(path)
        assert response.status_code == 403, path
        assert "Not allowed" in response.text


def test_teacher_cannot_reach_admin(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    log_in(client, "tom")
    assert client.get("/admin").status_code == 403


def test_learner_cannot_use_admin_api(client: TestClient) -> None:
    add_user(client, "lea")
    headers = bearer(client, "lea")
    for method, path in ADMIN_API:
        response = client.request(method, path, headers=headers, json={"role": "admin"})
        assert response.status_code == 403, (method, path)
        assert response.json()["error"]["code"] == "forbidden"


def test_learner_cannot_promote_themselves_by_form(client: TestClient) -> None:
    lea = add_user(client, "lea")
    log_in(client, "lea")
    page = client.get("/settings")
    response = client.post(
        f"/admin/users/{lea.id}/role", data={"role": "admin", "csrf_token": csrf_from(page.text)}
    )
    assert response.status_code == 403
    assert client.get("/api/v1/me").json()["role"] == "learner"


def test_admin_can_change_roles(client: TestClient) -> None:
    add_user(client, "boss", role="admin")
    lea = add_user(client, "lea")
    headers = bearer(client, "boss")
    response = client.put(f"/api/v1/admin/users/{lea.id}/role", headers=headers, json={"role": "teacher"})
    assert response.status_code == 200 and response.json()["role"] == "teacher"


def test_tokens_of_another_user_cannot_be_revoked(client: TestClient) -> None:
    add_user(client, "ana")
    add_user(client, "bob")
    ana = bearer(client, "ana")
    bob = bearer(client, "bob")
    ana_tokens = client.get("/api/v1/me/tokens", headers=ana).json()
    response = client.delete(f"/api/v1/me/tokens/{ana_tokens[0]['id']}", headers=bob)
    assert response.status_code == 404
    assert client.get("/api/v1/me", headers=ana).status_code == 200


def test_form_posts_without_csrf_are_refused(client: TestClient) -> None:
    add_user(client, "ana")
    # Log-in form without the token.
    client.get("/login")
    response = client.post("/login", data={"username": "ana", "password": PASSWORD})
    assert response.status_code == 403 and "did not come from this site" in response.text
    log_in(client, "ana")
    for path, data in [
        (
            "/settings/profile",
            {"display_name": "X", "native_language": "de", "cefr_level": "A1", "daily_goal": "5"},
        ),
        ("/logout", {}),
        ("/settings/tokens", {"name": "x"}),
    ]:
        refused = client.post(path, data=data)
        assert refused.status_code == 403, path
        forged = client.post(path, data={**data, "csrf_token": "forged"})
        assert forged.status_code == 403, path
    assert client.get("/api/v1/me").json()["cefr_level"] == "B1"


def test_cookie_api_calls_need_the_csrf_header(client: TestClient) -> None:
    add_user(client, "ana")
    log_in(client, "ana")
    assert client.get("/api/v1/me").status_code == 200  # safe method: cookie alone is enough
    refused = client.patch("/api/v1/me", json={"cefr_level": "C2"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf_failed"
    token = csrf_from(client.get("/settings").text)
    accepted = client.patch("/api/v1/me", json={"cefr_level": "C2"}, headers={"X-CSRF-Token": token})
    assert accepted.status_code == 200


def test_a_bad_bearer_token_is_refused(client: TestClient) -> None:
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer not-a-token"})
    assert response.status_code == 401
    assert client.get("/api/v1/me").status_code == 401


def test_security_headers_are_set(client: TestClient) -> None:
    headers = client.get("/login").headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    cookie = headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
