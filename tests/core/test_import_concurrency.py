"""Two people importing on one team server at the same moment (issue 17).

The importer chooses the new rows' ids itself (max + 1, then moves the sequences): on a
server two imports must not both take the same ids.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from prospection.core.db import Database, open_database
from prospection.core.imports import apply_plan, detect_layout, plan_import
from prospection.core.imports.grouping import company_key
from prospection.core.imports.source import read_data
from prospection.core.models import Contact, ImportBatch, Phone, Prospect

ROWS = 150


def _file(who: str) -> bytes:
    lines = ["Company,City,Phone"]
    lines += [
        f"{who} company {n},Lyon,+33 4 {n // 100 % 100:02d} {n % 100:02d} {len(who):02d} 00"
        for n in range(ROWS)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _import(db: Database, who: str, start: threading.Barrier, results: dict[str, object]) -> None:
    try:
        table = read_data(_file(who), f"{who}.csv")
        layout = detect_layout(table.headers, table.file_format)
        with db.session() as session:
            plan = plan_import(session, table, layout)
        slowed = [False]

        def progress(_done: int, _total: int) -> None:
            # Once, after the import has its transaction (and, on a server, its lock)
            # and before it chooses ids: the other import reaches the same point then.
            if not slowed[0]:
                slowed[0] = True
                time.sleep(0.5)

        start.wait(10)
        results[who] = apply_plan(db, plan, progress=progress, backup_first=False)
    except Exception as error:  # reported by the assertions
        results[who] = error


def test_two_imports_at_once_on_postgresql_both_land_with_their_own_ids(
    pg_url: str, tmp_path: Path
) -> None:
    first = open_database(tmp_path / "unused", url=pg_url)
    second = open_database(tmp_path / "unused", url=pg_url)
    start = threading.Barrier(2)
    results: dict[str, object] = {}
    threads = [
        threading.Thread(target=_import, args=(first, "alice", start, results)),
        threading.Thread(target=_import, args=(second, "bob", start, results)),
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        for who in ("alice", "bob"):
            result = results[who]
            assert not isinstance(result, Exception), f"{who}: {result!r}"
            assert getattr(result, "prospects_created", None) == ROWS, result
        with first.session() as session:
            names = list(session.scalars(select(Prospect.name)))
            assert len(names) == 2 * ROWS == len(set(names))
            for model in (Prospect, Contact, Phone):
                ids = list(session.scalars(select(model.id)))
                assert len(ids) == len(set(ids)) == 2 * ROWS, model
            assert session.scalar(select(func.count()).select_from(ImportBatch)) == 2
            # The sequences were moved past both imports: the next prospect gets an id.
            session.add(Prospect(name="After", name_key=company_key("After")))
        with first.session() as session:
            assert session.scalar(select(func.count()).select_from(Prospect)) == 2 * ROWS + 1
    finally:
        first.dispose()
        second.dispose()
