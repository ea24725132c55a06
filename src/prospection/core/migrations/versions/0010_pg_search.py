"""pg search: the search index on PostgreSQL (nothing changes on SQLite)

On SQLite the search document `prospect_search.body` is an FTS5 table folding case and
accents itself. On PostgreSQL it is a plain table kept by the same triggers (migration
0001); this revision gives it the same search there: two SQL functions and a GIN index.

- `prospection_search_document(body)`: the document as a `tsvector` of its words,
  folded like FTS5's unicode61 tokenizer with remove_diacritics: lower case, accents
  and ligatures removed by the `unaccent` extension ("Cœur" -> "coeur", "Straße" ->
  "strasse", "Æ" -> "ae"), split on everything that is not a letter or a digit (the
  `simple` configuration: no stemming, no stop words).
- `prospection_search_query(query)`: a `to_tsquery` string (`'word':* & ...`, built by
  core/search.py) folded the same way.
- A GIN index on the document's expression, which `@@` with prefix words (`:*`) uses.

`unaccent` is a "trusted" contrib extension (postgresql-contrib): the database owner may
create it. It lives in whatever schema it was created in; the functions name that
schema, so a search_path without it still finds it. It is left in place on downgrade
(other schemas of the same database may use it).

Revision ID: 0010_pg_search
Revises: 0009_users
Create Date: 2026-12-05 19:10:00

"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from prospection.core.migrations import portable

revision: str = "0010_pg_search"
down_revision: str | Sequence[str] | None = "0009_users"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _unaccent_schema() -> str:
    schema = (
        op.get_bind()
        .execute(
            text(
                "SELECT n.nspname FROM pg_extension e "
                "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'"
            )
        )
        .scalar_one()
    )
    return str(schema)


def upgrade() -> None:
    """Upgrade schema."""
    if portable.is_sqlite():
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema = _unaccent_schema().replace('"', '""')
    # unaccent() is only STABLE (its dictionary could change); naming the dictionary
    # makes the wrapper safe to declare IMMUTABLE, which an index expression needs.
    fold = f'lower("{schema}".unaccent(\'"{schema}".unaccent\'::regdictionary, $1))'
    op.execute(
        "CREATE OR REPLACE FUNCTION prospection_search_document(body text) RETURNS tsvector "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS "
        f"$$ SELECT to_tsvector('simple', regexp_replace({fold}, '[^[:alnum:]]+', ' ', 'g')) $$"
    )
    op.execute(
        "CREATE OR REPLACE FUNCTION prospection_search_query(query text) RETURNS tsquery "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS "
        f"$$ SELECT to_tsquery('simple', {fold}) $$"
    )
    op.execute(
        "CREATE INDEX prospect_search_document ON prospect_search "
        "USING gin (prospection_search_document(body))"
    )


def downgrade() -> None:
    """Downgrade schema."""
    if portable.is_sqlite():
        return
    op.execute("DROP INDEX IF EXISTS prospect_search_document")
    op.execute("DROP FUNCTION IF EXISTS prospection_search_query(text)")
    op.execute("DROP FUNCTION IF EXISTS prospection_search_document(text)")
