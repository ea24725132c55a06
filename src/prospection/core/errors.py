"""Errors the storage layer raises for conditions a user must be told about."""

from __future__ import annotations

import errno
from enum import StrEnum


class StorageError(Exception):
    """A problem with the data file that the user can act on; the message says how."""


class NewerDatabaseError(StorageError):
    """The file was written by a newer Prospection; it is left untouched."""


class DamagedDatabaseError(StorageError):
    """The file is not a readable Prospection database; it is left untouched."""


class DataFolderError(StorageError):
    """The data folder cannot be created or written."""


class ReadOnlyDataError(StorageError):
    """A change was asked of data the owner made read-only (chmod a-w); nothing changed."""


#: Why a change is refused in a read-only data folder (the app shows it translated).
READ_ONLY_TEXT = (
    "This data folder is read-only: you can read, not change. Make it writable again "
    "(for example chmod u+w) to make changes."
)


class Problem(StrEnum):
    """What kind of storage problem an exception shows (the UI picks its dialog by it)."""

    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    DAMAGED = "damaged"
    NEWER = "newer"
    DATA_FOLDER = "data_folder"
    BUSY = "busy"
    # Writes refused to a file open for reading only (core/integrity.py says why).
    CHECKING = "checking"
    DAMAGED_READ_ONLY = "damaged_read_only"
    LOCK_READ_ONLY = "lock_read_only"
    # Team mode (core/team.py): the server cannot be reached, or refuses us.
    SERVER = "server"
    SERVER_REFUSED = "server_refused"


_SQLITE_MESSAGES = (
    ("database or disk is full", Problem.DISK_FULL),
    ("attempt to write a readonly database", Problem.READ_ONLY),
    ("unable to open database file", Problem.DATA_FOLDER),
    ("database disk image is malformed", Problem.DAMAGED),
    ("file is not a database", Problem.DAMAGED),
    ("database is locked", Problem.BUSY),
)


#: Words of a connection to a database server that failed or broke (PostgreSQL, team mode).
SERVER_UNREACHABLE_WORDS = (
    "connection refused",
    "could not connect",
    "connection failed",
    "failed to resolve host",
    "could not translate host name",
    "name or service not known",
    "timeout expired",
    "server closed the connection",
    "connection is closed",
    "the connection is lost",
    "terminating connection",
    "consuming input failed",
    "no route to host",
    "network is unreachable",
)


def classify_problem(error: BaseException) -> Problem | None:
    """The storage problem behind `error` (following its causes), or None for a bug."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        known = getattr(current, "problem", None)  # an error that knows its kind
        if isinstance(known, Problem):
            return known
        if isinstance(current, NewerDatabaseError):
            return Problem.NEWER
        if isinstance(current, DamagedDatabaseError):
            return Problem.DAMAGED
        if isinstance(current, DataFolderError):
            return Problem.DATA_FOLDER
        if isinstance(current, ReadOnlyDataError):
            return Problem.READ_ONLY
        if type(current).__name__ == "StaleDataError":
            # The ORM's version check: someone else wrote the same row at the same
            # moment (team mode). Nothing was saved; doing it again works.
            return Problem.BUSY
        if isinstance(current, OSError):
            if current.errno == errno.ENOSPC:
                return Problem.DISK_FULL
            if current.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                return Problem.READ_ONLY
        text = str(current).lower()
        for needle, problem in _SQLITE_MESSAGES:
            if needle in text:
                return problem
        if getattr(current, "connection_invalidated", False) or any(
            word in text for word in SERVER_UNREACHABLE_WORDS
        ):
            return Problem.SERVER
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


#: What the CLI prints for each problem (the app shows translated dialogs saying the same).
PROBLEM_TEXT: dict[Problem, str] = {
    Problem.DISK_FULL: "The disk is full: nothing more could be saved. Free some space, "
    "then try again; what was saved before is safe.",
    Problem.READ_ONLY: "The data folder cannot be written (no permission, or a read-only "
    "disk). Choose another data folder or fix its permissions.",
    Problem.DAMAGED: "The data file is damaged. It was left untouched: restore a backup.",
    Problem.NEWER: "The data file was written by a newer version of Prospection. It was "
    "left untouched: install the newer version to open it.",
    Problem.DATA_FOLDER: "The data folder cannot be used. Check that the disk is available "
    "and that you may write there, or choose another folder.",
    Problem.BUSY: "The data file is busy (another program is writing to it). Try again "
    "in a moment.",
    Problem.CHECKING: "The data file is still being checked; nothing was saved. Try again in "
    "a moment.",
    Problem.DAMAGED_READ_ONLY: "The data file is damaged: it is open for reading only and "
    "nothing was saved. Restore a backup (prospection-cli backups, then restore FILE).",
    Problem.LOCK_READ_ONLY: "The data folder's lock file cannot be written (full disk or "
    "read-only folder), so the data is open for reading only and nothing was saved.",
    Problem.SERVER: "The team server cannot be reached (network, or the server is down). "
    "Nothing of the last action was saved: try again once it is back, or work on the "
    "local file.",
    Problem.SERVER_REFUSED: "The team server refused the connection (address, user name, "
    "password or database). Check the team settings: prospection-cli team status.",
}
