"""CEFR level of articles and stories

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cefr_level", sa.String(length=2), nullable=True))
        batch_op.add_column(sa.Column("level_score", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("analysis_version", sa.String(length=120), nullable=True))
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cefr_level", sa.String(length=2), nullable=True))
        batch_op.add_column(sa.Column("level_score", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_column("level_score")
        batch_op.drop_column("cefr_level")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("analysis_version")
        batch_op.drop_column("level_score")
        batch_op.drop_column("cefr_level")
