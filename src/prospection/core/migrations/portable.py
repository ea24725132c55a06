"""What lets the same revisions build the schema on SQLite and on PostgreSQL.

The revisions write their triggers in SQLite's form (`CREATE TRIGGER name AFTER ... ON t
[WHEN cond] BEGIN body END`). On PostgreSQL the same body runs in a PL/pgSQL function
called by a row trigger; the few SQLite functions the bodies use are renamed. Keep this
module stable: revisions that were released depend on what it produces.
"""

from __future__ import annotations

import re

from alembic import op

_WHEN = re.compile(
    r"^(?P<timing>AFTER|BEFORE)\s+(?P<event>.+?)\s+ON\s+(?P<table>\w+)"
    r"(?:\s+WHEN\s+(?P<condition>.+))?$",
    re.DOTALL,
)

# SQLite spellings -> PostgreSQL ones, in the trigger bodies and backfills.
_PG_SPELLINGS = (
    ("group_concat(", "string_agg("),
    ("char(31)", "chr(31)"),
    ("coalesce(ph.is_wrong, 0)", "coalesce(ph.is_wrong, false)"),
)


def is_sqlite() -> bool:
    """True when the revision runs on the SQLite file."""
    return bool(op.get_bind().dialect.name == "sqlite")


def sql(statement: str) -> str:
    """`statement` in the running dialect's spelling (written in SQLite's)."""
    if is_sqlite():
        return statement
    for sqlite_form, pg_form in _PG_SPELLINGS:
        statement = statement.replace(sqlite_form, pg_form)
    return statement


def _table(when: str) -> str:
    match = _WHEN.match(when.strip())
    if match is None:
        raise ValueError(f"unexpected trigger timing: {when!r}")
    return match["table"]


def create_trigger(name: str, when: str, body: str) -> None:
    """Create the row trigger `name` (`when`: "AFTER INSERT ON t [WHEN cond]")."""
    if is_sqlite():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN\n{body}\nEND")
        return
    match = _WHEN.match(when.strip())
    if match is None:
        raise ValueError(f"unexpected trigger timing: {when!r}")
    condition = f" WHEN ({match['condition']})" if match["condition"] else ""
    op.execute(
        f"CREATE OR REPLACE FUNCTION {name}_fn() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n{sql(body)}\nRETURN NULL;\nEND\n$$"
    )
    op.execute(
        f"CREATE TRIGGER {name} {match['timing']} {match['event']} ON {match['table']} "
        f"FOR EACH ROW{condition} EXECUTE FUNCTION {name}_fn()"
    )


def drop_trigger(name: str, when: str) -> None:
    """Drop the trigger `name` if it exists (`when` names its table, as for create)."""
    if is_sqlite():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    op.execute(f"DROP TRIGGER IF EXISTS {name} ON {_table(when)}")
    op.execute(f"DROP FUNCTION IF EXISTS {name}_fn()")


def false_default() -> str:
    """A boolean column's server default of false."""
    return "0" if is_sqlite() else "false"
