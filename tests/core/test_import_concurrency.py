"""Two people importing on one team server at the same moment (issue 17).

On a server the importer takes its new rows' ids from the sequences, imports wait for
each other (an advisory lock) and nobody else waits for an import: two imports never
take the same ids, colleagues' edits, calls and inserts go through while one is written,
and overlapping files merge as they would one after the other.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from prospection.core.calls import log_call
from prospection.core.db import Database, open_database
from prospection.core.enums import Outcome
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


# --- Colleagues beside an import (issue 17: ids from the sequences, no table lock) ---


def _slow_import(
    db: Database,
    data: bytes,
    name: str,
    reached: threading.Event,
    release: threading.Event,
    results: dict[str, object],
) -> None:
    """Import `data`, pausing (transaction open, first rows written) until `release`."""
    try:
        table = read_data(data, name)
        layout = detect_layout(table.headers, table.file_format)
        with db.session() as session:
            plan = plan_import(session, table, layout)

        def progress(done: int, _total: int) -> None:
            if done and not reached.is_set():  # a chunk of rows is in, ids are taken
                reached.set()
                release.wait(60)

        results[name] = apply_plan(db, plan, progress=progress, backup_first=False)
    except Exception as error:  # reported by the assertions
        results[name] = error
        reached.set()


def _impatient(session: Session) -> None:
    """This transaction fails instead of waiting more than 3 s for a lock."""
    session.execute(text("SET LOCAL lock_timeout = '3s'"))


def test_colleagues_write_while_an_import_is_open_and_ids_never_collide(
    pg_url: str, tmp_path: Path
) -> None:
    importer = open_database(tmp_path / "unused", url=pg_url)
    colleague = open_database(tmp_path / "unused", url=pg_url)
    try:
        with colleague.session() as session:
            existing = Prospect(name="Existing", name_key=company_key("Existing"))
            session.add(existing)
            session.flush()
            session.add(Contact(prospect_id=existing.id, first_name="Ann", last_name="Old"))
            session.flush()
            existing_id = existing.id
        reached, release = threading.Event(), threading.Event()
        results: dict[str, object] = {}
        thread = threading.Thread(
            target=_slow_import,
            args=(importer, _file("alice"), "alice.csv", reached, release, results),
        )
        thread.start()
        try:
            assert reached.wait(60)
            assert "alice.csv" not in results, results  # still open, not failed
            # An edit of a prospect the import does not touch.
            with colleague.session() as session:
                _impatient(session)
                prospect = session.get(Prospect, existing_id)
                assert prospect is not None
                prospect.city = "Paris"
            # A call logged (it updates the prospect: last contact).
            with colleague.session() as session:
                _impatient(session)
                log_call(session, existing_id, Outcome.NO_ANSWER)
            # A plain insert of a prospect, a contact and a phone (ids from the sequences).
            with colleague.session() as session:
                _impatient(session)
                added = Prospect(name="Colleague's", name_key=company_key("Colleague's"))
                session.add(added)
                session.flush()
                person = Contact(prospect_id=added.id, first_name="Bob", last_name="New")
                session.add(person)
                session.flush()
                session.add(Phone(contact_id=person.id, raw="+33 4 99 99 99 99", position=0))
        finally:
            release.set()
            thread.join(120)
        result = results["alice.csv"]
        assert not isinstance(result, Exception), repr(result)
        assert getattr(result, "prospects_created", None) == ROWS
        with colleague.session() as session:
            prospect = session.get(Prospect, existing_id)
            assert prospect is not None
            assert prospect.city == "Paris" and prospect.last_contact_at is not None
            assert session.scalar(select(func.count()).select_from(Prospect)) == ROWS + 2
            assert session.scalar(select(func.count()).select_from(Phone)) == ROWS + 1
            # After the import, plain inserts still get free ids.
            session.add(Prospect(name="Later", name_key=company_key("Later")))
        with colleague.session() as session:
            assert session.scalar(select(func.count()).select_from(Prospect)) == ROWS + 3
    finally:
        importer.dispose()
        colleague.dispose()


def _overlapping(first: int, last: int) -> bytes:
    lines = ["Company,City,Phone"]
    lines += [
        f"Shared company {n},Lyon,+33 4 78 {n // 100:02d} {n % 100:02d} 00"
        for n in range(first, last)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_two_overlapping_imports_at_once_merge_as_one_after_the_other_would(
    pg_url: str, tmp_path: Path
) -> None:
    """Both files planned on the empty database, then written at the same moment: the
    second writer must see the first's rows (as it would, imported afterwards)."""
    first = open_database(tmp_path / "unused", url=pg_url)
    second = open_database(tmp_path / "unused", url=pg_url)
    files = {"a.csv": _overlapping(0, 150), "b.csv": _overlapping(100, 250)}
    plans = {}
    for name, data in files.items():
        table = read_data(data, name)
        layout = detect_layout(table.headers, table.file_format)
        with first.session() as session:
            plans[name] = plan_import(session, table, layout)
    start = threading.Barrier(2)
    results: dict[str, object] = {}

    def run(db: Database, name: str) -> None:
        try:
            start.wait(10)
            results[name] = apply_plan(db, plans[name], backup_first=False)
        except Exception as error:  # reported by the assertions
            results[name] = error

    threads = [
        threading.Thread(target=run, args=(first, "a.csv")),
        threading.Thread(target=run, args=(second, "b.csv")),
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        for name in files:
            assert not isinstance(results[name], Exception), repr(results[name])
        created = sorted(getattr(results[name], "prospects_created", -1) for name in files)
        assert created == [100, 150]  # whichever came second merged the 50 shared rows
        assert sorted(getattr(results[name], "merged", -1) for name in files) == [0, 50]
        with first.session() as session:
            names = list(session.scalars(select(Prospect.name)))
            assert len(names) == len(set(names)) == 250
            phones = list(session.scalars(select(Phone.e164)))
            assert len(phones) == len(set(phones)) == 250
    finally:
        first.dispose()
        second.dispose()


def test_a_prospect_deleted_between_plan_and_write_is_planned_again(
    pg_url: str, tmp_path: Path
) -> None:
    """A colleague deletes the prospect a planned row merges into: the import plans the
    file again (a new prospect) instead of failing on the missing row."""
    db = open_database(tmp_path / "unused", url=pg_url)
    try:
        with db.session() as session:
            for name in ("Gone", "Stays"):  # "Stays" keeps the largest id: same stamp
                session.add(Prospect(name=name, name_key=company_key(name)))
        data = b"Company,City,First name,Last name\nGone,Lyon,Ann,Smith\n"
        table = read_data(data, "gone.csv")
        layout = detect_layout(table.headers, table.file_format)
        with db.session() as session:
            plan = plan_import(session, table, layout)
        assert [p.id is not None for p in plan.prospects] == [True]
        with db.session() as session:
            gone = session.scalars(select(Prospect).where(Prospect.name == "Gone")).one()
            session.delete(gone)
        result = apply_plan(db, plan, backup_first=False)
        assert (result.prospects_created, result.contacts_created) == (1, 1)
        with db.session() as session:
            assert sorted(session.scalars(select(Prospect.name))) == ["Gone", "Stays"]
    finally:
        db.dispose()
