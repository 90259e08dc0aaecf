"""The Practice page: exercises from the learner's own words (the page drives the JSON API)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from vocabsphere.services import practice
from vocabsphere.web.pages.render import render
from vocabsphere.web.security import CurrentUser, State

router = APIRouter()


@router.get("/practice")
def practice_page(request: Request, state: State, principal: CurrentUser) -> Response:
    points = practice.grammar_points(state.database, user_id=principal.user.id)
    return render(request, "practice.html", grammar_points=points)
