"""The same data set on PostgreSQL: the SQLite set's rows copied into a schema of its own.

The schema is built by the app's own migrations (`open_database(url=...)`), then every
table is filled with `COPY` from the SQLite file: the same ids, the same values, and the
derived data (sort and shown copies on `prospect`, the search documents) as the SQLite
triggers made them. The schema's triggers are off during the copy (they would only write
again what is copied) and the secondary indexes are dropped and rebuilt after it, as the
SQLite set's one-pass load does; then the id sequences are moved past the ids and the
tables are vacuumed and analysed, as a server's autovacuum would do shortly after a bulk
load (`tests/test_benchmark_pg.py` checks that a copy equals what `team.move_data`, the
app's own path, writes).

The copy is kept between runs: one schema per size and generator version
(`bench_<size>_g<version>`) in the database of the given URL, its comment recording the
SQLite set it was copied from. A rebuilt SQLite set (another build time) or `--rebuild`
copies it again.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from prospection.core.db import head_revision, open_database
from tests.benchmarks.dataset import GENERATOR_VERSION, DataSet

#: Rows per `write_row` batch read from SQLite.
FETCH = 5000


@dataclass(frozen=True)
class PgDataSet:
    """A data set copied into PostgreSQL: the URL that opens its schema, and the copy time."""

    url: str
    schema: str
    size: int
    copy_s: float
    reused: bool


def schema_name(size: int) -> str:
    """The schema holding the copy of the set of `size` prospects."""
    return f"bench_{size}_g{GENERATOR_VERSION}"


def schema_url(base_url: str, schema: str) -> str:
    """`base_url` with its search path set to `schema` (as the tests' `pg_url` does)."""
    url = make_url(base_url)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


def _stamp(data: DataSet) -> dict[str, object]:
    return {
        "complete": True,
        "reference": data.reference.isoformat(),
        "build_s": data.build_s,
        "schema": head_revision(),
        "generator": GENERATOR_VERSION,
    }


def _comment(connection: Connection, schema: str) -> dict[str, object] | None:
    value = connection.execute(
        text("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = :s"),
        {"s": schema},
    ).scalar_one_or_none()
    if value is None:
        return None
    try:
        meta = json.loads(value)
    except ValueError:
        return {}
    return meta if isinstance(meta, dict) else {}


def build(base_url: str, data: DataSet, *, reuse: bool = True) -> PgDataSet:
    """The copy of `data` on the server of `base_url` (made, or reused when current)."""
    schema = schema_name(data.size)
    url = schema_url(base_url, schema)
    admin = create_engine(make_url(base_url).set(drivername="postgresql+psycopg"))
    try:
        with admin.begin() as connection:
            # As the tests' fixture: the extension of migration 0010 lives in `public`,
            # never in a schema that is dropped with the copy.
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public"))
            meta = _comment(connection, schema)
        wanted = _stamp(data)
        if reuse and meta is not None and _same_set(meta, wanted):
            if meta.get("schema") != head_revision():
                open_database(data.path, url=url).dispose()  # migrated as a team's would be
                _vacuum(url)  # a migration may rewrite a table: as autovacuum would, soon
                with admin.begin() as connection:
                    _set_comment(connection, schema, {**meta, "schema": head_revision()})
            return PgDataSet(url, schema, data.size, float(str(meta.get("copy_s", 0))), True)
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        started = time.perf_counter()
        copy_into(data.path, url)
        copy_s = time.perf_counter() - started
        with admin.begin() as connection:
            _set_comment(connection, schema, {**wanted, "copy_s": copy_s})
    finally:
        admin.dispose()
    return PgDataSet(url, schema, data.size, copy_s, False)


def _same_set(meta: dict[str, object], wanted: dict[str, object]) -> bool:
    keys = ("complete", "reference", "build_s", "generator")
    return all(meta.get(key) == wanted[key] for key in keys)


def _set_comment(connection: Connection, schema: str, meta: dict[str, object]) -> None:
    quoted = json.dumps(meta).replace("'", "''")
    connection.execute(text(f"COMMENT ON SCHEMA \"{schema}\" IS '{quoted}'"))


def drop(base_url: str, size: int) -> None:
    """Remove the copy of the set of `size` prospects."""
    admin = create_engine(make_url(base_url).set(drivername="postgresql+psycopg"))
    try:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema_name(size)}" CASCADE'))
    finally:
        admin.dispose()


def _tables(connection: Connection) -> list[str]:
    """The schema's tables, parents before children (foreign keys), Alembic's left out."""
    from prospection.core.models import Base

    present = {
        name
        for (name,) in connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        )
    }
    ordered = [t.name for t in Base.metadata.sorted_tables if t.name in present]
    rest = sorted(present - set(ordered) - {"alembic_version"})
    return ordered + rest


def _columns(connection: Connection, table: str) -> list[str]:
    return [
        name
        for (name,) in connection.execute(
            text(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = :t "
                "AND is_generated = 'NEVER' "
                "ORDER BY ordinal_position"
            ),
            {"t": table},
        )
    ]


def _secondary_indexes(connection: Connection) -> list[tuple[str, str]]:
    """(name, definition) of the indexes that back no constraint (dropped for the copy)."""
    rows = connection.execute(
        text(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "WHERE i.schemaname = current_schema() AND i.tablename != 'alembic_version' "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "JOIN pg_class k ON k.oid = c.conindid "
            "WHERE k.relname = i.indexname AND k.relnamespace = c.connamespace)"
        )
    ).all()
    return [(str(name), str(definition)) for name, definition in rows]


def _sqlite_rows(source: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple]:  # type: ignore[type-arg]
    listed = ", ".join(f'"{c}"' for c in columns)
    cursor = source.execute(f'SELECT {listed} FROM "{table}"')
    while True:
        batch = cursor.fetchmany(FETCH)
        if not batch:
            return
        yield from batch


#: Columns the server makes from the copied ones, by a trigger left on for the copy
#: (migration 0015: the search document, from the text the SQLite file holds).
SERVER_DERIVED = {"prospect_search": ("document",)}


def copy_into(sqlite_path: object, url: str) -> dict[str, int]:
    """Migrate the (empty) schema of `url` and copy every row of the SQLite file into it.

    Returns the rows copied per table.
    """
    from pathlib import Path

    from prospection.core import team

    path = Path(str(sqlite_path))
    open_database(path, url=url).dispose()  # the app's migrations build the schema
    engine = create_engine(url)
    counts: dict[str, int] = {}
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with engine.begin() as connection:
            connection.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
            superuser = connection.execute(
                text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            ).scalar_one()
            if superuser:
                # Foreign keys unchecked row by row (the SQLite file enforced them).
                connection.execute(text("SET LOCAL session_replication_role = replica"))
            tables = _tables(connection)
            indexes = _secondary_indexes(connection)
            for name, _definition in indexes:
                connection.execute(text(f'DROP INDEX "{name}"'))
            for table in tables:
                if table not in SERVER_DERIVED:
                    connection.execute(text(f'ALTER TABLE "{table}" DISABLE TRIGGER USER'))
            connection.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables)))
            raw = connection.connection.driver_connection
            assert raw is not None
            with raw.cursor() as cursor:
                for table in tables:
                    derived = SERVER_DERIVED.get(table, ())
                    columns = [c for c in _columns(connection, table) if c not in derived]
                    listed = ", ".join(f'"{c}"' for c in columns)
                    if derived and superuser:
                        cursor.execute("SET LOCAL session_replication_role = origin")
                    copied = 0
                    with cursor.copy(f'COPY "{table}" ({listed}) FROM STDIN') as copy:
                        for row in _sqlite_rows(source, table, columns):
                            copy.write_row(row)
                            copied += 1
                    counts[table] = copied
                    if derived and superuser:
                        cursor.execute("SET LOCAL session_replication_role = replica")
            for table in tables:
                if table not in SERVER_DERIVED:
                    connection.execute(text(f'ALTER TABLE "{table}" ENABLE TRIGGER USER'))
            for _name, definition in indexes:
                connection.execute(text(definition))
            team.continue_sequences(connection)
    finally:
        source.close()
        engine.dispose()
    _vacuum(url)
    return counts


def _vacuum(url: str) -> None:
    """VACUUM ANALYZE every table of the schema (statistics, visibility map)."""
    engine = create_engine(url)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            tables = _tables(connection)
            connection.execute(text("VACUUM ANALYZE " + ", ".join(f'"{t}"' for t in tables)))
    finally:
        engine.dispose()
