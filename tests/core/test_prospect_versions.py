"""Two people editing the same prospect (issue 17): optimistic versions, field by field.

Each "editor" reads the prospect in one session (its version and stored values: the
base), and saves later in another, as the app does. Run on SQLite and, with
--db=postgres, on PostgreSQL; the threaded test holds two real PostgreSQL connections.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine

from prospection.core import prospects
from prospection.core.db import Database, alembic_config, create_sqlite_engine, open_database
from prospection.core.enums import ActivityKind, ContactRole, Outcome, Stage
from prospection.core.models import Contact, Prospect
from prospection.core.prospect_editing import (
    ActivityInput,
    ContactInput,
    EditConflict,
    IssueCode,
    PhoneInput,
    ProspectInput,
    contact_base,
    create_prospect,
    log_activity,
    update_contact,
    update_prospect,
)

NOW = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)


@dataclass
class Loaded:
    """What an editor holds: the version and the stored values it read."""

    version: int
    base: ProspectInput
    tags: list[str]
    contact_id: int
    contact_version: int
    contact: ContactInput


def _create(db: Database) -> int:
    contact = ContactInput(
        first_name="François",
        last_name="Lefèvre",
        email="francois@lefevre.example",
        phones=["04 65 71 20 10"],
        role=ContactRole.DECISION_MAKER,
    )
    data = ProspectInput(name="Menuiserie Lefèvre", city="Rezé", pains="Devis trop lents")
    with db.session() as session:
        result = create_prospect(session, data, [contact], ["menuiserie"], now=NOW)
    assert result.prospect_id is not None
    return result.prospect_id


def _load(db: Database, prospect_id: int) -> Loaded:
    with db.session() as session:
        prospect = prospects.load(session, prospect_id)
        assert prospect is not None
        contact = prospect.contacts[0]
        return Loaded(
            prospect.version,
            ProspectInput.of(prospect),
            [tag.name for tag in prospect.tags],
            contact.id,
            contact.version,
            contact_base(contact),
        )


def _save(db: Database, prospect_id: int, loaded: Loaded, **changes: Any) -> Any:
    tags = changes.pop("tags", None)
    base = {name: getattr(loaded.base, name) for name in changes} | {"tags": loaded.tags}
    with db.session() as session:
        return update_prospect(session, prospect_id, changes, base=base, tags=tags)


def _stored(db: Database, prospect_id: int) -> Prospect:
    with db.session() as session:
        prospect = prospects.load(session, prospect_id)
        assert prospect is not None
        return prospect


def test_every_write_moves_the_version(db: Database) -> None:
    pid = _create(db)
    assert _stored(db, pid).version == 1
    with db.session() as session:
        update_prospect(session, pid, {"city": "Nantes"})
    assert _stored(db, pid).version == 2
    with db.session() as session:
        prospects.add_tag(session, [pid], "urgent")
    assert _stored(db, pid).version == 3
    with db.session() as session:
        prospects.remove_tag(session, [pid], "urgent")
    assert _stored(db, pid).version == 4
    with db.session() as session:
        prospects.set_stage(session, [pid], Stage.ATTEMPTED, NOW)
    assert _stored(db, pid).version == 5
    with db.session() as session:
        update_prospect(session, pid, {}, tags=["menuiserie", "bois"])
    assert _stored(db, pid).version == 6
    loaded = _load(db, pid)
    with db.session() as session:
        # Only a phone changes: the contact's row is written, its version moves.
        data = ContactInput(**{**vars(loaded.contact), "phones": ["05 36 49 12 34"]})
        result = update_contact(session, loaded.contact_id, data)
    assert result.ok and result.version == loaded.contact_version + 1


def test_changes_to_different_fields_are_merged(db: Database) -> None:
    pid = _create(db)
    mine, theirs = _load(db, pid), _load(db, pid)
    assert _save(db, pid, theirs, city="Nantes").ok
    result = _save(db, pid, mine, pains="Devis trop lents, relances oubliées")
    assert result.ok and result.conflicts == ()
    stored = _stored(db, pid)
    assert stored.city == "Nantes"  # theirs, kept
    assert stored.pains == "Devis trop lents, relances oubliées"  # mine, written
    assert stored.version == mine.version + 2 == result.version


def test_the_same_field_changed_by_both_is_a_conflict_and_nothing_is_written(
    db: Database,
) -> None:
    pid = _create(db)
    mine, theirs = _load(db, pid), _load(db, pid)
    assert _save(db, pid, theirs, city="Nantes", stage=Stage.REACHED).ok
    result = _save(db, pid, mine, city="Saint-Herblain", notes="Rappeler Paul", priority=2)
    assert not result.ok and not result.errors
    assert result.conflicts == (EditConflict("city", "Rezé", "Saint-Herblain", "Nantes"),)
    stored = _stored(db, pid)
    assert (stored.city, stored.notes, stored.priority) == ("Nantes", "", 0)  # nothing written
    assert stored.stage == Stage.REACHED
    assert result.version == stored.version

    # The user keeps their own city: saved against the version the conflict was read at.
    again = Loaded(result.version, ProspectInput.of(stored), mine.tags, 0, 0, mine.contact)
    saved = _save(db, pid, again, city="Saint-Herblain", notes="Rappeler Paul", priority=2)
    assert saved.ok
    stored = _stored(db, pid)
    assert (stored.city, stored.notes, stored.priority) == ("Saint-Herblain", "Rappeler Paul", 2)
    assert stored.stage == Stage.REACHED  # theirs, never touched by my save


def test_both_making_the_same_change_is_no_conflict(db: Database) -> None:
    pid = _create(db)
    mine, theirs = _load(db, pid), _load(db, pid)
    assert _save(db, pid, theirs, city="Nantes").ok
    assert _save(db, pid, mine, city="  Nantes ").ok


def test_next_action_dates_compare_as_moments(db: Database) -> None:
    pid = _create(db)
    mine, theirs = _load(db, pid), _load(db, pid)
    planned = NOW + timedelta(days=2)
    assert _save(db, pid, theirs, next_action_at=planned).ok
    result = _save(db, pid, mine, next_action_at=planned + timedelta(hours=1))
    assert [c.field for c in result.conflicts] == ["next_action_at"]
    assert result.conflicts[0].theirs == planned and result.conflicts[0].base is None
    # The same moment in the local time of the form is the same value.
    local = _load(db, pid)
    same = (planned + timedelta(hours=3)).astimezone().replace(tzinfo=None)
    assert _save(db, pid, local, next_action_at=same).ok


def test_tags_conflict_as_one_field(db: Database) -> None:
    pid = _create(db)
    mine, theirs = _load(db, pid), _load(db, pid)
    assert _save(db, pid, theirs, tags=["menuiserie", "chaud"]).ok
    result = _save(db, pid, mine, tags=["menuiserie", "froid"])
    assert result.conflicts == (
        EditConflict("tags", ["menuiserie"], ["menuiserie", "froid"], ["chaud", "menuiserie"]),
    )
    assert sorted(t.name for t in _stored(db, pid).tags) == ["chaud", "menuiserie"]


def test_a_logged_call_does_not_stop_an_unrelated_save(db: Database) -> None:
    """Derived columns (last contact, attempts) move the version, but are no one's edit."""
    pid = _create(db)
    mine = _load(db, pid)
    with db.session() as session:
        logged = log_activity(
            session,
            pid,
            ActivityInput(kind=ActivityKind.CALL, outcome=Outcome.NO_ANSWER, occurred_at=NOW),
        )
    assert logged.ok
    assert _stored(db, pid).version > mine.version
    assert _save(db, pid, mine, pains="Plus de devis perdus").ok
    stored = _stored(db, pid)
    assert stored.pains == "Plus de devis perdus" and stored.call_attempts == 1


def test_a_save_without_base_still_wins_as_before(db: Database) -> None:
    pid = _create(db)
    with db.session() as session:
        update_prospect(session, pid, {"city": "Nantes"})
    with db.session() as session:
        assert update_prospect(session, pid, {"city": "Vertou"}).ok
    assert _stored(db, pid).city == "Vertou"


def test_contact_edits_merge_or_conflict_field_by_field(db: Database) -> None:
    pid = _create(db)
    mine, theirs = _load(db, pid), _load(db, pid)

    def save(loaded: Loaded, **changes: Any) -> Any:
        data = ContactInput(**{**vars(loaded.contact), **changes})
        with db.session() as session:
            return update_contact(
                session,
                loaded.contact_id,
                data,
                base=loaded.contact,
            )

    assert save(theirs, title="Gérant", phones=["05 36 49 12 34"]).ok
    merged = save(mine, email="f.lefevre@lefevre.example")
    assert merged.ok
    with db.session() as session:
        contact = session.get(Contact, mine.contact_id)
        assert contact is not None
        assert (contact.title, contact.email) == ("Gérant", "f.lefevre@lefevre.example")
        assert [p.raw for p in contact.phones] == ["05 36 49 12 34"]
    clash = save(mine, phones=[PhoneInput("06 12 34 56 78")], last_name="Lefebvre")
    assert [c.field for c in clash.conflicts] == ["phones"]
    assert clash.conflicts[0].base == ["04 65 71 20 10"]
    assert clash.conflicts[0].mine == ["06 12 34 56 78"]
    assert clash.conflicts[0].theirs == ["05 36 49 12 34"]
    with db.session() as session:
        contact = session.get(Contact, mine.contact_id)
        assert contact is not None and contact.last_name == "Lefèvre"  # nothing written

    # Mine chosen for the phones: saved again with theirs as the base of that field.
    # The title (only the colleague changed it) and the email stay as stored.
    mine.contact.phones = list(clash.conflicts[0].theirs)
    chosen = save(mine, phones=[PhoneInput("06 12 34 56 78")], last_name="Lefebvre")
    assert chosen.ok, chosen
    with db.session() as session:
        contact = session.get(Contact, mine.contact_id)
        assert contact is not None
        assert (contact.title, contact.last_name) == ("Gérant", "Lefebvre")
        assert contact.email == "f.lefevre@lefevre.example"
        assert [p.raw for p in contact.phones] == ["06 12 34 56 78"]


def test_a_script_can_require_the_version_it_read(db: Database) -> None:
    pid = _create(db)
    with db.session() as session:
        assert update_prospect(session, pid, {"city": "Nantes"}, if_version=1).ok
    with db.session() as session:
        late = update_prospect(session, pid, {"city": "Vertou"}, if_version=1)
    assert [(e.field, e.code, e.value) for e in late.errors] == [
        ("version", IssueCode.CHANGED_MEANWHILE, "2")
    ]
    assert _stored(db, pid).city == "Nantes"


def test_two_connections_on_postgresql_one_waits_and_finds_the_conflict(
    pg_url: str, tmp_path: Path
) -> None:
    """Two real connections save the same field at the same moment: one wins, one is told.

    The first holds the prospect's row (its save is not committed yet); the second's
    save waits for it, then sees the new version and the colleague's value.
    """
    first = open_database(tmp_path / "unused", url=pg_url)
    second = open_database(tmp_path / "unused", url=pg_url)
    try:
        pid = _create(first)
        alice, bob = _load(first, pid), _load(second, pid)
        holding = threading.Event()
        release = threading.Event()
        results: dict[str, Any] = {}
        finished: dict[str, float] = {}

        def alice_saves() -> None:
            with first.session() as session:
                results["alice"] = update_prospect(
                    session,
                    pid,
                    {"city": "Nantes", "priority": 1},
                    base={"city": alice.base.city, "priority": 0},
                )
                holding.set()
                release.wait(10)
            finished["alice"] = time.monotonic()

        def bob_saves() -> None:
            holding.wait(10)
            with second.session() as session:
                results["bob"] = update_prospect(
                    session,
                    pid,
                    {"city": "Vertou", "pains": "Stock"},
                    base={"city": bob.base.city, "pains": bob.base.pains},
                )
            finished["bob"] = time.monotonic()

        threads = [threading.Thread(target=alice_saves), threading.Thread(target=bob_saves)]
        for thread in threads:
            thread.start()
        holding.wait(10)
        time.sleep(0.5)  # Bob's save is waiting on Alice's row lock meanwhile
        assert "bob" not in results
        release.set()
        for thread in threads:
            thread.join(20)
        assert results["alice"].ok
        assert finished["bob"] >= finished["alice"]
        assert results["bob"].conflicts == (EditConflict("city", "Rezé", "Vertou", "Nantes"),)
        stored = _stored(second, pid)
        assert (stored.city, stored.priority, stored.pains) == ("Nantes", 1, "Devis trop lents")
    finally:
        first.dispose()
        second.dispose()


def test_two_connections_on_postgresql_merge_different_fields(pg_url: str, tmp_path: Path) -> None:
    first = open_database(tmp_path / "unused", url=pg_url)
    second = open_database(tmp_path / "unused", url=pg_url)
    try:
        pid = _create(first)
        loaded = {"first": _load(first, pid), "second": _load(second, pid)}
        barrier = threading.Barrier(2)
        results: dict[str, Any] = {}

        def save(name: str, db: Database, field: str, value: str) -> None:
            barrier.wait(10)
            results[name] = _save(db, pid, loaded[name], **{field: value})

        threads = [
            threading.Thread(target=save, args=("first", first, "city", "Nantes")),
            threading.Thread(target=save, args=("second", second, "notes", "Voir Paul")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        assert results["first"].ok and results["second"].ok
        stored = _stored(first, pid)
        assert (stored.city, stored.notes, stored.version) == ("Nantes", "Voir Paul", 3)
    finally:
        first.dispose()
        second.dispose()


# ---------------------------------------------------------------- migration 0011


def _engine(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    if kind == "sqlite":
        return create_sqlite_engine(tmp_path / "p.sqlite3")
    return create_engine(request.getfixturevalue("pg_url"))


def _columns(connection: Any, table: str) -> set[str]:
    return {column["name"] for column in inspect(connection).get_columns(table)}


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_migration_0011_starts_rows_at_version_1_and_goes_back(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    engine = _engine(kind, request, tmp_path)
    try:
        with engine.begin() as connection:
            config = alembic_config(connection)
            command.upgrade(config, "0010_pg_search")
            stamp = "'2026-01-01 00:00:00'"
            true = "1" if kind == "sqlite" else "true"
            false = "0" if kind == "sqlite" else "false"
            connection.execute(
                text(
                    "INSERT INTO prospect (id, name, name_key, website, industry, size, "
                    "address, postal_code, city, country, stage, priority, pains, pitch, notes, "
                    "next_action_text, call_attempts, source, collected_at, is_consumer, "
                    "created_at, updated_at) VALUES (7, 'Old', 'old', '', '', '', '', '', "
                    f"'Rezé', 'FR', 'new', 0, '', '', '', '', 0, 'manual', {stamp}, {false}, "
                    f"{stamp}, {stamp})"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO contact (id, prospect_id, first_name, last_name, title, role, "
                    "email, linkedin_url, is_primary, dnc_phone, dnc_phone_reason, dnc_email, "
                    "dnc_email_reason, consent_channel, consent_wording, source, collected_at, "
                    "extra_fields, created_at, updated_at) VALUES (3, 7, 'Ana', '', '', "
                    f"'other', '', '', {true}, {false}, '', {false}, '', '', '', 'manual', "
                    f"{stamp}, '{{}}', {stamp}, {stamp})"
                )
            )
            command.upgrade(config, "0011_prospect_version")
            assert connection.execute(text("SELECT version FROM prospect")).scalar() == 1
            assert connection.execute(text("SELECT version FROM contact")).scalar() == 1
            command.downgrade(config, "0010_pg_search")
            assert "version" not in _columns(connection, "prospect")
            assert "version" not in _columns(connection, "contact")
            assert connection.execute(text("SELECT city FROM prospect")).scalar() == "Rezé"
            command.upgrade(config, "head")
            assert connection.execute(text("SELECT version FROM prospect")).scalar() == 1
    finally:
        engine.dispose()


def test_a_stale_write_fails_cleanly_and_loses_nothing(db: Database) -> None:
    """An ORM write over a row someone else changed after it was read is refused.

    PostgreSQL: the version check finds 0 rows (StaleDataError). SQLite: the write of a
    transaction whose snapshot is stale is refused ("database is locked"). Either is a
    "busy, try again" problem for the user, never a silent overwrite.
    """
    from prospection.core.errors import Problem, classify_problem

    pid = _create(db)
    with pytest.raises(Exception) as raised, db.session() as late:
        prospect = late.get(Prospect, pid)
        assert prospect is not None and prospect.version == 1
        with db.session() as first:
            assert update_prospect(first, pid, {"city": "Nantes"}).ok
        prospect.city = "Vertou"
        late.flush()
    assert classify_problem(raised.value) == Problem.BUSY
    stored = _stored(db, pid)
    assert (stored.city, stored.version) == ("Nantes", 2)


def test_changed_since_sees_a_colleagues_change_but_not_a_restore(db: Database) -> None:
    from prospection.core.prospect_snapshots import changed_since, restore, snapshot

    pid = _create(db)
    with db.session() as session:
        before = snapshot(session, [pid])
        update_prospect(session, pid, {"city": "Nantes"})
        after = snapshot(session, [pid])
    with db.session() as session:
        assert changed_since(session, after, [pid]) == []
        restore(session, before)  # undo: the versions move, the contents are `before`
    with db.session() as session:
        assert changed_since(session, before, [pid]) == []
        assert changed_since(session, after, [pid]) == [pid]
    with db.session() as session:  # a colleague logs a call: an activity more
        log_activity(session, pid, ActivityInput(kind=ActivityKind.NOTE, notes="vu au salon"))
    with db.session() as session:
        assert changed_since(session, before, [pid]) == [pid]


def test_two_people_logging_on_one_prospect_at_once_both_count(pg_url: str, tmp_path: Path) -> None:
    """The derived columns are recomputed under the row lock: both calls count."""
    first = open_database(tmp_path / "unused", url=pg_url)
    second = open_database(tmp_path / "unused", url=pg_url)
    try:
        pid = _create(first)
        barrier = threading.Barrier(2)
        results: list[Any] = []

        def log(db: Database, minute: int) -> None:
            barrier.wait(10)
            with db.session() as session:
                results.append(
                    log_activity(
                        session,
                        pid,
                        ActivityInput(
                            kind=ActivityKind.CALL,
                            outcome=Outcome.NO_ANSWER,
                            occurred_at=NOW + timedelta(minutes=minute),
                        ),
                    )
                )

        threads = [
            threading.Thread(target=log, args=(first, 1)),
            threading.Thread(target=log, args=(second, 2)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        assert len(results) == 2 and all(r.ok for r in results)
        stored = _stored(first, pid)
        assert stored.call_attempts == 2
        assert stored.last_contact_at == NOW + timedelta(minutes=2)
    finally:
        first.dispose()
        second.dispose()


def test_an_import_merge_and_its_undo_move_the_versions(db: Database) -> None:
    """The importer writes with Core statements: it moves the versions by hand."""
    from prospection.core.imports import apply_plan, detect_layout, plan_import
    from prospection.core.imports.source import read_data
    from prospection.core.imports.writer import undo_import

    pid = _create(db)  # Menuiserie Lefèvre, no website yet
    editor = _load(db, pid)

    def versions() -> tuple[int, int]:
        with db.session() as session:
            contact = session.get(Contact, editor.contact_id)
            assert contact is not None
            return _stored(db, pid).version, contact.version

    text = (
        "Company,Website,Categories,First Name,Last Name,E-mail Address,Business Phone\n"
        "Menuiserie Lefèvre,lefevre.example,Salon,François,Lefèvre,"
        "francois@lefevre.example,05 36 49 12 34\n"
    )
    table = read_data(text.encode("utf-8"), "contacts.csv")
    with db.session() as session:
        plan = plan_import(session, table, detect_layout(table.headers, table.file_format))
    batch = apply_plan(db, plan, backup_first=False).batch_id
    merged = versions()
    assert merged[0] > editor.version and merged[1] > editor.contact_version
    # An editor opened before the import keeps the imported website and tag.
    assert _save(db, pid, editor, city="Nantes").ok
    stored = _stored(db, pid)
    assert (stored.website, stored.city) == ("lefevre.example", "Nantes")
    assert sorted(t.name for t in stored.tags) == ["Salon", "menuiserie"]
    assert batch is not None
    before_undo = versions()[0]
    undo_import(db, batch)
    assert versions()[0] > before_undo  # the undo wrote the prospect again (website)
    assert _stored(db, pid).website == ""
