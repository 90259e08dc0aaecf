"""Accounts on both databases: registration, passwords, rate limiting, sessions, tokens, roles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vocabsphere.core.errors import Conflict, InvalidInput, NotAuthenticated, NotFound, TooManyRequests
from vocabsphere.services import accounts, api_tokens, profiles
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
POLICY = accounts.LoginPolicy(max_failures=3, window=timedelta(minutes=15))


def make_user(db: Database, name: str = "ana", role: str = "learner") -> accounts.UserView:
    return accounts.create_user(db, username=name, password="s3cret-pass", role=role, now=T0)


def test_create_user_normalises_and_hashes(database: Database) -> None:
    user = accounts.create_user(database, username="  Ana.Lima ", password="s3cret-pass", now=T0)
    assert user.username == "ana.lima"
    assert user.created_at == T0
    with database.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT password_hash FROM users").scalar()
    assert stored.startswith("$argon2id$") and "s3cret-pass" not in stored


def test_duplicate_username_is_a_conflict(database: Database) -> None:
    make_user(database)
    with pytest.raises(Conflict):
        make_user(database, "ANA")


@pytest.mark.parametrize(
    ("username", "password", "field"),
    [
        ("a", "s3cret-pass", "username"),
        ("bob", "short", "password"),
        ("x" * 40, "s3cret-pass", "username"),
        ("bob<script>", "s3cret-pass", "username"),
    ],
)
def test_invalid_registration(database: Database, username: str, password: str, field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        accounts.create_user(database, username=username, password=password, now=T0)
    assert info.value.field == field


def test_authenticate_right_and_wrong(database: Database) -> None:
    make_user(database)
    user = accounts.authenticate(
        database, username="ana", password="s3cret-pass", client="1.2.3.4", policy=POLICY, now=T0
    )
    assert user.username == "ana"
    with pytest.raises(NotAuthenticated):
        accounts.authenticate(
            database, username="ana", password="nope", client="1.2.3.4", policy=POLICY, now=T0
        )
    with pytest.raises(NotAuthenticated):
        accounts.authenticate(
            database, username="nobody", password="nope", client="1.2.3.4", policy=POLICY, now=T0
        )


def test_login_rate_limit_pauses_then_lifts(database: Database) -> None:
    make_user(database)
    for _ in range(POLICY.max_failures):
        with pytest.raises(NotAuthenticated):
            accounts.authenticate(
                database, username="ana", password="bad", client="9.9.9.9", policy=POLICY, now=T0
            )
    # Even the right password is refused while paused.
    with pytest.raises(TooManyRequests) as info:
        accounts.authenticate(
            database, username="ana", password="s3cret-pass", client="9.9.9.9", policy=POLICY, now=T0
        )
    assert 0 < info.value.retry_after <= 15 * 60
    # Another address is not affected, and the pause ends after the window.
    accounts.authenticate(
        database, username="ana", password="s3cret-pass", client="8.8.8.8", policy=POLICY, now=T0
    )
    later = T0 + POLICY.window + timedelta(seconds=1)
    accounts.authenticate(
        database, username="ana", password="s3cret-pass", client="9.9.9.9", policy=POLICY, now=later
    )


def test_sessions_expire_and_end(database: Database) -> None:
    user = make_user(database)
    session = accounts.start_session(database, user_id=user.id, now=T0, days=1)
    resolved = accounts.resolve_session(database, token=session.token, now=T0 + timedelta(hours=1))
    assert resolved is not None and resolved.user.id == user.id
    assert resolved.csrf_token == session.csrf_token
    assert accounts.resolve_session(database, token=session.token, now=T0 + timedelta(days=2)) is None
    accounts.end_session(database, token=session.token)
    assert accounts.resolve_session(database, token=session.token, now=T0) is None
    assert accounts.resolve_session(database, token="forged", now=T0) is None


def test_api_tokens_issue_use_and_revoke(database: Database) -> None:
    ana, bob = make_user(database), make_user(database, "bob")
    issued = api_tokens.issue_token(database, user_id=ana.id, name="phone", now=T0)
    user = api_tokens.user_for_token(database, token=issued.token, now=T0)
    assert user is not None and user.id == ana.id
    listed = api_tokens.list_tokens(database, user_id=ana.id)
    assert [t.name for t in listed] == ["phone"] and listed[0].last_used_at == T0
    with pytest.raises(NotFound):  # bob cannot revoke ana's token
        api_tokens.revoke_token(database, user_id=bob.id, token_id=issued.id)
    api_tokens.revoke_token(database, user_id=ana.id, token_id=issued.id)
    assert api_tokens.user_for_token(database, token=issued.token, now=T0) is None


def test_profile_update_validates(database: Database) -> None:
    user = make_user(database)
    changed = profiles.update_profile(
        database,
        user_id=user.id,
        change=profiles.ProfileChange(native_language="ja", cefr_level="b2", daily_goal=30),
    )
    assert (changed.native_language, changed.cefr_level, changed.daily_goal) == ("ja", "B2", 30)
    for bad in (
        profiles.ProfileChange(cefr_level="D1"),
        profiles.ProfileChange(daily_goal=0),
        profiles.ProfileChange(native_language="xx"),
    ):
        with pytest.raises(InvalidInput):
            profiles.update_profile(database, user_id=user.id, change=bad)
    assert profiles.get_user(database, user.id).cefr_level == "B2"


def test_change_password_needs_the_current_one(database: Database) -> None:
    user = make_user(database)
    with pytest.raises(InvalidInput):
        profiles.change_password(database, user_id=user.id, current="wrong", new="new-password-1")
    profiles.change_password(database, user_id=user.id, current="s3cret-pass", new="new-password-1")
    accounts.authenticate(
        database, username="ana", password="new-password-1", client="x", policy=POLICY, now=T0
    )


def test_admin_cannot_change_own_role(database: Database) -> None:
    admin = make_user(database, "root1", role="admin")
    learner = make_user(database)
    with pytest.raises(InvalidInput):
        profiles.set_role(database, actor_id=admin.id, user_id=admin.id, role="learner")
    assert profiles.set_role(database, actor_id=admin.id, user_id=learner.id, role="teacher").is_teacher


def test_old_login_failures_are_pruned(database: Database) -> None:
    make_user(database)
    with pytest.raises(NotAuthenticated):
        accounts.authenticate(
            database, username="ana", password="bad", client="1.1.1.1", policy=POLICY, now=T0
        )
    later = T0 + POLICY.window + timedelta(seconds=1)
    accounts.authenticate(
        database, username="ana", password="s3cret-pass", client="2.2.2.2", policy=POLICY, now=later
    )
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM login_failures").scalar() == 0
