"""reading and statuses

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reading_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=4), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("active_seconds", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_reading_sessions_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_reading_sessions_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reading_sessions")),
    )
    with op.batch_alter_table("reading_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_reading_sessions_user_story", ["user_id", "story_id"], unique=False)

    op.create_table(
        "word_statuses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("lemma", sa.String(length=100), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_word_statuses_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_word_statuses")),
        sa.UniqueConstraint("user_id", "lemma", name=op.f("uq_word_statuses_user_id")),
    )
    op.create_table(
        "word_encounters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("saved_word_id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=4), nullable=False),
        sa.Column("form", sa.String(length=100), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["saved_word_id"],
            ["saved_words.id"],
            name=op.f("fk_word_encounters_saved_word_id_saved_words"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_word_encounters_story_id_stories"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_word_encounters")),
        sa.UniqueConstraint("saved_word_id", "story_id", name=op.f("uq_word_encounters_saved_word_id")),
    )
    with op.batch_alter_table("review_logs", schema=None) as batch_op:
        batch_op.create_index("ix_review_logs_user_time", ["user_id", "reviewed_at"], unique=False)
        batch_op.add_column(sa.Column("was_new", sa.Boolean(), nullable=False, server_default=sa.false()))

    with op.batch_alter_table("story_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reader_json", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("lemmas_json", sa.Text(), nullable=False, server_default="{}"))

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("desired_retention", sa.Double(), nullable=False, server_default="0.9"))
        batch_op.add_column(sa.Column("new_cards_per_day", sa.Integer(), nullable=False, server_default="20"))
        batch_op.add_column(sa.Column("reviews_per_day", sa.Integer(), nullable=False, server_default="200"))
        batch_op.add_column(sa.Column("fsrs_params_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("fsrs_params_json")
        batch_op.drop_column("reviews_per_day")
        batch_op.drop_column("new_cards_per_day")
        batch_op.drop_column("desired_retention")

    with op.batch_alter_table("story_versions", schema=None) as batch_op:
        batch_op.drop_column("lemmas_json")
        batch_op.drop_column("reader_json")

    with op.batch_alter_table("review_logs", schema=None) as batch_op:
        batch_op.drop_column("was_new")
        batch_op.drop_index("ix_review_logs_user_time")

    op.drop_table("word_encounters")
    op.drop_table("word_statuses")
    with op.batch_alter_table("reading_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_reading_sessions_user_story")

    op.drop_table("reading_sessions")
