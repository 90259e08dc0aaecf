"""Alembic environment: runs on the connection handed in by vocabsphere.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from vocabsphere.store.tables import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as own_connection:
            _run(own_connection)
        return
    _run(connection)


# Dialect-specific search structures live only in migrations, not in the table models.
_SEARCH_OBJECTS = {"story_search", "search_vector", "ix_stories_search_vector"}


def _include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (name in _SEARCH_OBJECTS or (name or "").startswith("story_search_"))


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        include_object=_include_object,
        render_as_batch=True,  # SQLite needs batch mode to alter tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
