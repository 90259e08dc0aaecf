"""Classes: create, rename, archive, join codes, members and their locked levels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vocabsphere.core.accounts import check_cefr_level
from vocabsphere.core.classes.codes import (
    CODE_LIFETIME,
    check_class_name,
    check_code_current,
    display_code,
    new_join_code,
    normalise_join_code,
)
from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.services.accounts import UserView
from vocabsphere.services.class_access import managed_class, teacher_scope
from vocabsphere.store.database import Database
from vocabsphere.store.tables import ClassMember, SchoolClass, User
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work


@dataclass(frozen=True)
class MemberView:
    user_id: int
    username: str
    display_name: str
    own_level: str
    locked_level: str | None
    joined_at: datetime


@dataclass(frozen=True)
class ClassView:
    id: int
    name: str
    cefr_level: str
    teacher_id: int
    join_code: str  # shown as two groups, e.g. ABCD-EFGH
    join_code_expires_at: datetime
    archived: bool
    member_count: int
    members: tuple[MemberView, ...] = ()


@dataclass(frozen=True)
class JoinResult:
    class_id: int
    class_name: str
    joined: bool  # False: already a member (a repeated join changes nothing)


def class_view(row: SchoolClass, member_count: int, members: tuple[MemberView, ...] = ()) -> ClassView:
    return ClassView(
        id=row.id,
        name=row.name,
        cefr_level=row.cefr_level,
        teacher_id=row.teacher_id,
        join_code=display_code(row.join_code),
        join_code_expires_at=row.join_code_expires_at,
        archived=row.archived_at is not None,
        member_count=member_count,
        members=members,
    )


def member_view(member: ClassMember, user: User) -> MemberView:
    return MemberView(
        user.id, user.username, user.display_name, user.cefr_level, member.locked_level, member.joined_at
    )


def members_of(uow: UnitOfWork, class_id: int) -> tuple[MemberView, ...]:
    return tuple(member_view(m, u) for m, u in uow.classes.members(class_id))


def _unused_code(uow: UnitOfWork) -> str:
    while True:  # 27^8 codes: a clash is rare, but a unique column would turn it into an error
        code = new_join_code()
        if uow.classes.by_code(code) is None:
            return code


def create_class(db: Database, actor: UserView, *, name: str, cefr_level: str, now: datetime) -> ClassView:
    if not actor.is_teacher:
        raise NotFound("No such page.")
    checked_name, level = check_class_name(name), check_cefr_level(cefr_level)
    with unit_of_work(db) as uow:
        row = SchoolClass(
            teacher_id=actor.id,
            name=checked_name,
            cefr_level=level,
            join_code=_unused_code(uow),
            join_code_expires_at=now + CODE_LIFETIME,
            created_at=now,
        )
        uow.classes.add(row)
        return class_view(row, 0)


def list_classes(db: Database, actor: UserView, *, archived: bool = False) -> list[ClassView]:
    """A teacher's own classes, every class for an admin, the joined classes for a learner."""
    if not actor.is_teacher:
        return [] if archived else joined_classes(db, actor)
    with unit_of_work(db, read_only=True) as uow:
        rows = uow.classes.taught(teacher_scope(actor), archived=archived)
        counts = uow.classes.member_counts([r.id for r in rows])
        return [class_view(r, counts.get(r.id, 0)) for r in rows]


def joined_classes(db: Database, user: UserView) -> list[ClassView]:
    """The classes the user is a member of (not archived). Learners see no code or members."""
    with unit_of_work(db, read_only=True) as uow:
        return [
            ClassView(r.id, r.name, r.cefr_level, r.teacher_id, "", r.join_code_expires_at, False, 0)
            for r in uow.classes.joined(user.id)
        ]


def get_class(db: Database, actor: UserView, class_id: int) -> ClassView:
    with unit_of_work(db, read_only=True) as uow:
        row = managed_class(uow, actor, class_id)
        members = members_of(uow, class_id)
        return class_view(row, len(members), members)


def update_class(
    db: Database,
    actor: UserView,
    *,
    class_id: int,
    name: str | None = None,
    cefr_level: str | None = None,
    archived: bool | None = None,
    now: datetime,
) -> ClassView:
    """Rename, change the class level, archive or bring back (classes are never deleted)."""
    with unit_of_work(db) as uow:
        row = managed_class(uow, actor, class_id)
        if name is not None:
            row.name = check_class_name(name)
        if cefr_level is not None:
            row.cefr_level = check_cefr_level(cefr_level)
        if archived is not None:
            row.archived_at = (row.archived_at or now) if archived else None
        members = members_of(uow, class_id)
        return class_view(row, len(members), members)


def rotate_code(db: Database, actor: UserView, *, class_id: int, now: datetime) -> ClassView:
    """A new join code, valid for CODE_LIFETIME; the old one stops working at once."""
    with unit_of_work(db) as uow:
        row = managed_class(uow, actor, class_id)
        row.join_code, row.join_code_expires_at = _unused_code(uow), now + CODE_LIFETIME
        members = members_of(uow, class_id)
        return class_view(row, len(members), members)


def join_class(db: Database, user: UserView, *, code: str, now: datetime) -> JoinResult:
    """Join with the class's code; joining again changes nothing. Wrong codes, archived classes and the
    teacher's own class are refused."""
    normalised = normalise_join_code(code)
    with unit_of_work(db) as uow:
        row = uow.classes.by_code(normalised)
        if row is None or row.archived_at is not None:
            raise NotFound("No class has this code. Check it with your teacher.", field="code")
        check_code_current(row.join_code_expires_at, now)
        if row.teacher_id == user.id:
            raise InvalidInput("You teach this class.", field="code")
        if uow.classes.member(row.id, user.id) is not None:
            return JoinResult(row.id, row.name, joined=False)
        uow.classes.add(ClassMember(class_id=row.id, user_id=user.id, joined_at=now))
        return JoinResult(row.id, row.name, joined=True)


def lock_level(
    db: Database, actor: UserView, *, class_id: int, user_id: int, level: str | None
) -> MemberView:
    """Lock a learner's reading level in this class (None unlocks: their own level applies again)."""
    checked = check_cefr_level(level) if level else None
    with unit_of_work(db) as uow:
        managed_class(uow, actor, class_id)
        member = uow.classes.member(class_id, user_id)
        if member is None:
            raise NotFound("No such learner in this class.")
        member.locked_level = checked
        return next(m for m in members_of(uow, class_id) if m.user_id == user_id)
