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

Revision ID: 0014_pg_bench_indexes
Revises: 0010_pg_search
Create Date: 2026-12-05 21:30:00

"""

from collections.abc import Sequence

from alembic import op

from prospection.core.migrations import portable

revision: str = "0014_pg_bench_indexes"
down_revision: str | Sequence[str] | None = "0010_pg_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


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


def downgrade() -> None:
    """Downgrade schema."""
    if portable.is_sqlite():
        return
    op.execute("DROP INDEX IF EXISTS prospect_search_document")
    op.execute("ALTER TABLE prospect_search DROP COLUMN document")
    op.execute(
        "CREATE INDEX prospect_search_document ON prospect_search "
        "USING gin (prospection_search_document(body))"
    )
