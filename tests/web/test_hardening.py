"""Findings of the security sweep (issue 15): each test failed before its fix."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient

from tests.web.conftest import add_user, csrf_from, log_in

TOO_LARGE_ID = str(2**63)
# Values for the path parameters that are not ids, so that only the id is out of range.
OTHER_PARAMS = {"level": "B1", "lemma": "house"}


def _routes_with_ids(client: TestClient) -> list[tuple[str, str]]:
    found = []
    for context in iter_route_contexts(client.app.routes):  # type: ignore[attr-defined]
        route = context.original_route
        if not isinstance(route, APIRoute) or context.path is None:
            continue
        names = re.findall(r"{(\w+)(?::\w+)?}", context.path)
        if not any(name.endswith("_id") for name in names):
            continue
        path = context.path
        for name in names:
            value = TOO_LARGE_ID if name.endswith("_id") else OTHER_PARAMS[name]
            path = re.sub(rf"{{{name}(?::\w+)?}}", value, path)
        found.extend((method, path) for method in sorted(route.methods))
    return found


def test_ids_beyond_64_bits_are_refused_on_every_route(client: TestClient) -> None:
    client = TestClient(client.app, raise_server_exceptions=False)
    add_user(client, "boss", role="admin")
    log_in(client, "boss")
    csrf = csrf_from(client.get("/settings").text)
    routes = _routes_with_ids(client)
    assert len(routes) >= 24  # 19 API and 5 page routes when the issue was filed
    for method, path in routes:
        if path.startswith("/api/"):
            response = client.request(method, path, headers={"X-CSRF-Token": csrf}, json={})
        else:
            response = client.request(method, path, data={"csrf_token": csrf})
        assert response.status_code in {404, 422}, (method, path, response.status_code)
        # The connection stays usable: the next request works.
        assert client.get("/api/v1/me").status_code == 200, (method, path)
