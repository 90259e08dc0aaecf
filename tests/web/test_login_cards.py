"""Reprinting login cards: new passwords only for accounts the teacher's own roster created (API, page)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import PASSWORD, add_user, bearer, csrf_from, log_in


def _class_with_roster(client: TestClient, teacher: dict[str, str]) -> tuple[int, dict[str, int]]:
    room = client.post("/api/v1/classes", headers=teacher, json={"name": "6A", "cefr_level": "A2"}).json()
    cards = client.post(
        f"/api/v1/classes/{room['id']}/roster",
        headers=teacher,
        json={"csv": "name,username\nJo Li,joli\nAna,ana\n"},  # Jo Li is new; Ana has her own account
    )
    assert cards.status_code == 201
    members = client.get(f"/api/v1/classes/{room['id']}", headers=teacher).json()["members"]
    return int(room["id"]), {m["username"]: m["user_id"] for m in members}


def _token(client: TestClient, username: str, password: str) -> int:
    return client.post("/api/v1/auth/token", json={"username": username, "password": password}).status_code


def test_a_new_password_for_the_rosters_account_only_over_the_api(client: TestClient) -> None:
    add_user(client, "teach", role="teacher")
    add_user(client, "other", role="teacher")
    add_user(client, "ana")
    teacher = bearer(client, "teach")
    class_id, ids = _class_with_roster(client, teacher)
    ana_session = bearer(client, "ana")
    url = f"/api/v1/classes/{class_id}/login-cards"
    first = client.post(url, headers=teacher, json={"user_ids": [ids["joli"], ids["ana"]]})
    assert first.status_code == 200, first.text
    jo, ana = first.json()
    assert (jo["username"], ana["username"]) == ("joli", "ana")  # in the order asked
    assert jo["password"] and ana["password"] is None  # Ana keeps the password she chose
    assert _token(client, "joli", jo["password"]) == 201
    jo_session = bearer(client, "joli", jo["password"])
    second = client.post(url, headers=teacher, json={"user_ids": [ids["joli"]]}).json()
    assert second[0]["password"] != jo["password"]
    assert _token(client, "joli", jo["password"]) == 401  # a lost card stops working
    assert client.get("/api/v1/me", headers=jo_session).status_code == 401  # and its sessions end
    assert client.get("/api/v1/me", headers=ana_session).status_code == 200
    assert _token(client, "ana", PASSWORD) == 201
    # Another teacher's class does not exist for them; a learner may not print cards; strangers are refused.
    assert (
        client.post(url, headers=bearer(client, "other"), json={"user_ids": [ids["joli"]]}).status_code == 404
    )
    assert client.post(url, headers=ana_session, json={"user_ids": [ids["joli"]]}).status_code == 403
    other_id = add_user(client, "zed").id
    stranger = client.post(url, headers=teacher, json={"user_ids": [ids["joli"], other_id]})
    assert stranger.status_code == 400
    assert _token(client, "joli", second[0]["password"]) == 201  # nothing changed by the refused request
    assert client.post(url, headers=teacher, json={"user_ids": []}).status_code == 422


def test_reprinting_from_the_class_page(client: TestClient) -> None:
    add_user(client, "teach", role="teacher")
    add_user(client, "ana")
    class_id, ids = _class_with_roster(client, bearer(client, "teach"))
    log_in(client, "teach")
    page = client.get(f"/classes/{class_id}")
    assert "Reprint login cards" in page.text
    response = client.post(
        f"/classes/{class_id}/login-cards",
        data={"csrf_token": csrf_from(page.text), "user_id": [str(ids["joli"]), str(ids["ana"])]},
    )
    assert response.status_code == 200
    assert "the old ones no" in response.text and response.text.count('class="card login-card"') == 2
    password = re.search(r"Password: <strong class=\"code\">(\w+)</strong>", response.text)
    assert "Log in with your own password" in response.text  # Ana's card
    none = client.post(f"/classes/{class_id}/login-cards", data={"csrf_token": csrf_from(page.text)})
    assert none.status_code == 400 and "Choose at least one learner" in none.text
    client.cookies.clear()  # the API refuses a token request that carries a browser session
    assert password is not None and _token(client, "joli", password.group(1)) == 201
