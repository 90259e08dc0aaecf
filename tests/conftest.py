"""Shared fixtures: settings, real databases (SQLite and PostgreSQL), the app and its client."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from vocabsphere.config import Settings, load_settings
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database
from vocabsphere.store.tables import Base

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("VOCABSPHERE_SHARED_DIR", REPO_ROOT.parent / "shared"))
POSTGRES_ADMIN_URL = os.environ.get(
    "VOCABSPHERE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("VOCABSPHERE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
# CI sets this so that a missing PostgreSQL or Redis fails the run instead of skipping tests.
REQUIRE_SERVICES = os.environ.get("VOCABSPHERE_TEST_REQUIRE_SERVICES") == "1"
ARTIFACTS = REPO_ROOT / "test-artifacts"


def service_unavailable(what: str, error: Exception) -> None:
    message = f"{what} is not reachable: {error}"
    if REQUIRE_SERVICES:
        pytest.fail(message)
    pytest.skip(message)


def now() -> datetime:
    return datetime.now(UTC)


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    def factory(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "env": "test",
            "data_dir": tmp_path / "data",
            "queue_url": "memory",
            "log_level": "WARNING",
            # A test's lexicon is its own: a VOCABSPHERE_LEXICON_PATH in the shell must not give the app one.
            "lexicon_path": None,
        }
        values.update(overrides)
        return load_settings(**values)

    return factory


@contextmanager
def new_postgres_database(prefix: str = "vs_test") -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped afterwards (skips when none is running)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        admin.dispose()
        service_unavailable("PostgreSQL", error)
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_database_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test run, dropped at the end."""
    with new_postgres_database() as url:
        yield url


@pytest.fixture(scope="session")
def postgres_migrated(postgres_database_url: str) -> Iterator[Database]:
    database = Database.connect(postgres_database_url)
    upgrade_database(database.engine)
    yield database
    database.dispose()


def _truncate_all(database: Database) -> None:
    names = ", ".join(f'"{t.name}"' for t in reversed(Base.metadata.sorted_tables))
    with database.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database on each backend."""
    if request.param == "sqlite":
        db = Database.connect(f"sqlite:///{tmp_path / 'test.sqlite3'}")
        upgrade_database(db.engine)
        yield db
        db.dispose()
        return
    db = request.getfixturevalue("postgres_migrated")
    _truncate_all(db)
    yield db


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()
