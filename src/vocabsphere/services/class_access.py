"""Who may see what of the teacher's side: a teacher their own classes and quizzes, an admin all of them.

Anything else is answered as if it did not exist (NotFound), so ids of other teachers' objects leak nothing.
"""

from __future__ import annotations

from vocabsphere.core.errors import NotFound
from vocabsphere.services.accounts import UserView
from vocabsphere.store.tables import Assignment, Quiz, SchoolClass
from vocabsphere.store.unit_of_work import UnitOfWork


def may_manage(actor: UserView, owner_id: int) -> bool:
    return actor.is_admin or (actor.is_teacher and actor.id == owner_id)


def managed_class(uow: UnitOfWork, actor: UserView, class_id: int) -> SchoolClass:
    row = uow.classes.get(class_id)
    if row is None or not may_manage(actor, row.teacher_id):
        raise NotFound("No such class.")
    return row


def managed_quiz(uow: UnitOfWork, actor: UserView, quiz_id: int) -> Quiz:
    row = uow.quizzes.get(quiz_id)
    if row is None or not may_manage(actor, row.owner_id):
        raise NotFound("No such quiz.")
    return row


def managed_assignment(
    uow: UnitOfWork, actor: UserView, assignment_id: int
) -> tuple[Assignment, SchoolClass]:
    row = uow.classes.assignment(assignment_id)
    if row is None:
        raise NotFound("No such assignment.")
    try:
        return row, managed_class(uow, actor, row.class_id)
    except NotFound:
        raise NotFound("No such assignment.") from None


def teacher_scope(actor: UserView) -> int | None:
    """The owner whose rows a listing shows: the teacher themself, or everyone's (None) for an admin."""
    return None if actor.is_admin else actor.id
