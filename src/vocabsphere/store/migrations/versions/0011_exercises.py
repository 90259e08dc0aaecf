"""exercises from the learner's words: items per saved word, answers as events

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exercise_words",
        sa.Column("saved_word_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("generator_version", sa.String(length=32), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["saved_word_id"],
            ["saved_words.id"],
            name="fk_exercise_words_saved_word_id_saved_words",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_exercise_words_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("saved_word_id", name="pk_exercise_words"),
    )
    op.create_index("ix_exercise_words_user_id", "exercise_words", ["user_id"])
    op.create_table(
        "exercise_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("saved_word_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("item_key", sa.String(length=32), nullable=False),
        sa.Column("grammar_point", sa.String(length=48), nullable=True),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["saved_word_id"],
            ["saved_words.id"],
            name="fk_exercise_items_saved_word_id_saved_words",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_exercise_items_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_exercise_items"),
        sa.UniqueConstraint("saved_word_id", "item_key", name="uq_exercise_items_saved_word_id"),
    )
    op.create_index("ix_exercise_items_user_word", "exercise_items", ["user_id", "saved_word_id"])
    op.create_table(
        "exercise_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("near_miss", sa.Boolean(), nullable=False),
        sa.Column("review_card_id", sa.Integer(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["exercise_items.id"],
            name="fk_exercise_answers_item_id_exercise_items",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_exercise_answers_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_exercise_answers"),
        sa.UniqueConstraint("user_id", "request_id", name="uq_exercise_answers_user_request"),
    )
    op.create_index("ix_exercise_answers_user_time", "exercise_answers", ["user_id", "answered_at"])
    op.create_index("ix_exercise_answers_item", "exercise_answers", ["item_id"])


def downgrade() -> None:
    op.drop_table("exercise_answers")
    op.drop_table("exercise_items")
    op.drop_table("exercise_words")
