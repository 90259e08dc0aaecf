"""Classes, members, assignments, learners' exceptions, submissions and look-up events."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vocabsphere.store.tables import (
    Assignment,
    AssignmentException,
    ClassMember,
    LookupEvent,
    ReadingSession,
    SchoolClass,
    Story,
    Submission,
    User,
)


class ClassRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, row: SchoolClass | ClassMember | Assignment | AssignmentException | Submission) -> None:
        self._session.add(row)
        self._session.flush()

    def get(self, class_id: int) -> SchoolClass | None:
        return self._session.get(SchoolClass, class_id)

    def by_code(self, code: str) -> SchoolClass | None:
        return self._session.scalars(select(SchoolClass).where(SchoolClass.join_code == code)).first()

    def taught(self, teacher_id: int | None, *, archived: bool) -> list[SchoolClass]:
        """A teacher's classes (everyone's for None), by name."""
        query = select(SchoolClass).order_by(SchoolClass.name, SchoolClass.id)
        query = query.where(
            SchoolClass.archived_at.is_not(None) if archived else SchoolClass.archived_at.is_(None)
        )
        if teacher_id is not None:
            query = query.where(SchoolClass.teacher_id == teacher_id)
        return list(self._session.scalars(query))

    def joined(self, user_id: int) -> list[SchoolClass]:
        query = (
            select(SchoolClass)
            .join(ClassMember, ClassMember.class_id == SchoolClass.id)
            .where(ClassMember.user_id == user_id, SchoolClass.archived_at.is_(None))
            .order_by(SchoolClass.name)
        )
        return list(self._session.scalars(query))

    def level_locks(self, user_id: int) -> list[tuple[str, str]]:
        """(locked level, class name) of the learner's active classes that lock it, first joined first."""
        query = (
            select(ClassMember.locked_level, SchoolClass.name)
            .join(SchoolClass, ClassMember.class_id == SchoolClass.id)
            .where(
                ClassMember.user_id == user_id,
                ClassMember.locked_level.is_not(None),
                SchoolClass.archived_at.is_(None),
            )
            .order_by(ClassMember.joined_at, ClassMember.id)
        )
        return [(str(level), name) for level, name in self._session.execute(query)]

    def member(self, class_id: int, user_id: int) -> ClassMember | None:
        query = select(ClassMember).where(ClassMember.class_id == class_id, ClassMember.user_id == user_id)
        return self._session.scalars(query).first()

    def members(self, class_id: int) -> list[tuple[ClassMember, User]]:
        query = (
            select(ClassMember, User)
            .join(User, User.id == ClassMember.user_id)
            .where(ClassMember.class_id == class_id)
            .order_by(User.display_name, User.id)
        )
        return [(m, u) for m, u in self._session.execute(query)]

    def member_counts(self, class_ids: list[int]) -> dict[int, int]:
        if not class_ids:
            return {}
        query = (
            select(ClassMember.class_id, func.count())
            .where(ClassMember.class_id.in_(class_ids))
            .group_by(ClassMember.class_id)
        )
        return {class_id: count for class_id, count in self._session.execute(query)}

    def assignment(self, assignment_id: int) -> Assignment | None:
        return self._session.get(Assignment, assignment_id)

    def assignments(self, class_ids: list[int]) -> list[Assignment]:
        if not class_ids:
            return []
        query = (
            select(Assignment)
            .where(Assignment.class_id.in_(class_ids))
            .order_by(Assignment.due_at, Assignment.id)
        )
        return list(self._session.scalars(query))

    def exceptions(self, assignment_ids: list[int]) -> list[AssignmentException]:
        if not assignment_ids:
            return []
        query = select(AssignmentException).where(AssignmentException.assignment_id.in_(assignment_ids))
        return list(self._session.scalars(query))

    def exception(self, assignment_id: int, user_id: int) -> AssignmentException | None:
        query = select(AssignmentException).where(
            AssignmentException.assignment_id == assignment_id, AssignmentException.user_id == user_id
        )
        return self._session.scalars(query).first()

    def submissions(self, assignment_ids: list[int], user_id: int | None = None) -> list[Submission]:
        if not assignment_ids:
            return []
        query = select(Submission).where(Submission.assignment_id.in_(assignment_ids))
        if user_id is not None:
            query = query.where(Submission.user_id == user_id)
        return list(self._session.scalars(query))

    def submission(self, assignment_id: int, user_id: int) -> Submission | None:
        query = select(Submission).where(
            Submission.assignment_id == assignment_id, Submission.user_id == user_id
        )
        return self._session.scalars(query).first()

    def add_submission(self, row: Submission) -> bool:
        """False when the learner's submission was stored meanwhile (the unique key refused this one)."""
        try:
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            return False
        return True

    def scores(self, assignment_ids: list[int]) -> list[tuple[int, int, int, int, datetime]]:
        """(assignment, user, score, max score, submitted at) without the answers themselves."""
        if not assignment_ids:
            return []
        query = select(
            Submission.assignment_id,
            Submission.user_id,
            Submission.score,
            Submission.max_score,
            Submission.submitted_at,
        ).where(Submission.assignment_id.in_(assignment_ids))
        return [(a, u, s, m, t) for a, u, s, m, t in self._session.execute(query)]

    def reading_seconds(self, class_id: int, user_ids: list[int]) -> dict[tuple[int, int], int]:
        """(learner, assignment) -> active seconds read in the assignment's story since it was assigned,
        summed by the database (a class's readings would otherwise cross the wire one by one)."""
        if not user_ids:
            return {}
        query = (
            select(ReadingSession.user_id, Assignment.id, func.sum(ReadingSession.active_seconds))
            .join(Assignment, Assignment.story_id == ReadingSession.story_id)
            .where(
                Assignment.class_id == class_id,
                ReadingSession.user_id.in_(user_ids),
                ReadingSession.started_at >= Assignment.created_at,
            )
            .group_by(ReadingSession.user_id, Assignment.id)
        )
        return {(u, a): int(secs or 0) for u, a, secs in self._session.execute(query)}

    def story_states(self, story_ids: set[int]) -> dict[int, tuple[str, bool, bool]]:
        """story id -> (title, hidden, deleted)."""
        if not story_ids:
            return {}
        query = select(Story.id, Story.title, Story.hidden_at, Story.deleted_at).where(
            Story.id.in_(sorted(story_ids))
        )
        return {
            i: (title, hidden is not None, deleted is not None)
            for i, title, hidden, deleted in self._session.execute(query)
        }

    def record_lookup(self, user_id: int, story_id: int, level: str, lemma: str, now: datetime) -> None:
        """Once per learner, story and lemma: a nested transaction absorbs a concurrent duplicate."""
        query = select(LookupEvent.id).where(
            LookupEvent.story_id == story_id, LookupEvent.lemma == lemma, LookupEvent.user_id == user_id
        )
        if self._session.scalars(query).first() is not None:
            return
        try:
            with self._session.begin_nested():
                self._session.add(
                    LookupEvent(
                        user_id=user_id, story_id=story_id, level=level, lemma=lemma, looked_up_at=now
                    )
                )
        except IntegrityError:
            pass

    def top_lookups(self, story_id: int, user_ids: list[int], *, limit: int) -> list[tuple[str, int]]:
        """The lemmas most learners of `user_ids` looked up in the story, with how many did."""
        if not user_ids:
            return []
        learners = func.count(LookupEvent.user_id)
        query = (
            select(LookupEvent.lemma, learners)
            .where(LookupEvent.story_id == story_id, LookupEvent.user_id.in_(user_ids))
            .group_by(LookupEvent.lemma)
            .order_by(learners.desc(), LookupEvent.lemma)
            .limit(limit)
        )
        return [(lemma, int(n)) for lemma, n in self._session.execute(query)]
