"""Adding learners to a class from a CSV roster: a preview first, then all lines or none.

Matching is stable: a line names an account by its user name (given, or made from the name); a re-import
finds the same accounts and adds nobody twice. A user name made from a name only ever matches a learner
already in this class, so a namesake elsewhere is never enrolled by accident.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from vocabsphere.core.accounts import Role
from vocabsphere.core.classes.roster import LineError, RosterRow, parse_roster
from vocabsphere.core.errors import Conflict, InvalidInput
from vocabsphere.services.accounts import UserView
from vocabsphere.services.class_access import managed_class
from vocabsphere.services.passwords import hash_password
from vocabsphere.store.database import Database
from vocabsphere.store.tables import ClassMember, User
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work

PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # noqa: S105  (no l/1, o/0: read off a printed card)
PASSWORD_LENGTH = 10


class RosterAction(StrEnum):
    CREATE = "new account"
    ENROL = "existing learner joins"
    ALREADY = "already in the class"


@dataclass(frozen=True)
class RosterLine:
    line: int
    display_name: str
    username: str
    level: str | None
    action: RosterAction


@dataclass(frozen=True)
class RosterPreview:
    lines: tuple[RosterLine, ...]
    errors: tuple[LineError, ...]

    @property
    def importable(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class LoginCard:
    display_name: str
    username: str
    password: str | None  # only for accounts this import created; None: they keep their own password
    class_name: str


def _match(uow: UnitOfWork, class_id: int, row: RosterRow) -> RosterLine | LineError:
    user = uow.users.by_username(row.username)
    if user is None:
        return RosterLine(row.line, row.display_name, row.username, row.level, RosterAction.CREATE)
    member = uow.classes.member(class_id, user.id) is not None
    if member:
        return RosterLine(row.line, row.display_name, row.username, row.level, RosterAction.ALREADY)
    if not row.username_given:
        return LineError(
            row.line, f"the user name {row.username} is taken by another account; add a username column."
        )
    if user.role != Role.LEARNER.value or not user.is_active:
        return LineError(row.line, f"{row.username} is not a learner's account.")
    return RosterLine(row.line, row.display_name, row.username, row.level, RosterAction.ENROL)


def _preview(uow: UnitOfWork, class_id: int, text: str) -> RosterPreview:
    rows, errors = parse_roster(text)
    lines: list[RosterLine] = []
    found = list(errors)
    for row in rows:
        matched = _match(uow, class_id, row)
        (lines if isinstance(matched, RosterLine) else found).append(matched)  # type: ignore[arg-type]
    return RosterPreview(tuple(lines), tuple(sorted(found, key=lambda e: e.line)))


def preview_roster(db: Database, actor: UserView, *, class_id: int, text: str) -> RosterPreview:
    with unit_of_work(db, read_only=True) as uow:
        managed_class(uow, actor, class_id)
        return _preview(uow, class_id, text)


def _new_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def _errors_message(errors: tuple[LineError, ...]) -> str:
    shown = "; ".join(f"line {e.line}: {e.message}" for e in errors[:10])
    more = f" (and {len(errors) - 10} more)" if len(errors) > 10 else ""
    return f"Nothing was imported. Fix these lines: {shown}{more}"


def import_roster(
    db: Database, actor: UserView, *, class_id: int, text: str, now: datetime
) -> list[LoginCard]:
    """Every line or none: new accounts are created with a printed password, existing learners join.
    Returns the login cards of the lines' learners (in file order)."""
    preview = preview_roster(db, actor, class_id=class_id, text=text)
    if preview.errors:
        raise InvalidInput(_errors_message(preview.errors), field="roster")
    # Hashing is slow on purpose: done before the transaction, so it holds no write lock meanwhile.
    passwords = {p.username: _new_password() for p in preview.lines if p.action is RosterAction.CREATE}
    hashes = {name: hash_password(password) for name, password in passwords.items()}
    with unit_of_work(db) as uow:
        school_class = managed_class(uow, actor, class_id)
        again = _preview(uow, class_id, text)
        if again != preview:  # someone took a user name or joined meanwhile: start over from the preview
            raise Conflict(
                "The class changed while importing; nothing was imported. Try again.", field="roster"
            )
        cards: list[LoginCard] = []
        for line in preview.lines:
            if line.action is RosterAction.CREATE:
                user = User(
                    username=line.username,
                    password_hash=hashes[line.username],
                    role=Role.LEARNER.value,
                    display_name=line.display_name,
                    cefr_level=line.level or school_class.cefr_level,
                    native_language=actor.native_language,
                    time_zone=actor.time_zone,
                    is_active=True,
                    created_at=now,
                    created_by_id=actor.id,
                )
                uow.users.add(user)
            else:
                found = uow.users.by_username(line.username)
                assert found is not None  # matched in this transaction
                user = found
            if line.action is not RosterAction.ALREADY:
                uow.classes.add(ClassMember(class_id=class_id, user_id=user.id, joined_at=now))
            cards.append(
                LoginCard(user.display_name, user.username, passwords.get(line.username), school_class.name)
            )
        return cards


def reprint_login_cards(
    db: Database, actor: UserView, *, class_id: int, user_ids: Sequence[int]
) -> list[LoginCard]:
    """Login cards again for learners of the class (in the order given). An account the teacher's roster
    created gets a new password (the old one and its sessions stop working: a lost card must not keep
    working); any other learner's card says to use their own password, which a teacher never sets."""
    wanted = list(dict.fromkeys(user_ids))
    if not wanted:
        raise InvalidInput("Choose at least one learner.", field="user_ids")
    with unit_of_work(db, read_only=True) as uow:
        class_name = managed_class(uow, actor, class_id).name
        members = {user.id: user for _, user in uow.classes.members(class_id)}
        missing = [u for u in wanted if u not in members]
        if missing:
            raise InvalidInput("Some of those learners are not in this class.", field="user_ids")
        ours = [u for u in wanted if _may_reset(actor, members[u])]
    passwords = {u: _new_password() for u in ours}
    hashes = {u: hash_password(p) for u, p in passwords.items()}  # slow: outside the transaction
    with unit_of_work(db) as uow:
        cards = []
        for user_id in wanted:
            user = uow.users.get(user_id)
            if user is None:
                raise InvalidInput("Some of those learners are not in this class.", field="user_ids")
            if user_id in hashes:
                user.password_hash = hashes[user_id]
                uow.web_sessions.delete_for_user(user_id)
                uow.api_tokens.delete_for_user(user_id)
            cards.append(LoginCard(user.display_name, user.username, passwords.get(user_id), class_name))
        return cards


def _may_reset(actor: UserView, user: User) -> bool:
    """Only a learner account this teacher's roster created (an admin: any roster-created learner)."""
    if user.role != Role.LEARNER.value or user.created_by_id is None:
        return False
    return actor.is_admin or user.created_by_id == actor.id
