"""backup_file: a copy appears under its name only when complete."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from prospection.core.db import Database, backup_file

pytestmark = pytest.mark.sqlite_only(reason="SQLite's online backup of the file")


def test_copy_is_renamed_when_complete(db: Database, tmp_path: Path) -> None:
    destination = tmp_path / "out" / "copy.sqlite3"
    stale = destination.with_name("copy.sqlite3.part")
    stale.parent.mkdir()
    stale.write_bytes(b"left by a copy that was interrupted")
    assert backup_file(db.engine, destination) == destination
    assert sorted(p.name for p in destination.parent.iterdir()) == ["copy.sqlite3"]
    with sqlite3.connect(destination) as copy:
        assert copy.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    copy.close()


class _FailingEngine:
    def raw_connection(self) -> Any:
        raise sqlite3.OperationalError("disk I/O error")


def test_failed_copy_leaves_nothing(tmp_path: Path) -> None:
    destination = tmp_path / "copy.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        backup_file(_FailingEngine(), destination)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
