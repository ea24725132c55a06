"""call session progress: follow-ups created, skips, notes being typed

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 11:15:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("call_session", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("follow_ups", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("skipped", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("draft_notes", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("call_session", schema=None) as batch_op:
        batch_op.drop_column("draft_notes")
        batch_op.drop_column("skipped")
        batch_op.drop_column("follow_ups")
