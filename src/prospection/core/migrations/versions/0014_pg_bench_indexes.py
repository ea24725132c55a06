"""pg bench indexes: the search document stored on PostgreSQL (nothing changes on SQLite)

Migration 0010 indexed the search document's expression,
`prospection_search_document(body)`. The GIN index finds the matching documents without
computing them, but a plan that checks rows one by one (a page of the table walked in
its sort order, the row-by-row probe of `search.probe_filter`) computed the document
(unaccent, regular expression, `to_tsvector`) at every row: about half a millisecond
each, so that filtering the table by a word matching 4% of 100,000 prospects took 1.5 to
3.8 s on PostgreSQL against 20 to 60 ms on SQLite (benchmark harness, issue #17).

Now the document is a stored generated column `prospect_search.document` (the same
function, computed once when the row is written by the triggers of migration 0001), and
the GIN index is on that column: a row's check reads the stored `tsvector` (a few
microseconds). `core/search.py` matches against the column. Adding the column rewrites
the table once (every document computed: about a second per 10,000 prospects).

The table's sort indexes also end with the prospect id on PostgreSQL. The table sorts by
a column then by id (`ORDER BY col NULLS LAST, id`): SQLite's index on `col` holds the
rowid after it, so its order is exactly that; PostgreSQL's does not, and it sorted each
run of equal values by id, which for a column of few values is most of the table (sort
by stage at a million prospects: 1.2 s against 25 ms on SQLite). With `(col, id)` the
first page is read straight from the index again.

Revision ID: 0014_pg_bench_indexes
Revises: 0013_user_name_unique
Create Date: 2026-12-05 21:30:00

"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from prospection.core.migrations import portable

revision: str = "0014_pg_bench_indexes"
down_revision: str | Sequence[str] | None = "0013_user_name_unique"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


#: The prospect table's sort indexes (migrations 0001, 0003, 0005).
SORT_INDEXES = (
    "ix_prospect_name_nocase",
    "ix_prospect_city_nocase",
    "ix_prospect_stage_rank",
    "ix_prospect_priority",
    "ix_prospect_next_action_at",
    "ix_prospect_last_contact_at",
    "ix_prospect_sort_contact",
    "ix_prospect_sort_phone",
    "ix_prospect_sort_tags",
)
_ID = ", id)"


def _definitions() -> dict[str, str]:
    rows = op.get_bind().execute(
        text(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() AND tablename = 'prospect'"
        )
    )
    return {str(name): str(definition) for name, definition in rows if name in SORT_INDEXES}


def _rebuild_sort_indexes(with_id: bool) -> None:
    """Each sort index again, ending with the id (`with_id`) or not (as before)."""
    for name, definition in _definitions().items():
        if definition.endswith(_ID) == with_id:
            continue
        changed = definition[: -len(_ID)] + ")" if not with_id else definition[:-1] + _ID
        op.execute(f'DROP INDEX "{name}"')
        op.execute(changed)


def upgrade() -> None:
    """Upgrade schema."""
    if portable.is_sqlite():
        return
    op.execute("DROP INDEX IF EXISTS prospect_search_document")
    op.execute(
        "ALTER TABLE prospect_search ADD COLUMN document tsvector "
        "GENERATED ALWAYS AS (prospection_search_document(body)) STORED"
    )
    op.execute("CREATE INDEX prospect_search_document ON prospect_search USING gin (document)")
    _rebuild_sort_indexes(with_id=True)


def downgrade() -> None:
    """Downgrade schema."""
    if portable.is_sqlite():
        return
    _rebuild_sort_indexes(with_id=False)
    op.execute("DROP INDEX IF EXISTS prospect_search_document")
    op.execute("ALTER TABLE prospect_search DROP COLUMN document")
    op.execute(
        "CREATE INDEX prospect_search_document ON prospect_search "
        "USING gin (prospection_search_document(body))"
    )
