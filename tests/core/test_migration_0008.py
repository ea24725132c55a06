"""Migration 0008: whether the table's shown phone is wrong, copied onto the prospect."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from prospection.core.db import alembic_config, create_sqlite_engine


def _shown(connection) -> dict[str, tuple[str | None, int]]:  # type: ignore[no-untyped-def]
    rows = connection.execute(
        text("SELECT name, shown_phone_raw, shown_phone_wrong FROM prospect ORDER BY id")
    )
    return {name: (raw, wrong) for name, raw, wrong in rows}


def _insert(connection, table: str, **values: object) -> None:  # type: ignore[no-untyped-def]
    # Every required column of the table at 0007 gets a plain value of its type.
    for _, column, kind, required, default, key in connection.execute(
        text(f"PRAGMA table_info({table})")
    ):
        if required and default is None and not key and column not in values:
            kind = kind.upper()
            plain: object = "2026-01-01 00:00:00" if "DATE" in kind else ""
            if any(word in kind for word in ("INT", "BOOL")):
                plain = 0
            if column == "extra_fields":
                plain = "{}"
            values[column] = plain
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), values)


def test_0008_copies_the_wrong_flag_of_the_shown_phone_and_keeps_it(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "p.sqlite3")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0007")
        for pid, name in ((1, "all wrong"), (2, "one wrong"), (3, "none")):
            _insert(connection, "prospect", id=pid, name=name, stage="new")
            _insert(connection, "contact", id=pid, prospect_id=pid, is_primary=1, role="other")
        phones = [(1, "01", 1, 0), (2, "02", 1, 0), (2, "03", 0, 1), (3, "04", 0, 0)]
        for contact, raw, wrong, position in phones:
            _insert(
                connection,
                "phone",
                contact_id=contact,
                raw=raw,
                is_wrong=wrong,
                position=position,
                kind="work",
            )
        command.upgrade(alembic_config(connection), "head")
        assert _shown(connection) == {
            "all wrong": ("01", 1),
            "one wrong": ("03", 0),
            "none": ("04", 0),
        }
        # The triggers keep it: the last good number flagged wrong, then mended.
        connection.execute(text("UPDATE phone SET is_wrong = 1 WHERE raw = '04'"))
        assert _shown(connection)["none"] == ("04", 1)
        connection.execute(text("UPDATE phone SET is_wrong = 0 WHERE raw = '01'"))
        assert _shown(connection)["all wrong"] == ("01", 0)
        command.downgrade(alembic_config(connection), "0007")
        columns = [row[1] for row in connection.execute(text("PRAGMA table_info(prospect)"))]
        assert "shown_phone_wrong" not in columns
        connection.execute(text("UPDATE phone SET is_wrong = 1 WHERE raw = '02'"))
    engine.dispose()
