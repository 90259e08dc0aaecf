"""Engine and unit-of-work: SQLite (WAL, foreign keys on) by default, PostgreSQL when configured."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def _enable_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the pysqlite driver, decide when transactions begin: savepoints then work.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # WAL makes NORMAL durable enough and much faster than FULL.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


READ_ONLY = "vocabsphere_read_only"


def _begin_sqlite_transaction(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front (waiting up to busy_timeout): a deferred transaction that
    # reads and then writes can fail at once with "database is locked" when another writer got there first.
    # Read-only units of work begin deferred: in WAL mode readers then never wait for each other or a writer.
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_database_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # No pre-ping: a local file cannot drop the connection, and the ping is a round trip per request.
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _enable_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        # Plain postgresql:// means psycopg 3 here, the driver we install.
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True, pool_size=10, max_overflow=10)


@dataclass
class Database:
    """One engine and its session factory, created once per process."""

    engine: Engine
    session_factory: sessionmaker[Session]
    read_session_factory: sessionmaker[Session]

    @classmethod
    def connect(cls, url: str) -> Database:
        engine = create_database_engine(url)
        reader = engine.execution_options(**{READ_ONLY: True})
        return cls(
            engine, sessionmaker(engine, expire_on_commit=False), sessionmaker(reader, expire_on_commit=False)
        )

    @cached_property
    def read_engine(self) -> Engine:
        """The engine for a single read outside a unit of work (on SQLite it begins deferred)."""
        return self.engine.execution_options(**{READ_ONLY: True})

    @contextmanager
    def unit_of_work(self, *, read_only: bool = False) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back when it raises. ``read_only`` is for
        blocks that only read (on SQLite they then do not queue behind writers for the write lock)."""
        session = (self.read_session_factory if read_only else self.session_factory)()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @property
    def backend(self) -> str:
        return self.engine.url.get_backend_name()

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()
