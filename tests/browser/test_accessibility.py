"""axe-core (vendored from npm for the tests: scripts/vendor-js.sh) on the pages a learner uses daily:
no serious or critical violations on the reader (with the word popover open), a review card, the
vocabulary book and a word's page, at phone width."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import PHONE, register
from tests.browser.test_learner_day import open_popover, open_story

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def serious_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.x A/AA violations of impact serious or critical on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => (await axe.run(document, {
             runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
           })).violations"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


def test_daily_pages_have_no_serious_accessibility_violations(
    browser: Any, server: str, artifacts: Path
) -> None:
    # The app's Content-Security-Policy allows no injected scripts; the test bypasses it for axe only.
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    register(page, server, "a11y-learner")
    open_story(page, server, "Library")
    found: dict[str, list[dict[str, Any]]] = {"reader": serious_violations(page)}

    popover = open_popover(page, page.locator(".reader-text .w.new").first)
    assert page.evaluate("document.activeElement.id") == "word-popover"  # focus moves into the dialog
    assert popover.get_attribute("aria-modal") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('word-popover').contains(document.activeElement)")
    found["reader popover"] = serious_violations(page)
    popover.locator("button", has_text="Save word").click()
    popover.locator("text=Saved to your vocabulary book.").wait_for()
    page.keyboard.press("Escape")

    page.goto(f"{server}/review")
    page.locator("#reveal, #answer").first.wait_for()
    found["review"] = serious_violations(page)
    page.goto(f"{server}/vocabulary")
    found["vocabulary"] = serious_violations(page)
    page.locator(".word-list a").first.click()
    page.wait_for_url("**/vocabulary/words/*")
    found["word"] = serious_violations(page)
    (artifacts.parent / "axe-violations.json").write_text(json.dumps(found, indent=2))
    assert all(not v for v in found.values()), found
    context.close()
