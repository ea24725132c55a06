"""Item 7: the owner's read-only data folder or file is respected, not chmod-ed back."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from prospection.core.db import open_database
from tests.cli.test_safety_cli import cli, seed

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")

WRITES = [
    ["add", "--company", "X"],
    ["edit", "1", "--city", "Lyon"],
    ["dnc", "{c}", "--channel", "all"],
    ["erase", "{c}"],
    ["log-call", "1", "--outcome", "no_answer"],
]


@pytest.fixture(params=["folder", "file"])
def read_only(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[tuple[Path, int]]:
    contact = seed(data_dir)
    target = data_dir if request.param == "folder" else data_dir / "prospection.sqlite3"
    before = stat.S_IMODE(target.stat().st_mode)
    target.chmod(before & ~0o222)  # chmod a-w
    try:
        yield target, contact
    finally:
        data_dir.chmod(0o700)
        (data_dir / "prospection.sqlite3").chmod(0o600)


@pytest.mark.parametrize("command", WRITES)
def test_write_commands_fail_with_a_clear_message(
    read_only: tuple[Path, int], data_dir: Path, command: list[str]
) -> None:
    target, contact = read_only
    before = (data_dir / "prospection.sqlite3").read_bytes()
    result = cli(data_dir, *[part.format(c=contact) for part in command])
    assert result.returncode == 1
    assert "read-only: you can read, not change" in result.stderr
    assert not stat.S_IMODE(target.stat().st_mode) & 0o200  # not chmod-ed back
    assert (data_dir / "prospection.sqlite3").read_bytes() == before


def test_reading_works_and_the_mode_is_kept(read_only: tuple[Path, int], data_dir: Path) -> None:
    target, _ = read_only
    result = cli(data_dir, "list", "--json")
    assert result.returncode == 0, result.stderr
    assert "Boulangerie Vasseur" in result.stdout
    assert not stat.S_IMODE(target.stat().st_mode) & 0o200
    db = open_database(data_dir / "prospection.sqlite3")
    try:
        assert db.read_only
    finally:
        db.dispose()
