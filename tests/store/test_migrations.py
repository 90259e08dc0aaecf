"""Migrations build the same schema as the table definitions, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from vocabsphere.store.database import Database
from vocabsphere.store.migrate import current_revision, upgrade_database
from vocabsphere.store.tables import Base


def test_migrated_schema_has_every_table(database: Database) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    assert current_revision(database.engine) is not None


def test_upgrade_is_idempotent(database: Database) -> None:
    before = current_revision(database.engine)
    upgrade_database(database.engine)
    assert current_revision(database.engine) == before


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    db = Database.connect(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.dispose()


@pytest.mark.postgres
def test_plain_postgresql_url_uses_psycopg(postgres_database_url: str) -> None:
    plain = postgres_database_url.replace("postgresql+psycopg://", "postgresql://")
    db = Database.connect(plain)
    assert db.engine.dialect.driver == "psycopg"
    db.ping()
    db.dispose()


def test_migrations_match_the_table_definitions(database: Database) -> None:
    """Alembic finds nothing to add or drop: the migrations and tables.py describe the same schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # Full-text search (FTS5 tables on SQLite, a tsvector column on PostgreSQL) is made by raw SQL.
    assert [d for d in differences if "story_search" not in str(d) and "search_vector" not in str(d)] == []
