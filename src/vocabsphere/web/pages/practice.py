"""The Practice page: exercises from the learner's own words (the page drives the JSON API)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from vocabsphere.web.pages.render import render
from vocabsphere.web.security import CurrentUser

router = APIRouter()


@router.get("/practice")
def practice_page(request: Request, principal: CurrentUser) -> Response:
    return render(request, "practice.html")
