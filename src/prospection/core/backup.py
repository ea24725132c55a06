"""Backups of the data file: made with SQLite's online backup API, kept 7 days + 4 weeks.

Backups live in `backups/` beside the database. One is made at the first start of each
day, before every migration (db.py), import, bulk deletion and restore, and on request.
A restore first checks the chosen file, then backs up the current state.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from prospection.core.db import Database, alembic_config, backup_file, head_revision, migrate
from prospection.core.dialects import is_sqlite
from prospection.core.errors import DamagedDatabaseError, NewerDatabaseError
from prospection.core.integrity import check_file
from prospection.paths import make_private

KEEP_DAILY = 7
KEEP_WEEKLY = 4
#: Backups younger than this are always kept (several imports in one day can be undone).
KEEP_ALL_WITHIN = timedelta(hours=24)

log = logging.getLogger(__name__)

_NAME = re.compile(r"^prospection-(\d{8}-\d{6})(?:-(\d+))?-([a-z-]+)\.sqlite3$")
_MIGRATION_NAME = re.compile(r"^before-migration-.*-(\d{8}-\d{6})\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S"

#: Why a backup was made (the last part of its file name).
REASONS = ("daily", "manual", "before-import", "before-delete", "before-restore", "before-erase")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when and why it was made, and what it holds."""

    path: Path
    created_at: datetime  # local time, aware
    reason: str
    size: int
    prospects: int | None = None  # None when the file cannot be read
    contacts: int | None = None
    activities: int | None = None
    schema: str | None = None

    @property
    def readable(self) -> bool:
        return self.prospects is not None


def backups_dir_for(db: Database) -> Path:
    """The backups folder beside the database of `db`."""
    return db.path.parent / "backups"


def _now() -> datetime:
    return datetime.now().astimezone()


def make_backup(
    db: Database,
    reason: str = "manual",
    *,
    folder: Path | None = None,
    now: datetime | None = None,
    prune_old: bool = True,
) -> Path:
    """Back the live database up into the backups folder; returns the new file."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    target_dir = folder if folder is not None else backups_dir_for(db)
    moment = (now or _now()).astimezone()
    stem = f"prospection-{moment.strftime(_STAMP)}"
    destination = target_dir / f"{stem}-{reason}.sqlite3"
    counter = 1
    while destination.exists():  # two backups in the same second
        counter += 1
        destination = target_dir / f"{stem}-{counter}-{reason}.sqlite3"
    backup_file(db.engine, destination)  # checked before it is named: a bad copy raises
    remember_check(destination, good=True)
    log.info("Backup made (%s): %s", reason, destination.name)
    if prune_old:
        removed = prune(target_dir, now=moment)
        if removed:
            log.info("Old backups removed: %d", len(removed))
    return destination


def backup_to(db: Database, destination: Path) -> Path:
    """Back the live database up into a file of the user's choosing."""
    return backup_file(db.engine, destination)


def daily_backup(
    db: Database, *, folder: Path | None = None, now: datetime | None = None
) -> Path | None:
    """Make today's backup unless one already exists (called at start-up)."""
    if not is_sqlite(db.engine):
        return None  # a database server's backups are its administrator's
    target_dir = folder if folder is not None else backups_dir_for(db)
    moment = (now or _now()).astimezone()
    today = moment.date()
    if any(b.created_at.date() == today for b in _scan(target_dir)):
        return None
    return make_backup(db, "daily", folder=target_dir, now=moment)


def _parse_name(path: Path) -> tuple[datetime, str] | None:
    match = _NAME.match(path.name)
    if match is not None:
        stamp, reason = match.group(1), match.group(3)
    else:
        match = _MIGRATION_NAME.match(path.name)
        if match is None:
            return None
        stamp, reason = match.group(1), "before-migration"
    try:
        created = datetime.strptime(stamp, _STAMP).astimezone()
    except ValueError:
        return None
    return created, reason


def _scan(folder: Path) -> list[BackupInfo]:
    """Backup files in `folder`, newest first, without opening them."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = _parse_name(path)
        if parsed is None or not path.is_file():
            continue
        stat = path.stat()
        found.append((stat.st_mtime_ns, BackupInfo(path, parsed[0], parsed[1], stat.st_size)))
    # Names carry the second only: two backups in the same second (a manual one, then
    # the one made before a restore) are told apart by when their file was written.
    found.sort(key=lambda pair: (pair[1].created_at, pair[0], pair[1].path.name), reverse=True)
    return [info for _written, info in found]


def _open_read_only(path: Path) -> sqlite3.Connection:
    # immutable=1: never create -wal/-shm beside a backup, never change it by reading.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def inspect_backup(path: Path) -> BackupInfo:
    """Open `path` read-only and count what it holds (counts are None if unreadable)."""
    parsed = _parse_name(path)
    created, reason = (
        parsed
        if parsed is not None
        else (
            datetime.fromtimestamp(path.stat().st_mtime).astimezone(),
            "file",
        )
    )
    size = path.stat().st_size
    try:
        connection = _open_read_only(path)
        try:
            counts = [
                connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("prospect", "contact", "activity")
            ]
            schema = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return BackupInfo(path, created, reason, size)
    return BackupInfo(
        path, created, reason, size, counts[0], counts[1], counts[2],
        schema[0] if schema else None,
    )  # fmt: skip


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every backup in `folder`, newest first, with its counts (none if it fails its check)."""
    return [inspect_backup(b.path) if checks_out(b.path) else b for b in _scan(folder)]


#: Beside the backups: the verdict of each one's check, by size and modification time,
#: so that each is read whole once, not at every listing (5 GB at a million prospects).
CHECKS_FILE = ".checked.json"
_checks_lock = threading.Lock()


def _read_checks(folder: Path) -> dict[str, list[int]]:
    try:
        found = json.loads((folder / CHECKS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _file_key(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def remember_check(path: Path, *, good: bool) -> None:
    """Record the verdict of `path`'s check (a failure to record only costs a re-check)."""
    with _checks_lock:
        try:
            checks = _read_checks(path.parent)
            checks[path.name] = [*_file_key(path), int(good)]
            present = {name: v for name, v in checks.items() if (path.parent / name).is_file()}
            partial = path.parent / (CHECKS_FILE + ".part")
            partial.write_text(json.dumps(present), encoding="utf-8")
            partial.replace(path.parent / CHECKS_FILE)
        except OSError as error:
            log.warning("Backup check not recorded: %s", error)


def checks_out(path: Path) -> bool:
    """Whether the backup `path` passes SQLite's quick_check (checked once per version)."""
    try:
        key = _file_key(path)
    except OSError:
        return False
    known = _read_checks(path.parent).get(path.name)
    if isinstance(known, list) and known[:2] == key and len(known) == 3:
        return bool(known[2])
    good = not check_file(path)
    if not good:
        log.warning("Backup %s fails its check", path.name)
    remember_check(path, good=good)
    return good


def verify_backup(path: Path) -> BackupInfo:
    """Check that `path` is a whole Prospection database this version can open.

    Raises DamagedDatabaseError (not a database, fails the integrity check, no schema)
    or NewerDatabaseError (written by a newer version).
    """
    if not path.is_file():
        raise DamagedDatabaseError(f"{path} does not exist.")
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise DamagedDatabaseError(f"{path} is not a Prospection database.")
    try:
        connection = _open_read_only(path)
        try:
            integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            has_version = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()[0]
            revision = (
                connection.execute("SELECT version_num FROM alembic_version").fetchone()
                if has_version
                else None
            )
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise DamagedDatabaseError(f"{path} cannot be read ({error}).") from error
    if integrity != ["ok"]:
        raise DamagedDatabaseError(f"{path} is damaged ({'; '.join(integrity[:3])}).")
    if revision is None:
        raise DamagedDatabaseError(f"{path} is not a Prospection database.")
    if not _known_revision(revision[0]):
        raise NewerDatabaseError(
            f"{path} was written by a newer version of Prospection (schema {revision[0]})."
        )
    return inspect_backup(path)


def _known_revision(revision: str) -> bool:
    if revision == head_revision():
        return True
    try:
        from alembic.script import ScriptDirectory  # only for a file not at the head

        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown revision
        return False


def restore_backup(db: Database, source: Path, *, folder: Path | None = None) -> Path:
    """Replace the live data with `source`, after checking it and backing up the present.

    Returns the backup of the state before the restore. The restored data is migrated
    to this version's schema if it is older.
    """
    verify_backup(source)
    target_dir = folder if folder is not None else backups_dir_for(db)
    safety_copy = make_backup(db, "before-restore", folder=target_dir, prune_old=False)
    # Close pooled connections so none keeps a stale view of the replaced pages.
    db.engine.dispose()
    raw = db.engine.raw_connection()
    try:
        live = raw.driver_connection
        assert isinstance(live, sqlite3.Connection)
        origin = _open_read_only(source)
        try:
            origin.backup(live)
        finally:
            origin.close()
        live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    db.engine.dispose()
    migrate(db.engine, backups_dir=None)
    log.info("Restored %s (the previous state is in %s)", source.name, safety_copy.name)
    return safety_copy


def prune(
    folder: Path,
    *,
    now: datetime | None = None,
    keep_daily: int = KEEP_DAILY,
    keep_weekly: int = KEEP_WEEKLY,
) -> list[Path]:
    """Delete backups beyond the last day's, 7 daily and 4 weekly ones; returns them.

    Kept: every backup of the last 24 hours; the newest backup of each of the 7 most
    recent days that have one; the newest of each of the 4 most recent ISO weeks.
    """
    moment = (now or _now()).astimezone()
    backups = _scan(folder)
    keep = {b.path for b in backups if moment - b.created_at < KEEP_ALL_WITHIN}
    keep |= _newest_per(backups, lambda b: b.created_at.date().isoformat(), keep_daily)
    keep |= _newest_per(
        backups,
        lambda b: "{}-W{:02d}".format(*b.created_at.isocalendar()[:2]),
        keep_weekly,
    )
    # Never rotate out the last good backup: when none of those kept passes its check
    # (a damaged file backed up day after day), the newest one that does stays too.
    if not any(checks_out(b.path) for b in backups if b.path in keep):
        good = next((b.path for b in backups if b.path not in keep and checks_out(b.path)), None)
        if good is not None:
            keep.add(good)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def _newest_per(
    backups: Iterable[BackupInfo], bucket: Callable[[BackupInfo], str], count: int
) -> set[Path]:
    """The newest backup of each of the `count` most recent buckets (backups newest first)."""
    chosen: dict[str, Path] = {}
    for backup in backups:
        key = bucket(backup)
        if key not in chosen:
            if len(chosen) == count:
                break
            chosen[key] = backup.path
    return set(chosen.values())


def set_aside(path: Path, *, now: datetime | None = None) -> Path:
    """Rename an unusable database (and its -wal/-shm) out of the way, never deleting it."""
    stamp = (now or _now()).strftime(_STAMP)
    target = path.with_name(f"{path.stem}-set-aside-{stamp}{path.suffix}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    if path.exists():
        path.rename(target)
    return target


def restore_over_unusable(database_path: Path, source: Path) -> Path | None:
    """Restore `source` where the live file cannot be opened (damaged, or newer).

    The unusable file is renamed aside (returned), never written over; the backup is
    copied into its place. The caller then opens the database as usual (which migrates).
    """
    verify_backup(source)
    aside = set_aside(database_path) if database_path.exists() else None
    target = sqlite3.connect(database_path)
    try:
        origin = _open_read_only(source)
        try:
            origin.backup(target)
        finally:
            origin.close()
    finally:
        target.close()
    make_private(database_path)
    log.warning("Restored %s over an unusable file, kept as %s", source.name, aside)
    return aside
