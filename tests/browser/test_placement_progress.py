"""Placement test taken start to finish and its result accepted, at phone and desktop width; the
progress page's charts visible without sideways scrolling; a new account's time zone from the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_no_horizontal_scroll
from vocabsphere.core.placement.items import load_bank

pytestmark = pytest.mark.browser


def _register_in(browser: Any, server: str, username: str, viewport: dict[str, int]) -> tuple[Any, Any]:
    """A new account from a browser whose clock is in Madrid."""
    context = browser.new_context(viewport=viewport, timezone_id="Europe/Madrid")
    page = context.new_page()
    page.goto(f"{server}/register")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "browser-pass-1")
    page.select_option("select[name=cefr_level]", "A2")
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/library")
    return context, page


def _bearer(server: str, username: str) -> dict[str, str]:
    token = httpx.post(
        f"{server}/api/v1/auth/token", json={"username": username, "password": "browser-pass-1"}
    ).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_placement_test_start_to_accepted_result(
    browser: Any, server: str, artifacts: Path, label: str, viewport: dict[str, int]
) -> None:
    username = f"placed-{label}"
    context, page = _register_in(browser, server, username, viewport)
    headers = _bearer(server, username)
    assert httpx.get(f"{server}/api/v1/me", headers=headers).json()["time_zone"] == "Europe/Madrid"
    bank = load_bank().by_word()
    page.goto(f"{server}/placement")
    page.click("text=Start the test")
    page.wait_for_selector("input[name=known]")
    first = True
    while page.locator("input[name=known]").count():
        assert_no_horizontal_scroll(page)
        if first:
            page.screenshot(path=str(artifacts / f"placement-words-{label}.png"), full_page=True)
            first = False
        step = page.locator("input[name=step]").get_attribute("value")
        for box in page.locator("input[name=known]").all():
            word = box.get_attribute("value")
            if word in bank and bank[word].difficulty <= 3.5:  # a B1 learner who does not guess
                box.check()
        page.click("button:has-text('Next')")
        page.wait_for_function(
            "s => !document.querySelector('input[name=step]') "
            "|| document.querySelector('input[name=step]').value !== s",
            arg=step,
        )
    if page.locator("text=Choose a meaning of each").count():
        assert_no_horizontal_scroll(page)
        page.screenshot(path=str(artifacts / f"placement-meanings-{label}.png"), full_page=True)
        for group in page.locator("fieldset.choice").all():
            group.locator("input[type=radio]").first.check()
        page.click("button:has-text('Next')")
    page.wait_for_selector("text=Night trains come back")
    assert_no_horizontal_scroll(page)
    groups = page.locator("fieldset.choice").all()
    for group, right in zip(groups, (1, 2, 0), strict=True):
        group.locator("input[type=radio]").nth(right).check()
    page.click("text=See my result")
    page.wait_for_selector("text=How we got there")
    assert_no_horizontal_scroll(page)
    result = page.locator("#result-heading").inner_text()
    level = result.rsplit(" ", 1)[-1]
    assert level in ("A2", "B1", "B2")
    assert "of the 10,000 most frequent English words" in page.inner_text("main")
    page.screenshot(path=str(artifacts / f"placement-result-{label}.png"), full_page=True)
    page.click(f"text=Use {level} as my level")
    page.wait_for_selector(f"text=Your level is now {level}.")
    assert httpx.get(f"{server}/api/v1/me", headers=headers).json()["cefr_level"] == level
    context.close()


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_progress_charts_are_visible_and_fit(
    browser: Any, server: str, artifacts: Path, label: str, viewport: dict[str, int]
) -> None:
    username = f"charts-{label}"
    context, page = _register_in(browser, server, username, viewport)
    headers = _bearer(server, username)
    for lemma in ("harbour", "ferry", "bridge"):
        word = {
            "lemma": lemma,
            "pos": "NOUN",
            "word": lemma,
            "sentence": f"The {lemma} was new.",
            "translation": "x",
        }
        assert httpx.post(f"{server}/api/v1/words", headers=headers, json=word).status_code == 201
    card = httpx.get(f"{server}/api/v1/reviews/due", headers=headers).json()[0]
    rated = httpx.post(
        f"{server}/api/v1/reviews/{card['card_id']}", headers=headers, json={"rating": 3, "request_id": "b1"}
    )
    assert rated.status_code == 200
    httpx.post(
        f"{server}/api/v1/statuses", headers=headers, json={"lemmas": ["house", "water"], "status": "known"}
    )
    page.goto(f"{server}/progress")
    charts = page.locator("svg.curve[role=img]")
    assert charts.count() >= 5
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box is not None and box["width"] > 200 and box["x"] >= 0
        assert box["x"] + box["width"] <= viewport["width"]
    assert page.locator("text=Europe/Madrid").count() >= 1
    assert_no_horizontal_scroll(page)
    page.locator("summary", has_text="Reviews: the numbers").click()
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / f"progress-charts-{label}.png"), full_page=True)
    context.close()
