"""A learner reads a story at their level, switches level, and opens a highlighted sentence's explanation."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_no_horizontal_scroll

pytestmark = pytest.mark.browser


def open_first_story_with_versions(page: Any, server: str) -> None:
    page.goto(f"{server}/library")
    page.click(".story a")
    wait_for_versions(page)


def wait_for_versions(page: Any) -> None:
    """Reload the open story until its level versions are there."""
    deadline = time.monotonic() + 120
    while not page.locator(".level-switch").count():  # versions are built by a background job
        if time.monotonic() > deadline:
            raise AssertionError("level versions did not appear")
        time.sleep(1)
        page.reload()


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_story_levels_and_highlights(
    browser: Any, server: str, artifacts: Path, label: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{server}/login")
    page.fill("input[name=username]", "demo-learner")
    page.fill("input[name=password]", "vocabsphere-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/library")
    open_first_story_with_versions(page, server)

    current = page.locator(".level-switch a[aria-current]")
    assert current.inner_text() == "B1"  # the demo learner's level
    marks = page.locator("mark.hl")
    assert marks.count() >= 1
    marks.first.locator("button.why").click()
    explanation = page.locator(".highlight details[open] p").first
    explanation.wait_for()
    assert len(explanation.inner_text()) > 20
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / f"story-B1-{label}.png"), full_page=True)

    page.locator(".level-switch a", has_text="A2").click()
    page.wait_for_url("**level=A2")
    assert page.locator(".level-switch a[aria-current]").inner_text() == "A2"
    page.click("text=What changed?")
    page.wait_for_url("**/changes?level=A2")
    assert page.locator(".changes-row").count() >= 1
    page.screenshot(path=str(artifacts / f"story-changes-{label}.png"), full_page=True)
    context.close()
