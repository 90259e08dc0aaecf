"""Rendering helpers shared by the page modules."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from vocabsphere.web.security import ANON_CSRF_COOKIE, optional_principal
from vocabsphere.web.state import app_state


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    optional_principal(request)  # fills request.state.principal for the navigation
    response = app_state(request).templates.TemplateResponse(
        request, template, context, status_code=status_code
    )
    new_token = getattr(request.state, "new_anon_csrf", None)
    if new_token:
        response.set_cookie(
            ANON_CSRF_COOKIE,
            new_token,
            httponly=True,
            samesite="lax",
            secure=app_state(request).settings.secure_cookies,
            max_age=7 * 24 * 3600,
        )
    return response


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def safe_next(target: str | None) -> str:
    """Only same-site paths: '//evil.example' or 'https://...' would be an open redirect."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/library"
