"""Pages: register, log in, log out, the shell for each role, profile settings."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import PASSWORD, add_user, csrf_from, log_in

SECTIONS = ["/library", "/vocabulary", "/review", "/practice", "/progress"]


def nav_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="sections".*?</nav>', html, re.S)
    assert nav, "no section navigation"
    return re.findall(r'href="([^"]+)"', nav.group(0))


def test_anonymous_visitor_is_sent_to_login(client: TestClient) -> None:
    for path in ["/", *SECTIONS, "/settings"]:
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login")


def test_register_logs_in_and_shows_the_shell(client: TestClient) -> None:
    page = client.get("/register")
    response = client.post(
        "/register",
        data={
            "username": "mia",
            "password": PASSWORD,
            "native_language": "ja",
            "cefr_level": "B1",
            "csrf_token": csrf_from(page.text),
        },
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/library"
    library = client.get("/library")
    assert library.status_code == 200
    assert nav_links(library.text) == SECTIONS
    assert "mia · B1" in library.text


def test_register_errors_keep_the_form(client: TestClient) -> None:
    add_user(client, "taken")
    page = client.get("/register")
    response = client.post(
        "/register",
        data={
            "username": "taken",
            "password": PASSWORD,
            "native_language": "de",
            "cefr_level": "A2",
            "csrf_token": csrf_from(page.text),
        },
    )
    assert response.status_code == 400
    assert "That user name is taken." in response.text
    assert 'value="taken"' in response.text


def test_wrong_password_shows_an_error(client: TestClient) -> None:
    add_user(client, "ana")
    page = client.get("/login")
    response = client.post(
        "/login", data={"username": "ana", "password": "nope", "csrf_token": csrf_from(page.text)}
    )
    assert response.status_code == 401
    assert "Wrong user name or password." in response.text


def test_each_empty_section_says_what_will_appear(client: TestClient) -> None:
    add_user(client, "ana")
    log_in(client, "ana")
    expectations = {
        "/library": "News stories will appear here",
        "/vocabulary": "Words you save while reading appear here",
        "/review": "Saved words come back here",
        "/progress": "appear here once you start",
    }
    for path, sentence in expectations.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert sentence in response.text, path


def test_every_link_in_the_shell_resolves(client: TestClient) -> None:
    add_user(client, "boss", role="admin")
    log_in(client, "boss")
    html = client.get("/library").text
    links = set(re.findall(r'href="(/[^"#?]*)', html)) - {"/static/app.css"}
    assert {"/classes", "/admin", "/settings", "/about", "/api/docs"} <= links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_teacher_sees_classes_and_learner_does_not(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    log_in(client, "tom")
    html = client.get("/library").text
    assert nav_links(html) == [*SECTIONS, "/classes"]
    assert "Your classes will appear here" in client.get("/classes").text


def test_logout_ends_the_session(client: TestClient) -> None:
    add_user(client, "ana")
    log_in(client, "ana")
    page = client.get("/library")
    response = client.post("/logout", data={"csrf_token": csrf_from(page.text)}, follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/library", follow_redirects=False).status_code == 303


def test_profile_settings_are_saved(client: TestClient) -> None:
    add_user(client, "ana")
    log_in(client, "ana")
    page = client.get("/settings")
    response = client.post(
        "/settings/profile",
        data={
            "display_name": "Ana L.",
            "native_language": "pt",
            "cefr_level": "C1",
            "daily_goal": "35",
            "time_zone": "Asia/Tokyo",
            "csrf_token": csrf_from(page.text),
        },
    )
    assert response.status_code == 200
    html = response.text
    assert "Saved." in html and 'value="Ana L."' in html and 'value="Asia/Tokyo"' in html
    assert '<option value="pt" selected>' in html and "<option selected>C1</option>" in html
    bad = client.post(
        "/settings/profile",
        data={
            "display_name": "Ana",
            "native_language": "pt",
            "cefr_level": "Z9",
            "daily_goal": "35",
            "csrf_token": csrf_from(page.text),
        },
    )
    assert bad.status_code == 400 and "Level must be one of" in bad.text


def test_login_redirects_only_to_this_site(client: TestClient) -> None:
    add_user(client, "ana")
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": "ana",
            "password": PASSWORD,
            "next": "//evil.example/x",
            "csrf_token": csrf_from(page.text),
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/library"


def test_demo_articles_are_readable(client: TestClient) -> None:
    from datetime import UTC, datetime

    from tests.web.conftest import app_state
    from vocabsphere.services.demo import import_demo_articles

    import_demo_articles(app_state(client).database, now=datetime.now(UTC))
    add_user(client, "ana")
    log_in(client, "ana")
    library = client.get("/library").text
    first = re.search(r'href="(/stories/\d+)"', library)
    assert first
    article = client.get(first.group(1))
    assert article.status_code == 200 and "words" in article.text


def test_register_takes_the_browsers_time_zone_or_falls_back_to_utc(client: TestClient) -> None:
    for name, sent, stored in [
        ("tzmadrid", "Europe/Madrid", "Europe/Madrid"),
        ("tzmars", "Mars/Base", "UTC"),
    ]:
        client.cookies.clear()
        page = client.get("/register")
        assert 'name="time_zone"' in page.text
        response = client.post(
            "/register",
            data={
                "username": name,
                "password": PASSWORD,
                "native_language": "es",
                "cefr_level": "B1",
                "time_zone": sent,
                "csrf_token": csrf_from(page.text),
            },
            follow_redirects=False,
        )
        assert response.status_code == 303  # an unknown zone never blocks a registration
        assert client.get("/api/v1/me").json()["time_zone"] == stored
