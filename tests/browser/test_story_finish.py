"""Finishing a story on a slow connection: the tap is recorded even when it comes before the page has
opened the reading on the server."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import PHONE, register
from tests.browser.test_story import open_first_story_with_versions

pytestmark = pytest.mark.browser


def test_finished_tapped_before_the_reading_is_opened_is_recorded(browser: Any, server: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    register(page, server, "finish-early")
    open_first_story_with_versions(page, server)
    # That page opens its own reading from a module script, which may run after the versions show on a
    # loaded machine: let it finish, or its opening would be the one held here (and the new page's never
    # answered).
    page.wait_for_load_state("networkidle")
    story_url = page.url
    held: list[Any] = []

    def hold_the_opening(route: Any) -> None:
        if route.request.method == "POST":
            held.append(route)  # answered later: a slow connection
        else:
            route.continue_()

    page.route("**/api/v1/readings", hold_the_opening)
    page.goto(story_url)
    page.wait_for_function("document.querySelector('#finish-story') !== null")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the page did not open the reading"
    page.click("#finish-story")  # the page's handlers are attached (they sent the opening)
    page.wait_for_timeout(500)
    assert "Could not record" not in page.locator("#finish-status").inner_text()
    for route in held:  # every opening held, in case an earlier page's came in too
        with contextlib.suppress(PlaywrightError):  # that page is gone: its request with it
            route.continue_()
    page.locator("#finish-status", has_text="Finished").wait_for()
    context.close()
