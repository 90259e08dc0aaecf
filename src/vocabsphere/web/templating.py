"""Jinja2 templates with the helpers every page uses."""

from __future__ import annotations

from datetime import datetime
from importlib import resources

from fastapi import Request
from fastapi.templating import Jinja2Templates

from vocabsphere import __version__
from vocabsphere.config import Settings
from vocabsphere.core.accounts import CEFR_LEVELS, NATIVE_LANGUAGES
from vocabsphere.core.local_time import zone
from vocabsphere.web.security import csrf_token_for


def _date(value: datetime | None) -> str:
    return value.strftime("%d %b %Y") if value else ""


def _local_time(value: datetime | None, time_zone: str) -> str:
    """An instant as the wall-clock time where the reader lives (due dates, submissions)."""
    return value.astimezone(zone(time_zone)).strftime("%d %b %Y %H:%M") if value else ""


def _local_time_input(value: datetime | None, time_zone: str) -> str:
    """The value of a datetime-local field (the same wall-clock time, in the form's own format)."""
    return value.astimezone(zone(time_zone)).strftime("%Y-%m-%dT%H:%M") if value else ""


def make_templates(settings: Settings) -> Jinja2Templates:
    folder = resources.files("vocabsphere.web") / "templates"
    templates = Jinja2Templates(directory=str(folder))

    def page_context(request: Request) -> dict[str, object]:
        principal = getattr(request.state, "principal", None)
        return {
            "user": principal.user if principal else None,
            "csrf_token": csrf_token_for(request),
            "version": __version__,
            "levels": CEFR_LEVELS,
            "languages": NATIVE_LANGUAGES,
            "path": request.url.path,
        }

    templates.context_processors.append(page_context)
    templates.env.filters["date"] = _date
    templates.env.filters["localtime"] = _local_time
    templates.env.filters["localtime_input"] = _local_time_input
    return templates
