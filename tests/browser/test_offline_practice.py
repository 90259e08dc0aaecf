"""Practice without a connection, in Chromium: items kept on the device are answered offline, the
answers wait in the outbox and reach the server once when the connection returns (a replayed batch
adds nothing); and logging out takes the learner's offline data off the device, asking first when
some of it could not be sent."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_no_horizontal_scroll
from tests.browser.test_offline import (
    PASSWORD,
    WORDS,
    count,
    go_offline,
    learner_with_cards,
    outbox,
    review_offline,
    start_controlled,
    wait_until,
)
from tests.browser.test_practice import SAVE_JS, SAVED

pytestmark = pytest.mark.browser

POST_ANSWERS = """async (rows) => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const response = await fetch('/api/v1/offline/answers', { method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify({ rows }) });
  return (await response.json()).rows.map((r) => r.outcome);
}"""
DATABASES = "() => indexedDB.databases().then((found) => found.map((d) => d.name))"


def server_answers(server: str, username: str) -> int:
    token = httpx.post(f"{server}/api/v1/auth/token", json={"username": username, "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    return len(httpx.get(f"{server}/api/v1/practice/history", headers=headers).json())


def answer_shown_item(page: Any) -> None:
    """Any answer: the first choice, every phrase in the order shown, or a typed guess."""
    if page.locator("#typed").count():
        page.fill("#typed", "a guess")
        page.press("#typed", "Enter")
    elif page.locator("#order-line").count():  # word order: every phrase, in the order shown
        for button in page.locator("#exercise .choices .button").all():
            button.click()
    else:
        page.locator("#exercise .choices .button").first.click()
    page.locator("#feedback .feedback").wait_for()


@pytest.mark.skipif(not os.environ.get("VOCABSPHERE_LEXICON"), reason="exercises need the built lexicon")
def test_practise_offline_then_answers_sync_once(browser: Any, server: str, artifacts: Path) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    start_controlled(page, server, "offline-pia")
    page.evaluate(SAVE_JS, SAVED)
    page.goto(f"{server}/practice")  # online: items are made, the page and the items are kept
    page.locator("#exercise .choices, #exercise #typed").first.wait_for(timeout=60_000)
    wait_until(page, lambda: count(page, "practice") >= 3, "practice items to be kept on the device")

    go_offline(context, page)
    page.goto(f"{server}/practice")
    page.locator("#exercise .meta", has_text="offline").first.wait_for()
    for n in range(3):
        answer_shown_item(page)
        assert page.locator("#feedback .explanation").inner_text().strip()
        assert "null" not in page.locator("#feedback").inner_text()
        assert count(page, "outbox") == n + 1
        if n == 0:
            page.screenshot(path=str(artifacts / "offline-practice-phone.png"))
            assert_no_horizontal_scroll(page)
        page.locator("#next").click()
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(artifacts / "offline-practice-desktop.png"))
    assert_no_horizontal_scroll(page)
    rows = outbox(page)
    assert sorted(r["seq"] for r in rows) == [1, 2, 3] and {r["kind"] for r in rows} == {"answer"}
    assert server_answers(server, "offline-pia") == 0

    context.set_offline(False)  # the page's "online" event sends the outbox
    wait_until(page, lambda: count(page, "outbox") == 0, "the outbox to be sent")
    assert server_answers(server, "offline-pia") == 3
    page.locator("#app-bar", has_text="3 practice answers made offline were saved.").wait_for()
    sent = [
        {k: r[k] for k in ("client_id", "device_id", "seq", "item_id", "answer", "answered_at")} for r in rows
    ]
    for _ in range(2):  # the same batch again: acknowledged, nothing new stored
        assert page.evaluate(POST_ANSWERS, sent) == ["duplicate"] * 3
    assert server_answers(server, "offline-pia") == 3
    context.close()


def test_logging_out_takes_the_offline_data_off_the_device(browser: Any, server: str) -> None:
    context, page = learner_with_cards(browser, server, "offline-lou", WORDS[:2])
    name = "vocabsphere-" + page.locator('meta[name="vs-user"]').get_attribute("content")
    go_offline(context, page)
    review_offline(page, server, 1)
    # The server cannot take the review now: the learner is asked before it is dropped.
    page.route("**/api/v1/offline/reviews", lambda route: route.fulfill(status=503, body="{}"))
    context.set_offline(False)
    page.goto(f"{server}/library")
    asked: list[str] = []

    def say_no(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", say_no)
    page.locator("form[action='/logout'] button").click()
    wait_until(page, lambda: bool(asked), "the question")
    assert "1 review or answer made offline could not be sent yet" in asked[0]
    assert page.locator('meta[name="vs-user"]').count() == 1 and count(page, "outbox") == 1
    page.unroute("**/api/v1/offline/reviews")
    page.locator("form[action='/logout'] button").click()  # now the outbox is sent first, then cleared
    page.wait_for_url(f"{server}/login**")
    assert name not in page.evaluate(DATABASES)
    assert not page.evaluate("caches.has('vocabsphere-pages')")
    context.close()
