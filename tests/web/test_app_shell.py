"""The installable app's files: manifest, icons, service worker (uncached, scoped to the site), CSP."""

from __future__ import annotations

import struct
from importlib import resources

from fastapi.testclient import TestClient

from vocabsphere.web.pages.app_shell import OFFLINE_FILES, service_worker_source


def png_size(data: bytes) -> tuple[int, int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height, _depth, color_type = struct.unpack(">IIBB", data[16:26])
    return width, height, color_type


def test_the_manifest_names_the_app_and_its_icons(client: TestClient) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["start_url"] == "/library" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone" and manifest["name"] == "VocabSphere"
    sizes = set()
    for icon in manifest["icons"]:
        file = client.get(icon["src"])
        assert file.status_code == 200, icon["src"]
        if icon["type"] == "image/png":
            width, height, color_type = png_size(file.content)
            assert f"{width}x{height}" == icon["sizes"] and color_type == 6  # RGBA
            sizes.add((width, icon.get("purpose", "any")))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= sizes
    touch = client.get("/static/icons/apple-touch-icon.png")
    assert png_size(touch.content)[:2] == (180, 180)


def test_the_service_worker_is_served_uncached_from_the_root(client: TestClient) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["content-type"].startswith("text/javascript")
    version, script = service_worker_source()
    assert response.text == script and f'const VERSION = "{version}"' in script
    assert "__VERSION__" not in script and "__STATIC_FILES__" not in script
    for name in OFFLINE_FILES:  # every file it keeps exists, or its install would fail
        assert f'"/static/{name}"' in script
        assert client.get(f"/static/{name}").status_code == 200
    policy = response.headers["content-security-policy"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy
    assert "script-src 'self';" in policy and "unsafe" not in policy  # nothing else loosened


def test_pages_link_the_manifest_and_the_worker_script(client: TestClient) -> None:
    page = client.get("/login").text
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'rel="apple-touch-icon"' in page
    app_js = (resources.files("vocabsphere.web") / "static" / "app.js").read_text()
    assert 'register("/sw.js", { scope: "/" })' in app_js and "A new version is ready: " in app_js
