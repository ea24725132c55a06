"""The import's schema floor: SQLite alone writing an import's final rows into our schema.

The rows an import wrote (prospects with their sort columns, contacts, phones, search
documents) are read back into memory, then executemany'd into a freshly migrated
Prospection file, with the app's connection settings (WAL, synchronous FULL,
secure_delete), its real indexes and its FTS5 table, and committed. No Python builds
anything during the timed part: this is what SQLite costs on our schema, the part of
the import that no Python optimisation can remove. Columns holding the same value in
every row are written as SQL literals, as the import's writer does (binding costs).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from prospection.core.db import open_database
from prospection.core.imports.writer import sql_literal

_TABLES = ("import_batch", "prospect", "contact", "phone")


def _rows(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """The imported rows of `path`: table -> (columns, rows), plus the search documents."""
    connection = sqlite3.connect(path)
    try:
        found: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
        for table in _TABLES:
            cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY id')
            names = [d[0] for d in cursor.description]
            found[table] = (names, cursor.fetchall())
        documents = connection.execute(
            "SELECT rowid, body FROM prospect_search ORDER BY rowid"
        ).fetchall()
        found["prospect_search"] = (["rowid", "body"], documents)
        return found
    finally:
        connection.close()


def _statements(
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]],
) -> dict[str, tuple[list[str], list[tuple[Any, ...]], dict[str, str]]]:
    """Per table: the bound columns, their rows, and the constant columns' literals."""
    found: dict[str, tuple[list[str], list[tuple[Any, ...]], dict[str, str]]] = {}
    for table, (names, values) in rows.items():
        literals: dict[str, str] = {}
        if len(values) > 1:
            for index, name in enumerate(names):
                first = values[0][index]
                literal = sql_literal(first)
                kind = type(first)
                if literal is not None and all(
                    type(row[index]) is kind and row[index] == first for row in values
                ):
                    literals[name] = literal
        keep = [i for i, name in enumerate(names) if name not in literals]
        found[table] = (
            [names[i] for i in keep],
            [tuple(row[i] for i in keep) for row in values],
            literals,
        )
    return found


def _connect(path: Path) -> sqlite3.Connection:
    """A connection set up as the app's engine sets up its own (`core.db`)."""
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "busy_timeout = 5000",
        "foreign_keys = ON",
        "journal_mode = WAL",
        "synchronous = FULL",
        "secure_delete = ON",
    ):
        connection.execute(f"PRAGMA {pragma}")
    return connection


def _write(
    path: Path,
    statements: dict[str, tuple[list[str], list[tuple[Any, ...]], dict[str, str]]],
    rebuild_indexes: bool,
) -> tuple[float, float]:
    """Wall and CPU seconds to write `rows` into the fresh file `path`, committed."""
    connection = _connect(path)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        connection.execute("BEGIN")
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%INSERT ON%'"
        ).fetchall()
        for name, _ in triggers:
            connection.execute(f'DROP TRIGGER "{name}"')
        indexes: list[str] = []
        if rebuild_indexes:
            for name, sql in connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN ('prospect', 'contact', 'phone')"
            ).fetchall():
                connection.execute(f'DROP INDEX "{name}"')
                indexes.append(sql)
        for table, (names, values, literals) in statements.items():
            columns = ", ".join(f'"{n}"' for n in [*names, *literals])
            marks = ", ".join(["?"] * len(names) + list(literals.values()))
            connection.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', values)
        for sql in indexes:
            connection.execute(sql)
        for _, sql in triggers:
            connection.execute(sql)
        connection.execute("COMMIT")
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        connection.close()


def measure(imported: Path, folder: Path) -> dict[str, float]:
    """The schema floor of the import that wrote `imported`, in a new file in `folder`.

    Wall and CPU seconds with the indexes kept during the inserts and with them dropped
    and built again afterwards; `schema_floor_s`/`schema_floor_cpu_s` is the cheaper.
    """
    statements = _statements(_rows(imported))
    result: dict[str, float] = {}
    for label, rebuild in (("kept", False), ("rebuilt", True)):
        target = folder / f"schema-floor-{label}.sqlite3"
        open_database(target).dispose()  # migrated, not timed
        wall, cpu = _write(target, statements, rebuild)
        result[f"schema_floor_indexes_{label}_s"] = wall
        result[f"schema_floor_indexes_{label}_cpu_s"] = cpu
        for suffix in ("", "-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
    best = min(("kept", "rebuilt"), key=lambda k: result[f"schema_floor_indexes_{k}_cpu_s"])
    result["schema_floor_s"] = result[f"schema_floor_indexes_{best}_s"]
    result["schema_floor_cpu_s"] = result[f"schema_floor_indexes_{best}_cpu_s"]
    return result
