"""word statuses keyed by lemma and part of speech; old statuses moved to that key

Statuses were stored under one string per learner: before the reader used the look-up's lemma,
that was often the form tapped ("troops", "escalating") or the trained lemmatiser's lemma ("bees").
Each row is moved to the lemma and coarse part of speech (core/reading/word_keys.py):
- a saved word of the learner whose lemma the row names (as a form or a lemma) decides the key;
- else the lemma the reader gives the string in each part of speech (lemminflect's first): one
  lemma in one part of speech -> that key; one lemma in several -> the lemma for every part of
  speech ("" pos);
- else (unknown strings, or forms of different lemmas such as "saw") the row stays as it was,
  for every part of speech, so it still shows wherever it showed before.
Saved words' statuses end up under their own key. When several rows land on one key the most
recently set one is kept (the learner's latest judgement); no row is dropped otherwise.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import cast

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# Fixed copy of core/reading/word_keys.STATUS_POS as of this revision (a migration must not change
# when the code does).
_STATUS_POS = {"NOUN": "NOUN", "PROPN": "NOUN", "VERB": "VERB", "AUX": "VERB", "ADJ": "ADJ", "ADV": "ADV"}

_statuses = sa.table(
    "word_statuses",
    sa.column("id", sa.Integer),
    sa.column("user_id", sa.Integer),
    sa.column("lemma", sa.String),
    sa.column("pos", sa.String),
    sa.column("status", sa.Integer),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
_saved = sa.table(
    "saved_words",
    sa.column("user_id", sa.Integer),
    sa.column("lemma", sa.String),
    sa.column("pos", sa.String),
    sa.column("word", sa.String),
)


def _lemmas_by_pos(text: str) -> dict[str, set[str]]:
    """Status part of speech -> the lemma the reader gives the string as that part of speech
    (lemminflect's first, as ``core.lexicon.sense_ranking.inflect_lemma``)."""
    from lemminflect import getAllLemmas

    found: dict[str, set[str]] = {}
    for upos, lemmas in getAllLemmas(text).items():
        group = _STATUS_POS.get(upos, "")
        if group and lemmas:
            found.setdefault(group, set()).add(lemmas[0].lower())
    return found


def target_key(text: str, saved: Mapping[str, tuple[str, str]]) -> tuple[str, str]:
    """(lemma, pos) an old status row's string moves to; ``saved`` maps a saved word's lemma and
    its written form to (lemma, status part of speech)."""
    if text in saved:
        return saved[text]
    readings = _lemmas_by_pos(text)
    for lemma in sorted({lemma for found in readings.values() for lemma in found}):
        if lemma in saved:
            return saved[lemma]
    lemmas = {lemma for found in readings.values() for lemma in found}
    if len(lemmas) != 1:
        return text, ""
    (lemma,) = lemmas
    return (lemma, next(iter(readings))) if len(readings) == 1 else (lemma, "")


Row = tuple[int, int, str, datetime]  # id, user id, lemma, updated at


def _rows(connection: sa.Connection) -> list[Row]:
    query = sa.select(_statuses.c.id, _statuses.c.user_id, _statuses.c.lemma, _statuses.c.updated_at)
    return [cast(Row, tuple(row)) for row in connection.execute(query.order_by(_statuses.c.id))]


def _newest(slots: Mapping[int, tuple[object, ...]], rows: list[Row]) -> set[int]:
    """Ids of the rows to keep: per slot, the most recently set row."""
    best: dict[tuple[object, ...], tuple[datetime, int]] = {}
    for row_id, _, _, updated_at in rows:
        slot = slots[row_id]
        if slot not in best or (updated_at, row_id) >= best[slot]:
            best[slot] = (updated_at, row_id)
    return {row_id for _, row_id in best.values()}


def _saved_keys(connection: sa.Connection) -> dict[int, dict[str, tuple[str, str]]]:
    keys: dict[int, dict[str, tuple[str, str]]] = {}
    query = sa.select(_saved.c.user_id, _saved.c.lemma, _saved.c.pos, _saved.c.word)
    found = cast(list[tuple[int, str, str, str]], connection.execute(query).all())
    for user_id, lemma, pos, word in found:
        key = (lemma, _STATUS_POS.get((pos or "").upper(), ""))
        mine = keys.setdefault(user_id, {})
        mine.setdefault(lemma, key)
        mine.setdefault(" ".join((word or "").replace("\u2019", "'").split()).casefold(), key)
    return keys


def _move_rows(connection: sa.Connection) -> None:
    saved = _saved_keys(connection)
    rows = _rows(connection)
    targets = {row_id: target_key(lemma, saved.get(user_id, {})) for row_id, user_id, lemma, _ in rows}
    keep = _newest({row_id: (user_id, *targets[row_id]) for row_id, user_id, _, _ in rows}, rows)
    losers = [row_id for row_id, _, _, _ in rows if row_id not in keep]
    if losers:
        connection.execute(sa.delete(_statuses).where(_statuses.c.id.in_(losers)))
    moved = [row_id for row_id, _, lemma, _ in rows if row_id in keep and targets[row_id] != (lemma, "")]
    # Two passes, so that no moved row meets another row's old key under the new constraint.
    for row_id in moved:
        connection.execute(
            sa.update(_statuses).where(_statuses.c.id == row_id).values(lemma=f"#moving#{row_id}", pos="")
        )
    for row_id in moved:
        lemma, pos = targets[row_id]
        connection.execute(sa.update(_statuses).where(_statuses.c.id == row_id).values(lemma=lemma, pos=pos))


def upgrade() -> None:
    with op.batch_alter_table("word_statuses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pos", sa.String(length=8), server_default="", nullable=False))
        batch_op.drop_constraint("uq_word_statuses_user_id", type_="unique")
        batch_op.create_unique_constraint("uq_word_statuses_user_id", ["user_id", "lemma", "pos"])
    _move_rows(op.get_bind())


def downgrade() -> None:
    # One row per lemma again: the most recently set part of speech wins.
    connection = op.get_bind()
    rows = _rows(connection)
    keep = _newest({row_id: (user_id, lemma) for row_id, user_id, lemma, _ in rows}, rows)
    drop = [row_id for row_id, _, _, _ in rows if row_id not in keep]
    if drop:
        connection.execute(sa.delete(_statuses).where(_statuses.c.id.in_(drop)))
    with op.batch_alter_table("word_statuses", schema=None) as batch_op:
        batch_op.drop_constraint("uq_word_statuses_user_id", type_="unique")
        batch_op.create_unique_constraint("uq_word_statuses_user_id", ["user_id", "lemma"])
        batch_op.drop_column("pos")
