"""Jinja2 templates with the helpers every page uses."""

from __future__ import annotations

from datetime import datetime
from importlib import resources

from fastapi import Request
from fastapi.templating import Jinja2Templates

from vocabsphere import __version__
from vocabsphere.config import Settings
from vocabsphere.core.accounts import CEFR_LEVELS, NATIVE_LANGUAGES
from vocabsphere.web.security import csrf_token_for


def _date(value: datetime | None) -> str:
    return value.strftime("%d %b %Y") if value else ""


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
    return templates
