"""pg search count: PostgreSQL keeps each search document, not its text (nothing changes on SQLite)

Counting the prospects a search matches is a pass over `prospect_search` on PostgreSQL
whenever a word matches many documents ("ma", "04": a fifth to most of them), and the
table was twice the size it needs: each row held the document's text (`body`, ~430
bytes, written by the triggers of migration 0001) beside the `tsvector` computed from it
(migration 0014's stored column), and nothing reads the text again. At 100,000
prospects the count of "ma" read 128 MB in 70 ms; the same documents alone take 78 MB
and 36 ms, at a million prospects 1.3 GB against 0.8 GB.

Now the triggers still write the text, but a BEFORE trigger on `prospect_search` turns
it into the document and stores no text: `document` becomes a plain column (its values
kept), filled by `prospection_search_fold()` whenever a row comes with a text. A row
without a text keeps the document it was given (a copy of the rows, which carries its
documents). The table is rewritten once, without the texts (about a second per 10,000
prospects). The search itself (core/search.py) is unchanged.

Downgrade: the texts are written again for every prospect (the statement of the
`prospect_search_ai` trigger, run for all of them), and the document is again the stored
column computed from them.

Revision ID: 0015_pg_search_count
Revises: 0014_pg_bench_indexes
Create Date: 2026-12-06 03:50:00

"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from prospection.core.migrations import portable

revision: str = "0015_pg_search_count"
down_revision: str | Sequence[str] | None = "0014_pg_bench_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The trigger of migration 0001 writing a prospect's document text (its statement is
#: run for every prospect on downgrade).
_DOCUMENT_TRIGGER = "prospect_search_ai_fn"
_INSERT = "INSERT INTO prospect_search"
_ONE = "WHERE p.id = NEW.id"


def upgrade() -> None:
    """Upgrade schema."""
    if portable.is_sqlite():
        return
    op.execute("ALTER TABLE prospect_search ALTER COLUMN document DROP EXPRESSION")
    # A USING expression makes PostgreSQL write the table again (the indexes too), here
    # without the texts: no dead rows left to a later VACUUM.
    op.execute("ALTER TABLE prospect_search ALTER COLUMN body TYPE text USING NULL")
    op.execute(
        "CREATE OR REPLACE FUNCTION prospection_search_fold() RETURNS trigger "
        "LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "  IF NEW.body IS NOT NULL THEN\n"
        "    NEW.document := prospection_search_document(NEW.body);\n"
        "    NEW.body := NULL;\n"
        "  END IF;\n"
        "  RETURN NEW;\n"
        "END\n$$"
    )
    op.execute(
        "CREATE TRIGGER prospect_search_fold BEFORE INSERT OR UPDATE OF body "
        "ON prospect_search FOR EACH ROW EXECUTE FUNCTION prospection_search_fold()"
    )


def _document_statement() -> str:
    """The INSERT of every prospect's document text (from migration 0001's trigger)."""
    source = str(
        op.get_bind()
        .execute(
            text(
                "SELECT prosrc FROM pg_proc WHERE proname = :name "
                "AND pronamespace = current_schema()::regnamespace"
            ),
            {"name": _DOCUMENT_TRIGGER},
        )
        .scalar_one()
    )
    start = source.index(_INSERT)
    statement = source[start : source.index(";", start)]
    every = statement.replace(_ONE, "")
    if _ONE not in statement or "NEW." in every:
        raise RuntimeError(f"unexpected statement in {_DOCUMENT_TRIGGER}: {statement!r}")
    return every


def downgrade() -> None:
    """Downgrade schema."""
    if portable.is_sqlite():
        return
    op.execute("DROP TRIGGER IF EXISTS prospect_search_fold ON prospect_search")
    op.execute("DROP FUNCTION IF EXISTS prospection_search_fold()")
    op.execute("DROP INDEX IF EXISTS prospect_search_document")
    op.execute("ALTER TABLE prospect_search DROP COLUMN document")
    statement = _document_statement()
    op.execute("DELETE FROM prospect_search")
    op.execute(statement)
    op.execute(
        "ALTER TABLE prospect_search ADD COLUMN document tsvector "
        "GENERATED ALWAYS AS (prospection_search_document(body)) STORED"
    )
    op.execute("CREATE INDEX prospect_search_document ON prospect_search USING gin (document)")
