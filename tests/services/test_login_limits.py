"""Log-in floods: hashing holds no lock; failures are limited per address too; registrations per address."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from vocabsphere.core.errors import NotAuthenticated, TooManyRequests
from vocabsphere.services import accounts, profiles
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
POLICY = accounts.LoginPolicy(
    max_failures=3, window=timedelta(minutes=15), max_failures_per_address=5, max_registrations_per_address=2
)


def _fail(db: Database, name: str, client: str, now: datetime = T0) -> None:
    with pytest.raises(NotAuthenticated):
        accounts.authenticate(db, username=name, password="wrong-pass", client=client, policy=POLICY, now=now)


def test_failed_logins_with_new_names_pause_the_address(database: Database) -> None:
    accounts.create_user(database, username="ana", password="s3cret-pass", now=T0)
    for i in range(5):
        _fail(database, f"nobody{i}", "203.0.113.7")
    with pytest.raises(TooManyRequests) as paused:
        accounts.authenticate(
            database, username="ana", password="s3cret-pass", client="203.0.113.7", policy=POLICY, now=T0
        )
    assert "Too many failed log-ins" in paused.value.message and paused.value.retry_after == 900
    # Another address is not affected, and the pause ends with the window.
    assert accounts.authenticate(
        database, username="ana", password="s3cret-pass", client="198.51.100.2", policy=POLICY, now=T0
    )
    later = T0 + timedelta(minutes=16)
    assert accounts.authenticate(
        database, username="ana", password="s3cret-pass", client="203.0.113.7", policy=POLICY, now=later
    )


def test_registrations_are_limited_per_address(database: Database) -> None:
    def register(name: str, client: str) -> accounts.UserView:
        return accounts.register_user(
            database,
            username=name,
            password="s3cret-pass",
            client=client,
            policy=POLICY,
            now=T0,
            native_language="es",
            cefr_level="A2",
        )

    register("ana", "203.0.113.7")
    register("bob", "203.0.113.7")
    with pytest.raises(TooManyRequests):
        register("cai", "203.0.113.7")
    assert register("cai", "198.51.100.2").username == "cai"


def _write_lock_free(path: Path) -> bool:
    """True when another connection can take SQLite's write lock at once."""
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()


def _spy(target: Callable[..., Any], path: Path, seen: list[bool]) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        seen.append(_write_lock_free(path))
        return target(*args)

    return wrapper


def test_password_hashing_holds_no_write_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locks.sqlite3"
    db = Database.connect(f"sqlite:///{path}")
    upgrade_database(db.engine)
    seen: list[bool] = []
    monkeypatch.setattr(accounts, "verify_password", _spy(accounts.verify_password, path, seen))
    monkeypatch.setattr(accounts, "hash_password", _spy(accounts.hash_password, path, seen))
    monkeypatch.setattr(profiles, "verify_password", _spy(profiles.verify_password, path, seen))
    monkeypatch.setattr(profiles, "hash_password", _spy(profiles.hash_password, path, seen))
    user = accounts.create_user(db, username="ana", password="s3cret-pass", now=T0)
    accounts.authenticate(db, username="ana", password="s3cret-pass", client="a", policy=POLICY, now=T0)
    _fail(db, "ana", "a")
    _fail(db, "nobody", "a")
    profiles.change_password(db, user_id=user.id, current="s3cret-pass", new="an0ther-pass")
    assert len(seen) == 6 and all(seen), seen
    db.dispose()
