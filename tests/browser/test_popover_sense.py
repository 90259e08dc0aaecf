"""A tap in the reader: looked up by its position in the version, and the popover states a meaning
only when the sense choice is confident (else it lists the likely ones)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import DESKTOP, register
from tests.browser.test_story import open_first_story_with_versions

pytestmark = pytest.mark.browser


def test_tap_sends_the_position_and_the_popover_matches_the_confidence(
    browser: Any, server: str, artifacts: Path
) -> None:
    if not os.environ.get("VOCABSPHERE_LEXICON"):
        pytest.skip("look-ups need the built lexicon (VOCABSPHERE_LEXICON)")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    register(page, server, "popover-sense")
    open_first_story_with_versions(page, server)
    popover = page.locator("#word-popover")
    seen = {True: 0, False: 0}
    words = page.locator(".reader-text .w")
    for n in range(min(words.count(), 40)):
        word = words.nth(n)
        with page.expect_response(lambda r: "/api/v1/lookup" in r.url) as answer:
            word.click()
        response = answer.value
        query = parse_qs(urlparse(response.url).query)
        sentence, token = (word.get_attribute("data-i") or "").split(".")
        assert query["s"] == [sentence] and query["t"] == [token] and query["level"] and query["story"]
        body = response.json()
        popover.locator(".headword").wait_for()
        listed = popover.locator("text=Possible meanings here:").count() > 0
        if len(body["senses"]) > 1:
            assert listed == (not body["sense_confident"]), body["word"]
            seen[body["sense_confident"]] += 1
        if seen[True] and seen[False]:
            break
    page.screenshot(path=str(artifacts / "reader-popover-senses.png"))
    assert seen[True] and seen[False], seen  # both kinds of popover were met in the first 40 words
    assert not errors
    context.close()
