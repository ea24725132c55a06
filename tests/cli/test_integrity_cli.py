"""prospection-cli on a damaged file: reads with a warning, refuses writes, restores over it."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from prospection.cli import common
from prospection.core import backup, check_verdict
from prospection.core.db import Database, open_database
from prospection.core.integrity import CheckResult, LiveCheck
from tests.cli.test_safety_cli import cli, seed
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
    # How many were re-suppressed is said on every restore path (issue 13 item 2).
    assert "Suppression list re-applied" in restored.stdout
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


# --- The check's verdict, kept beside the file (core/check_verdict.py) ------------------


class CountedCheck:
    """LiveCheck, counting the checks run (monkeypatched into the CLI)."""

    runs = 0

    def __init__(self, path: Path) -> None:
        self.check = LiveCheck(path)

    def run(self) -> CheckResult:
        CountedCheck.runs += 1
        return self.check.run()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> type[CountedCheck]:
    CountedCheck.runs = 0
    monkeypatch.setattr(common, "LiveCheck", CountedCheck)
    return CountedCheck


def test_an_unchanged_file_is_not_checked_again(
    data_dir: Path, counted: type[CountedCheck]
) -> None:
    seed(data_dir)
    assert cli(data_dir, "add", "--company", "Première").returncode == 0
    assert counted.runs == 1
    # Its own writes (through SQLite, on a file known whole) keep the file known whole.
    assert cli(data_dir, "add", "--company", "Deuxième").returncode == 0
    assert cli(data_dir, "edit", "2", "--city", "Lyon").returncode == 0
    listed = cli(data_dir, "list", "--json")
    assert listed.returncode == 0 and "Deuxième" in listed.stdout
    assert counted.runs == 1
    # Another program writes to the file: checked again.
    connection = sqlite3.connect(data_dir / "prospection.sqlite3")
    connection.execute("UPDATE prospect SET city = 'Paris' WHERE id = 2")
    connection.commit()
    connection.close()
    assert cli(data_dir, "add", "--company", "Troisième").returncode == 0
    assert counted.runs == 2
    # A verdict older than a day is not trusted (damage that changes no metadata).
    saved = check_verdict.verdict_path(data_dir / "prospection.sqlite3")
    kept = json.loads(saved.read_text())
    kept["checked_at"] -= check_verdict.MAX_AGE_S + 60
    saved.write_text(json.dumps(kept))
    assert cli(data_dir, "add", "--company", "Quatrième").returncode == 0
    assert counted.runs == 3
    # `check` (the fuller integrity_check) leaves its verdict for the next command.
    connection = sqlite3.connect(data_dir / "prospection.sqlite3")
    connection.execute("UPDATE prospect SET city = 'Lille' WHERE id = 2")
    connection.commit()
    connection.close()
    assert cli(data_dir, "check").returncode == 0
    assert cli(data_dir, "add", "--company", "Cinquième").returncode == 0
    assert counted.runs == 3


def test_reading_commands_skip_the_check_and_never_write(
    data_dir: Path, counted: type[CountedCheck]
) -> None:
    seed(data_dir)
    for command in (["list"], ["queue"], ["stats"], ["retention"], ["imports"], ["plan"]):
        done = cli(data_dir, *command)
        assert done.returncode == 0, (command, done.stderr)
    assert counted.runs == 0
    # Not known whole: a reading command is held to reading (no verdict is made up).
    assert not check_verdict.verdict_path(data_dir / "prospection.sqlite3").exists()


def test_a_file_damaged_after_a_good_verdict_is_still_refused(
    data_dir: Path, counted: type[CountedCheck]
) -> None:
    db = reopen(data_dir)
    fill(db)
    db.dispose()
    assert cli(data_dir, "add", "--company", "Avant").returncode == 0
    assert counted.runs == 1
    path = data_dir / "prospection.sqlite3"
    before = path.stat()
    flip_page_mid_file(path)
    # Even with its size and modification time put back, the change time gives it away.
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    added = cli(data_dir, "add", "--company", "Jamais écrite")
    assert added.returncode == 1
    assert "damaged" in added.stderr and "Traceback" not in added.stderr
    assert counted.runs == 2
    # The damage found is remembered: the next write is refused without reading it all.
    again = cli(data_dir, "log-call", "1", "--outcome", "no_answer")
    assert again.returncode == 1 and "damaged" in again.stderr
    assert counted.runs == 2
    listed = cli(data_dir, "list")
    assert "damaged" in listed.stderr and "Jamais écrite" not in listed.stdout


def test_a_reading_command_on_a_damaged_unchecked_file_says_so(data_dir: Path) -> None:
    damaged_folder(data_dir)
    path = data_dir / "prospection.sqlite3"
    before = path.read_bytes()
    listed = cli(data_dir, "list", "--json")
    assert "Traceback" not in listed.stderr
    if listed.returncode != 0:  # SQLite read a damaged page
        assert "damaged" in listed.stderr
    assert path.read_bytes() == before
