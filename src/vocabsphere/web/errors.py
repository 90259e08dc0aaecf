"""One JSON error shape for the API, friendly HTML pages for people; details only in the logs."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from vocabsphere.core.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    TooManyRequests,
    Unavailable,
)
from vocabsphere.web.middleware import SECURITY_HEADERS

log = logging.getLogger("vocabsphere.web")

_STATUS = {
    InvalidInput: 400,
    NotAuthenticated: 401,
    Forbidden: 403,
    NotFound: 404,
    Conflict: 409,
    TooManyRequests: 429,
    Unavailable: 503,
}

_TITLES = {
    400: "That request did not make sense",
    401: "Please log in",
    403: "Not allowed",
    404: "Page not found",
    405: "Not allowed here",
    409: "Already there",
    413: "Too large",
    422: "Please check the form",
    429: "Slow down",
    500: "Something went wrong",
    503: "Not available yet",
}

_HTTP_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_input",
    429: "too_many_requests",
    500: "internal_error",
}


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_payload(code: str, message: str, field: str | None = None, details: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message, "field": field}
    if details:
        body["details"] = details
    return {"error": body}


def render_error(
    request: Request,
    status: int,
    code: str,
    message: str,
    *,
    field: str | None = None,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> Response:
    if is_api(request):
        return JSONResponse(error_payload(code, message, field, details), status_code=status, headers=headers)
    if status == 401:
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    templates = request.app.state.vocabsphere.templates
    context = {"status": status, "title": _TITLES.get(status, "Error"), "message": message}
    response: Response = templates.TemplateResponse(
        request, "error.html", context, status_code=status, headers=headers
    )
    return response


async def _domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    status = next((s for cls, s in _STATUS.items() if isinstance(exc, cls)), 400)
    headers: dict[str, str] = {}
    if isinstance(exc, TooManyRequests):
        headers["Retry-After"] = str(exc.retry_after)
    if isinstance(exc, NotAuthenticated) and is_api(request):
        headers["WWW-Authenticate"] = "Bearer"
    return render_error(request, status, exc.code, exc.message, field=exc.field, headers=headers or None)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return render_error(request, 400, "malformed_json", "The request body is not valid JSON.")
    details = [
        {"field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"), "message": e.get("msg", "")}
        for e in errors
    ]
    first = details[0] if details else {"field": None, "message": "Invalid input."}
    message = f"{first['field']}: {first['message']}" if first["field"] else str(first["message"])
    return render_error(request, 422, "invalid_input", message, field=first["field"] or None, details=details)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = _HTTP_CODES.get(status, "error")
    message = exc.detail if isinstance(exc.detail, str) and status != 404 else _TITLES.get(status, "Error")
    if status == 404:
        message = "There is nothing at this address."
    return render_error(request, status, code, message, headers=getattr(exc, "headers", None))


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    # This response is sent from outside the middleware stack, so it carries the security headers itself.
    headers = {name.decode(): value.decode() for name, value in SECURITY_HEADERS}
    return render_error(
        request,
        500,
        "internal_error",
        "Something went wrong on our side. It has been logged.",
        headers=headers,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
