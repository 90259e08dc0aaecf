"""The quiz editor: make a quiz (by hand or generated), edit, reorder and delete questions, assign it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response

from vocabsphere.core.accounts import Role
from vocabsphere.core.errors import DomainError, InvalidInput, NotFound
from vocabsphere.core.local_time import from_local
from vocabsphere.core.quizzes.editing import TRUE_FALSE
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.services import assignments, classes, quizzes
from vocabsphere.web.pages.render import redirect, render
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, require_role, verify_page_csrf

router = APIRouter(dependencies=[require_role(Role.TEACHER)])
CsrfChecked = Depends(verify_page_csrf)
OPTION_FIELDS = 4


def _quiz_page(
    request: Request, state: State, principal: CurrentUser, quiz_id: int, status: int = 200, **extra: object
) -> Response:
    quiz = quizzes.get_quiz(state.database, principal.user, quiz_id)
    return render(
        request,
        "quiz.html",
        status_code=status,
        quiz=quiz,
        kinds=[k.value for k in QuestionKind],
        option_fields=OPTION_FIELDS,
        classes=classes.list_classes(state.database, principal.user),
        **extra,
    )


@router.get("/quizzes/{quiz_id}")
def quiz_page(request: Request, state: State, principal: CurrentUser, quiz_id: RowId) -> Response:
    return _quiz_page(request, state, principal, quiz_id)


@router.post("/quizzes", dependencies=[CsrfChecked])
def create_quiz(
    state: State,
    principal: CurrentUser,
    story_id: Annotated[RowId, Form()],
    title: Annotated[str, Form(max_length=200)] = "",
    action: Annotated[Literal["empty", "generate"], Form()] = "empty",
) -> Response:
    if action == "generate":
        quiz = quizzes.generate_quiz(
            state.database, state.settings, principal.user, story_id=story_id, title=title, now=state.clock()
        )
    else:
        quiz = quizzes.create_quiz(
            state.database, principal.user, story_id=story_id, title=title, now=state.clock()
        )
    return redirect(f"/quizzes/{quiz.id}")


def draft_from_form(
    kind: str, stem: str, options: list[str], correct: int | None, evidence: str
) -> quizzes.QuestionDraft:
    """The form's radio button marks the key: an option's number, or True (0) / False (1)."""
    choices = list(TRUE_FALSE) if kind == QuestionKind.TRUE_FALSE.value else options
    answer = choices[correct] if correct is not None and 0 <= correct < len(choices) else None
    return quizzes.QuestionDraft(kind, stem, options, answer, evidence)


QuestionForm = tuple[str, str, list[str], int | None, str]


def _form(
    kind: Annotated[str, Form(max_length=16)],
    stem: Annotated[str, Form(max_length=1000)],
    option: Annotated[list[str] | None, Form(max_length=OPTION_FIELDS)] = None,
    correct: Annotated[int | None, Form(ge=0, le=OPTION_FIELDS)] = None,
    evidence: Annotated[str, Form(max_length=2000)] = "",
) -> QuestionForm:
    return kind, stem, [o[:400] for o in option or []], correct, evidence


@router.post("/quizzes/{quiz_id}/questions", dependencies=[CsrfChecked])
def add_question(
    request: Request,
    state: State,
    principal: CurrentUser,
    quiz_id: RowId,
    form: Annotated[QuestionForm, Depends(_form)],
) -> Response:
    draft = draft_from_form(*form)
    try:
        quizzes.add_question(state.database, principal.user, quiz_id=quiz_id, draft=draft, now=state.clock())
    except InvalidInput as error:  # the typed question stays in the form
        return _quiz_page(request, state, principal, quiz_id, status=400, error=error.message, draft=form)
    return redirect(f"/quizzes/{quiz_id}#add")


@router.post("/quizzes/{quiz_id}/questions/{question_id}", dependencies=[CsrfChecked])
def edit_question(
    request: Request,
    state: State,
    principal: CurrentUser,
    quiz_id: RowId,
    question_id: RowId,
    form: Annotated[QuestionForm, Depends(_form)],
) -> Response:
    draft = draft_from_form(*form)
    try:
        quizzes.update_question(
            state.database,
            principal.user,
            quiz_id=quiz_id,
            question_id=question_id,
            draft=draft,
            now=state.clock(),
        )
    except InvalidInput as error:
        return _quiz_page(
            request, state, principal, quiz_id, status=400, error=error.message, editing=(question_id, form)
        )
    return redirect(f"/quizzes/{quiz_id}#q{question_id}")


@router.post("/quizzes/{quiz_id}/questions/{question_id}/{action}", dependencies=[CsrfChecked])
def change_question(
    state: State,
    principal: CurrentUser,
    quiz_id: RowId,
    question_id: RowId,
    action: Literal["up", "down", "delete"],
) -> Response:
    if action == "delete":
        quizzes.delete_question(
            state.database, principal.user, quiz_id=quiz_id, question_id=question_id, now=state.clock()
        )
        return redirect(f"/quizzes/{quiz_id}")
    quizzes.move_question(
        state.database,
        principal.user,
        quiz_id=quiz_id,
        question_id=question_id,
        offset=-1 if action == "up" else 1,
        now=state.clock(),
    )
    return redirect(f"/quizzes/{quiz_id}#q{question_id}")


def parse_local(raw: str, time_zone: str, field: str) -> datetime:
    """A datetime-local field (wall-clock time where the teacher lives) as a UTC instant."""
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise InvalidInput("Give a date and time, e.g. 2026-12-08 17:00.", field=field) from None
    return from_local(moment, time_zone)


@router.post("/quizzes/{quiz_id}/assign", dependencies=[CsrfChecked])
def assign_quiz(
    request: Request,
    state: State,
    principal: CurrentUser,
    quiz_id: RowId,
    class_id: Annotated[RowId, Form()],
    due_at: Annotated[str, Form(max_length=40)],
    level_rule: Annotated[str, Form(max_length=8)] = "learner",
    fixed_level: Annotated[str, Form(max_length=2)] = "",
    opens_at: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    user, now = principal.user, state.clock()
    quiz = quizzes.get_quiz(state.database, user, quiz_id)
    try:
        draft = assignments.AssignmentDraft(
            story_id=quiz.story_id,
            quiz_id=quiz.id,
            level_rule=level_rule,
            fixed_level=fixed_level or None,
            opens_at=parse_local(opens_at, user.time_zone, "opens_at") if opens_at else now,
            due_at=parse_local(due_at, user.time_zone, "due_at"),
        )
        assignments.create_assignment(state.database, user, class_id=class_id, draft=draft, now=now)
    except NotFound:
        raise
    except DomainError as error:
        return _quiz_page(request, state, principal, quiz_id, status=400, assign_error=error.message)
    return redirect(f"/classes/{class_id}")


@router.get("/quizzes/{quiz_id}/worksheet.pdf")
def worksheet(
    state: State, principal: CurrentUser, quiz_id: RowId, level: str = Query("B1", max_length=4)
) -> Response:
    pdf = quizzes.worksheet(state.database, state.settings, principal.user, quiz_id=quiz_id, level=level)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="quiz-{quiz_id}-{level}.pdf"'},
    )
