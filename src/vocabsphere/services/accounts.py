"""Accounts: registration, log-in with rate limiting, sessions, API tokens, profiles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from vocabsphere.core import accounts as rules
from vocabsphere.core.errors import Conflict, NotAuthenticated, NotFound, TooManyRequests
from vocabsphere.services.passwords import DUMMY_HASH, hash_password, needs_rehash, verify_password
from vocabsphere.services.tokens import new_token, token_digest
from vocabsphere.store.database import Database
from vocabsphere.store.tables import User, WebSession
from vocabsphere.store.unit_of_work import UnitOfWork, unit_of_work


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


@dataclass(frozen=True)
class LoginPolicy:
    max_failures: int
    window: timedelta


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
) -> UserView:
    name = rules.normalize_username(username)
    rules.check_password(password)
    profile = rules.check_profile(display_name or name, native_language, cefr_level, daily_goal)
    with unit_of_work(db) as uow:
        if uow.users.by_username(name) is not None:
            raise Conflict("That user name is taken.", field="username")
        user = uow.users.add(
            User(
                username=name,
                password_hash=hash_password(password),
                role=rules.parse_role(role).value,
                display_name=profile.display_name,
                native_language=profile.native_language,
                cefr_level=profile.cefr_level,
                daily_goal=profile.daily_goal,
                is_active=True,
                created_at=now,
            )
        )
        return user_view(user)


def authenticate(
    db: Database, *, username: str, password: str, client: str, policy: LoginPolicy, now: datetime
) -> UserView:
    """Check a password; too many failures for one name from one address pause that pair."""
    name = username.strip().lower()[:64]
    key = f"{name}|{client}"[:128]
    with unit_of_work(db) as uow:
        _refuse_if_locked(uow, key, policy, now)
        user = uow.users.by_username(name)
        if user is None or not user.is_active:
            verify_password(DUMMY_HASH, password)
            uow.login_failures.record(key, now)
            failure: NotAuthenticated | None = NotAuthenticated("Wrong user name or password.")
        elif not verify_password(user.password_hash, password):
            uow.login_failures.record(key, now)
            failure = NotAuthenticated("Wrong user name or password.")
        else:
            failure = None
            uow.login_failures.clear(key)
            # Failures older than the window no longer count anywhere: keep the table small.
            uow.login_failures.prune(now - policy.window)
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            view = user_view(user)
    # Raised after the block so the failure record is committed.
    if failure is not None:
        raise failure
    return view


def _refuse_if_locked(uow: UnitOfWork, key: str, policy: LoginPolicy, now: datetime) -> None:
    since = now - policy.window
    if uow.login_failures.count_since(key, since) < policy.max_failures:
        return
    oldest = uow.login_failures.oldest_since(key, since) or now
    retry_after = max(1, int((oldest + policy.window - now).total_seconds()))
    raise TooManyRequests(
        f"Too many failed log-ins. Try again in {max(1, retry_after // 60)} minute(s).",
        retry_after=retry_after,
    )


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
