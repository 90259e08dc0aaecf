"""A learner's side of assignments: their list (what needs doing first), one assignment with its
questions (no keys), and their answers, graded once when submitted."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from vocabsphere.core.classes.levels import LearnerProgress, Status, status_of
from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.core.quizzes.editing import check_answer_text, grade
from vocabsphere.services.accounts import UserView
from vocabsphere.services.assignments import level_for, levels_of, readable
from vocabsphere.services.quizzes import question_of
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


@dataclass(frozen=True)
class _Facts:
    """What a learner's view of one assignment is made from (fetched one by one or for a whole class)."""

    story: Story | None
    exception: AssignmentException | None
    submission: Submission | None
    reading_started: bool
    levels: list[str]


def _learner_view(
    row: Assignment,
    school_class: SchoolClass,
    member: ClassMember,
    user: User,
    now: datetime,
    facts: _Facts,
    questions: tuple[QuestionForLearner, ...] = (),
) -> LearnerAssignment:
    exception, submission = facts.exception, facts.submission
    progress = LearnerProgress(
        due_at=(exception.due_at if exception and exception.due_at else row.due_at),
        excused=bool(exception and exception.excused),
        reading_started=facts.reading_started,
        submitted_at=submission.submitted_at if submission else None,
    )
    return LearnerAssignment(
        id=row.id,
        class_name=school_class.name,
        story_id=row.story_id,
        story_title=facts.story.title if facts.story else "",
        story_available=readable(facts.story),
        level=level_for(row, school_class, member, user, facts.levels),
        opens_at=row.opens_at,
        due_at=progress.due_at,
        status=status_of(progress, now),
        questions=questions,
        submission=_submission_view(submission) if submission else None,
    )


_ORDER = {Status.LATE: 0, Status.READING: 1, Status.NOT_STARTED: 2, Status.SUBMITTED: 3, Status.EXCUSED: 4}


def learner_assignments(db: Database, user: UserView, *, now: datetime) -> list[LearnerAssignment]:
    """The learner's open assignments, what needs doing first (late, then by due time); a few queries per
    class, whatever the number of assignments (the library page shows these)."""
    with unit_of_work(db, read_only=True) as uow:
        account = uow.users.get(user.id)
        found: list[LearnerAssignment] = []
        for school_class in uow.classes.joined(user.id):
            member = uow.classes.member(school_class.id, user.id)
            assert member is not None and account is not None
            rows = [r for r in uow.classes.assignments([school_class.id]) if r.opens_at <= now]
            ids = [r.id for r in rows]
            exceptions = {e.assignment_id: e for e in uow.classes.exceptions(ids) if e.user_id == user.id}
            submissions = {s.assignment_id: s for s in uow.classes.submissions(ids, user.id)}
            read = uow.classes.reading_seconds(school_class.id, [user.id])
            levels = uow.reading.version_levels(sorted({r.story_id for r in rows}))
            for row in rows:
                facts = _Facts(
                    uow.stories.get(row.story_id),
                    exceptions.get(row.id),
                    submissions.get(row.id),
                    (user.id, row.id) in read,
                    levels.get(row.story_id, []),
                )
                found.append(_learner_view(row, school_class, member, account, now, facts))
        return sorted(found, key=lambda a: (_ORDER[a.status], a.due_at, a.id))


def learner_assignment(
    db: Database, user: UserView, *, assignment_id: int, now: datetime
) -> LearnerAssignment:
    with unit_of_work(db, read_only=True) as uow:
        row, school_class, member, account = _learner_rows(uow, user.id, assignment_id, now)
        facts = _Facts(
            uow.stories.get(row.story_id),
            uow.classes.exception(row.id, user.id),
            uow.classes.submission(row.id, user.id),
            (user.id, row.id) in uow.classes.reading_seconds(row.class_id, [user.id]),
            levels_of(uow, row.story_id),
        )
        questions = tuple(
            QuestionForLearner(q.id, q.kind, q.stem, tuple(json.loads(q.options_json or "[]")))
            for q in (uow.quizzes.questions(row.quiz_id) if row.quiz_id is not None else [])
        )
        return _learner_view(row, school_class, member, account, now, facts, questions)


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
            level=level_for(row, school_class, member, account, levels_of(uow, row.story_id)),
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
