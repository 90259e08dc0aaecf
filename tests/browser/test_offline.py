"""The phone without a connection, in Chromium: a story opened before is read and a word looked up, five
cards are reviewed, and the reviews reach the server once when the connection returns; the outbox
survives a server that fails mid-flush; and a new service worker version takes over after the prompt."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_no_horizontal_scroll, register
from tests.browser.test_story import open_first_story_with_versions

pytestmark = pytest.mark.browser

WORDS = ("harbour", "ferry", "bridge", "tunnel", "canal")
PASSWORD = "browser-pass-1"

# Reads the learner's offline database (IndexedDB): [store, "count" | "getAll" | "get", key].
READ_STORE = """async ([store, how, key]) => {
  const name = 'vocabsphere-' + document.querySelector('meta[name="vs-user"]').content;
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => ok(r.result);
    r.onerror = fail;
  });
  if (!db.objectStoreNames.contains(store)) { db.close(); return how === 'count' ? 0 : null; }
  const objects = db.transaction(store).objectStore(store);
  const request = how === 'get' ? objects.get(key) : objects[how]();
  const found = await new Promise((ok) => { request.onsuccess = () => ok(request.result); });
  db.close();
  return found;
}"""
FLUSH = """() => import('/static/offline.js')
  .then((m) => m.flushOutbox())
  .then((r) => ({ left: r.left, sent: r.sent }))"""
POST_SYNC = """async (rows) => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const response = await fetch('/api/v1/offline/reviews', { method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify({ rows }) });
  return (await response.json()).rows.map((r) => r.outcome);
}"""


def count(page: Any, store: str) -> int:
    return int(page.evaluate(READ_STORE, [store, "count", None]))


def outbox(page: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = page.evaluate(READ_STORE, ["outbox", "getAll", None])
    return rows


def wait_until(
    page: Any, check: Callable[[], bool], what: str, timeout: float = 60, fail: bool = True
) -> None:
    """Poll ``check``; the page's own wait lets Playwright run route handlers meanwhile."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            if not fail:
                return
            raise AssertionError(f"timed out waiting for {what}")
        page.wait_for_timeout(250)


def save_words(page: Any, words: tuple[str, ...]) -> None:
    for lemma in words:
        status = page.evaluate(
            """async (lemma) => {
              const csrf = document.querySelector('meta[name="csrf-token"]').content;
              const body = {
                lemma, pos: 'NOUN', word: lemma, sentence: `The ${lemma} was closed.`, translation: 'x' };
              const r = await fetch('/api/v1/words', { method: 'POST', credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
                body: JSON.stringify(body) });
              return r.status;
            }""",
            lemma,
        )
        assert status == 201


def server_reviews(server: str, username: str) -> int:
    """How many reviews the server has logged for the learner (through the API, as another client)."""
    token = httpx.post(f"{server}/api/v1/auth/token", json={"username": username, "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    words = httpx.get(f"{server}/api/v1/words", headers=headers).json()
    details = [httpx.get(f"{server}/api/v1/words/{w['id']}", headers=headers).json() for w in words]
    return sum(len(detail["history"]) for detail in details)


def start_controlled(page: Any, server: str, username: str) -> None:
    """A new learner whose pages are served through the service worker."""
    register(page, server, username)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=20_000)


def review_offline(page: Any, server: str, cards: int) -> None:
    """Open the kept review page without a connection and rate ``cards`` cards Good."""
    page.goto(f"{server}/review")
    page.locator("#review-card .meta", has_text="offline").first.wait_for()
    for n in range(cards):
        reveal, answer = page.locator("#reveal"), page.locator("#answer")
        page.wait_for_function("document.querySelector('#reveal') || document.querySelector('#answer')")
        if reveal.count():
            reveal.click()
        else:
            answer.fill("a guess")
            answer.press("Enter")
        page.locator("#review-controls [data-rating='3']").click()
        page.locator("#review-status", has_text="kept on this device").wait_for()
        assert count(page, "outbox") == n + 1


def keep_cards_for_offline(page: Any, server: str, cards: int) -> None:
    page.goto(f"{server}/review")  # online: the page is kept and the coming days' cards are stored
    page.locator("#review-controls, #reveal, #answer").first.wait_for(state="attached")
    wait_until(page, lambda: count(page, "cards") >= cards, "the cards to be kept on the device")


def go_offline(context: Any, page: Any) -> None:
    context.set_offline(True)
    # The emulation must really cut the network, for the page and for its service worker.
    assert page.evaluate("fetch('/api/v1/health').then(() => 'reached', () => 'failed')") == "failed"


def test_read_and_review_offline_then_sync_once(browser: Any, server: str, artifacts: Path) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    start_controlled(page, server, "offline-ana")
    save_words(page, WORDS)

    # A story opened online is kept: its page (service worker) and its words' look-ups (IndexedDB).
    open_first_story_with_versions(page, server)
    story_url = page.url
    wait_until(page, lambda: count(page, "stories") == 1, "the story's look-ups to be kept", timeout=120)
    keep_cards_for_offline(page, server, len(WORDS))

    go_offline(context, page)
    page.goto(f"{server}/about")  # a page never opened: the worker says so
    assert page.locator("h1").inner_text() == "You are offline"
    page.goto(story_url)
    word = page.locator(".reader-text .w[data-p='NOUN']").first
    word.click()
    popover = page.locator("#word-popover")
    popover.locator(".headword").wait_for()
    assert popover.locator(".headword").inner_text().strip() == word.get_attribute("data-l")
    assert "offline" not in popover.inner_text()
    page.screenshot(path=str(artifacts / "offline-reader-phone.png"))
    assert_no_horizontal_scroll(page)

    review_offline(page, server, len(WORDS))
    page.screenshot(path=str(artifacts / "offline-review-phone.png"))
    rows = outbox(page)
    assert sorted(r["seq"] for r in rows) == [1, 2, 3, 4, 5] and len({r["device_id"] for r in rows}) == 1
    assert server_reviews(server, "offline-ana") == 0
    # The same kept story at desktop width, still offline.
    page.set_viewport_size(DESKTOP)
    page.goto(story_url)
    page.locator(".reader-text .w[data-p='NOUN']").first.click()
    page.locator("#word-popover .headword").wait_for()
    page.screenshot(path=str(artifacts / "offline-reader-desktop.png"))
    assert_no_horizontal_scroll(page)

    context.set_offline(False)  # the page's "online" event sends the outbox
    wait_until(page, lambda: count(page, "outbox") == 0, "the outbox to be sent")
    assert server_reviews(server, "offline-ana") == 5
    page.locator("#app-bar", has_text="5 reviews made offline were saved.").wait_for()

    # The same batch again, twice: acknowledged as applied before, nothing new logged.
    for _ in range(2):
        assert page.evaluate(POST_SYNC, rows) == ["duplicate"] * 5
    assert server_reviews(server, "offline-ana") == 5
    context.close()


def learner_with_cards(browser: Any, server: str, username: str, words: tuple[str, ...]) -> tuple[Any, Any]:
    """A new learner on a phone whose saved words' cards are kept on the device."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    start_controlled(page, server, username)
    save_words(page, words)
    keep_cards_for_offline(page, server, len(words))
    return context, page


def test_a_server_failing_mid_flush_loses_nothing(browser: Any, server: str) -> None:
    context, page = learner_with_cards(browser, server, "offline-ben", WORDS[:3])
    go_offline(context, page)
    review_offline(page, server, 3)

    calls: list[str] = []

    def applied_then_cut(route: Any) -> None:
        # The server stores the batch, then the connection drops before its answer arrives.
        route.fetch()
        route.abort("connectionreset")
        calls.append("cut")

    def unavailable(route: Any) -> None:
        body = '{"error": {"code": "unavailable", "message": "Down", "field": null}}'
        route.fulfill(status=503, content_type="application/json", body=body)
        calls.append("503")

    page.route("**/api/v1/offline/reviews", applied_then_cut)
    context.set_offline(False)
    # The page may flush more than once (the online event, then its retry); every try is cut the same way.
    # The online event's own flush is what "five reviews logged once" tests; here, in a long serial run,
    # it once never came within a minute, so after a while the test asks for the flush itself.
    wait_until(page, lambda: bool(calls), "the online event's flush", timeout=15, fail=False)
    if not calls:
        page.evaluate(FLUSH)
    wait_until(page, lambda: bool(calls), "the first flush")
    assert set(calls) == {"cut"}
    assert count(page, "outbox") == 3  # unanswered rows stay
    assert server_reviews(server, "offline-ben") == 3
    page.unroute("**/api/v1/offline/reviews")
    page.route("**/api/v1/offline/reviews", unavailable)
    assert page.evaluate(FLUSH) == {"left": 3, "sent": 0} and calls[-1] == "503"
    page.unroute("**/api/v1/offline/reviews")
    assert page.evaluate(FLUSH) == {"left": 0, "sent": 3}  # acknowledged: applied before
    assert server_reviews(server, "offline-ben") == 3
    context.close()


def test_a_stalled_request_does_not_block_later_flushes(browser: Any, server: str) -> None:
    # A request on a stalled connection never settles; the flush in progress must give up on it, or every
    # later flush waits on it and nothing made offline is sent until the page is reloaded.
    context, page = learner_with_cards(browser, server, "offline-di", WORDS[:2])
    # Every page of this context gives up on a stalled flush request after 1.5 s (a flush may start as the
    # review page loads, before the test could set it on the page).
    context.add_init_script("globalThis.vocabsphereFlushTimeoutMs = 1500")
    go_offline(context, page)
    review_offline(page, server, 2)
    stalled: list[Any] = []
    page.route("**/api/v1/offline/reviews", lambda route: stalled.append(route))  # never answered
    page.evaluate("globalThis.vocabsphereFlushTimeoutMs = 1500")
    context.set_offline(False)
    within_half_a_minute = (
        f"() => Promise.race([({FLUSH})(), new Promise((ok) => setTimeout(() => ok('stalled'), 30000))])"
    )
    assert page.evaluate(within_half_a_minute) == {"left": 2, "sent": 0}
    assert stalled and server_reviews(server, "offline-di") == 0
    page.unroute("**/api/v1/offline/reviews")
    assert page.evaluate(FLUSH) == {"left": 0, "sent": 2}
    assert server_reviews(server, "offline-di") == 2
    context.close()


def test_two_devices_reviewing_one_card_end_in_one_state(browser: Any, server: str) -> None:
    phone, page = learner_with_cards(browser, server, "offline-cy", WORDS[:1])
    tablet = browser.new_context(viewport=PHONE)
    other = tablet.new_page()
    other.goto(f"{server}/login")
    other.fill("input[name=username]", "offline-cy")
    other.fill("input[name=password]", PASSWORD)
    other.click("button[type=submit]")
    other.wait_for_function("navigator.serviceWorker.controller !== null", timeout=20_000)
    keep_cards_for_offline(other, server, 1)
    for context, device in ((phone, page), (tablet, other)):
        go_offline(context, device)
        review_offline(device, server, 1)
    devices = [r["device_id"] for p in (page, other) for r in outbox(p)]
    assert len(set(devices)) == 2
    tablet.set_offline(False)  # the later review arrives first
    wait_until(other, lambda: count(other, "outbox") == 0, "the tablet's outbox")
    phone.set_offline(False)
    wait_until(page, lambda: count(page, "outbox") == 0, "the phone's outbox")
    token = httpx.post(f"{server}/api/v1/auth/token", json={"username": "offline-cy", "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    word = httpx.get(f"{server}/api/v1/words", headers=headers).json()[0]
    detail = httpx.get(f"{server}/api/v1/words/{word['id']}", headers=headers).json()
    card = next(c for c in detail["cards"] if c["reps"])
    assert card["reps"] == 2 and len(detail["history"]) == 2
    # Both devices agree with the server on when the card comes back.
    other.evaluate("() => import('/static/offline.js').then((m) => m.refreshBundle())")
    kept = [p.evaluate(READ_STORE, ["cards", "get", card["id"]]) for p in (page, other)]
    assert [k["due"][:19] for k in kept] == [card["due"][:19]] * 2
    phone.close()
    tablet.close()
