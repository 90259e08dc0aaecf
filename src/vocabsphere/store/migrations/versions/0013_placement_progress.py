"""placement tests: state between steps, result (level, vocabulary size, how reached), decision;
indexes serving reviews, retention and vocabulary-book size per day from the index alone

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "placement_tests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("state_json", sa.Text(), nullable=False),
        sa.Column("level_before", sa.String(length=2), nullable=False),
        sa.Column("level", sa.String(length=2), nullable=True),
        sa.Column("vocabulary_size", sa.Integer(), nullable=True),
        sa.Column("result_json", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=8), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_placement_tests_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_tests")),
    )
    op.create_index("ix_placement_tests_user_time", "placement_tests", ["user_id", "created_at"])
    op.create_index("ix_saved_words_user_time", "saved_words", ["user_id", "created_at"])
    op.create_index(
        "ix_review_logs_user_time_outcome", "review_logs", ["user_id", "reviewed_at", "was_new", "rating"]
    )


def downgrade() -> None:
    op.drop_index("ix_review_logs_user_time_outcome", table_name="review_logs")
    op.drop_index("ix_saved_words_user_time", table_name="saved_words")
    op.drop_index("ix_placement_tests_user_time", table_name="placement_tests")
    op.drop_table("placement_tests")
