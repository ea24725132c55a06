"""Damage detection: SQLite's quick_check on the live file and on backups, and refused writes.

A file with damaged pages can still open and answer most queries; writing to it spreads
the damage, and its backups copy it. So the live file is checked once it is open (in a
thread after the window's first paint: at a million prospects the check takes seconds),
writes are refused until the check has passed, and for good once it has failed, until a
backup is restored. Every backup is checked once written (a bad copy is deleted).

Writes are refused at SQLite's level (`PRAGMA query_only` on each connection handed out
while `Database.read_only` is set), so no path can slip past; the error SQLite raises is
turned into a `WritesRefusedError` that says why.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event

from prospection.core.errors import READ_ONLY_TEXT, Problem, StorageError

if TYPE_CHECKING:
    from prospection.core.db import Database

log = logging.getLogger(__name__)

#: How many problems quick_check lists at most (the first few say enough).
MAX_PROBLEMS = 5


class ReadOnly(StrEnum):
    """Why the open file may not be written (the value of `Database.read_only`)."""

    CHECKING = "checking"  # the check at open has not finished yet
    DAMAGED = "damaged"  # the check found damage: restore a backup
    LOCK = "lock"  # the data folder's lock could not be written (another window may write)
    OWNER = "owner"  # the owner made the folder or file read-only (chmod a-w): respected
    SERVER = "server"  # team mode: the server cannot be reached (reconnecting)
    COPY = "copy"  # team mode: the server was unreachable at start; its local copy is shown


class WritesRefusedError(StorageError):
    """A write to a file that may not be written now; `reason` says why."""

    def __init__(self, reason: ReadOnly, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.problem = _PROBLEMS[reason]  # read by errors.classify_problem


_PROBLEMS = {
    ReadOnly.CHECKING: Problem.CHECKING,
    ReadOnly.DAMAGED: Problem.DAMAGED_READ_ONLY,
    ReadOnly.LOCK: Problem.LOCK_READ_ONLY,
    ReadOnly.OWNER: Problem.READ_ONLY,
    ReadOnly.SERVER: Problem.SERVER,
    ReadOnly.COPY: Problem.SERVER,
}


_MESSAGES = {
    ReadOnly.CHECKING: "The data file is still being checked; nothing was saved. Try again "
    "in a moment.",
    ReadOnly.DAMAGED: "The data file is damaged: it is open for reading only and nothing was "
    "saved. Restore a backup.",
    ReadOnly.LOCK: "The data folder's lock file cannot be written, so the data is open for "
    "reading only and nothing was saved (another window could overwrite it).",
    ReadOnly.OWNER: READ_ONLY_TEXT,
    ReadOnly.SERVER: "The team server cannot be reached: nothing was saved. Prospection "
    "reconnects by itself; try again once it is back.",
    ReadOnly.COPY: "The team server cannot be reached: this is your copy of the team's data, "
    "for reading only, and nothing was saved. Retry once the server is back.",
}


def refused(reason: ReadOnly) -> WritesRefusedError:
    """The error for a write refused for `reason` (English; the app translates by reason)."""
    return WritesRefusedError(reason, _MESSAGES[reason])


class CopyDamagedError(StorageError):
    """A backup copy failed its check; it was deleted."""

    problem = Problem.DAMAGED  # read by errors.classify_problem


# --- Checking -----------------------------------------------------------------------


def quick_check(connection: sqlite3.Connection) -> list[str]:
    """SQLite's quick_check on `connection`: the problems found (empty when the file is whole)."""
    try:
        rows = connection.execute(f"PRAGMA quick_check({MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as error:  # a page so damaged the check cannot go on
        if isinstance(error, sqlite3.OperationalError) and "interrupt" in str(error):
            raise
        return [str(error)]
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection on a closed file (a backup) that never writes beside it."""
    # immutable=1: no -wal/-shm created, nothing changed by reading.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def check_file(path: Path) -> list[str]:
    """quick_check of a closed file (a backup): its problems, empty when it is whole."""
    try:
        connection = open_read_only(path)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        return quick_check(connection)
    finally:
        connection.close()


@dataclass(frozen=True)
class CheckResult:
    """What the check of the live file found, and how long it took."""

    problems: list[str]
    seconds: float
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.interrupted


class LiveCheck:
    """quick_check of the live file on a connection of its own; `cancel` stops it (at exit)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._cancelled = False

    def run(self) -> CheckResult:
        """Check the file (reads every page: seconds at a million prospects)."""
        started = time.perf_counter()
        try:
            # mode=ro: the check never writes; WAL readers do not block the app's writer.
            connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            return CheckResult([str(error)], time.perf_counter() - started)
        with self._lock:
            self._connection = connection
            cancelled = self._cancelled
        try:
            if cancelled:
                return CheckResult([], 0.0, interrupted=True)
            try:
                problems = quick_check(connection)
            except sqlite3.OperationalError:  # interrupted by `cancel`
                return CheckResult([], time.perf_counter() - started, interrupted=True)
        finally:
            with self._lock:
                self._connection = None
            connection.close()
        seconds = time.perf_counter() - started
        log.info("quick_check of %s: %s in %.2f s", self.path.name, problems or "ok", seconds)
        return CheckResult(problems, seconds)

    def cancel(self) -> None:
        """Stop a check under way (from another thread)."""
        with self._lock:
            self._cancelled = True
            if self._connection is not None:
                self._connection.interrupt()


# --- Refusing writes ----------------------------------------------------------------


def install_write_guard(db: Database) -> None:
    """Make every connection of `db` read-only while `db.read_only` is set.

    Each connection handed out by the pool gets `PRAGMA query_only` to match; a write
    then fails inside SQLite, whatever path it took, and the error says why.
    """
    engine = db.engine
    if engine.dialect.name != "sqlite":
        _install_server_guard(db)
        return

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        wanted = db.read_only is not None
        if record.info.get("query_only") != wanted:
            dbapi_connection.execute(f"PRAGMA query_only = {int(wanted)}")
            record.info["query_only"] = wanted

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        reason = db.read_only
        original = context.original_exception
        if reason is not None and "readonly database" in str(original):
            raise refused(ReadOnly(reason)) from original


def _install_server_guard(db: Database) -> None:
    """On a team server: no write starts while `db.read_only` is set (the server is gone).

    The server refuses nothing by itself then (it is not there); a write tried while it
    is coming back is refused here too, until the app has reloaded what it shows. ORM
    flushes and Core INSERT/UPDATE/DELETE through a session both pass here.
    """

    def _check(*_args: Any) -> None:
        reason = db.read_only
        if reason is not None:
            raise refused(ReadOnly(reason))

    def _on_flush(session: Any, _context: Any, _instances: Any) -> None:
        if session.new or session.dirty or session.deleted:
            _check()

    def _on_execute(state: Any) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            _check()

    event.listen(db.sessions, "before_flush", _on_flush)
    event.listen(db.sessions, "do_orm_execute", _on_execute)


# --- Restoring over a damaged file --------------------------------------------------


def restore_over_damaged(db: Database, source: Path) -> tuple[Path | None, Any]:
    """Restore `source` in place of the open file `db` found damaged; writes allowed again.

    The damaged file is renamed aside (returned), never written over; the suppression
    list is read from it first when it still can be, and re-applied to the restored data
    with the privacy ledger beside the file (returns what was re-applied: the ledger's
    objections and erasures always are, even when the damaged file's own list is lost).
    """
    from sqlalchemy.exc import SQLAlchemyError

    from prospection.core import backup, privacy
    from prospection.core.db import migrate

    backup.verify_backup(source)
    try:
        snapshot: Any = privacy.snapshot_suppression(db)
    except (sqlite3.Error, SQLAlchemyError) as error:
        log.warning("Suppression list unreadable in the damaged file: %s", error)
        snapshot = None
    db.engine.dispose()  # no pooled connection keeps reading the file set aside
    aside = backup.restore_over_unusable(db.path, source)
    db.engine.dispose()
    db.read_only = None
    migrate(db.engine, backups_dir=None)
    # The ledger beside the file (objections, erasure log) outlives the damage too.
    ledger = privacy.ledger_snapshot(db.path)
    reapplied: Any = privacy.reapply_suppression(
        db, ledger if snapshot is None else snapshot.merged(ledger)
    )
    log.warning("Restored %s over a damaged file, kept as %s", source.name, aside)
    return aside, reapplied
