"""What the web layer shares across requests: settings, database, jobs, templates, the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fastapi import Request
from fastapi.templating import Jinja2Templates

from vocabsphere.config import Settings
from vocabsphere.jobs.runtime import JobSystem
from vocabsphere.store.database import Database


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class AppState:
    settings: Settings
    database: Database
    jobs: JobSystem
    templates: Jinja2Templates
    clock: Callable[[], datetime] = field(default=utc_now)


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.vocabsphere
    return state
