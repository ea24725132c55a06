"""Migrations from two threads at once (the offline copy refreshed in its own thread
while a database is opened): Alembic's module-level proxies mixed their connections."""

from __future__ import annotations

import threading
from pathlib import Path

from prospection.core.db import current_revision, head_revision, open_database


def test_databases_opened_by_several_threads_at_once_are_all_migrated(tmp_path: Path) -> None:
    errors: list[BaseException] = []

    def open_several(name: str) -> None:
        for n in range(4):
            try:
                open_database(tmp_path / f"{name}-{n}.sqlite3").dispose()
            except BaseException as error:  # reported by the assertion
                errors.append(error)

    threads = [threading.Thread(target=open_several, args=(f"t{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for path in sorted(tmp_path.glob("*.sqlite3")):
        database = open_database(path)
        try:
            assert current_revision(database.engine) == head_revision(), path
        finally:
            database.dispose()
