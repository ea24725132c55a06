"""pg sort walk: the expression sort indexes also hold their column (PostgreSQL only)

A searched page of the table on a server often walks the sort's index and keeps the rows
whose id is among the matches (`search.hashed_filter`). The name, city and stage sorts
are indexes on an expression (`lower(name)`, the stage's rank) ending with the id
(0014). PostgreSQL only reads such an index alone ("index-only scan") when every column
the query names is in it, and the query names `name` inside `lower(name)`: so each row
walked was also read from the table, a buffer visit per row. Walking 12,000 names to
fill the first page of "boul" at 100,000 prospects took 15 ms that way and 3 ms from
the index alone; at a million, ten times as many rows are walked.

Each of the three is built again with its column as an INCLUDE (not part of the order):
the index grows by the names (about 30% at a million prospects). Nothing changes on
SQLite, whose indexes hold the rowid and are read alone already.

Revision ID: 0016_pg_sort_walk
Revises: 0015_pg_search_count
Create Date: 2026-12-06 06:20:00

"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from prospection.core.migrations import portable

revision: str = "0016_pg_sort_walk"
down_revision: str | Sequence[str] | None = "0015_pg_search_count"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Index -> the column its expression reads.
INCLUDED = {
    "ix_prospect_name_nocase": "name",
    "ix_prospect_city_nocase": "city",
    "ix_prospect_stage_rank": "stage",
}


def _definitions() -> dict[str, str]:
    rows = op.get_bind().execute(
        text(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() AND tablename = 'prospect'"
        )
    )
    return {str(name): str(definition) for name, definition in rows if name in INCLUDED}


def upgrade() -> None:
    """Upgrade schema."""
    if portable.is_sqlite():
        return
    for name, definition in _definitions().items():
        if " INCLUDE " in definition:
            continue
        op.execute(f'DROP INDEX "{name}"')
        op.execute(f"{definition} INCLUDE ({INCLUDED[name]})")


def downgrade() -> None:
    """Downgrade schema."""
    if portable.is_sqlite():
        return
    for name, definition in _definitions().items():
        if " INCLUDE " not in definition:
            continue
        op.execute(f'DROP INDEX "{name}"')
        op.execute(definition[: definition.index(" INCLUDE ")])
