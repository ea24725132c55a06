"""search prefix 4: four-letter words get a prefix list of their own in the search index

Typing a four-letter word ("marc", "boul") into the filter asked the full-text index to
merge the lists of every word starting with it (marchand, marcel, marché ...): 12 ms
to count the matches of "marc" at a million prospects, and again to list them for the
first page. With four-letter prefixes indexed, as two- and three-letter ones already
were, it is one list (about 3 ms). The index is rebuilt from the prospects with the
document the schema's own trigger writes; it costs about 11% more index bytes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 17:40:00

"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from prospection.core.migrations import portable

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


def _rebuild(prefixes: str) -> None:
    # The document each prospect has is the one its INSERT trigger writes: that very
    # statement, widened to every prospect (the triggers themselves are unchanged, and
    # name the table, not this version of it).
    trigger = (
        op.get_bind()
        .execute(
            text(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                "AND name = 'prospect_search_ai'"
            )
        )
        .scalar()
    )
    if trigger is None:
        raise RuntimeError("the search trigger prospect_search_ai is missing")
    start = trigger.index("INSERT INTO prospect_search")
    statement = trigger[start : trigger.index(";", start)]
    if "WHERE p.id = NEW.id" not in statement:
        raise RuntimeError("the search document no longer has the expected shape")
    op.execute("DROP TABLE prospect_search")
    op.execute(f"CREATE VIRTUAL TABLE prospect_search USING fts5(body, {_TOKENIZE}, {prefixes})")
    op.execute(statement.replace("WHERE p.id = NEW.id", ""))


def upgrade() -> None:
    """Upgrade schema."""
    if not portable.is_sqlite():
        return  # FTS5 prefix lists: SQLite's index only
    _rebuild("prefix = '2 3 4'")


def downgrade() -> None:
    """Downgrade schema."""
    if not portable.is_sqlite():
        return
    _rebuild("prefix = '2 3'")
