"""Bad input gets a clear 4xx in one JSON shape (API) or a friendly page; never a traceback."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter
from fastapi.testclient import TestClient

from tests.web.conftest import add_user, bearer, log_in
from vocabsphere.config import Settings
from vocabsphere.web import create_app


def test_malformed_json_is_a_400(client: TestClient) -> None:
    response = client.post(
        "/api/v1/auth/register", content=b'{"username": "x", ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_json"


def test_binary_body_is_a_clear_error(client: TestClient) -> None:
    response = client.post(
        "/api/v1/auth/token", content=bytes(range(256)) * 4, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert set(response.json()) == {"error"}


def test_missing_fields_are_named(client: TestClient) -> None:
    response = client.post("/api/v1/auth/register", json={"username": "abc"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["field"] == "password" and error["details"][0]["field"] == "password"


def test_oversized_body_is_refused(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(max_body_bytes=4096)
    with TestClient(create_app(settings)) as client:
        big = client.post(
            "/api/v1/auth/register", content=b"x" * 10_000, headers={"Content-Type": "application/json"}
        )
        assert big.status_code == 413
        assert big.json()["error"]["code"] == "too_large"
        page = client.post(
            "/login",
            content=b"a=" + b"x" * 10_000,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert page.status_code == 413 and "too large" in page.text


def test_unknown_pages_are_friendly_404s(client: TestClient) -> None:
    add_user(client, "ana")
    log_in(client, "ana")
    page = client.get("/no/such/page")
    assert page.status_code == 404
    assert "Page not found" in page.text and "<html" in page.text
    api = client.get("/api/v1/no/such/thing")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"
    assert client.get("/articles/abc").status_code == 422


def test_method_not_allowed_uses_the_error_shape(client: TestClient) -> None:
    response = client.put("/api/v1/health")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_unexpected_errors_never_show_a_traceback(settings: Settings) -> None:
    app = create_app(settings)
    boom = APIRouter()

    @boom.get("/api/v1/boom")
    def api_boom() -> None:
        raise RuntimeError("secret internal detail")

    @boom.get("/boom")
    def page_boom() -> None:
        raise RuntimeError("secret internal detail")

    app.include_router(boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        api = client.get("/api/v1/boom")
        assert api.status_code == 500
        assert api.json()["error"]["code"] == "internal_error"
        page = client.get("/boom")
        assert page.status_code == 500 and "Something went wrong" in page.text
        for response in (api, page):
            assert "secret internal detail" not in response.text
            assert "Traceback" not in response.text


def test_script_in_a_display_name_is_escaped(client: TestClient) -> None:
    add_user(client, "ana")
    headers = bearer(client, "ana")
    client.patch("/api/v1/me", headers=headers, json={"display_name": "<script>alert(1)</script>"})
    log_in(client, "ana")
    html = client.get("/library").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
