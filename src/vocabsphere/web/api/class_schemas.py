"""API models of the teacher's side (kept apart from the services' dataclasses)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.core.classes.roster import MAX_ROSTER_ROWS
from vocabsphere.services import assignments, classes, dashboard, learner_work, rosters
from vocabsphere.web.api.schemas import CefrLevel
from vocabsphere.web.params import RowId


class MemberOut(BaseModel):
    user_id: int
    username: str
    display_name: str
    own_level: str
    locked_level: str | None
    joined_at: datetime


class ClassOut(BaseModel):
    id: int
    name: str
    cefr_level: str
    teacher_id: int
    join_code: str
    join_code_expires_at: datetime
    archived: bool
    member_count: int
    members: list[MemberOut] = Field(default_factory=list, description="Only when one class is asked for.")

    @classmethod
    def of(cls, view: classes.ClassView) -> ClassOut:
        fields = {k: v for k, v in vars(view).items() if k != "members"}
        return cls(**fields, members=[MemberOut(**vars(m)) for m in view.members])


class RosterIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    csv: str = Field(
        max_length=MAX_ROSTER_ROWS * 200,
        description="CSV with a header line: display_name (or name), and optionally username and level.",
    )


class RosterLineOut(BaseModel):
    line: int
    display_name: str
    username: str
    level: str | None
    action: str = Field(description="new account, existing learner joins, or already in the class")


class LoginCardsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    user_ids: list[RowId] = Field(
        min_length=1,
        max_length=MAX_ROSTER_ROWS,
        description="Learners of the class. Accounts your CSV roster created get a new password (the old "
        "one and its sessions stop working); the others' cards say to use their own password.",
    )


class LineErrorOut(BaseModel):
    line: int
    message: str


class RosterPreviewOut(BaseModel):
    lines: list[RosterLineOut]
    errors: list[LineErrorOut]
    importable: bool

    @classmethod
    def of(cls, preview: rosters.RosterPreview) -> RosterPreviewOut:
        return cls(
            lines=[RosterLineOut(**{**vars(x), "action": x.action.value}) for x in preview.lines],
            errors=[LineErrorOut(**vars(e)) for e in preview.errors],
            importable=preview.importable,
        )


class LoginCardOut(BaseModel):
    display_name: str
    username: str
    password: str | None = Field(description="Only for accounts this import created; shown once.")
    class_name: str


class AssignmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    story_id: RowId
    quiz_id: RowId | None = Field(None, description="A quiz on the same story, or none (reading only).")
    level_rule: str = Field(
        "learner", max_length=8, description="class, learner (each learner's own or locked level) or fixed"
    )
    fixed_level: CefrLevel | None = None
    opens_at: datetime | None = Field(None, description="Default: now.")
    due_at: datetime


class ExceptionOut(BaseModel):
    user_id: int
    due_at: datetime | None
    excused: bool


class ExceptionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    due_at: datetime | None = Field(None, description="This learner's due time; null: the class's.")
    excused: bool = False


class AssignmentOut(BaseModel):
    id: int
    class_id: int
    story_id: int
    story_title: str
    story_available: bool = Field(description="False once the story was deleted.")
    quiz_id: int | None
    quiz_title: str
    level_rule: str
    fixed_level: str | None
    opens_at: datetime
    due_at: datetime
    created_at: datetime
    exceptions: list[ExceptionOut]

    @classmethod
    def of(cls, view: assignments.AssignmentView) -> AssignmentOut:
        fields = {k: v for k, v in vars(view).items() if k != "exceptions"}
        fields["level_rule"] = view.level_rule.value
        return cls(**fields, exceptions=[ExceptionOut(**vars(e)) for e in view.exceptions])


class CellOut(BaseModel):
    user_id: int
    assignment_id: int
    status: str = Field(description="not started, reading, submitted, late or excused")
    score: int | None
    max_score: int | None
    reading_seconds: int
    level: str
    text: str = Field(description="The cell as the page and the CSV show it.")


class DashboardOut(BaseModel):
    class_id: int
    rows: list[list[str]] = Field(description="The table as shown and exported; the header first.")
    cells: list[CellOut]

    @classmethod
    def of(cls, board: dashboard.Dashboard) -> DashboardOut:
        return cls(
            class_id=board.school_class.id,
            rows=[list(r) for r in board.rows],
            cells=[
                CellOut(
                    user_id=user_id,
                    assignment_id=assignment_id,
                    status=cell.status.value,
                    score=cell.score,
                    max_score=cell.max_score,
                    reading_seconds=cell.reading_seconds,
                    level=cell.level,
                    text=cell.text,
                )
                for (user_id, assignment_id), cell in board.cells.items()
            ],
        )


class FeedbackOut(BaseModel):
    question_id: int
    kind: str
    stem: str
    options: list[str]
    answer: str
    correct: bool | None = Field(description="null for discussion answers (read by the teacher)")
    key: str | None
    evidence: str

    @classmethod
    def of(cls, f: learner_work.Feedback) -> FeedbackOut:
        return cls(**{**vars(f), "options": list(f.options)})


class LearnerAnswersOut(BaseModel):
    user_id: int
    display_name: str
    username: str
    submitted_at: datetime | None
    score: int | None
    max_score: int | None
    answers: list[FeedbackOut]


class QuestionScoreOut(BaseModel):
    question_id: int
    stem: str
    right: int
    answered: int


class LookupCountOut(BaseModel):
    lemma: str
    learners: int


class ReportOut(BaseModel):
    assignment_id: int
    class_id: int
    story_id: int
    story_title: str
    story_available: bool
    learners: list[LearnerAnswersOut]
    questions: list[QuestionScoreOut]
    top_lookups: list[LookupCountOut] = Field(description="The words most learners looked up in the story.")

    @classmethod
    def of(cls, report: dashboard.AssignmentReport) -> ReportOut:
        return cls(
            assignment_id=report.assignment_id,
            class_id=report.class_id,
            story_id=report.story_id,
            story_title=report.story_title,
            story_available=report.story_available,
            learners=[
                LearnerAnswersOut(**{**vars(x), "answers": [FeedbackOut.of(a) for a in x.answers]})
                for x in report.learners
            ],
            questions=[
                QuestionScoreOut(question_id=qid, stem=stem, right=right, answered=answered)
                for (qid, _, stem), (right, answered) in zip(
                    report.questions, report.question_scores, strict=True
                )
            ],
            top_lookups=[LookupCountOut(lemma=lemma, learners=n) for lemma, n in report.top_lookups],
        )
