"""Issue 14, item 10 (sixth round): a column no new row fills is written once, as a literal.

The writer leaves out of each row's bound values the optional columns that no new
prospect or contact fills (size, pains, country, stage, consumer flag, owner, do-not-call
flag, role, LinkedIn...) and writes what they would all have held into the statement.
A row must be stored exactly alike either way: these tests import each row alone (its
empty columns then constant) and among rows that fill them (bound), and compare.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from prospection.core.db import Database
from prospection.core.imports import apply_plan, detect_layout, plan_import
from prospection.core.imports.source import read_data
from prospection.core.models import Contact, Prospect

_HEADER = (
    "Company,First name,Last name,Role,LinkedIn,Country,Stage,Particulier,Size,Pains,Notes,Email"
)
_PLAIN = "Plain SARL,Jean,Dupont,,,,,,,,,jean@plain.fr"
_FILLED = (
    "Filled SAS,Léa,Martin,decision maker,https://www.linkedin.com/in/lea-martin,Belgique,"
    "meeting,oui,10-50,Trop de papier,Rappeler en mai,lea@filled.fr"
)
_TABLES: dict[str, Any] = {"prospect": Prospect.__table__, "contact": Contact.__table__}
# Columns that differ by nature between two files (ids, times, the batch).
_SKIPPED = {"id", "prospect_id", "import_batch_id", "collected_at", "created_at", "updated_at"}


def _import(db: Database, *lines: str) -> None:
    table = read_data("\n".join((_HEADER, *lines)).encode("utf-8"), "list.csv")
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    apply_plan(db, plan, backup_first=False)


def _stored(db: Database, table: str, name_column: str, name: str) -> dict[str, Any]:
    """Every column of the row of `table` named `name`, with its SQL type (SQLite)."""
    with db.session() as session:
        connection = session.connection()
        columns = [c.name for c in _TABLES[table].columns]
        kept = [c for c in columns if c not in _SKIPPED]
        if connection.dialect.name == "sqlite":
            picked = ", ".join(f'typeof("{c}"), quote("{c}")' for c in kept)
        else:
            picked = ", ".join(f'pg_typeof("{c}")::text, "{c}"::text' for c in kept)
        row = session.execute(
            text(f'SELECT {picked} FROM "{table}" WHERE "{name_column}" = :name'),
            {"name": name},
        ).one()
    return {column: (row[2 * i], row[2 * i + 1]) for i, column in enumerate(kept)}


def test_an_unfilled_column_is_stored_as_when_bound(db: Database) -> None:
    # The plain row alone: nothing fills the optional columns, all constant.
    _import(db, _PLAIN)
    alone = _stored(db, "prospect", "name", "Plain SARL")
    alone_contact = _stored(db, "contact", "email", "jean@plain.fr")
    # The same row (another company and person, not to merge) beside one that fills
    # them all: every column bound.
    _import(db, _FILLED, _PLAIN.replace("Plain SARL", "Plain Bis").replace("jean@", "j2@"))
    beside = _stored(db, "prospect", "name", "Plain Bis")
    beside_contact = _stored(db, "contact", "email", "j2@plain.fr")
    for found in (alone, beside):
        found.pop("name")
        found.pop("name_key")
    assert alone == beside
    assert {k: v for k, v in alone_contact.items() if k != "email"} == {
        k: v for k, v in beside_contact.items() if k != "email"
    }
    # What an unfilled row holds, spelled out.
    if db.engine.dialect.name == "sqlite":
        assert alone["country"] == ("text", "'FR'")
        assert alone["stage"] == ("text", "'new'")
        assert alone["size"] == ("text", "''")
        assert alone["is_consumer"] == ("integer", "0")
        assert alone["has_dnc"] == ("integer", "0")
        assert alone["owner_id"] == ("null", "NULL")
        assert alone_contact["role"] == ("text", "'other'")
        assert alone_contact["linkedin_url"] == ("text", "''")
    # And the filled row kept its own values in the right columns.
    filled = _stored(db, "prospect", "name", "Filled SAS")
    filled_contact = _stored(db, "contact", "email", "lea@filled.fr")
    assert "BE" in filled["country"][1]
    assert "meeting" in filled["stage"][1]
    assert "10-50" in filled["size"][1]
    assert "Trop de papier" in filled["pains"][1]
    assert "Rappeler en mai" in filled["notes"][1]
    assert filled["is_consumer"][1] in ("1", "true")
    assert "lea-martin" in filled_contact["linkedin_url"][1]
    assert "decision_maker" in filled_contact["role"][1]
