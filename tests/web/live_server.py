"""The app under a real uvicorn server on 127.0.0.1, configured as `vocabsphere serve` configures it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from vocabsphere.config import Settings
from vocabsphere.web import create_app
from vocabsphere.web.server import server_config


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def live_server(settings: Settings) -> Iterator[tuple[str, FastAPI]]:
    """Yield the base URL and the app; the server stops when the block ends."""
    app = create_app(settings)
    config = server_config(app, settings.model_copy(update={"host": "127.0.0.1", "port": free_port()}))
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 120  # a busy shared machine starts slowly
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}", app
    finally:
        server.should_exit = True
        thread.join(timeout=30)
