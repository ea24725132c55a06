"""Issue 13.2: the privacy ledger beside the file: objections and erasures outlive a restore."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from prospection.core import backup, privacy
from prospection.core.db import Database, open_database
from prospection.core.enums import Channel
from prospection.core.models import Contact, Phone
from prospection.core.privacy_ledger import LEDGER_NAME, EntryKind, read_ledger
from tests.core.test_privacy import EMAIL, PHONE_E164, add_person, file_bytes


def _marc(db: Database) -> int:
    with db.session() as session:
        marc = session.scalars(select(Contact).where(Contact.first_name == "Marc")).one()
        marc.phones.append(Phone(raw="01 40 00 00 01", e164="+33140000001"))
        return marc.id


@pytest.mark.sqlite_only(reason="the ledger beside the file outlives restores of its backups")
def test_an_erasure_without_objection_is_redone_after_restoring_an_older_backup(
    db: Database, tmp_path: Path
) -> None:
    contact_id = add_person(db)
    old = backup.make_backup(db, "manual", folder=tmp_path)
    privacy.erase_person(db, contact_id, keep_objection=False)
    with db.session() as session:  # no objection kept: not on the suppression list
        assert privacy.suppressed_channels(session, email=EMAIL) == set()
    _, report = privacy.restore_keeping_objections(db, old, folder=tmp_path)
    assert report.erased == 1
    with db.session() as session:
        assert session.get(Contact, contact_id) is None
        assert privacy.suppressed_channels(session, email=EMAIL) == set()
    assert b"Quennevilleux" not in file_bytes(db)


@pytest.mark.sqlite_only(reason="the ledger beside the file outlives restores of its backups")
def test_restore_over_an_unusable_file_reapplies_the_ledger(db: Database, tmp_path: Path) -> None:
    contact_id = add_person(db)
    marc_id = _marc(db)
    old = backup.make_backup(db, "manual", folder=tmp_path)
    with db.session() as session:
        privacy.mark_do_not_contact(session, marc_id, [Channel.PHONE], "asked")
    privacy.erase_person(db, contact_id)
    db.dispose()
    db.path.write_bytes(b"this is not a database" * 100)  # the live list is unreadable
    for suffix in ("-wal", "-shm"):
        db.path.with_name(db.path.name + suffix).unlink(missing_ok=True)

    backup.restore_over_unusable(db.path, old)
    restored = open_database(db.path, backups_dir=tmp_path)
    try:
        report = privacy.reapply_ledger(restored)
        assert report.erased == 1 and report.flagged == 1
        with restored.session() as session:
            assert session.get(Contact, contact_id) is None
            assert session.get_one(Contact, marc_id).dnc_phone
            assert privacy.suppressed_channels(session, email=EMAIL) == {Channel.EMAIL}
        assert b"Quennevilleux" not in file_bytes(restored)
    finally:
        restored.dispose()


@pytest.mark.sqlite_only(reason="the ledger beside the file outlives restores of its backups")
def test_the_ledger_holds_hashes_only_and_is_private(db: Database) -> None:
    contact_id = add_person(db)
    marc_id = _marc(db)
    with db.session() as session:
        privacy.mark_do_not_contact(session, marc_id, [Channel.PHONE], "asked")
    privacy.erase_person(db, contact_id, keep_objection=False)
    path = db.path.with_name(LEDGER_NAME)
    text = path.read_text(encoding="utf-8").casefold()
    for plain in ("zoé", "quennevilleux", "marc", "dupont", EMAIL.casefold(), PHONE_E164):
        assert plain.casefold() not in text
    assert "671234598" not in text and "140000001" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    kinds = sorted(e.kind for e in read_ledger(path).entries)
    assert kinds.count(EntryKind.ERASURE) == 2 and kinds.count(EntryKind.OBJECTION) == 1


def test_a_rolled_back_objection_is_not_in_the_ledger(db: Database) -> None:
    add_person(db)
    marc_id = _marc(db)
    try:
        with db.session() as session:
            privacy.mark_do_not_contact(session, marc_id, [Channel.PHONE], "asked")
            raise RuntimeError("the user's action failed")
    except RuntimeError:
        pass
    assert read_ledger(db.path.with_name(LEDGER_NAME)).entries == []


@pytest.mark.sqlite_only(reason="restores a backup over a damaged SQLite file")
def test_restore_over_a_damaged_file_reapplies_objections_and_erasures(
    db: Database, tmp_path: Path
) -> None:
    from prospection.core.integrity import ReadOnly, restore_over_damaged
    from tests.damage import damage, fill

    contact_id = add_person(db)
    marc_id = _marc(db)
    fill(db)  # enough pages to damage one mid-file
    old = backup.make_backup(db, "manual", folder=tmp_path)
    with db.session() as session:
        privacy.mark_do_not_contact(session, marc_id, [Channel.PHONE], "asked")
    privacy.erase_person(db, contact_id, keep_objection=False)
    damage(db)
    damaged = open_database(db.path, backups_dir=tmp_path)
    damaged.read_only = ReadOnly.DAMAGED
    try:
        aside, report = restore_over_damaged(damaged, old)
        assert aside is not None and aside.exists()
        assert report.erased == 1 and report.flagged == 1
        with damaged.session() as session:
            assert session.get(Contact, contact_id) is None
            assert session.get_one(Contact, marc_id).dnc_phone
        assert b"Quennevilleux" not in file_bytes(damaged)
    finally:
        damaged.dispose()
