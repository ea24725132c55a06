"""Team mode: a local read copy of the team database, for when the server cannot be reached.

The copy is a SQLite file in the data folder (`team-copy.sqlite3`, owner-only), built
from the server with the same code that moves a local file to the team
(`team.move_data`, every table in foreign-key order, counts checked). It is written as
a whole to `team-copy.sqlite3.part`, from ONE read-only REPEATABLE READ transaction on
the server (a consistent snapshot: a call logged while it is being read is in it
entirely or not at all), then renamed over the previous copy: a crash or a lost server
mid-refresh leaves the previous copy whole, never half of a new one.

Privacy: the copy holds the whole team's personal data. Each refresh builds a new file
from nothing, so a person erased on the server is gone from the copy at the next
successful refresh (the old file is unlinked, its pages are not reused); the
suppression list comes along with every other table; leaving team mode deletes it
(`team.forget_settings`).

No Qt here: the app refreshes it in a thread and opens it read-only at start when the
server is unreachable (`open_copy`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from prospection.core import dialects
from prospection.core.errors import DataFolderError, StorageError
from prospection.core.imports.search_index import WHERE

if TYPE_CHECKING:
    from prospection.core.db import Database

log = logging.getLogger(__name__)

#: The copy's file name in the data folder.
COPY_FILE = "team-copy.sqlite3"
#: Where the next copy is written before it is renamed over the previous one.
PARTIAL_SUFFIX = ".part"
#: What the copy says about itself (a table of its own, written before the rename).
INFO_TABLE = "offline_copy_info"
#: Seconds between two refreshes while connected (see docs/notes/issue-17-offline.md).
REFRESH_INTERVAL = 15 * 60


class RefreshCancelledError(StorageError):
    """A refresh was stopped (the app is quitting): the previous copy is unchanged."""


class NoCopyError(StorageError):
    """There is no usable copy of the team's data on this computer."""


@dataclass(frozen=True)
class CopyInfo:
    """What a copy holds: when it was taken (UTC), from which server, how many prospects."""

    taken_at: datetime
    server: str  # the address without password
    prospects: int
    seconds: float = 0.0  # how long the refresh took (0 when read back from the file)


def copy_path(data_dir: Path) -> Path:
    """The copy's file in `data_dir`."""
    return data_dir / COPY_FILE


def _partial(data_dir: Path) -> Path:
    return data_dir / (COPY_FILE + PARTIAL_SUFFIX)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


def delete_copy(data_dir: Path) -> None:
    """Delete the copy (and a refresh's leftover): leaving team mode."""
    _remove(copy_path(data_dir))
    _remove(_partial(data_dir))


def _snapshot(source: Engine) -> Engine:
    """`source` reading in one consistent snapshot (PostgreSQL), nothing written."""
    if dialects.is_sqlite(source):
        return source  # one SQLite read transaction is a snapshot already
    return source.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)


def _fsync(path: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _bulk_engine(path: Path) -> Engine:
    """An engine writing the temporary copy fast: no journal, no sync until the end.

    Safe here only because the file is thrown away whenever the refresh fails (a
    ROLLBACK without journal is undefined: never relied upon), and fsynced once before
    it is renamed. The app's data file keeps WAL and synchronous=FULL (core/db.py).
    """
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # BEGIN emitted below (see core/db.py)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "foreign_keys = ON"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: object) -> None:
        connection.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]

    return engine


def _without_triggers(engine: Engine) -> str | None:
    """Drop the copy's triggers before it is filled; the statement that then writes
    every search document at once (None: the triggers are kept, rows fill it one by one).

    The copied rows already hold their derived columns (shown/sort copies, made by the
    server's triggers); the triggers would only write them again, row by row, and the
    copy is never written after it is made.
    """
    from prospection.core.imports.search_index import derived_sql

    with engine.begin() as connection:
        triggers = {
            str(row.name): str(row.sql)
            for row in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            )
        }
        document = derived_sql(triggers).document
        if document is None:
            return None
        for name in triggers:
            connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    return document


def refresh_copy(
    source: Engine,
    data_dir: Path,
    server: str,
    *,
    before_rename: Callable[[Path], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CopyInfo:
    """Copy the team database `source` into the data folder's copy, all or nothing.

    `server` is the team server's address (written without its password). The previous
    copy stays as it was until the new one is complete (`before_rename` is called with
    the finished temporary file: tests stop there). `cancelled` is asked at each batch
    of rows: True stops the refresh (RefreshCancelledError). Raises StorageError (the team's
    TeamError when the server fails) and leaves no temporary file behind.
    """
    from prospection.core import team
    from prospection.core.db import _create_private, migrate
    from prospection.core.models import Prospect

    started = time.perf_counter()
    partial = _partial(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        _remove(partial)  # a refresh killed midway
        _create_private(partial)
    except OSError as error:
        raise DataFolderError(
            f"The copy of the team's data cannot be written in {data_dir} ({error.strerror})."
        ) from error
    target = _bulk_engine(partial)
    try:
        migrate(target)
        document = _without_triggers(target)
        taken_at = datetime.now(UTC)  # the snapshot starts after this instant

        def check(_table: str, _rows: int) -> None:
            if cancelled is not None and cancelled():
                raise RefreshCancelledError("The refresh of the copy was stopped.")

        report = team.move_data(_snapshot(source), target, progress=check)
        if document is not None:  # every search document at once, from the copied rows
            with target.begin() as connection:
                connection.exec_driver_sql(document.replace(WHERE, ""))
        info = CopyInfo(
            taken_at=taken_at,
            server=team.without_password(server),
            prospects=report.counts.get(Prospect.__tablename__, 0),
        )
        with target.begin() as connection:
            connection.execute(
                text(f"CREATE TABLE {INFO_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
            )
            connection.execute(
                text(f"INSERT INTO {INFO_TABLE} (key, value) VALUES (:key, :value)"),
                [
                    {"key": "taken_at", "value": info.taken_at.isoformat()},
                    {"key": "server", "value": info.server},
                    {"key": "prospects", "value": str(info.prospects)},
                ],
            )
        target.dispose()
        # One self-contained file (no -wal beside it) before it is renamed.
        plain = sqlite3.connect(partial, isolation_level=None)
        try:
            plain.execute("PRAGMA journal_mode = DELETE")
        finally:
            plain.close()
        _fsync(partial)
        if before_rename is not None:
            before_rename(partial)
        partial.replace(copy_path(data_dir))
        with suppress(OSError):
            _fsync(data_dir)
    except BaseException:
        target.dispose()
        _remove(partial)
        raise
    seconds = time.perf_counter() - started
    log.info("Copy of the team's data refreshed: %d prospects in %.1f s", info.prospects, seconds)
    return CopyInfo(info.taken_at, info.server, info.prospects, seconds)


def _read_info(engine: Engine) -> CopyInfo:
    with engine.connect() as connection:
        rows = connection.execute(text(f"SELECT key, value FROM {INFO_TABLE}"))
        values = {row.key: row.value for row in rows}
    return CopyInfo(
        taken_at=datetime.fromisoformat(str(values["taken_at"])),
        server=str(values["server"]),
        prospects=int(values.get("prospects") or 0),
    )


def copy_info(data_dir: Path) -> CopyInfo | None:
    """What the data folder's copy holds, or None when there is none (or it is unusable)."""
    path = copy_path(data_dir)
    if not path.is_file():
        return None
    from prospection.core.db import _read_only_engine

    engine = _read_only_engine(path)
    try:
        return _read_info(engine)
    except (SQLAlchemyError, KeyError, ValueError) as error:
        log.warning("The copy of the team's data %s cannot be read: %s", path, error)
        return None
    finally:
        engine.dispose()


def same_server(info: CopyInfo, url: str) -> bool:
    """Whether the copy was taken from the team server at `url` (user and password aside)."""
    return same_address(info.server, url)


def same_address(first: str, second: str) -> bool:
    """Whether two addresses name the same team database (user and password aside)."""
    from prospection.core import team

    try:
        wanted, taken = (
            team.parse(address)
            ._replace(password=None, username=None)
            .difference_update_query(["connect_timeout"])
            for address in (first, second)
        )
    except StorageError:
        return False
    return wanted == taken


def open_copy(data_dir: Path, url: str) -> tuple[Database, CopyInfo]:
    """Open the copy of the team server at `url` for reading only (`ReadOnly.COPY`).

    NoCopyError when there is none, it is of another server, or it cannot be read.
    """
    from prospection.core.db import Database, _read_only_engine, head_revision
    from prospection.core.integrity import ReadOnly

    info = copy_info(data_dir)
    if info is None:
        raise NoCopyError("There is no copy of the team's data on this computer yet.")
    if not same_server(info, url):
        raise NoCopyError(f"The copy on this computer is of another team server ({info.server}).")
    path = copy_path(data_dir)
    engine = _read_only_engine(path)
    try:
        with engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, DatabaseError) as error:
        engine.dispose()
        raise NoCopyError(f"The copy of the team's data cannot be read ({error.orig}).") from error
    if revision != head_revision():
        engine.dispose()
        raise NoCopyError("The copy of the team's data was made by another version.")
    return Database(path=path, engine=engine, read_only=ReadOnly.COPY), info
