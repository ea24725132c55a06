"""prospect version: a version counter on prospects and contacts (optimistic edits)

Issue 17 (team mode): two people edit the same prospect. Every write of a prospect or
contact row moves its `version` (the ORM's version counter, and the bulk writers by
hand); a save prepared on an older copy is then compared field by field with what is
stored (core/prospect_editing.py), so that a colleague's change is never overwritten
silently.

Existing rows start at version 1 (the server default). A plain ALTER TABLE ADD COLUMN
on both engines: no copy of a million-row table. No trigger or index reads the column.

Revision ID: 0011_prospect_version
Revises: 0010_pg_search
Create Date: 2026-12-05 21:15:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_prospect_version"
down_revision: str | Sequence[str] | None = "0010_pg_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("prospect", "contact")


def upgrade() -> None:
    """Upgrade schema."""
    for table in _TABLES:
        op.add_column(
            table,
            sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        )


def downgrade() -> None:
    """Downgrade schema."""
    for table in reversed(_TABLES):
        op.drop_column(table, "version")
