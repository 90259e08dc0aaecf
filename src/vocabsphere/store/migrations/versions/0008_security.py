"""security: rating request ids per card, undo request ids

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_logs", schema=None) as batch_op:
        batch_op.drop_constraint("uq_review_logs_user_id", type_="unique")
        batch_op.create_unique_constraint(
            "uq_review_logs_user_card_request", ["user_id", "card_id", "request_id"]
        )
    op.create_table(
        "undo_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_undo_requests_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_undo_requests")),
        sa.UniqueConstraint("user_id", "request_id", name=op.f("uq_undo_requests_user_id")),
    )


def downgrade() -> None:
    op.drop_table("undo_requests")
    with op.batch_alter_table("review_logs", schema=None) as batch_op:
        batch_op.drop_constraint("uq_review_logs_user_card_request", type_="unique")
        batch_op.create_unique_constraint("uq_review_logs_user_id", ["user_id", "request_id"])
