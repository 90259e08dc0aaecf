"""An assignment: the teacher's report (answers, scores, extensions, words looked up most) and the
learner's page (read at their level, answer, see the feedback)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from vocabsphere.core.accounts import Role
from vocabsphere.core.errors import DomainError, NotFound
from vocabsphere.services import assignments, classes, dashboard, learner_work, word_quizzes
from vocabsphere.web.pages.quizzes import parse_local
from vocabsphere.web.pages.render import redirect, render
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, require_role, verify_page_csrf

router = APIRouter()
CsrfChecked = Depends(verify_page_csrf)
TeacherOnly = require_role(Role.TEACHER)
MAX_ANSWER_FIELDS = 50


def _report_page(
    request: Request,
    state: State,
    principal: CurrentUser,
    assignment_id: int,
    status: int = 200,
    **extra: object,
) -> Response:
    user = principal.user
    view = assignments.get_assignment(state.database, user, assignment_id=assignment_id)
    return render(
        request,
        "assignment_report.html",
        status_code=status,
        assignment=view,
        school_class=classes.get_class(state.database, user, view.class_id),
        report=dashboard.assignment_report(state.database, user, assignment_id=assignment_id),
        exceptions={e.user_id: e for e in view.exceptions},
        **extra,
    )


@router.get("/assignments/{assignment_id}", dependencies=[TeacherOnly])
def report_page(request: Request, state: State, principal: CurrentUser, assignment_id: RowId) -> Response:
    return _report_page(request, state, principal, assignment_id)


@router.post("/assignments/{assignment_id}/lookup-quiz", dependencies=[CsrfChecked, TeacherOnly])
def lookup_quiz(request: Request, state: State, principal: CurrentUser, assignment_id: RowId) -> Response:
    """The words the class looked up most, as a new vocabulary quiz the teacher can edit and assign."""
    try:
        quiz = word_quizzes.lookup_quiz(
            state.database, state.settings, principal.user, assignment_id=assignment_id, now=state.clock()
        )
    except NotFound:
        raise
    except DomainError as error:
        return _report_page(request, state, principal, assignment_id, status=400, error=error.message)
    return redirect(f"/quizzes/{quiz.id}")


@router.post("/assignments/{assignment_id}/learners/{user_id}", dependencies=[CsrfChecked, TeacherOnly])
def set_exception(
    request: Request,
    state: State,
    principal: CurrentUser,
    assignment_id: RowId,
    user_id: RowId,
    due_at: Annotated[str, Form(max_length=40)] = "",
    excused: Annotated[str, Form(max_length=3)] = "",
) -> Response:
    user = principal.user
    try:
        due = parse_local(due_at, user.time_zone, "due_at") if due_at else None
        assignments.set_exception(
            state.database,
            user,
            assignment_id=assignment_id,
            user_id=user_id,
            due_at=due,
            excused=bool(excused),
        )
    except NotFound:
        raise
    except DomainError as error:
        return _report_page(request, state, principal, assignment_id, status=400, error=error.message)
    return redirect(f"/assignments/{assignment_id}#learners")


def _learner_page(
    request: Request,
    state: State,
    principal: CurrentUser,
    assignment_id: int,
    status: int = 200,
    **extra: object,
) -> Response:
    found = learner_work.learner_assignment(
        state.database, principal.user, assignment_id=assignment_id, now=state.clock()
    )
    return render(request, "assignment.html", status_code=status, assignment=found, **extra)


@router.get("/my/assignments")
def learner_list_page(request: Request, state: State, principal: CurrentUser) -> Response:
    """Every open assignment of the learner's classes (the library shows the first few)."""
    found = learner_work.learner_assignments(state.database, principal.user, now=state.clock())
    classes_joined = classes.joined_classes(state.database, principal.user)
    return render(request, "my_assignments.html", assignments=found, my_classes=classes_joined)


@router.get("/my/assignments/{assignment_id}")
def learner_page(request: Request, state: State, principal: CurrentUser, assignment_id: RowId) -> Response:
    return _learner_page(request, state, principal, assignment_id)


@router.post("/my/assignments/{assignment_id}", dependencies=[CsrfChecked])
async def submit(request: Request, state: State, principal: CurrentUser, assignment_id: RowId) -> Response:
    """Answers arrive as fields q<question id>; a repeated post changes nothing. The form is read here
    (its field names vary), the grading runs in the thread pool like every other handler."""
    form = await request.form()
    answers: dict[int, str] = {}
    for name, value in list(form.items())[: MAX_ANSWER_FIELDS + 1]:
        if len(name) < 20 and name.startswith("q") and name[1:].isdigit() and isinstance(value, str):
            answers[int(name[1:])] = value

    def grade() -> Response:
        try:
            learner_work.submit_answers(
                state.database,
                principal.user,
                assignment_id=assignment_id,
                answers=answers,
                now=state.clock(),
            )
        except NotFound:
            raise
        except DomainError as error:
            return _learner_page(
                request, state, principal, assignment_id, status=400, error=error.message, answers=answers
            )
        return redirect(f"/my/assignments/{assignment_id}#feedback")

    return await run_in_threadpool(grade)
