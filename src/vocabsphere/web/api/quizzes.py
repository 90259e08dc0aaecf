"""Teachers' quizzes: create (by hand or generated), edit, reorder, delete questions, worksheet PDF."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.core.accounts import Role
from vocabsphere.core.quizzes.editing import MAX_OPTION, MAX_OPTIONS, MAX_STEM
from vocabsphere.services import quizzes, word_quizzes
from vocabsphere.web.api.schemas import ERRORS, CefrLevel
from vocabsphere.web.params import MAX_ID, RowId
from vocabsphere.web.security import CurrentUser, State, require_role

router = APIRouter(tags=["quizzes"], responses=ERRORS, dependencies=[require_role(Role.TEACHER)])

KINDS = "fact, true_false, vocabulary, sequence, main_idea or discussion"


class QuestionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str = Field(max_length=16, description=KINDS)
    stem: str = Field(max_length=MAX_STEM)
    options: list[str] = Field(
        default_factory=list,
        max_length=MAX_OPTIONS,
        description="2 to 6 options; ignored for true_false (True, False) and discussion (none).",
    )
    answer: str | None = Field(None, max_length=MAX_OPTION, description="The key: one of the options.")
    evidence: str = Field("", max_length=2000, description="The sentence of the text that supports the key.")

    def draft(self) -> quizzes.QuestionDraft:
        return quizzes.QuestionDraft(self.kind, self.stem, self.options, self.answer, self.evidence)


class QuestionOut(BaseModel):
    id: int
    position: int
    kind: str
    stem: str
    options: list[str]
    answer: str | None
    evidence: str
    levels: list[str] = Field(
        description="Levels the generator checked the key at; empty when written by hand."
    )


class QuizOut(BaseModel):
    id: int
    story_id: int
    story_title: str
    story_available: bool
    title: str
    questions: list[QuestionOut]
    model_versions: dict[str, str]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, quiz: quizzes.QuizView) -> QuizOut:
        return cls(
            id=quiz.id,
            story_id=quiz.story_id,
            story_title=quiz.story_title,
            story_available=quiz.story_available,
            title=quiz.title,
            questions=[
                QuestionOut(
                    id=q.id,
                    position=q.position,
                    kind=q.question.kind.value,
                    stem=q.question.stem,
                    options=list(q.question.options),
                    answer=q.question.answer,
                    evidence=q.question.evidence,
                    levels=list(q.question.levels),
                )
                for q in quiz.questions
            ],
            model_versions=dict(quiz.model_versions),
            created_at=quiz.created_at,
            updated_at=quiz.updated_at,
        )


class QuizIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    story_id: RowId
    title: str = Field("", max_length=200, description="Default: the story's title.")
    generate: bool = Field(False, description="Fill it with generated questions checked at every level.")


class QuizTitleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(max_length=200)


class OrderIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question_ids: list[RowId] = Field(max_length=quizzes.MAX_QUESTIONS)


@router.get("/quizzes", response_model=list[QuizOut])
def list_quizzes(
    state: State, principal: CurrentUser, story_id: int | None = Query(None, ge=1, le=MAX_ID)
) -> list[QuizOut]:
    """Your quizzes (every teacher's for an admin), newest first."""
    return [QuizOut.of(q) for q in quizzes.list_quizzes(state.database, principal.user, story_id=story_id)]


@router.post("/quizzes", response_model=QuizOut, status_code=201)
def create_quiz(body: QuizIn, state: State, principal: CurrentUser) -> QuizOut:
    if body.generate:
        quiz = quizzes.generate_quiz(
            state.database,
            state.settings,
            principal.user,
            story_id=body.story_id,
            title=body.title,
            now=state.clock(),
        )
    else:
        quiz = quizzes.create_quiz(
            state.database, principal.user, story_id=body.story_id, title=body.title, now=state.clock()
        )
    return QuizOut.of(quiz)


@router.post("/assignments/{assignment_id}/lookup-quiz", response_model=QuizOut, status_code=201)
def lookup_quiz(assignment_id: RowId, state: State, principal: CurrentUser) -> QuizOut:
    """A new vocabulary quiz on the words the class looked up most in the assignment's story (the report's
    pre-teaching list): one question per word whose meaning in the story is certain; 400 when none is."""
    quiz = word_quizzes.lookup_quiz(
        state.database, state.settings, principal.user, assignment_id=assignment_id, now=state.clock()
    )
    return QuizOut.of(quiz)


@router.get("/quizzes/{quiz_id}", response_model=QuizOut)
def get_quiz(quiz_id: RowId, state: State, principal: CurrentUser) -> QuizOut:
    return QuizOut.of(quizzes.get_quiz(state.database, principal.user, quiz_id))


@router.patch("/quizzes/{quiz_id}", response_model=QuizOut)
def rename_quiz(quiz_id: RowId, body: QuizTitleIn, state: State, principal: CurrentUser) -> QuizOut:
    quiz = quizzes.rename_quiz(
        state.database, principal.user, quiz_id=quiz_id, title=body.title, now=state.clock()
    )
    return QuizOut.of(quiz)


@router.post("/quizzes/{quiz_id}/questions", response_model=QuizOut, status_code=201)
def add_question(quiz_id: RowId, body: QuestionIn, state: State, principal: CurrentUser) -> QuizOut:
    quiz = quizzes.add_question(
        state.database, principal.user, quiz_id=quiz_id, draft=body.draft(), now=state.clock()
    )
    return QuizOut.of(quiz)


@router.put("/quizzes/{quiz_id}/questions/{question_id}", response_model=QuizOut)
def update_question(
    quiz_id: RowId, question_id: RowId, body: QuestionIn, state: State, principal: CurrentUser
) -> QuizOut:
    """Replace a question's wording, options and key (its checked levels are cleared when they change)."""
    quiz = quizzes.update_question(
        state.database,
        principal.user,
        quiz_id=quiz_id,
        question_id=question_id,
        draft=body.draft(),
        now=state.clock(),
    )
    return QuizOut.of(quiz)


@router.delete("/quizzes/{quiz_id}/questions/{question_id}", response_model=QuizOut)
def delete_question(quiz_id: RowId, question_id: RowId, state: State, principal: CurrentUser) -> QuizOut:
    quiz = quizzes.delete_question(
        state.database, principal.user, quiz_id=quiz_id, question_id=question_id, now=state.clock()
    )
    return QuizOut.of(quiz)


@router.put("/quizzes/{quiz_id}/order", response_model=QuizOut)
def reorder(quiz_id: RowId, body: OrderIn, state: State, principal: CurrentUser) -> QuizOut:
    """The questions in a new order: list every question id once."""
    quiz = quizzes.reorder_questions(
        state.database, principal.user, quiz_id=quiz_id, question_ids=body.question_ids, now=state.clock()
    )
    return QuizOut.of(quiz)


@router.get(
    "/quizzes/{quiz_id}/worksheet.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
)
def worksheet(quiz_id: RowId, state: State, principal: CurrentUser, level: CefrLevel = "B1") -> Response:
    """A printable handout: the story at `level`, a glossary, the questions and the answer key."""
    pdf = quizzes.worksheet(state.database, state.settings, principal.user, quiz_id=quiz_id, level=level)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="quiz-{quiz_id}-{level}.pdf"'},
    )
