"""A person registers, logs in and uses the shell on a phone and on a desktop screen."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_no_horizontal_scroll, register

pytestmark = pytest.mark.browser
SECTIONS = ["Library", "Vocabulary", "Review", "Practice", "Progress"]


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_register_login_and_shell(
    browser: Any, server: str, artifacts: Path, label: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    username = f"{label}-{uuid.uuid4().hex[:6]}"
    register(page, server, username)

    nav = page.locator("nav.sections")
    assert nav.is_visible()
    assert [t.strip() for t in nav.locator(".label").all_inner_texts()] == SECTIONS
    box = nav.bounding_box()
    if label == "phone":  # a bottom tab bar within thumb reach
        assert box["y"] + box["height"] >= viewport["height"] - 2
    else:  # a bar under the header
        assert box["y"] < 120
    page.wait_for_selector(".story")  # demo articles were imported by the background job
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / f"library-{label}.png"), full_page=True)

    for section in SECTIONS[1:]:
        nav.get_by_text(section).click()
        page.wait_for_url(f"{server}/{section.lower()}")
        assert page.locator("h1").inner_text() == section
        assert_no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts / f"progress-{label}.png"), full_page=True)

    # Log out, then log back in through the form.
    page.click("text=Log out")
    page.wait_for_url(f"{server}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "browser-pass-1")
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/library")
    assert page.locator(".chip").inner_text().startswith(username)
    page.screenshot(path=str(artifacts / f"login-done-{label}.png"), full_page=True)
    assert not errors, errors
    context.close()


def test_teacher_sees_classes_and_api_docs_work_offline(browser: Any, server: str, artifacts: Path) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{server}/login")
    page.fill("input[name=username]", "demo-teacher")
    page.fill("input[name=password]", "vocabsphere-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/library")
    page.get_by_role("link", name="Classes").click()
    # Other browser tests share the demo teacher: the page may already list classes, never an error.
    page.get_by_role("button", name="Create class").wait_for()
    assert page.get_by_role("heading", name="Classes", exact=True).is_visible()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/api/docs")
    page.wait_for_selector(".opblock", timeout=15_000)  # Swagger UI rendered the operations
    page.screenshot(path=str(artifacts / "api-docs.png"))
    assert all(url.startswith(server) or url.startswith("data:") for url in requests), requests
    context.close()
