"""Interactive API documentation served from the vendored Swagger UI."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from vocabsphere.web.state import app_state

router = APIRouter(include_in_schema=False)


@router.get("/api/docs")
def api_docs(request: Request) -> Response:
    spec_url = request.app.openapi_url or "/api/v1/openapi.json"
    response: Response = app_state(request).templates.TemplateResponse(
        request, "api_docs.html", {"spec_url": spec_url}
    )
    return response
