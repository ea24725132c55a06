"""Backups: online copies with counts, 7 daily + 4 weekly kept, checked restores."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from prospection.core import backup
from prospection.core.db import Database, open_database
from prospection.core.enums import ActivityKind
from prospection.core.errors import DamagedDatabaseError, NewerDatabaseError
from prospection.core.models import Activity, Contact, Prospect

pytestmark = pytest.mark.sqlite_only(reason="backups copy the SQLite file")


def add_prospect(db: Database, name: str) -> None:
    with db.session() as session:
        prospect = Prospect(name=name)
        prospect.contacts.append(Contact(first_name="Ann", last_name=name))
        prospect.activities.append(Activity(kind=ActivityKind.NOTE, notes="hello"))
        session.add(prospect)


def names(db: Database) -> list[str]:
    with db.session() as session:
        return sorted(p.name for p in session.query(Prospect))


def test_backup_holds_the_data_with_counts(db: Database) -> None:
    add_prospect(db, "Alpha")
    add_prospect(db, "Beta")
    made = backup.make_backup(db, "manual")
    assert made.parent == db.path.parent / "backups"
    [info] = backup.list_backups(made.parent)
    assert (info.prospects, info.contacts, info.activities) == (2, 2, 2)
    assert info.reason == "manual"
    assert info.created_at.tzinfo is not None
    # Reading a backup never leaves -wal or -shm files beside it.
    assert sorted(p.name for p in made.parent.iterdir() if p.name != backup.CHECKS_FILE) == [
        made.name
    ]
    if os.name == "posix":
        assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_daily_backup_once_per_day(db: Database) -> None:
    now = datetime(2026, 11, 27, 9, 0).astimezone()
    first = backup.daily_backup(db, now=now)
    assert first is not None
    assert backup.daily_backup(db, now=now + timedelta(hours=5)) is None
    assert backup.daily_backup(db, now=now + timedelta(days=1)) is not None


def test_retention_keeps_last_day_7_daily_and_4_weekly(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 11, 27, 12, 0).astimezone()
    for days in range(60):
        for hour in (9, 17):
            moment = now - timedelta(days=days, hours=12 - hour)
            (folder / f"prospection-{moment:%Y%m%d-%H%M%S}-daily.sqlite3").write_bytes(b"x")
    (folder / "notes.txt").write_text("not a backup")
    removed = backup.prune(folder, now=now)
    kept = sorted(p.name for p in folder.glob("prospection-*"))
    assert removed
    assert (folder / "notes.txt").exists()
    days = {name[12:20] for name in kept}
    # Today (both backups, within 24 hours), and one per day for 7 days, and weeks.
    assert {f"{(now - timedelta(days=d)):%Y%m%d}" for d in range(7)} <= days
    assert len([n for n in kept if n[12:20] == f"{now:%Y%m%d}"]) == 2
    weeks = {datetime.strptime(n[12:20], "%Y%m%d").isocalendar()[:2] for n in kept}
    assert len(weeks) == 4
    assert len(kept) <= 2 + 6 + 4


def test_restore_backs_up_the_present_first(db: Database) -> None:
    add_prospect(db, "Alpha")
    saved = backup.make_backup(db, "manual")
    add_prospect(db, "Beta")
    safety_copy = backup.restore_backup(db, saved)
    assert names(db) == ["Alpha"]
    assert backup.inspect_backup(safety_copy).prospects == 2
    # The restored file keeps working: writes, search index, integrity.
    add_prospect(db, "Gamma")
    assert names(db) == ["Alpha", "Gamma"]
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_restore_refuses_a_damaged_or_foreign_file(db: Database, tmp_path: Path) -> None:
    add_prospect(db, "Alpha")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(DamagedDatabaseError):
        backup.restore_backup(db, garbage)
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    with pytest.raises(DamagedDatabaseError):
        backup.restore_backup(db, foreign)
    good = backup.make_backup(db, "manual")
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(DamagedDatabaseError):
        backup.verify_backup(truncated)
    assert names(db) == ["Alpha"]


def test_restore_refuses_a_newer_file(db: Database, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    backup.backup_to(db, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'fffffffffff9'")
    connection.close()
    with pytest.raises(NewerDatabaseError):
        backup.verify_backup(newer)


def test_restore_over_a_damaged_file_keeps_it_aside(db: Database, data_dir: Path) -> None:
    add_prospect(db, "Alpha")
    saved = backup.make_backup(db, "manual")
    db.dispose()
    live = db.path
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    live.write_bytes(b"garbage" * 1000)
    with pytest.raises(DamagedDatabaseError):
        open_database(live)
    aside = backup.restore_over_unusable(live, saved)
    assert aside is not None and aside.read_bytes() == b"garbage" * 1000
    reopened = open_database(live)
    try:
        assert names(reopened) == ["Alpha"]
    finally:
        reopened.dispose()


def test_database_file_is_private(db: Database) -> None:
    if os.name != "posix":
        pytest.skip("POSIX modes")
    add_prospect(db, "Alpha")
    for suffix in ("", "-wal"):
        path = db.path.with_name(db.path.name + suffix)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
