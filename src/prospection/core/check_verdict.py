"""The live file's last check, kept beside it: an unchanged file is not read whole again.

SQLite's quick_check reads every page (11 to 14 s of CPU at a million prospects), too
much to run before each CLI command. So its verdict is kept in `<file>.check.json`
beside the database, with what identifies the file's content state: the file's device,
inode, size, modification and change times (ns), the same for its -wal, and the change
counter in SQLite's header. A write to the file by anything (SQLite or another program)
changes its size or times, and the change time cannot be set back by a program, so a
state that still matches means the bytes checked are the bytes there. (SQLite's
`PRAGMA data_version` only compares two moments of one connection: useless across runs.)

A command that started on a file known whole (checked, or a matching good verdict) and
wrote to it through SQLite records the new state as good when it ends (`carry_forward`):
SQLite's own writes do not damage a whole file, so the next command need not re-read it.
The time of the last real check is kept; a verdict older than `MAX_AGE` is not trusted,
so damage that changes no metadata (bit rot under the file system) is still found, at
the latest a day later.

Only file metadata is stored: no personal data. A verdict that cannot be written (a
read-only folder) only costs a re-check.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SUFFIX = ".check.json"
#: A verdict is trusted for a day after the check that made it, then the file is re-read.
MAX_AGE_S = 24 * 3600
_VERSION = 1
_ABSENT = [-1, -1, -1]


@dataclass(frozen=True)
class Verdict:
    """What the last check of the file found (empty: whole), and when it ran (epoch s)."""

    problems: list[str]
    checked_at: float

    @property
    def ok(self) -> bool:
        return not self.problems


def verdict_path(database: Path) -> Path:
    """Where the verdict of the database file at `database` is kept."""
    return database.with_name(database.name + SUFFIX)


def file_state(database: Path) -> list[int] | None:
    """What identifies the content of `database` (and its -wal) now; None if unreadable."""
    try:
        main = database.stat()
        with database.open("rb") as handle:
            handle.seek(24)
            counter = int.from_bytes(handle.read(4), "big")  # SQLite's file change counter
    except OSError:
        return None
    try:
        wal = database.with_name(database.name + "-wal").stat()
        # An empty -wal (made by opening the file) holds nothing: the same as none.
        wal_state = [wal.st_size, wal.st_mtime_ns, wal.st_ctime_ns] if wal.st_size else _ABSENT
    except FileNotFoundError:
        wal_state = _ABSENT
    except OSError:
        return None
    return [
        main.st_dev,
        main.st_ino,
        main.st_size,
        main.st_mtime_ns,
        main.st_ctime_ns,
        *wal_state,
        counter,
    ]


def recorded(database: Path, *, now: float | None = None) -> Verdict | None:
    """The verdict of the last check if the file has not changed since; else None."""
    try:
        found = json.loads(verdict_path(database).read_text(encoding="utf-8"))
        if found.get("version") != _VERSION:
            return None
        state, problems, checked_at = found["state"], found["problems"], found["checked_at"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if state != file_state(database) or not isinstance(problems, list):
        return None
    if not isinstance(checked_at, int | float):
        return None
    age = (time.time() if now is None else now) - checked_at
    if not 0 <= age <= MAX_AGE_S:
        return None
    return Verdict([str(p) for p in problems], float(checked_at))


def remember(database: Path, problems: list[str], *, checked_at: float | None = None) -> None:
    """Record the verdict of a check of `database` as it is now (a failure is only logged)."""
    state = file_state(database)
    if state is None:
        return
    data = {
        "version": _VERSION,
        "state": state,
        "problems": problems,
        "checked_at": time.time() if checked_at is None else checked_at,
    }
    target = verdict_path(database)
    try:
        handle, name = tempfile.mkstemp(prefix=target.name, suffix=".part", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(data, stream)
            Path(name).replace(target)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
    except OSError as error:
        log.warning("Check verdict not recorded: %s", error)


def carry_forward(database: Path, verdict: Verdict) -> None:
    """After writes through SQLite to a file known whole: its new state is whole too."""
    if verdict.ok:
        remember(database, [], checked_at=verdict.checked_at)


def forget(database: Path) -> None:
    """Drop the verdict (something went wrong: the next command checks the file again)."""
    with contextlib.suppress(OSError):
        verdict_path(database).unlink(missing_ok=True)
