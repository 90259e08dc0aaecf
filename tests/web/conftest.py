"""A running app (lifespan included) and helpers to act as a browser or an API client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from vocabsphere.config import Settings
from vocabsphere.services.accounts import UserView, create_user
from vocabsphere.web import create_app
from vocabsphere.web.state import AppState

PASSWORD = "correct horse battery"


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), base_url="http://testserver") as test_client:
        yield test_client


def app_state(client: TestClient) -> AppState:
    state: AppState = client.app.state.vocabsphere  # type: ignore[attr-defined]
    return state


def add_user(client: TestClient, username: str, role: str = "learner") -> UserView:
    return create_user(
        app_state(client).database,
        username=username,
        password=PASSWORD,
        role=role,
        now=datetime.now(UTC),
    )


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


def log_in(client: TestClient, username: str, password: str = PASSWORD) -> None:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": csrf_from(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert "vs_session" in response.cookies or client.cookies.get("vs_session")


def bearer(client: TestClient, username: str, password: str = PASSWORD) -> dict[str, str]:
    response = client.post("/api/v1/auth/token", json={"username": username, "password": password})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
