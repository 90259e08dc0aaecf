"""A real server process and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ARTIFACTS

CHROMIUM = os.environ.get("VOCABSPHERE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 860}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def launch_server(
    data_dir: Path, *args: str, env: dict[str, str] | None = None, port: int | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """`vocabsphere serve` on a free port, as a user would start it; returns once it answers."""
    port = port or free_port()
    environment = {
        **os.environ,
        "VOCABSPHERE_ENV": "development",
        "VOCABSPHERE_DATA_DIR": str(data_dir),
        "VOCABSPHERE_LOG_LEVEL": "WARNING",
        # Every browser registers from 127.0.0.1: the per-address limit is not what these tests check.
        "VOCABSPHERE_REGISTER_MAX_PER_ADDRESS": "1000",
        **(env or {}),
    }
    if os.environ.get("VOCABSPHERE_LEXICON"):  # the test command's built lexicon: look-ups work
        environment["VOCABSPHERE_LEXICON_PATH"] = os.environ["VOCABSPHERE_LEXICON"]
    log = (data_dir / "server.log").open("a")
    process = subprocess.Popen(
        [sys.executable, "-m", "vocabsphere.cli", "serve", *args, "--port", str(port)],
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()  # the child keeps its own handle
    url = f"http://127.0.0.1:{port}"
    # Start-up loads the language pipeline and the lexicon's vectors: seconds on a quiet machine, but on a
    # machine shared with other jobs (load 20 on 2 cores was seen) a minute was not always enough.
    deadline = time.monotonic() + 180
    while True:
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("server did not start: " + (data_dir / "server.log").read_text())
        time.sleep(0.2)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`vocabsphere serve --demo` on a free port, with the demo stories imported."""
    process, url = launch_server(tmp_path_factory.mktemp("server-data"), "--demo")
    _wait_for_demo_stories(url)
    yield url
    stop_server(process)


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop as a user would (SIGTERM); a server still finishing a background job on a busy machine is
    killed after a while rather than failing the test that used it."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _wait_for_demo_stories(url: str) -> None:
    """The demo articles arrive through a background job: wait until they are in the library."""
    token = httpx.post(
        f"{url}/api/v1/auth/token", json={"username": "demo-learner", "password": "vocabsphere-demo"}
    ).json()["access_token"]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        stories = httpx.get(f"{url}/api/v1/stories", headers={"Authorization": f"Bearer {token}"}).json()
        if len(stories) >= 3:
            return
        time.sleep(0.5)
    pytest.fail("the demo import job did not finish in time")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run the README's test command (it installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def register(page: Any, server: str, username: str) -> None:
    page.goto(f"{server}/register")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "browser-pass-1")
    page.select_option("select[name=native_language]", "de")
    page.select_option("select[name=cefr_level]", "B1")
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/library")


def assert_no_horizontal_scroll(page: Any) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"
