"""The class dashboard: learners x assignments with status, score and reading time; an assignment's
report with every answer and the words the class looked up most in its story."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vocabsphere.core.classes.grid import Cell, Column, story_note, table_rows
from vocabsphere.core.classes.levels import LearnerProgress, status_of
from vocabsphere.core.local_time import zone
from vocabsphere.services.accounts import UserView
from vocabsphere.services.assignments import level_for, readable
from vocabsphere.services.class_access import managed_assignment, managed_class
from vocabsphere.services.classes import ClassView, class_view, member_view
from vocabsphere.services.learner_work import Feedback, feedback_of
from vocabsphere.services.quizzes import question_of
from vocabsphere.store.database import Database
from vocabsphere.store.unit_of_work import unit_of_work

TOP_LOOKUPS = 15


@dataclass(frozen=True)
class Dashboard:
    school_class: ClassView
    columns: tuple[Column, ...]
    learner_ids: tuple[int, ...]
    cells: dict[tuple[int, int], Cell]  # (learner, assignment)
    rows: tuple[tuple[str, ...], ...]  # the table as shown and exported, header first


def _due_text(moment: datetime, time_zone: str) -> str:
    return moment.astimezone(zone(time_zone)).strftime("%d %b %Y %H:%M")


def class_dashboard(db: Database, actor: UserView, *, class_id: int, now: datetime) -> Dashboard:
    """Every learner's status for every assignment, from the moment it was assigned; due times are shown
    in the teacher's time zone."""
    with unit_of_work(db, read_only=True) as uow:
        school_class = managed_class(uow, actor, class_id)
        members = uow.classes.members(class_id)
        assignments = uow.classes.assignments([class_id])
        ids = [a.id for a in assignments]
        user_ids = [u.id for _, u in members]
        story_states = uow.classes.story_states({a.story_id for a in assignments})
        exceptions = {(e.user_id, e.assignment_id): e for e in uow.classes.exceptions(ids)}
        scores = {(u, a): (s, m, t) for a, u, s, m, t in uow.classes.scores(ids)}
        seconds = uow.classes.reading_seconds(class_id, user_ids)
        levels = uow.reading.version_levels(sorted(story_states))
        cells: dict[tuple[int, int], Cell] = {}
        for member, user in members:
            for row in assignments:
                key = (user.id, row.id)
                exception, score = exceptions.get(key), scores.get(key)
                progress = LearnerProgress(
                    due_at=exception.due_at if exception and exception.due_at else row.due_at,
                    excused=bool(exception and exception.excused),
                    reading_started=key in seconds,
                    submitted_at=score[2] if score else None,
                )
                cells[key] = Cell(
                    status=status_of(progress, now),
                    score=score[0] if score else None,
                    max_score=score[1] if score else None,
                    reading_seconds=seconds.get(key, 0),
                    level=level_for(row, school_class, member, user, levels.get(row.story_id, [])),
                )
        columns = []
        for a in assignments:
            title, hidden, deleted = story_states.get(a.story_id, ("", False, True))
            columns.append(Column(a.id, title, a.due_at, story_note(hidden=hidden, deleted=deleted)))
        due = {a.id: _due_text(a.due_at, actor.time_zone) for a in assignments}
        rows = table_rows(columns, [(u.display_name, u.username) for _, u in members], cells, user_ids, due)
        view = class_view(school_class, len(members), tuple(member_view(m, u) for m, u in members))
        return Dashboard(view, tuple(columns), tuple(user_ids), cells, tuple(tuple(r) for r in rows))


@dataclass(frozen=True)
class LearnerAnswers:
    user_id: int
    display_name: str
    username: str
    submitted_at: datetime | None
    score: int | None
    max_score: int | None
    answers: tuple[Feedback, ...]


@dataclass(frozen=True)
class AssignmentReport:
    assignment_id: int
    class_id: int
    story_id: int
    story_title: str
    story_available: bool
    questions: tuple[tuple[int, str, str], ...]  # (id, kind, stem) of the quiz as it is now
    learners: tuple[LearnerAnswers, ...]
    question_scores: tuple[tuple[int, int], ...]  # per question: (right, answered) over submissions
    top_lookups: tuple[tuple[str, int], ...]  # (lemma, learners who looked it up)


def assignment_report(db: Database, actor: UserView, *, assignment_id: int) -> AssignmentReport:
    """Each learner's answers (discussion answers included) and each question's score across the class."""
    with unit_of_work(db, read_only=True) as uow:
        row, _ = managed_assignment(uow, actor, assignment_id)
        story = uow.stories.get(row.story_id)
        questions = uow.quizzes.questions(row.quiz_id) if row.quiz_id else []
        members = uow.classes.members(row.class_id)
        submissions = {s.user_id: s for s in uow.classes.submissions([row.id])}
        learners: list[LearnerAnswers] = []
        tally = {q.id: [0, 0] for q in questions}
        for _, user in members:
            sub = submissions.get(user.id)
            answers = feedback_of(sub.answers_json) if sub else ()
            for answer in answers:
                if answer.correct is not None and answer.question_id in tally:
                    tally[answer.question_id][1] += 1
                    tally[answer.question_id][0] += int(answer.correct)
            learners.append(
                LearnerAnswers(
                    user.id,
                    user.display_name,
                    user.username,
                    sub.submitted_at if sub else None,
                    sub.score if sub else None,
                    sub.max_score if sub else None,
                    answers,
                )
            )
        lookups = uow.classes.top_lookups(row.story_id, [u.id for _, u in members], limit=TOP_LOOKUPS)
        return AssignmentReport(
            assignment_id=row.id,
            class_id=row.class_id,
            story_id=row.story_id,
            story_title=story.title if story else "",
            story_available=readable(story),
            questions=tuple((q.id, q.kind, question_of(q).stem) for q in questions),
            learners=tuple(learners),
            question_scores=tuple((tally[q.id][0], tally[q.id][1]) for q in questions),
            top_lookups=tuple(lookups),
        )
