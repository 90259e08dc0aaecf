"""The private-address block holds on every redirect hop and on the address actually connected to."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.fixtures.site import Page, Site, serve_site
from vocabsphere.core.errors import InvalidInput
from vocabsphere.services import fetching
from vocabsphere.services.fetching import HTML_TYPES, FetchPolicy, fetch

ARTICLE = b"<html><body><p>The harbour bridge reopened on Monday.</p></body></html>"
# In these tests 127.0.0.2 stands for a public host and 127.0.0.1 for the server's own network.
PUBLIC_STAND_IN = "127.0.0.2"


def _only_127_0_0_1_is_private(address: str) -> bool:
    return address == "127.0.0.1"


@pytest.fixture(autouse=True)
def _stand_in_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetching, "is_blocked_address", _only_127_0_0_1_is_private)


@pytest.fixture
def private_site() -> Iterator[Site]:
    with serve_site() as site:
        site.add("/secret", Page(ARTICLE))
        yield site


@pytest.fixture
def redirector() -> Iterator[dict[str, str]]:
    """A 'public' server on 127.0.0.2: GET /go answers 302 to whatever ``targets['/go']`` holds."""
    targets: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path in targets:
                self.send_response(302)
                self.send_header("Location", targets[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            self.wfile.write(ARTICLE)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((PUBLIC_STAND_IN, 0), Handler)
    targets["base"] = f"http://{PUBLIC_STAND_IN}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield targets
    finally:
        server.shutdown()
        server.server_close()


def test_a_public_page_redirecting_to_a_private_one_is_refused(
    private_site: Site, redirector: dict[str, str]
) -> None:
    redirector["/go"] = private_site.base + "/secret"
    with pytest.raises(InvalidInput, match="own network"):
        fetch(redirector["base"] + "/go", FetchPolicy(), accept=HTML_TYPES)
    assert private_site.hits.get("/secret") is None


def test_public_redirects_still_work(redirector: dict[str, str]) -> None:
    redirector["/go"] = redirector["base"] + "/article"
    fetched = fetch(redirector["base"] + "/go", FetchPolicy(), accept=HTML_TYPES)
    assert fetched.body == ARTICLE and fetched.url == redirector["base"] + "/article"


def test_dns_rebinding_cannot_reach_a_private_address(
    private_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_getaddrinfo = socket.getaddrinfo
    answers = iter([PUBLIC_STAND_IN])  # the first answer (checked) is public, every later one private

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "rebind.test":
            return real_getaddrinfo(next(answers, "127.0.0.1"), port, *args, **kwargs)
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    port = private_site.base.rsplit(":", 1)[1]
    with pytest.raises(InvalidInput, match="own network"):
        fetch(f"http://rebind.test:{port}/secret", FetchPolicy(), accept=HTML_TYPES)
    assert private_site.hits.get("/secret") is None
