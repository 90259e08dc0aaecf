"""What makes the site an installable app: the web app manifest and the service worker."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from fastapi import APIRouter
from fastapi.responses import Response

from vocabsphere import __version__

router = APIRouter()

THEME_COLOR = "#1f6f5c"  # the favicon's green
# The app's own files, kept on the device by the service worker (the API docs' bundle is left out).
OFFLINE_FILES = (
    "app.css",
    "app.js",
    "offline.js",
    "review.js",
    "story.js",
    "word.js",
    "job.js",
    "favicon.svg",
    "icons/icon-192.png",
    "icons/icon-512.png",
)

MANIFEST = {
    "id": "/",
    "name": "VocabSphere",
    "short_name": "VocabSphere",
    "description": "Real news, made learnable: read at your level, look words up, review them.",
    "lang": "en",
    "start_url": "/library",
    "scope": "/",
    "display": "standalone",
    "orientation": "any",
    "background_color": "#ffffff",
    "theme_color": THEME_COLOR,
    "icons": [
        {"src": "/static/favicon.svg", "sizes": "any", "type": "image/svg+xml"},
        {"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
        {"src": "/static/icons/icon-512.png", "sizes": "512x512", "type": "image/png"},
        {
            "src": "/static/icons/icon-maskable-512.png",
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ],
    "shortcuts": [
        {"name": "Review", "url": "/review"},
        {"name": "Library", "url": "/library"},
    ],
}


def _static() -> Traversable:
    return resources.files("vocabsphere.web") / "static"


@lru_cache(maxsize=1)
def service_worker_source() -> tuple[str, str]:
    """(version, script): the version changes whenever any kept file or the release changes, so a
    deployment with new files installs a new worker (and the learner is offered a reload)."""
    digest = hashlib.sha256(__version__.encode())
    for name in (*OFFLINE_FILES, "sw.js"):
        digest.update(name.encode() + b"\0" + (_static() / name).read_bytes())
    version = digest.hexdigest()[:16]
    files = json.dumps([f"/static/{name}" for name in OFFLINE_FILES])
    script = (_static() / "sw.js").read_text(encoding="utf-8")
    return version, script.replace("__VERSION__", version).replace("__STATIC_FILES__", files)


@router.get("/sw.js")
def service_worker() -> Response:
    _, script = service_worker_source()
    # no-cache: browsers check for a new worker on every visit instead of trusting a stored copy.
    headers = {"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"}
    return Response(script, media_type="text/javascript", headers=headers)


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    return Response(
        json.dumps(MANIFEST),
        media_type="application/manifest+json",
        headers={"Cache-Control": "no-cache"},
    )
