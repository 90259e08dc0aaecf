"""Assignments, the teacher's side: a story (and a quiz) given to a class, each learner at the level its
rule picks, with a due time, extensions and excusals. The learner's side is services.learner_work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vocabsphere.core.classes.levels import (
    LevelRule,
    check_dates,
    check_instant,
    parse_level_rule,
    wanted_level,
)
from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.services.accounts import UserView
from vocabsphere.services.class_access import managed_assignment, managed_class, managed_quiz
from vocabsphere.services.versions import ORIGINAL, pick_level
from vocabsphere.store.database import Database
from vocabsphere.store.tables import (
    Assignment,
    AssignmentException,
    ClassMember,
    SchoolClass,
    Story,
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


def levels_of(uow: UnitOfWork, story_id: int) -> list[str]:
    return uow.reading.version_levels([story_id]).get(story_id, [])
