"""prospection-cli on a damaged file: reads with a warning, refuses writes, restores over it."""

from __future__ import annotations

import os
from pathlib import Path

from prospection.core import backup
from prospection.core.db import Database, open_database
from tests.cli.test_safety_cli import cli
from tests.damage import damage, fill, flip_page_mid_file


def damaged_folder(data_dir: Path) -> Path:
    """A data folder whose file is damaged mid-file; returns a good backup made before."""
    db = open_database(data_dir / "prospection.sqlite3", backups_dir=data_dir / "backups")
    fill(db)
    saved = backup.make_backup(db, "manual")
    damage(db)
    return saved


def reopen(data_dir: Path) -> Database:
    return open_database(data_dir / "prospection.sqlite3", backups_dir=data_dir / "backups")


def test_a_damaged_file_is_read_with_a_warning_and_never_written(data_dir: Path) -> None:
    damaged_folder(data_dir)
    added = cli(data_dir, "add", "--company", "Jamais écrite")
    assert added.returncode == 1
    assert "damaged" in added.stderr and "Traceback" not in added.stderr
    assert "restore" in added.stderr
    listed = cli(data_dir, "list", "--json")
    assert "damaged" in listed.stderr
    assert "Jamais écrite" not in listed.stdout
    made = cli(data_dir, "backup")
    assert made.returncode == 1 and "no backup made" in made.stderr
    assert "Traceback" not in made.stderr
    assert len(list((data_dir / "backups").glob("prospection-*.sqlite3"))) == 1


def test_restore_over_a_file_that_opens_but_is_damaged(data_dir: Path) -> None:
    saved = damaged_folder(data_dir)
    restored = cli(data_dir, "restore", str(saved))
    assert restored.returncode == 0, restored.stderr
    assert "damaged file was kept" in restored.stdout
    assert len(list(data_dir.glob("prospection-set-aside-*.sqlite3"))) == 1
    added = cli(data_dir, "add", "--company", "Écrite après")
    assert added.returncode == 0, added.stderr
    assert "damaged" not in added.stderr


def test_backups_that_fail_their_check_are_listed_unreadable(data_dir: Path) -> None:
    saved = damaged_folder(data_dir)
    flip_page_mid_file(saved)
    later = saved.stat().st_mtime_ns + 2_000_000_000  # damaged after it was checked
    os.utime(saved, ns=(later, later))
    listed = cli(data_dir, "backups")
    assert listed.returncode == 0
    assert "unreadable" in listed.stdout
