"""Damage detection: quick_check finds flipped bytes, writes are refused, backups checked."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from prospection.core import backup
from prospection.core.db import Database, open_database
from prospection.core.integrity import (
    CopyDamagedError,
    LiveCheck,
    ReadOnly,
    WritesRefusedError,
    check_file,
)
from prospection.core.models import Prospect
from tests.damage import damage, fill

pytestmark = pytest.mark.sqlite_only(reason="damage checks of the SQLite file")


def reopen(db: Database) -> Database:
    return open_database(db.path, backups_dir=db.path.parent / "backups")


def test_quick_check_finds_bytes_flipped_mid_file(db: Database) -> None:
    fill(db)
    assert LiveCheck(db.path).run().ok
    damage(db)
    assert check_file(db.path)
    damaged = reopen(db)  # it still opens: only a check of every page finds the damage
    try:
        with damaged.session() as session:
            assert session.query(Prospect).count() == 400
        result = LiveCheck(damaged.path).run()
        assert not result.ok and result.problems
    finally:
        damaged.dispose()


def test_writes_are_refused_on_every_path_while_read_only(db: Database) -> None:
    fill(db, 3)
    db.read_only = ReadOnly.DAMAGED
    with pytest.raises(WritesRefusedError) as refused, db.session() as session:
        session.add(Prospect(name="Not saved"))
    assert refused.value.reason is ReadOnly.DAMAGED
    with pytest.raises(WritesRefusedError), db.engine.begin() as connection:
        connection.execute(text("DELETE FROM prospect"))
    db.read_only = None
    with db.session() as session:
        assert session.query(Prospect).count() == 3
        session.add(Prospect(name="Saved"))
    with db.session() as session:
        assert session.query(Prospect).count() == 4


def test_a_backup_of_a_damaged_file_is_deleted_and_reported(db: Database) -> None:
    fill(db)
    damage(db)
    damaged = reopen(db)
    folder = db.path.parent / "backups"
    try:
        with pytest.raises(CopyDamagedError):
            backup.make_backup(damaged, "manual")
        with pytest.raises(CopyDamagedError):
            backup.backup_to(damaged, db.path.parent / "elsewhere.sqlite3")
    finally:
        damaged.dispose()
    assert not any(p.name.startswith("prospection-") for p in folder.iterdir())
    assert not (db.path.parent / "elsewhere.sqlite3").exists()


def test_a_backup_listed_as_readable_passes_its_check(db: Database) -> None:
    fill(db)
    good = backup.make_backup(db, "manual")
    bad = backup.make_backup(db, "before-import")
    [newest, oldest] = backup.list_backups(good.parent)
    assert newest.readable and oldest.readable
    from tests.damage import flip_page_mid_file

    flip_page_mid_file(bad)
    # Damage comes later than the copy: its time differs from the one checked.
    later = bad.stat().st_mtime_ns + 2_000_000_000
    os.utime(bad, ns=(later, later))
    listed = {info.path: info.readable for info in backup.list_backups(good.parent)}
    assert listed == {good: True, bad: False}


def test_rotation_never_removes_the_last_good_backup(db: Database, tmp_path: Path) -> None:
    fill(db, 5)
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 11, 27, 12, 0).astimezone()
    made = backup.make_backup(db, "manual", folder=tmp_path / "staging", prune_old=False)
    old = folder / f"prospection-{now - timedelta(days=90):%Y%m%d-%H%M%S}-daily.sqlite3"
    shutil.copy2(made, old)
    # Then a damaged file, backed up every day since (copies no check would refuse).
    for days in range(30):
        moment = now - timedelta(days=days)
        (folder / f"prospection-{moment:%Y%m%d-%H%M%S}-daily.sqlite3").write_bytes(b"x" * 4096)
    removed = backup.prune(folder, now=now)
    assert removed and old not in removed and old.exists()
    assert [b.path for b in backup.list_backups(folder) if b.readable] == [old]


def test_a_cancelled_check_is_not_a_pass(db: Database) -> None:
    fill(db, 5)
    check = LiveCheck(db.path)
    check.cancel()  # the app is closing
    result = check.run()
    assert result.interrupted and not result.ok
