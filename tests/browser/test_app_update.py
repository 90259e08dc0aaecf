"""A new release under the same address: the open page offers "A new version is ready: Reload", the new
service worker waits until then, and takes over after the click."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import PHONE, launch_server, register
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.browser

# The version of the worker that controls the page (it answers on a message channel).
WORKER_VERSION = """() => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => resolve(event.data.version);
  navigator.serviceWorker.controller.postMessage({ type: "VERSION" }, [channel.port2]);
})"""


def release_with_new_styles(folder: Path) -> Path:
    """A copy of the package whose style sheet changed, as a new release would ship it."""
    target = folder / "vocabsphere"
    shutil.copytree(REPO_ROOT / "src" / "vocabsphere", target, ignore=shutil.ignore_patterns("__pycache__"))
    styles = target / "web" / "static" / "app.css"
    styles.write_text(styles.read_text() + "\n/* the next release */\n")
    return folder


def test_a_new_version_takes_over_after_the_prompt(browser: Any, tmp_path: Path, artifacts: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    first, url = launch_server(data, env={"PYTHONPATH": str(REPO_ROOT / "src")})
    port = int(url.rsplit(":", 1)[1])
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        register(page, url, "updating-una")
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=20_000)
        old_version = page.evaluate(WORKER_VERSION)
        assert page.locator("#app-bar").count() == 0  # the first install asks nothing
    finally:
        first.terminate()
        first.wait(timeout=30)
    next_release = release_with_new_styles(tmp_path / "next")
    second, _ = launch_server(data, env={"PYTHONPATH": str(next_release)}, port=port)
    try:
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        prompt = page.locator("#app-bar", has_text="A new version is ready:")
        prompt.wait_for()
        page.screenshot(path=str(artifacts / "update-prompt-phone.png"))
        assert page.evaluate(WORKER_VERSION) == old_version  # it waits for the learner
        with page.expect_navigation():
            page.click("#app-reload")
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        new_version = page.evaluate(WORKER_VERSION)
        assert new_version != old_version
        assert page.locator("#app-bar").count() == 0
        page.goto(f"{url}/library")  # the session survived the release
        assert page.locator("h1").count() >= 1 and "/login" not in page.url
        assert page.evaluate(WORKER_VERSION) == new_version
        cached = page.evaluate("caches.keys()")
        assert f"vocabsphere-static-{new_version}" in cached
        assert f"vocabsphere-static-{old_version}" not in cached  # the old files were let go
    finally:
        context.close()
        second.terminate()
        second.wait(timeout=30)
