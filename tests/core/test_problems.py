"""Storage problems are recognised (full disk, read-only, damaged), whatever wraps them."""

from __future__ import annotations

import errno

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from prospection.core.db import Database
from prospection.core.errors import (
    PROBLEM_TEXT,
    DamagedDatabaseError,
    NewerDatabaseError,
    Problem,
    classify_problem,
)
from prospection.core.models import Prospect


@pytest.mark.sqlite_only(reason="fills the file to its PRAGMA max_page_count (SQLITE_FULL)")
def test_a_real_full_database_is_a_full_disk(db: Database) -> None:
    # SQLite reports a file that cannot grow exactly as a full disk (SQLITE_FULL).
    with db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    with pytest.raises(OperationalError) as caught, db.session() as session:
        session.execute(text(f"PRAGMA max_page_count = {pages}"))
        session.add_all(Prospect(name="x" * 2000, notes="y" * 4000) for _ in range(200))
        session.flush()
    assert classify_problem(caught.value) is Problem.DISK_FULL
    assert "disk is full" in PROBLEM_TEXT[Problem.DISK_FULL]


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), Problem.DISK_FULL),
        (OSError(errno.EROFS, "Read-only file system"), Problem.READ_ONLY),
        (PermissionError(errno.EACCES, "Permission denied"), Problem.READ_ONLY),
        (DamagedDatabaseError("x"), Problem.DAMAGED),
        (NewerDatabaseError("x"), Problem.NEWER),
        (RuntimeError("attempt to write a readonly database"), Problem.READ_ONLY),
        (RuntimeError("database disk image is malformed"), Problem.DAMAGED),
        (ValueError("a bug"), None),
    ],
)
def test_classify(error: BaseException, problem: Problem | None) -> None:
    assert classify_problem(error) is problem
    wrapped = RuntimeError("while saving")
    wrapped.__cause__ = error
    assert classify_problem(wrapped) is problem
