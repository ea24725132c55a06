"""change notify: a NOTIFY at every committed change the table shows (PostgreSQL only)

Team mode: the app of each colleague LISTENs on the channel `prospection_change` and
reloads its table when another one commits (core/change_feed.py). The triggers are
statement-level, with transition tables: one notification per statement, whatever the
number of rows (an import of 10,000 rows in batches sends one per batch, not 10,000).
NOTIFY is transactional: it is delivered at commit, and never for a rolled-back change.
A transaction that sends more than `MAX_PER_TRANSACTION` (an import writing row by row)
says "many" for the rest, which PostgreSQL folds into one per table.

Payload (JSON, well under PostgreSQL's 8000-byte limit):
`{"schema": "public", "table": "contact", "ids": [12, 40]}` — the prospects touched, or
`"ids": null` when there are more than `MAX_IDS` of them or the table has no prospect
(a tag renamed, a user's name): reload everything. The schema is in the payload because
the channel is shared by every schema of the database.

Triggers rather than NOTIFY sent by the app at commit: every writer is covered (the CLI,
bulk Core inserts of the import, an administrator's psql, an older app), and the
notification is tied to the transaction by the server itself.

Nothing on SQLite: one user, one window, no one to tell.

Revision ID: 0012_change_notify
Revises: 0011_prospect_version
Create Date: 2026-12-05 21:20:00

"""

from collections.abc import Sequence

from alembic import op

from prospection.core.migrations import portable

revision: str = "0012_change_notify"
down_revision: str | Sequence[str] | None = "0011_prospect_version"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Above this many prospects in one statement, the payload says "many" (null).
MAX_IDS = 200
#: After this many notifications in one transaction, the next ones say "many": they are
#: then identical per table, and PostgreSQL delivers identical ones of a transaction once
#: (an import writing row by row sends ~100 notifications, not one per row and table).
MAX_PER_TRANSACTION = 100

#: Table -> the SQL expression of the prospect's id over the transition table `changed`
#: (empty: the table has no prospect, everything is reloaded).
WATCHED = {
    "prospect": "changed.id",
    "contact": "changed.prospect_id",
    "phone": "(SELECT c.prospect_id FROM {schema}.contact c WHERE c.id = changed.contact_id)",
    "activity": "changed.prospect_id",
    "prospect_tag": "changed.prospect_id",
    "tag": "",
    "app_user": "",
}

_EVENTS = {"insert": "NEW", "update": "NEW", "delete": "OLD"}

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION prospection_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    expression text := TG_ARGV[0];
    ids bigint[];
    sent integer;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM changed) THEN
        RETURN NULL;  -- a statement that changed no row
    END IF;
    -- How many this transaction sent already (a setting local to the transaction).
    sent := coalesce(nullif(current_setting('prospection.notified', true), ''), '0')::integer;
    IF sent < {MAX_PER_TRANSACTION} THEN
        PERFORM set_config('prospection.notified', (sent + 1)::text, true);
    ELSE
        expression := '';  -- "many": identical notifications, delivered once
    END IF;
    IF expression <> '' THEN
        EXECUTE format(
            'SELECT array_agg(DISTINCT id) FROM (SELECT %s AS id FROM changed) s '
            'WHERE id IS NOT NULL',
            replace(expression, '{{schema}}', quote_ident(TG_TABLE_SCHEMA))
        ) INTO ids;
        IF ids IS NOT NULL AND cardinality(ids) > {MAX_IDS} THEN
            ids := NULL;
        END IF;
    END IF;
    PERFORM pg_notify(
        'prospection_change',
        json_build_object('schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME, 'ids', ids)::text
    );
    RETURN NULL;
END
$$
"""


def _trigger(table: str, event: str) -> str:
    return f"prospection_notify_{table}_{event}"


def upgrade() -> None:
    """Upgrade schema."""
    if portable.is_sqlite():
        return
    op.execute(_FUNCTION)
    for table, expression in WATCHED.items():
        quoted = expression.replace("'", "''")
        for event, side in _EVENTS.items():
            op.execute(
                f"CREATE TRIGGER {_trigger(table, event)} AFTER {event.upper()} ON {table} "
                f"REFERENCING {side} TABLE AS changed FOR EACH STATEMENT "
                f"EXECUTE FUNCTION prospection_notify_change('{quoted}')"
            )


def downgrade() -> None:
    """Downgrade schema."""
    if portable.is_sqlite():
        return
    for table in WATCHED:
        for event in _EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS {_trigger(table, event)} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS prospection_notify_change()")
