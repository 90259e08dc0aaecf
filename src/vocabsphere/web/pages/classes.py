"""Classes pages: a teacher's classes, members, roster, dashboard; a learner's classes and join form."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from vocabsphere.core.accounts import Role
from vocabsphere.core.classes.roster import MAX_ROSTER_ROWS
from vocabsphere.core.errors import DomainError, NotFound
from vocabsphere.services import assignments, classes, dashboard, quizzes, rosters, stories
from vocabsphere.web.csv_export import csv_response
from vocabsphere.web.pages.render import redirect, render
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, require_role, verify_page_csrf

router = APIRouter()
CsrfChecked = Depends(verify_page_csrf)
TeacherOnly = require_role(Role.TEACHER)
STORY_CHOICES = 50


def _classes_page(
    request: Request, state: State, principal: CurrentUser, status: int = 200, **extra: object
) -> Response:
    user = principal.user
    return render(
        request,
        "classes.html",
        status_code=status,
        classes=classes.list_classes(state.database, user),
        archived=classes.list_classes(state.database, user, archived=True),
        **extra,
    )


@router.get("/classes", dependencies=[TeacherOnly])
def classes_page(request: Request, state: State, principal: CurrentUser) -> Response:
    return _classes_page(request, state, principal)


@router.post("/classes", dependencies=[CsrfChecked, TeacherOnly])
def create_class(
    request: Request,
    state: State,
    principal: CurrentUser,
    name: Annotated[str, Form(max_length=200)],
    cefr_level: Annotated[str, Form(max_length=2)],
) -> Response:
    try:
        created = classes.create_class(
            state.database, principal.user, name=name, cefr_level=cefr_level, now=state.clock()
        )
    except DomainError as error:
        return _classes_page(request, state, principal, status=400, error=error.message, name=name)
    return redirect(f"/classes/{created.id}")


@router.post("/classes/join", dependencies=[CsrfChecked])
def join_class(
    request: Request, state: State, principal: CurrentUser, code: Annotated[str, Form(max_length=40)]
) -> Response:
    try:
        result = classes.join_class(state.database, principal.user, code=code, now=state.clock())
    except NotFound as error:  # a wrong code: the form again, with what was typed
        return render(request, "join.html", status_code=404, error=error.message, code=code)
    except DomainError as error:
        return render(request, "join.html", status_code=400, error=error.message, code=code)
    return redirect(f"/library?joined={result.class_id}")


def _class_page(
    request: Request, state: State, principal: CurrentUser, class_id: int, status: int = 200, **extra: object
) -> Response:
    user = principal.user
    view = classes.get_class(state.database, user, class_id)
    return render(
        request,
        "class.html",
        status_code=status,
        school_class=view,
        board=dashboard.class_dashboard(state.database, user, class_id=class_id, now=state.clock()),
        assignments=assignments.list_assignments(state.database, user, class_id=class_id),
        stories=stories.list_stories(
            state.database, query="", limit=STORY_CHOICES, offset=0, include_hidden=True
        ),
        quizzes=quizzes.list_quizzes(state.database, user),
        **extra,
    )


@router.get("/classes/{class_id}", dependencies=[TeacherOnly])
def class_page(request: Request, state: State, principal: CurrentUser, class_id: RowId) -> Response:
    return _class_page(request, state, principal, class_id)


@router.get("/classes/{class_id}/dashboard.csv", dependencies=[TeacherOnly])
def class_csv(state: State, principal: CurrentUser, class_id: RowId) -> Response:
    board = dashboard.class_dashboard(state.database, principal.user, class_id=class_id, now=state.clock())
    return csv_response(board.rows, f"class-{class_id}-dashboard.csv")


@router.post("/classes/{class_id}/code", dependencies=[CsrfChecked, TeacherOnly])
def rotate_code(state: State, principal: CurrentUser, class_id: RowId) -> Response:
    classes.rotate_code(state.database, principal.user, class_id=class_id, now=state.clock())
    return redirect(f"/classes/{class_id}")


@router.post("/classes/{class_id}/members/{user_id}/level", dependencies=[CsrfChecked, TeacherOnly])
def lock_level(
    state: State,
    principal: CurrentUser,
    class_id: RowId,
    user_id: RowId,
    level: Annotated[str, Form(max_length=2)] = "",
) -> Response:
    classes.lock_level(
        state.database, principal.user, class_id=class_id, user_id=user_id, level=level or None
    )
    return redirect(f"/classes/{class_id}#members")


@router.get("/classes/{class_id}/roster", dependencies=[TeacherOnly])
def roster_page(request: Request, state: State, principal: CurrentUser, class_id: RowId) -> Response:
    view = classes.get_class(state.database, principal.user, class_id)
    return render(request, "roster.html", school_class=view, text="", preview=None)


@router.post("/classes/{class_id}/roster", dependencies=[CsrfChecked, TeacherOnly])
def roster_post(
    request: Request,
    state: State,
    principal: CurrentUser,
    class_id: RowId,
    roster: Annotated[str, Form(max_length=60_000)],
    action: Annotated[Literal["preview", "import"], Form()] = "preview",
) -> Response:
    """Preview first; importing adds every line or none, then shows the login cards to print."""
    view = classes.get_class(state.database, principal.user, class_id)
    try:
        if action == "import":
            cards = rosters.import_roster(
                state.database, principal.user, class_id=class_id, text=roster, now=state.clock()
            )
            return render(request, "login_cards.html", school_class=view, cards=cards)
        preview = rosters.preview_roster(state.database, principal.user, class_id=class_id, text=roster)
    except NotFound:
        raise
    except DomainError as error:
        return render(
            request,
            "roster.html",
            status_code=400,
            school_class=view,
            text=roster,
            preview=None,
            error=error.message,
        )
    return render(request, "roster.html", school_class=view, text=roster, preview=preview)


@router.post("/classes/{class_id}/login-cards", dependencies=[CsrfChecked, TeacherOnly])
def reprint_login_cards(
    request: Request,
    state: State,
    principal: CurrentUser,
    class_id: RowId,
    user_id: Annotated[list[RowId] | None, Form(max_length=MAX_ROSTER_ROWS)] = None,
) -> Response:
    """Cards again for the ticked learners: new passwords for the accounts this teacher's roster created."""
    view = classes.get_class(state.database, principal.user, class_id)
    try:
        cards = rosters.reprint_login_cards(
            state.database, principal.user, class_id=class_id, user_ids=user_id or []
        )
    except NotFound:
        raise
    except DomainError as error:
        return _class_page(request, state, principal, class_id, status=400, cards_error=error.message)
    return render(request, "login_cards.html", school_class=view, cards=cards, reprint=True)


# Last: its {action} segment would otherwise catch the paths above.
@router.post("/classes/{class_id}/{action}", dependencies=[CsrfChecked, TeacherOnly])
def archive_class(
    state: State, principal: CurrentUser, class_id: RowId, action: Literal["archive", "restore"]
) -> Response:
    classes.update_class(
        state.database, principal.user, class_id=class_id, archived=action == "archive", now=state.clock()
    )
    return redirect("/classes" if action == "archive" else f"/classes/{class_id}")
