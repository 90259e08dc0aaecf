"""Assignments: a story (and a quiz) given to a class, each learner at the level its rule picks, with a
due time, extensions and excusals; learners' answers, graded once when submitted."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from vocabsphere.core.classes.levels import (
    LearnerProgress,
    LevelRule,
    Status,
    check_dates,
    check_instant,
    parse_level_rule,
    status_of,
    wanted_level,
)
from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.core.quizzes.editing import check_answer_text, grade
from vocabsphere.services.accounts import UserView
from vocabsphere.services.class_access import managed_assignment, managed_class, managed_quiz
from vocabsphere.services.quizzes import question_of
from vocabsphere.services.versions import ORIGINAL, pick_level
from vocabsphere.store.database import Database
from vocabsphere.store.tables import (
    Assignment,
    AssignmentException,
    ClassMember,
    SchoolClass,
    Story,
    Submission,
    User,
)
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work


@dataclass(frozen=True)
class ExceptionView:
    user_id: int
    due_at: datetime | None
    excused: bool


@dataclass(frozen=True)
class AssignmentView:
    id: int
    class_id: int
    story_id: int
    story_title: str
    story_available: bool  # False once the story was deleted: learners cannot do it any more
    quiz_id: int | None
    quiz_title: str
    level_rule: LevelRule
    fixed_level: str | None
    opens_at: datetime
    due_at: datetime
    created_at: datetime
    exceptions: tuple[ExceptionView, ...] = ()


@dataclass(frozen=True)
class Feedback:
    question_id: int
    kind: str
    stem: str
    options: tuple[str, ...]
    answer: str  # the learner's
    correct: bool | None  # None: a discussion answer, read by the teacher
    key: str | None
    evidence: str


@dataclass(frozen=True)
class SubmissionView:
    level: str
    score: int
    max_score: int
    submitted_at: datetime
    feedback: tuple[Feedback, ...]
    duplicate: bool = False  # this submission was already stored; nothing changed


@dataclass(frozen=True)
class QuestionForLearner:
    id: int
    kind: str
    stem: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class LearnerAssignment:
    id: int
    class_name: str
    story_id: int
    story_title: str
    story_available: bool
    level: str
    opens_at: datetime
    due_at: datetime  # theirs: the extension when they have one
    status: Status
    questions: tuple[QuestionForLearner, ...] = ()
    submission: SubmissionView | None = None


def readable(story: Story | None) -> bool:
    """Learners can read the story: it exists and is neither hidden nor deleted."""
    return story is not None and story.hidden_at is None and story.deleted_at is None


def _view(
    uow: UnitOfWork, row: Assignment, exceptions: list[AssignmentException] | None = None
) -> AssignmentView:
    story = uow.stories.get(row.story_id)
    quiz = uow.quizzes.get(row.quiz_id) if row.quiz_id else None
    return AssignmentView(
        id=row.id,
        class_id=row.class_id,
        story_id=row.story_id,
        story_title=story.title if story else "",
        story_available=readable(story),
        quiz_id=row.quiz_id,
        quiz_title=quiz.title if quiz else "",
        level_rule=LevelRule(row.level_rule),
        fixed_level=row.fixed_level,
        opens_at=row.opens_at,
        due_at=row.due_at,
        created_at=row.created_at,
        exceptions=tuple(ExceptionView(e.user_id, e.due_at, e.excused) for e in exceptions or []),
    )


@dataclass(frozen=True)
class AssignmentDraft:
    story_id: int
    quiz_id: int | None
    level_rule: str
    fixed_level: str | None
    opens_at: datetime
    due_at: datetime


def create_assignment(
    db: Database, actor: UserView, *, class_id: int, draft: AssignmentDraft, now: datetime
) -> AssignmentView:
    rule, fixed = parse_level_rule(draft.level_rule, draft.fixed_level)
    check_dates(draft.opens_at, draft.due_at)
    with unit_of_work(db) as uow:
        school_class = managed_class(uow, actor, class_id)
        if school_class.archived_at is not None:
            raise Conflict("This class is archived; bring it back to assign stories.", field="class_id")
        story = uow.stories.get(draft.story_id)
        if story is None or story.deleted_at is not None:
            raise NotFound("No such story.", field="story_id")
        if story.hidden_at is not None:
            raise InvalidInput(
                "Learners cannot see this story: show it again before assigning it.", field="story_id"
            )
        if not uow.reading.version_levels([story.id]):
            raise InvalidInput(
                "This story has no level versions yet; try again in a minute.", field="story_id"
            )
        if draft.quiz_id is not None and managed_quiz(uow, actor, draft.quiz_id).story_id != story.id:
            raise InvalidInput("The quiz is about another story.", field="quiz_id")
        row = Assignment(
            class_id=class_id,
            story_id=story.id,
            quiz_id=draft.quiz_id,
            level_rule=rule.value,
            fixed_level=fixed,
            opens_at=draft.opens_at,
            due_at=draft.due_at,
            created_at=now,
        )
        uow.classes.add(row)
        return _view(uow, row)


def list_assignments(db: Database, actor: UserView, *, class_id: int) -> list[AssignmentView]:
    with unit_of_work(db, read_only=True) as uow:
        managed_class(uow, actor, class_id)
        rows = uow.classes.assignments([class_id])
        exceptions = uow.classes.exceptions([r.id for r in rows])
        return [_view(uow, r, [e for e in exceptions if e.assignment_id == r.id]) for r in rows]


def get_assignment(db: Database, actor: UserView, *, assignment_id: int) -> AssignmentView:
    with unit_of_work(db, read_only=True) as uow:
        row, _ = managed_assignment(uow, actor, assignment_id)
        return _view(uow, row, uow.classes.exceptions([row.id]))


def set_exception(
    db: Database,
    actor: UserView,
    *,
    assignment_id: int,
    user_id: int,
    due_at: datetime | None,
    excused: bool,
) -> AssignmentView:
    """One learner's later due time (None: the class's) and whether they are excused."""
    with unit_of_work(db) as uow:
        row, _ = managed_assignment(uow, actor, assignment_id)
        if uow.classes.member(row.class_id, user_id) is None:
            raise NotFound("No such learner in this class.", field="user_id")
        if due_at is not None and check_instant(due_at, "due_at") <= row.opens_at:
            raise InvalidInput("The extension must end after the assignment opens.", field="due_at")
        found = uow.classes.exception(assignment_id, user_id)
        if found is None:
            found = AssignmentException(assignment_id=assignment_id, user_id=user_id)
            uow.session.add(found)
        found.due_at, found.excused = due_at, excused
        uow.flush()
        return _view(uow, row, uow.classes.exceptions([row.id]))


def level_for(
    row: Assignment, school_class: SchoolClass, member: ClassMember, user: User, available: list[str]
) -> str:
    """The stored version the learner reads: the rule's level, or the nearest of the story's `available`."""
    wanted = wanted_level(
        LevelRule(row.level_rule),
        fixed_level=row.fixed_level,
        class_level=school_class.cefr_level,
        own_level=user.cefr_level,
        locked_level=member.locked_level,
    )
    return pick_level(available, wanted) if available else ORIGINAL


def _levels(uow: UnitOfWork, story_id: int) -> list[str]:
    return uow.reading.version_levels([story_id]).get(story_id, [])


def feedback_of(answers_json: str) -> tuple[Feedback, ...]:
    """A stored submission's answers, each with the question as it was when it was answered."""
    return tuple(
        Feedback(
            question_id=a["question_id"],
            kind=a["kind"],
            stem=a["stem"],
            options=tuple(a["options"]),
            answer=a["answer"],
            correct=a["correct"],
            key=a["key"],
            evidence=a["evidence"],
        )
        for a in json.loads(answers_json or "[]")
    )


def _submission_view(row: Submission, *, duplicate: bool = False) -> SubmissionView:
    feedback = feedback_of(row.answers_json)
    return SubmissionView(row.level, row.score, row.max_score, row.submitted_at, feedback, duplicate)


def _learner_rows(
    uow: UnitOfWork, user_id: int, assignment_id: int, now: datetime
) -> tuple[Assignment, SchoolClass, ClassMember, User]:
    """The assignment if the learner is in its class and it is open; otherwise it does not exist for them."""
    row = uow.classes.assignment(assignment_id)
    school_class = uow.classes.get(row.class_id) if row else None
    member = uow.classes.member(row.class_id, user_id) if row else None
    user = uow.users.get(user_id)
    if (
        row is None
        or school_class is None
        or member is None
        or user is None
        or school_class.archived_at is not None
        or row.opens_at > now
    ):
        raise NotFound("No such assignment.")
    return row, school_class, member, user


def _learner_view(
    uow: UnitOfWork,
    row: Assignment,
    school_class: SchoolClass,
    member: ClassMember,
    user: User,
    now: datetime,
    *,
    with_questions: bool,
) -> LearnerAssignment:
    story = uow.stories.get(row.story_id)
    exception = uow.classes.exception(row.id, user.id)
    submission = uow.classes.submission(row.id, user.id)
    reading = uow.classes.reading_seconds(row.class_id, [user.id]).get((user.id, row.id)) is not None
    progress = LearnerProgress(
        due_at=(exception.due_at if exception and exception.due_at else row.due_at),
        excused=bool(exception and exception.excused),
        reading_started=reading,
        submitted_at=submission.submitted_at if submission else None,
    )
    questions: tuple[QuestionForLearner, ...] = ()
    if with_questions and row.quiz_id is not None:
        questions = tuple(
            QuestionForLearner(q.id, q.kind, q.stem, tuple(json.loads(q.options_json or "[]")))
            for q in uow.quizzes.questions(row.quiz_id)
        )
    return LearnerAssignment(
        id=row.id,
        class_name=school_class.name,
        story_id=row.story_id,
        story_title=story.title if story else "",
        story_available=readable(story),
        level=level_for(row, school_class, member, user, _levels(uow, row.story_id)),
        opens_at=row.opens_at,
        due_at=progress.due_at,
        status=status_of(progress, now),
        questions=questions,
        submission=_submission_view(submission) if submission else None,
    )


_ORDER = {Status.LATE: 0, Status.READING: 1, Status.NOT_STARTED: 2, Status.SUBMITTED: 3, Status.EXCUSED: 4}


def learner_assignments(db: Database, user: UserView, *, now: datetime) -> list[LearnerAssignment]:
    """The learner's open assignments, what needs doing first (late, then by due time)."""
    with unit_of_work(db, read_only=True) as uow:
        found: list[LearnerAssignment] = []
        for school_class in uow.classes.joined(user.id):
            member = uow.classes.member(school_class.id, user.id)
            account = uow.users.get(user.id)
            assert member is not None and account is not None
            for row in uow.classes.assignments([school_class.id]):
                if row.opens_at <= now:
                    found.append(
                        _learner_view(uow, row, school_class, member, account, now, with_questions=False)
                    )
        return sorted(found, key=lambda a: (_ORDER[a.status], a.due_at, a.id))


def learner_assignment(
    db: Database, user: UserView, *, assignment_id: int, now: datetime
) -> LearnerAssignment:
    with unit_of_work(db, read_only=True) as uow:
        rows = _learner_rows(uow, user.id, assignment_id, now)
        return _learner_view(uow, *rows, now, with_questions=True)


def submit_answers(
    db: Database, user: UserView, *, assignment_id: int, answers: Mapping[int, str], now: datetime
) -> SubmissionView:
    """Grade and store the learner's answers, once: a repeated submission returns the stored one."""
    with unit_of_work(db) as uow:
        row, school_class, member, account = _learner_rows(uow, user.id, assignment_id, now)
        stored = uow.classes.submission(row.id, user.id)
        if stored is not None:
            return _submission_view(stored, duplicate=True)
        story = uow.stories.get(row.story_id)
        if not readable(story):
            raise Conflict(
                "This story was removed or hidden, so the assignment cannot be done; your teacher sees this.",
                field="assignment_id",
            )
        if row.quiz_id is None:
            raise InvalidInput(
                "This assignment has no questions; reading it is all it asks.", field="answers"
            )
        questions = uow.quizzes.questions(row.quiz_id)
        unknown = set(answers) - {q.id for q in questions}
        if unknown:
            raise InvalidInput("An answer names a question that is not in this quiz.", field="answers")
        marked = []
        for q in questions:
            question = question_of(q)
            answer = check_answer_text(question, answers.get(q.id, ""))
            marked.append(
                {
                    "question_id": q.id,
                    "kind": question.kind.value,
                    "stem": question.stem,
                    "options": list(question.options),
                    "answer": answer,
                    "correct": grade(question, answer),
                    "key": question.answer,
                    "evidence": question.evidence,
                }
            )
        submission = Submission(
            assignment_id=row.id,
            user_id=user.id,
            level=level_for(row, school_class, member, account, _levels(uow, row.story_id)),
            answers_json=json.dumps(marked),
            score=sum(1 for m in marked if m["correct"] is True),
            max_score=sum(1 for m in marked if m["correct"] is not None),
            submitted_at=now,
        )
        if not uow.classes.add_submission(submission):  # a concurrent copy of this request won
            again = uow.classes.submission(row.id, user.id)
            assert again is not None
            return _submission_view(again, duplicate=True)
        return _submission_view(submission)
