"""A learner's side: join a class with its code, see assignments, answer them, get feedback."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.core.quizzes.editing import MAX_ANSWER
from vocabsphere.services import classes, learner_work, quizzes
from vocabsphere.web.api.class_schemas import FeedbackOut
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(tags=["assignments"], responses=ERRORS)


class JoinIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(max_length=20, description="The class's join code, e.g. ABCD-EFGH.")


class JoinOut(BaseModel):
    class_id: int
    class_name: str
    joined: bool = Field(description="False when you were already a member (nothing changed).")


class QuestionOut(BaseModel):
    id: int
    kind: str
    stem: str
    options: list[str]


class SubmissionOut(BaseModel):
    level: str
    score: int
    max_score: int
    submitted_at: datetime
    duplicate: bool = Field(description="True when this was already submitted; nothing changed.")
    feedback: list[FeedbackOut]

    @classmethod
    def of(cls, s: learner_work.SubmissionView) -> SubmissionOut:
        return cls(
            level=s.level,
            score=s.score,
            max_score=s.max_score,
            submitted_at=s.submitted_at,
            duplicate=s.duplicate,
            feedback=[FeedbackOut.of(f) for f in s.feedback],
        )


class MyAssignmentOut(BaseModel):
    id: int
    class_name: str
    story_id: int
    story_title: str
    story_available: bool
    level: str = Field(description="The level version you read.")
    opens_at: datetime
    due_at: datetime = Field(description="Your due time (with your extension, if any).")
    status: str
    questions: list[QuestionOut] = Field(default_factory=list)
    submission: SubmissionOut | None = None

    @classmethod
    def of(cls, a: learner_work.LearnerAssignment) -> MyAssignmentOut:
        fields = {k: v for k, v in vars(a).items() if k not in {"questions", "submission", "status"}}
        return cls(
            **fields,
            status=a.status.value,
            questions=[
                QuestionOut(id=q.id, kind=q.kind, stem=q.stem, options=list(q.options)) for q in a.questions
            ],
            submission=SubmissionOut.of(a.submission) if a.submission else None,
        )


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question_id: RowId
    answer: str = Field(max_length=MAX_ANSWER)


class SubmissionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answers: list[AnswerIn] = Field(max_length=quizzes.MAX_QUESTIONS)


@router.post("/classes/join", response_model=JoinOut)
def join_class(body: JoinIn, state: State, principal: CurrentUser) -> JoinOut:
    """Join a class with its code; joining again changes nothing."""
    result = classes.join_class(state.database, principal.user, code=body.code, now=state.clock())
    return JoinOut(**vars(result))


@router.get("/me/classes", response_model=list[JoinOut])
def my_classes(state: State, principal: CurrentUser) -> list[JoinOut]:
    """The classes you are a member of."""
    joined = classes.joined_classes(state.database, principal.user)
    return [JoinOut(class_id=c.id, class_name=c.name, joined=True) for c in joined]


@router.get("/me/assignments", response_model=list[MyAssignmentOut])
def my_assignments(state: State, principal: CurrentUser) -> list[MyAssignmentOut]:
    """Your open assignments, what needs doing first."""
    found = learner_work.learner_assignments(state.database, principal.user, now=state.clock())
    return [MyAssignmentOut.of(a) for a in found]


@router.get("/me/assignments/{assignment_id}", response_model=MyAssignmentOut)
def my_assignment(assignment_id: RowId, state: State, principal: CurrentUser) -> MyAssignmentOut:
    """The assignment with its questions (keys only in the feedback, after you submit)."""
    found = learner_work.learner_assignment(
        state.database, principal.user, assignment_id=assignment_id, now=state.clock()
    )
    return MyAssignmentOut.of(found)


@router.post(
    "/me/assignments/{assignment_id}/submission",
    response_model=SubmissionOut,
    status_code=201,
    responses={200: {"model": SubmissionOut, "description": "Already submitted: the stored submission."}},
)
def submit(
    assignment_id: RowId, body: SubmissionIn, state: State, principal: CurrentUser, response: Response
) -> SubmissionOut:
    """Answers are graded at once; a repeated submission changes nothing and returns the first (200)."""
    answers = {a.question_id: a.answer for a in body.answers}
    result = learner_work.submit_answers(
        state.database, principal.user, assignment_id=assignment_id, answers=answers, now=state.clock()
    )
    if result.duplicate:
        response.status_code = 200
    return SubmissionOut.of(result)
