"""version prepared_at: when the follow-up job stored the taps' prepared answers

Part of the version's stamp that readers' caches are keyed by; before it, the job moved the build
time forward by a microsecond to change the stamp.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("story_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prepared_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("story_versions", schema=None) as batch_op:
        batch_op.drop_column("prepared_at")
