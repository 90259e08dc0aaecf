"""Migration 0015 moves statuses stored under old keys (forms, old lemmas) to lemma + part of speech,
on SQLite and PostgreSQL, losing none."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from tests.conftest import new_postgres_database
from vocabsphere.store.migrate import upgrade_database

T0 = datetime(2026, 11, 1, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def old_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh database at revision 0010 (statuses keyed by one string)."""
    if request.param == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
        upgrade_database(engine, "0010")
        yield engine
        engine.dispose()
        return
    with new_postgres_database("vs_mig") as url:
        engine = create_engine(url)
        upgrade_database(engine, "0010")
        yield engine
        engine.dispose()


def _add_user(connection: object, user_id: int) -> None:
    connection.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO users (id, username, password_hash, role, display_name, native_language, cefr_level,"
            " daily_goal, is_active, created_at) VALUES (:id, :name, 'x', 'learner', '', 'de', 'B1', 10,"
            " true, :at)"
        ),
        {"id": user_id, "name": f"user{user_id}", "at": T0},
    )


def test_old_statuses_move_to_lemma_and_part_of_speech(old_engine: Engine) -> None:
    rows = [
        # user, string stored, status, minutes after T0
        (1, "troops", 2, 0),  # a form: the saved word "troop" (NOUN) decides
        (1, "escalating", 3, 0),  # a form of one verb
        (1, "bees", 5, 0),  # the trained lemmatiser's old lemma
        (1, "state", 4, 0),  # a lemma of a noun and a verb: kept for every part of speech
        (1, "saw", 1, 0),  # a noun and a form of "see": left as it was
        (1, "zorblat", 6, 0),  # unknown to every dictionary: left as it was
        (1, "runs", 2, 1),  # "runs" and "run" meet on one key: the most recent one wins
        (1, "run", 4, 5),
        (2, "troops", 1, 0),  # another learner, nothing saved: "troop" as noun or verb
    ]
    with old_engine.begin() as connection:
        _add_user(connection, 1)
        _add_user(connection, 2)
        connection.execute(
            text(
                "INSERT INTO saved_words (user_id, lemma, pos, word, sentence, definition, translation,"
                " created_at) VALUES (1, 'troop', 'NOUN', 'troops', '', '', '', :at)"
            ),
            {"at": T0},
        )
        for user_id, lemma, status, minutes in rows:
            connection.execute(
                text(
                    "INSERT INTO word_statuses (user_id, lemma, status, updated_at) VALUES (:u, :l, :s, :t)"
                ),
                {"u": user_id, "l": lemma, "s": status, "t": T0 + timedelta(minutes=minutes)},
            )

    upgrade_database(old_engine, "0015")

    with old_engine.connect() as connection:
        found = {
            (user_id, lemma, pos): status
            for user_id, lemma, pos, status in connection.execute(
                text("SELECT user_id, lemma, pos, status FROM word_statuses")
            )
        }
    assert found == {
        (1, "troop", "NOUN"): 2,
        (1, "escalate", "VERB"): 3,
        (1, "bee", "NOUN"): 5,
        (1, "state", ""): 4,
        (1, "saw", ""): 1,
        (1, "zorblat", ""): 6,
        (1, "run", ""): 4,
        (2, "troop", ""): 1,
    }
    # The new key is unique per learner, lemma and part of speech: the same lemma as a verb is a new row.
    with old_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO word_statuses (user_id, lemma, pos, status, updated_at)"
                " VALUES (1, 'troop', 'VERB', 1, :t)"
            ),
            {"t": T0},
        )
    # Down again: one row per lemma, the most recent part of speech.
    upgrade_database_down(old_engine)
    with old_engine.connect() as connection:
        lemmas = [
            row[0] for row in connection.execute(text("SELECT lemma FROM word_statuses WHERE user_id = 1"))
        ]
    assert sorted(lemmas) == ["bee", "escalate", "run", "saw", "state", "troop", "zorblat"]


def upgrade_database_down(engine: Engine) -> None:
    from alembic import command

    from vocabsphere.store.migrate import alembic_config

    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0010")
