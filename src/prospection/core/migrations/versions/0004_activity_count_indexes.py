"""activity count indexes: weekly goals, streaks and insights count from indexes alone

Counting a week's outgoing calls by outcome used the index on `kind`, which holds
every call ever made (seconds at a million activities). An index on (kind, inbound,
occurred_at, outcome) answers those counts without reading the table. New clients are
found by `client_since` within a week, hence its own index.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 11:55:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(
        "ix_activity_kind_inbound_occurred",
        "activity",
        ["kind", "inbound", "occurred_at", "outcome"],
    )
    op.create_index("ix_prospect_client_since", "prospect", ["client_since"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_prospect_client_since", table_name="prospect")
    op.drop_index("ix_activity_kind_inbound_occurred", table_name="activity")
