"""Findings of the security sweep (issue 15): each test failed before its fix."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.fixtures.articles import BRIDGE_A
from tests.web.conftest import PASSWORD, add_user, app_state, bearer, csrf_from, log_in
from tests.web.live_server import live_server
from vocabsphere.config import Settings
from vocabsphere.core.errors import Conflict
from vocabsphere.services import ingest, study
from vocabsphere.services.accounts import create_user
from vocabsphere.web import create_app

TOO_LARGE_ID = str(2**63)
# Values for the path parameters that are not ids, so that only the id is out of range.
OTHER_PARAMS = {"level": "B1", "lemma": "house", "action": "hide"}


def _routes_with_ids(client: TestClient) -> list[tuple[str, str]]:
    found = []
    for context in iter_route_contexts(client.app.routes):  # type: ignore[attr-defined]
        route = context.original_route
        if not isinstance(route, APIRoute) or context.path is None:
            continue
        names = re.findall(r"{(\w+)(?::\w+)?}", context.path)
        if not any(name.endswith("_id") for name in names):
            continue
        path = context.path
        for name in names:
            value = TOO_LARGE_ID if name.endswith("_id") else OTHER_PARAMS[name]
            path = re.sub(rf"{{{name}(?::\w+)?}}", value, path)
        found.extend((method, path) for method in sorted(route.methods))
    return found


def test_ids_beyond_64_bits_are_refused_on_every_route(client: TestClient) -> None:
    client = TestClient(client.app, raise_server_exceptions=False)
    add_user(client, "boss", role="admin")
    log_in(client, "boss")
    csrf = csrf_from(client.get("/settings").text)
    routes = _routes_with_ids(client)
    assert len(routes) >= 24  # 19 API and 5 page routes when the issue was filed
    for method, path in routes:
        if path.startswith("/api/"):
            response = client.request(method, path, headers={"X-CSRF-Token": csrf}, json={})
        else:
            response = client.request(method, path, data={"csrf_token": csrf})
        assert response.status_code in {404, 422}, (method, path, response.status_code)
        # The connection stays usable: the next request works.
        assert client.get("/api/v1/me").status_code == 200, (method, path)


def test_huge_numbers_in_queries_and_bodies_are_refused(client: TestClient) -> None:
    client = TestClient(client.app, raise_server_exceptions=False)
    add_user(client, "boss", role="admin")
    headers = bearer(client, "boss")
    for method, path, body in [
        ("GET", f"/api/v1/stories-for-you?ids={TOO_LARGE_ID}", None),
        ("GET", f"/api/v1/admin/users?offset={TOO_LARGE_ID}", None),
        ("GET", f"/api/v1/words?story_id={TOO_LARGE_ID}", None),
        # A tap's story id: past 64 bits it reached the database and gave a 503.
        ("GET", f"/api/v1/lookup?word=gust&story={TOO_LARGE_ID}&level=B1&s=0&t=0", None),
        ("POST", "/api/v1/readings", {"story_id": int(TOO_LARGE_ID), "level": "B1"}),
        ("POST", "/api/v1/words", {"lemma": "gust", "sentence": "Gusts.", "story_id": int(TOO_LARGE_ID)}),
    ]:
        response = client.request(method, path, headers=headers, json=body)
        assert response.status_code == 422, (method, path, response.status_code)
    log_in(client, "boss")
    assert client.get(f"/vocabulary?story={TOO_LARGE_ID}").status_code == 422
    assert client.get(f"/stories/1?job={TOO_LARGE_ID}").status_code == 422


def _failed_token_request(client: httpx.Client, name: str, forwarded: str | None = None) -> int:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    body = {"username": name, "password": "wrong-password"}
    return client.post("/api/v1/auth/token", json=body, headers=headers).status_code


def test_forwarded_for_is_believed_only_from_trusted_proxies(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(login_max_failures_per_address=3)
    with live_server(settings) as (url, _app), httpx.Client(base_url=url) as client:
        # A client on 127.0.0.1 forging a new address on each try still counts as 127.0.0.1.
        codes = [_failed_token_request(client, f"x{i}", f"198.51.100.{i}") for i in range(4)]
    assert codes == [401, 401, 401, 429]
    trusting = make_settings(login_max_failures_per_address=3, trusted_proxies="127.0.0.1/32")
    with live_server(trusting) as (url, _app), httpx.Client(base_url=url) as client:
        # Behind a trusted proxy each real client has its own counter.
        assert [_failed_token_request(client, "x", f"198.51.100.{i}") for i in range(4)] == [401] * 4
        assert _failed_token_request(client, "x", "198.51.100.9, 127.0.0.1") == 401
        # 198.51.100.1 has failed once already: its third failure pauses it.
        assert [_failed_token_request(client, "y", "198.51.100.1") for _ in range(3)] == [401, 401, 429]


def test_a_login_flood_does_not_make_a_learners_writes_fail(make_settings: Callable[..., Settings]) -> None:
    # Every flood request hashes a password (no pause), as in the issue: about 60 log-ins, 20 writes.
    settings = make_settings(login_max_failures_per_address=1000)
    with live_server(settings) as (url, app), httpx.Client(base_url=url, timeout=60) as learner:
        create_user(app.state.vocabsphere.database, username="lea", password=PASSWORD, now=datetime.now(UTC))
        token = learner.post("/api/v1/auth/token", json={"username": "lea", "password": PASSWORD})
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        stop = threading.Event()

        def flood(offset: int) -> None:
            with httpx.Client(base_url=url, timeout=60) as attacker:
                for i in range(30):
                    if stop.is_set():
                        return
                    _failed_token_request(attacker, f"flood{offset}-{i}")

        flooders = [threading.Thread(target=flood, args=(n,)) for n in range(2)]
        for thread in flooders:
            thread.start()
        codes = []
        for i in range(20):
            goal = 10 + i
            codes.append(learner.patch("/api/v1/me", json={"daily_goal": goal}, headers=headers).status_code)
        stop.set()
        for thread in flooders:
            thread.join(timeout=120)
    assert codes == [200] * 20


def _change_password(client: TestClient, new: str, *, stay: bool) -> httpx.Response:
    data = {
        "current_password": PASSWORD,
        "new_password": new,
        "csrf_token": csrf_from(client.get("/settings").text),
    }
    if stay:
        data["stay_signed_in"] = "1"
    return client.post("/settings/password", data=data, follow_redirects=False)


def test_a_new_password_ends_other_sessions_and_revokes_tokens(client: TestClient) -> None:
    add_user(client, "ana")
    other_browser = TestClient(client.app)
    log_in(client, "ana")
    log_in(other_browser, "ana")
    token = bearer(TestClient(client.app), "ana")
    assert client.get("/settings").text.count("Stay signed in on this device") == 1
    changed = _change_password(client, "a brand new secret", stay=True)
    assert changed.status_code == 303 and changed.headers["location"] == "/settings?saved=1"
    assert client.get("/api/v1/me").status_code == 200  # this browser kept its session
    assert other_browser.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me", headers=token).status_code == 401
    log_in(other_browser, "ana", "a brand new secret")
    assert other_browser.get("/api/v1/me").status_code == 200


def test_a_new_password_without_staying_signs_out_here_too(client: TestClient) -> None:
    add_user(client, "ana")
    log_in(client, "ana")
    changed = _change_password(client, "a brand new secret", stay=False)
    assert changed.status_code == 303 and changed.headers["location"] == "/login"
    assert client.get("/api/v1/me").status_code == 401
    log_in(client, "ana", "a brand new secret")


def test_a_lower_role_ends_the_users_sessions_and_tokens(client: TestClient) -> None:
    add_user(client, "boss", role="admin")
    tom = add_user(client, "tom", role="teacher")
    toms_browser = TestClient(client.app)
    log_in(toms_browser, "tom")
    toms_token = bearer(client, "tom")
    admin = bearer(client, "boss")
    raised = client.put(f"/api/v1/admin/users/{tom.id}/role", headers=admin, json={"role": "admin"})
    assert raised.status_code == 200
    assert toms_browser.get("/api/v1/me").status_code == 200  # more rights: nothing to end
    lowered = client.put(f"/api/v1/admin/users/{tom.id}/role", headers=admin, json={"role": "learner"})
    assert lowered.status_code == 200
    assert toms_browser.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me", headers=toms_token).status_code == 401
    assert client.get("/api/v1/me", headers=admin).status_code == 200


def test_only_web_addresses_are_accepted_and_linked_as_sources(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    headers = bearer(client, "tom")
    for url in ["javascript:alert(document.cookie)", "data:text/html,<b>x</b>", "/relative/path"]:
        refused = client.post("/api/v1/ingest/text", headers=headers, json={"text": BRIDGE_A, "url": url})
        assert refused.status_code == 400, url
        assert refused.json()["error"]["field"] == "url"
    good = client.post(
        "/api/v1/ingest/text", headers=headers, json={"text": BRIDGE_A, "url": "https://news.example/bridge"}
    ).json()
    # A row stored before this check (or written by hand) is still never handed out as a link.
    with app_state(client).database.engine.begin() as connection:
        connection.execute(text("UPDATE articles SET url = 'javascript:alert(1)'"))
    article = client.get(f"/api/v1/articles/{good['article_id']}", headers=headers).json()
    story = client.get(f"/api/v1/stories/{good['story_id']}", headers=headers).json()
    assert article["url"] is None
    assert story["sources"] and all(source["url"] is None for source in story["sources"])
    log_in(client, "tom")
    assert "javascript:" not in client.get(f"/stories/{good['story_id']}").text


def test_a_nul_byte_in_a_spoken_word_is_a_clear_400(client: TestClient) -> None:
    add_user(client, "ana")
    headers = bearer(client, "ana")
    response = client.get("/api/v1/pronounce", params={"word": "ca\x00t"}, headers=headers)
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "invalid_input",
        "message": "A word cannot contain control characters.",
        "field": "word",
    }


def _chunks(size: int) -> Iterator[bytes]:
    for _ in range(size // 1000):
        yield b"x" * 1000


def test_an_oversized_body_without_content_length_is_a_413(make_settings: Callable[..., Settings]) -> None:
    with TestClient(create_app(make_settings(max_body_bytes=4096))) as small:
        api = small.post(
            "/api/v1/auth/register", content=_chunks(20_000), headers={"Content-Type": "application/json"}
        )
        assert "content-length" not in api.request.headers
        assert api.status_code == 413 and api.json()["error"]["code"] == "too_large"
        assert "limit is 0.0 MB" not in api.text
        page = small.post(
            "/login", content=_chunks(20_000), headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert page.status_code == 413 and "too large" in page.text


def test_a_500_carries_the_security_headers(settings: Settings) -> None:
    app = create_app(settings)
    boom = APIRouter()

    @boom.get("/api/v1/boom")
    def api_boom() -> None:
        raise RuntimeError("internal detail")

    app.include_router(boom)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/api/v1/boom")
    assert response.status_code == 500
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


def _learner_with_cards(client: TestClient, lemmas: list[str]) -> tuple[dict[str, str], list[int]]:
    add_user(client, "ana")
    headers = bearer(client, "ana")
    for lemma in lemmas:
        word = {"lemma": lemma, "word": lemma, "sentence": f"The {lemma} was closed."}
        assert client.post("/api/v1/words", headers=headers, json=word).status_code == 201
    due = client.get("/api/v1/reviews/due", headers=headers).json()
    first_card = {}
    for card in due:
        first_card.setdefault(card["word"]["lemma"], card["card_id"])
    return headers, [first_card[lemma] for lemma in lemmas]


def _review_logs(client: TestClient) -> list[tuple[int, str]]:
    with app_state(client).database.engine.connect() as connection:
        rows = connection.execute(text("SELECT card_id, request_id FROM review_logs ORDER BY id"))
        return [(int(card_id), str(request_id)) for card_id, request_id in rows]


def test_parallel_ratings_of_one_card_are_serialised_or_409(client: TestClient) -> None:
    headers, (card_id,) = _learner_with_cards(client, ["harbour"])
    responses: list[httpx.Response] = []

    def rate(i: int) -> None:
        body = {"rating": 3, "request_id": f"tab-{i}"}
        responses.append(client.post(f"/api/v1/reviews/{card_id}", headers=headers, json=body))

    threads = [threading.Thread(target=rate, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(responses) == 6
    assert {r.status_code for r in responses} <= {200, 409}
    for refused in (r for r in responses if r.status_code == 409):
        assert "rated a moment ago by another request" in refused.json()["error"]["message"]
    accepted = sum(r.status_code == 200 for r in responses)
    assert len(_review_logs(client)) == accepted >= 1


def test_a_rating_clocked_before_the_cards_last_review_is_a_409(client: TestClient) -> None:
    headers, (card_id,) = _learner_with_cards(client, ["harbour"])
    user_id = client.get("/api/v1/me", headers=headers).json()["id"]
    state = app_state(client)
    later = datetime.now(UTC) + timedelta(minutes=5)
    study.rate_card(state.database, user_id=user_id, card_id=card_id, rating=3, request_id="a", now=later)
    # A request that read the clock first but reached the card second (what parallel tabs do).
    with pytest.raises(Conflict, match="rated a moment ago"):
        study.rate_card(
            state.database,
            user_id=user_id,
            card_id=card_id,
            rating=3,
            request_id="b",
            now=later - timedelta(seconds=1),
        )


def test_a_request_id_counts_once_per_card(client: TestClient) -> None:
    headers, (harbour, bridge) = _learner_with_cards(client, ["harbour", "bridge"])
    body = {"rating": 3, "request_id": "same-id"}
    first = client.post(f"/api/v1/reviews/{harbour}", headers=headers, json=body).json()
    other_card = client.post(f"/api/v1/reviews/{bridge}", headers=headers, json=body).json()
    again = client.post(f"/api/v1/reviews/{harbour}", headers=headers, json=body).json()
    assert (first["duplicate"], other_card["duplicate"], again["duplicate"]) == (False, False, True)
    assert _review_logs(client) == [(harbour, "same-id"), (bridge, "same-id")]


def test_undo_with_a_request_id_undoes_once(client: TestClient) -> None:
    headers, (harbour, bridge) = _learner_with_cards(client, ["harbour", "bridge"])
    for card_id, request_id in [(harbour, "r1"), (bridge, "r2")]:
        client.post(
            f"/api/v1/reviews/{card_id}", headers=headers, json={"rating": 3, "request_id": request_id}
        )
    undo = {"request_id": "undo-1"}
    assert client.post("/api/v1/reviews/undo", headers=headers, json=undo).json() == {"card_id": bridge}
    assert client.post("/api/v1/reviews/undo", headers=headers, json=undo).json() == {"card_id": bridge}
    assert _review_logs(client) == [(harbour, "r1")]
    assert client.post("/api/v1/reviews/undo", headers=headers, json={"request_id": "undo-2"}).json() == {
        "card_id": harbour
    }
    assert _review_logs(client) == []
    # Without a body, undo works as before (one rating per call).
    assert client.post("/api/v1/reviews/undo", headers=headers).status_code == 404


def test_a_page_answers_while_an_upload_is_being_analysed(
    make_settings: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real_analyse = ingest.analyse

    def slow_analyse(text: str) -> ingest.Analysis:
        started.set()
        release.wait(timeout=20)  # blocks its thread, as a long NLP analysis does
        return real_analyse(text)

    monkeypatch.setattr(ingest, "analyse", slow_analyse)
    with live_server(make_settings()) as (url, app), httpx.Client(base_url=url, timeout=30) as reader:
        database = app.state.vocabsphere.database
        create_user(database, username="tom", password=PASSWORD, role="teacher", now=datetime.now(UTC))
        create_user(database, username="lea", password=PASSWORD, now=datetime.now(UTC))
        teacher = httpx.post(f"{url}/api/v1/auth/token", json={"username": "tom", "password": PASSWORD})
        headers = {"Authorization": f"Bearer {teacher.json()['access_token']}"}
        uploads: list[int] = []

        def upload() -> None:
            files = {"file": ("bridge.md", BRIDGE_A.encode(), "text/markdown")}
            uploads.append(
                httpx.post(f"{url}/api/v1/ingest/file", headers=headers, files=files, timeout=30).status_code
            )

        uploader = threading.Thread(target=upload)
        uploader.start()
        try:
            assert started.wait(timeout=20), "the upload never reached the analysis"
            login = reader.get("/login")
            signed_in = reader.post(
                "/login",
                data={"username": "lea", "password": PASSWORD, "csrf_token": csrf_from(login.text)},
                timeout=5,
            )
            library = reader.get("/library", timeout=5)
            assert signed_in.status_code == 303 and library.status_code == 200
            assert not uploads  # the upload is still being analysed
        finally:
            release.set()
            uploader.join(timeout=30)
    assert uploads == [201]


def test_registrations_from_one_address_are_limited(make_settings: Callable[..., Settings]) -> None:
    with TestClient(create_app(make_settings(register_max_per_address=2))) as limited:
        codes = [
            limited.post(
                "/api/v1/auth/register", json={"username": f"user{i}", "password": PASSWORD}
            ).status_code
            for i in range(3)
        ]
        page = limited.get("/register")
        form = {"username": "user9", "password": PASSWORD, "csrf_token": csrf_from(page.text)}
        refused_page = limited.post("/register", data=form)
    assert codes == [201, 201, 429]
    assert refused_page.status_code == 429 and "Too many new accounts from this address" in refused_page.text
