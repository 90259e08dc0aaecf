"""Accounts: registration, log-in with rate limiting, sessions, API tokens, profiles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from vocabsphere.core import accounts as rules
from vocabsphere.core.errors import Conflict, NotAuthenticated, NotFound
from vocabsphere.services import login_limits as limits
from vocabsphere.services.login_limits import LoginPolicy as LoginPolicy
from vocabsphere.services.passwords import DUMMY_HASH, hash_password, needs_rehash, verify_password
from vocabsphere.services.tokens import new_token, token_digest
from vocabsphere.store.database import Database
from vocabsphere.store.tables import User, WebSession
from vocabsphere.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    role: rules.Role
    display_name: str
    native_language: str
    cefr_level: str
    daily_goal: int
    created_at: datetime
    time_zone: str = "UTC"

    @property
    def is_teacher(self) -> bool:
        return rules.role_at_least(self.role, rules.Role.TEACHER)

    @property
    def is_admin(self) -> bool:
        return self.role is rules.Role.ADMIN


@dataclass(frozen=True)
class NewSession:
    token: str
    csrf_token: str
    user: UserView
    expires_at: datetime


@dataclass(frozen=True)
class SessionView:
    user: UserView
    csrf_token: str


def user_view(user: User) -> UserView:
    return UserView(
        id=user.id,
        username=user.username,
        role=rules.Role(user.role),
        display_name=user.display_name,
        native_language=user.native_language,
        cefr_level=user.cefr_level,
        daily_goal=user.daily_goal,
        created_at=user.created_at,
        time_zone=user.time_zone,
    )


def create_user(
    db: Database,
    *,
    username: str,
    password: str,
    now: datetime,
    role: str = "learner",
    display_name: str | None = None,
    native_language: str = "es",
    cefr_level: str = "B1",
    daily_goal: int = 20,
    time_zone: str = "UTC",
) -> UserView:
    name = rules.normalize_username(username)
    rules.check_password(password)
    profile = rules.check_profile(display_name or name, native_language, cefr_level, daily_goal, time_zone)
    password_hash = hash_password(password)  # slow on purpose: outside the transaction
    with unit_of_work(db) as uow:
        if uow.users.by_username(name) is not None:
            raise Conflict("That user name is taken.", field="username")
        user = uow.users.add(
            User(
                username=name,
                password_hash=password_hash,
                role=rules.parse_role(role).value,
                display_name=profile.display_name,
                native_language=profile.native_language,
                cefr_level=profile.cefr_level,
                daily_goal=profile.daily_goal,
                time_zone=profile.time_zone,
                is_active=True,
                created_at=now,
            )
        )
        return user_view(user)


def authenticate(
    db: Database, *, username: str, password: str, client: str, policy: LoginPolicy, now: datetime
) -> UserView:
    """Check a password; too many failures for one name, or for any names from one address, pause them.

    The slow password hash runs outside any transaction, so a flood of log-ins never holds the write lock
    that learners' own writes wait for.
    """
    name = username.strip().lower()[:64]
    with unit_of_work(db, read_only=True) as uow:
        limits.check_login_allowed(uow, name, client, policy, now)
        user = uow.users.by_username(name)
        stored_hash = user.password_hash if user is not None and user.is_active else None
    if stored_hash is None:
        verify_password(DUMMY_HASH, password)
        correct = False
    else:
        correct = verify_password(stored_hash, password)
    if not correct:
        with unit_of_work(db) as uow:
            limits.record_login_failure(uow, name, client, now)
        raise NotAuthenticated("Wrong user name or password.")
    new_hash = hash_password(password) if needs_rehash(stored_hash or "") else None
    with unit_of_work(db) as uow:
        uow.login_failures.clear(limits.name_key(name, client))
        # Failures older than the window no longer count anywhere: keep the table small.
        uow.login_failures.prune(now - policy.window)
        user = uow.users.by_username(name)
        if user is None or not user.is_active:
            raise NotAuthenticated("Wrong user name or password.")
        if new_hash is not None and user.password_hash == stored_hash:
            user.password_hash = new_hash
        return user_view(user)


def register_user(
    db: Database,
    *,
    username: str,
    password: str,
    client: str,
    policy: LoginPolicy,
    now: datetime,
    native_language: str,
    cefr_level: str,
    display_name: str | None = None,
    time_zone: str = "UTC",
) -> UserView:
    """Self-service registration: at most ``policy.max_registrations_per_address`` per address and window."""
    with unit_of_work(db, read_only=True) as uow:
        limits.check_registration_allowed(uow, client, policy, now)
    user = create_user(
        db,
        username=username,
        password=password,
        now=now,
        native_language=native_language,
        cefr_level=cefr_level,
        display_name=display_name,
        time_zone=time_zone,
    )
    with unit_of_work(db) as uow:
        uow.login_failures.record(limits.registration_key(client), now)
    return user


def start_session(db: Database, *, user_id: int, now: datetime, days: int) -> NewSession:
    token, csrf = new_token(), new_token()
    expires = now + timedelta(days=days)
    with unit_of_work(db) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        uow.web_sessions.delete_expired(now)
        uow.web_sessions.add(
            WebSession(
                token_hash=token_digest(token),
                csrf_token=csrf,
                user_id=user_id,
                created_at=now,
                expires_at=expires,
            )
        )
        return NewSession(token=token, csrf_token=csrf, user=user_view(user), expires_at=expires)


def resolve_session(db: Database, *, token: str, now: datetime) -> SessionView | None:
    with unit_of_work(db, read_only=True) as uow:
        row = uow.web_sessions.by_token_hash(token_digest(token), now)
        if row is None:
            return None
        user = uow.users.get(row.user_id)
        if user is None or not user.is_active:
            return None
        return SessionView(user=user_view(user), csrf_token=row.csrf_token)


def end_session(db: Database, *, token: str) -> None:
    with unit_of_work(db) as uow:
        uow.web_sessions.delete(token_digest(token))
