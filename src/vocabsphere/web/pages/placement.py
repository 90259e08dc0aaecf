"""The placement test's pages: start, one step per page (plain forms, no script needed), the result."""

from __future__ import annotations

from contextlib import suppress
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from vocabsphere.core.errors import Conflict
from vocabsphere.services import placement
from vocabsphere.services.dictionary import open_lexicon
from vocabsphere.web.pages.render import redirect, render
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, verify_page_csrf

router = APIRouter()
CsrfChecked = Depends(verify_page_csrf)
Choice = Annotated[int | None, Form(ge=0, le=9)]


@router.get("/placement")
def placement_home(request: Request, state: State, principal: CurrentUser) -> Response:
    latest = placement.latest_result(state.database, user_id=principal.user.id)
    return render(request, "placement.html", test=latest, intro=True)


@router.post("/placement", dependencies=[CsrfChecked])
def placement_start(state: State, principal: CurrentUser) -> Response:
    view = placement.start_test(state.database, user_id=principal.user.id, now=state.clock())
    return redirect(f"/placement/{view.id}")


@router.get("/placement/{test_id}")
def placement_step(request: Request, state: State, principal: CurrentUser, test_id: RowId) -> Response:
    view = placement.get_test(state.database, user_id=principal.user.id, test_id=test_id)
    return render(request, "placement.html", test=view, intro=False)


def _answer(state: State, principal: CurrentUser, test_id: int, stage: str, **answers: object) -> Response:
    # Conflict: answered already (a double submit or an old tab): show the step the test is at.
    with suppress(Conflict):
        placement.answer(
            state.database,
            user_id=principal.user.id,
            test_id=test_id,
            stage=stage,
            lexicon=open_lexicon(state.settings),
            now=state.clock(),
            **answers,  # type: ignore[arg-type]
        )
    return redirect(f"/placement/{test_id}")


@router.post("/placement/{test_id}/words", dependencies=[CsrfChecked])
def placement_words(
    state: State,
    principal: CurrentUser,
    test_id: RowId,
    step: Annotated[int, Form(ge=0, le=50)],
    known: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies defaults
) -> Response:
    return _answer(state, principal, test_id, "words", step=step, known=known)


@router.post("/placement/{test_id}/meanings", dependencies=[CsrfChecked])
def placement_meanings(
    state: State, principal: CurrentUser, test_id: RowId, c0: Choice = None, c1: Choice = None,
    c2: Choice = None, c3: Choice = None,
) -> Response:  # fmt: skip
    choices = [c for c in (c0, c1, c2, c3) if c is not None]
    return _answer(state, principal, test_id, "meanings", choices=choices)


@router.post("/placement/{test_id}/reading", dependencies=[CsrfChecked])
def placement_reading(
    state: State, principal: CurrentUser, test_id: RowId, c0: Choice = None, c1: Choice = None,
    c2: Choice = None,
) -> Response:  # fmt: skip
    choices = [c for c in (c0, c1, c2) if c is not None]
    return _answer(state, principal, test_id, "reading", choices=choices)


@router.post("/placement/{test_id}/decision", dependencies=[CsrfChecked])
def placement_decision(
    state: State,
    principal: CurrentUser,
    test_id: RowId,
    accept: Annotated[bool, Form()],
) -> Response:
    placement.decide(
        state.database, user_id=principal.user.id, test_id=test_id, accept=accept, now=state.clock()
    )
    return redirect(f"/placement/{test_id}")
