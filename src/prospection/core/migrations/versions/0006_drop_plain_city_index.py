"""drop the plain city index: no query compares the city case-sensitively

The table sorts by city through migration 0003's NOCASE index, and the search finds
cities through the full-text index; the plain index of the first schema served no
query, and every import and edit kept it up to date (31 ms of a 100,000-row import).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 17:10:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("DROP INDEX IF EXISTS ix_prospect_city")


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("CREATE INDEX IF NOT EXISTS ix_prospect_city ON prospect (city)")
