"""Which database server Prospection talks to: the SQLite file (alone) or PostgreSQL (team).

The core dispatches on the engine's dialect here; the UI never knows which one it has.
SQLite-only behaviour (PRAGMAs, FTS5, file backups, WAL) stays in `db.py` and is only
applied to SQLite engines.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import GenericFunction
from sqlalchemy.types import String

from prospection.core.errors import DataFolderError

#: The environment variable naming a shared database (a SQLAlchemy URL).
DATABASE_URL_ENV = "PROSPECTION_DATABASE_URL"

#: Server dialects Prospection knows how to build its schema on.
SERVER_DIALECTS = frozenset({"postgresql"})


def database_url(given: str | None = None) -> str | None:
    """The shared database's URL: `given` (--database), else the environment, else None."""
    url = given or os.environ.get(DATABASE_URL_ENV, "").strip()
    return url or None


def is_sqlite(bind: Engine | Connection | Any) -> bool:
    """True for the local SQLite file, False for a database server."""
    return bool(bind.dialect.name == "sqlite")


def create_server_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine on a PostgreSQL server (`postgresql+psycopg://user@host/db`)."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DataFolderError(f"{url!r} is not a database address ({error}).") from error
    if parsed.get_backend_name() not in SERVER_DIALECTS:
        raise DataFolderError(
            f"{parsed.render_as_string(hide_password=True)} is not a PostgreSQL address "
            "(expected postgresql+psycopg://user@host/database)."
        )
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    # pool_pre_ping: one round trip per checkout (one of a keystroke's six), kept: the
    # window may read between the server dropping its connections and the change feed
    # hearing of it, and must not meet a dead one (tests/core/test_server_pool.py;
    # docs/notes/issue-17-ui-trips.md tells what replacing it cost).
    engine = create_engine(parsed, echo=echo, pool_pre_ping=True)
    event.listen(engine, "connect", _without_jit)
    return engine


def _without_jit(dbapi_connection: Any, _record: Any) -> None:
    """Turn PostgreSQL's JIT compilation off for the app's connections.

    It compiles a plan's expressions once its estimated cost passes `jit_above_cost`,
    which a search of a large table does: 4-37 ms added to statements of 100-300 ms
    (a searched page at a million prospects: 362 ms with it, 169 ms without), for
    nothing a desktop app's short statements win back. Analytics on the same server
    (the administrator's) keep the server's setting.
    """
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    try:
        dbapi_connection.execute("SET jit = off")
    finally:
        dbapi_connection.autocommit = autocommit


def placeholder(bind: Engine | Connection) -> str:
    """The driver's mark for one bound parameter in raw SQL (`exec_driver_sql`)."""
    return "?" if bind.dialect.paramstyle == "qmark" else "%s"


def has_version_table(connection: Connection) -> bool:
    """Whether the database carries Alembic's version table (any dialect)."""
    if is_sqlite(connection):
        return bool(
            connection.execute(
                text("SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'")
            ).scalar_one()
        )
    return inspect(connection).has_table("alembic_version")


def count_tables(connection: Connection) -> int:
    """How many tables the database holds (any dialect)."""
    if is_sqlite(connection):
        return int(
            connection.execute(
                text("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
            ).scalar_one()
        )
    return len(inspect(connection).get_table_names())


#: The first key of the advisory lock that serialises imports on a server ("PROS");
#: the second is the hash of the schema, so that two Prospection databases in one
#: PostgreSQL database (the tests' schemas) do not wait for each other.
_IMPORT_LOCK_CLASS = 0x50524F53


def serialise_imports(connection: Connection) -> bool:
    """Make this transaction the only import (or undo) of the database until it ends.

    SQLite: nothing (the transaction holds the file's write lock from its first write);
    returns False. A server: a transaction-level advisory lock, which another import
    waits for and ordinary writes ignore (colleagues' edits, calls and added prospects
    never wait for an import); returns True.
    """
    if is_sqlite(connection):
        return False
    connection.execute(
        text("SELECT pg_advisory_xact_lock(:kind, hashtext(current_schema()))"),
        {"kind": _IMPORT_LOCK_CLASS},
    )
    return True


def take_ids(connection: Connection, table: str, count: int) -> range | list[int]:
    """`count` ids for new rows of `table` that nobody else can take, in ascending order.

    SQLite: max + 1 onwards (the caller's transaction holds the file's write lock, and
    SQLite takes a new row's id from the table itself). A server: from the table's id
    sequence, `nextval` once per id in one statement: atomic against every other
    session's `nextval` (a plain insert), never rolled back, and the sequence is locked
    only for each call, never for the transaction. Usually one run of numbers (returned
    as a range); another session's insert at the same moment can leave holes in it.
    """
    if is_sqlite(connection):
        first = int(
            connection.exec_driver_sql(f'SELECT coalesce(max(id), 0) + 1 FROM "{table}"').scalar()
            or 1
        )
        return range(first, first + count)
    if count <= 0:
        return range(0)
    ids = list(
        connection.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                "FROM generate_series(1, :count) ORDER BY 1"
            ),
            {"table": table, "count": count},
        ).scalars()
    )
    if ids[-1] - ids[0] + 1 == count:
        return range(ids[0], ids[-1] + 1)
    return ids


def describe(engine: Engine) -> str:
    """Where the data is, for messages: the file, or the server address without password."""
    if is_sqlite(engine):
        return str(engine.url.database)
    return engine.url.render_as_string(hide_password=True)


class nocase(GenericFunction[str]):  # noqa: N801 (an SQL function's name)
    """A text column compared case-insensitively, as its sort index holds it.

    SQLite: `col COLLATE NOCASE` (migration 0003's NOCASE index); PostgreSQL:
    `lower(col)` (the same migration's expression index there).
    """

    type = String()
    inherit_cache = True

    def __init__(self, expression: ColumnElement[Any]) -> None:
        super().__init__(expression)


@compiles(nocase)
def _nocase_sqlite(element: nocase, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{compiler.process(element.clauses, **kw)} COLLATE NOCASE"


@compiles(nocase, "postgresql")
def _nocase_postgresql(element: nocase, compiler: SQLCompiler, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


class hour_text(GenericFunction[str]):  # noqa: N801 (an SQL function's name)
    """A timestamp's hour as text, "YYYY-MM-DD HH" (to group by hour in SQL).

    SQLite stores timestamps as "YYYY-MM-DD HH:MM:SS.ffffff" text: its first 13
    characters; PostgreSQL: `to_char` of the timestamp.
    """

    type = String()
    inherit_cache = True

    def __init__(self, expression: Any) -> None:  # a column or a mapped attribute
        super().__init__(expression)


@compiles(hour_text)
def _hour_text_sqlite(element: hour_text, compiler: SQLCompiler, **kw: Any) -> str:
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 13)"


@compiles(hour_text, "postgresql")
def _hour_text_postgresql(element: hour_text, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM-DD HH24')"


class unindexed(GenericFunction[str]):  # noqa: N801 (an SQL function's name)
    """A text column SQLite's planner must not look rows up by (`+col`); PostgreSQL's
    planner costs its choices itself: the column as it is."""

    type = String()
    inherit_cache = True

    def __init__(self, expression: Any) -> None:  # a column or a mapped attribute
        super().__init__(expression)


@compiles(unindexed)
def _unindexed_sqlite(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


@compiles(unindexed, "postgresql")
def _unindexed_postgresql(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


class nocase_value(GenericFunction[str]):  # noqa: N801 (an SQL function's name)
    """A value compared with a `nocase` column: as it is on SQLite (the column's NOCASE
    collation compares both sides), `lower(value)` on PostgreSQL."""

    type = String()
    inherit_cache = True

    def __init__(self, expression: Any) -> None:  # a value or a bound parameter
        super().__init__(expression)


@compiles(nocase_value)
def _nocase_value_sqlite(element: nocase_value, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(nocase_value, "postgresql")
def _nocase_value_postgresql(element: nocase_value, compiler: SQLCompiler, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"
