"""How `vocabsphere serve` runs the app under uvicorn (tests start the same server)."""

from __future__ import annotations

import uvicorn
from fastapi import FastAPI

from vocabsphere.config import Settings


def server_config(app: FastAPI, settings: Settings) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        # Forwarded headers are believed only from VOCABSPHERE_TRUSTED_PROXIES (web.proxies), never from
        # uvicorn's default list, which trusts any client connecting from 127.0.0.1.
        proxy_headers=False,
        server_header=False,
    )
