"""Do-not-contact, the hashed suppression list, erasure without a trace, access, retention."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from prospection.core import privacy
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Channel, Outcome, Stage
from prospection.core.exports import search_ids
from prospection.core.models import (
    Activity,
    CallSession,
    Contact,
    ImportBatch,
    Phone,
    Prospect,
    Suppression,
    utcnow,
)

EMAIL = "Zoe.Quennevilleux@Example.FR"
PHONE_RAW = "06 71 23 45 98"
PHONE_E164 = "+33671234598"


def add_person(db: Database, *, consumer: bool = False, other_contact: bool = True) -> int:
    with db.session() as session:
        prospect = Prospect(name="Menuiserie Bellerive", city="Nantes", is_consumer=consumer)
        person = Contact(first_name="Zoé", last_name="Quennevilleux", email=EMAIL)
        person.phones.append(Phone(raw=PHONE_RAW, e164=PHONE_E164))
        prospect.contacts.append(person)
        if other_contact:
            prospect.contacts.append(Contact(first_name="Marc", last_name="Dupont"))
        session.add(prospect)
        session.flush()
        prospect.activities.append(
            Activity(
                kind=ActivityKind.CALL,
                outcome=Outcome.CONVERSATION,
                contact_id=person.id,
                notes="Zoé Quennevilleux wants a quote for oak stairs",
            )
        )
        prospect.activities.append(Activity(kind=ActivityKind.NOTE, notes="Marc is kind"))
        return person.id


def file_bytes(db: Database) -> bytes:
    data = b""
    for suffix in ("", "-wal"):
        path = db.path.with_name(db.path.name + suffix)
        if path.exists():
            data += path.read_bytes()
    return data


def test_do_not_contact_records_date_reason_and_hashes(db: Database) -> None:
    contact_id = add_person(db)
    with db.session() as session:
        privacy.mark_do_not_contact(session, contact_id, [Channel.PHONE], "asked on the phone")
    with db.session() as session:
        contact = session.get_one(Contact, contact_id)
        assert contact.dnc_phone and not contact.dnc_email
        assert contact.dnc_phone_reason == "asked on the phone"
        assert contact.dnc_phone_at is not None
        rows = session.scalars(select(Suppression)).all()
        assert [r.channel for r in rows] == [Channel.PHONE]
        # Hashed, never the number itself.
        assert PHONE_E164 not in rows[0].digest and len(rows[0].digest) == 64
        assert privacy.suppressed_channels(session, phones=["+33 6 71 23 45 98"]) == {Channel.PHONE}
        assert privacy.suppressed_channels(session, email=EMAIL) == set()


def test_salt_is_created_once_and_differs_between_files(db: Database, tmp_path: Path) -> None:
    with db.session() as session:
        first = privacy.suppression_salt(session)
    with db.session() as session:
        assert privacy.suppression_salt(session) == first
    assert len(first) == 32
    assert privacy.digest(first, Channel.EMAIL, "a@b.fr") != privacy.digest(
        "other", Channel.EMAIL, "a@b.fr"
    )


def test_erased_person_reimported_arrives_flagged(db: Database) -> None:
    contact_id = add_person(db)
    privacy.erase_person(db, contact_id)
    with db.session() as session:
        assert session.get(Contact, contact_id) is None
        again = Contact(first_name="Zoe", last_name="Q", email="  zoe.quennevilleux@example.fr ")
        again.phones.append(Phone(raw="+33 (0)6 71 23 45 98"))
        prospect = session.scalars(select(Prospect)).one()
        prospect.contacts.append(again)
        session.flush()
        flagged = privacy.flag_if_suppressed(session, again)
        assert flagged == {Channel.PHONE, Channel.EMAIL}
        assert again.dnc_phone and again.dnc_email
        assert again.dnc_email_reason == privacy.SUPPRESSED_REASON
        stranger = Contact(first_name="New", email="new@example.fr")
        prospect.contacts.append(stranger)
        session.flush()
        assert privacy.flag_if_suppressed(session, stranger) == set()
        assert not stranger.dnc_email


@pytest.mark.sqlite_only(reason="reads the bytes of the file, its WAL and free pages")
def test_erasure_leaves_no_readable_trace_in_the_file(db: Database) -> None:
    contact_id = add_person(db)
    # Plenty of churn so that old pages, index segments and WAL frames exist.
    for round_ in range(30):
        with db.session() as session:
            person = session.get_one(Contact, contact_id)
            person.title = f"Gérante {round_}"
            session.add(Prospect(name=f"Other {round_}", notes="x" * 500))
    with db.session() as session:
        session.add(
            ImportBatch(
                file_name="list.csv",
                file_hash="0" * 64,
                merge_log=[{"contact_id": contact_id, "email": EMAIL}, {"contact_id": 999}],
            )
        )
    secrets = [
        b"Quennevilleux",
        EMAIL.encode(),
        EMAIL.lower().encode(),
        PHONE_E164.encode(),
        PHONE_RAW.encode(),
        b"oak stairs",
        # The full-text index stores folded tokens: lower case, accents and spaces off.
        b"quennevilleux",
        b"0671234598",
        b"33671234598",
    ]
    before = file_bytes(db)
    assert any(s in before for s in secrets), "the test must be able to fail"
    report = privacy.erase_person(db, contact_id)
    assert report.activities == 1 and report.prospects == 0
    after = file_bytes(db)
    for secret in secrets:
        assert secret not in after, secret
        assert secret.decode().encode("utf-16-le") not in after
    with db.session() as session:
        # The rest is intact and still searchable.
        assert session.scalars(select(Prospect.name).where(Prospect.id == 1)).one()
        assert search_ids(session, "marc") == [1]
        assert session.scalars(select(ImportBatch)).one().merge_log == [{"contact_id": 999}]
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_erasing_a_consumer_erases_their_prospect_record(db: Database) -> None:
    contact_id = add_person(db, consumer=True, other_contact=False)
    report = privacy.erase_person(db, contact_id)
    assert report.prospects == 1 and report.activities == 2
    with db.session() as session:
        assert session.scalars(select(Prospect)).all() == []
    assert b"Menuiserie Bellerive" not in file_bytes(db)


def test_unknown_person(db: Database) -> None:
    with pytest.raises(privacy.PersonNotFoundError), db.session() as session:
        privacy.export_person(session, 42)


def test_export_person_is_readable_json(db: Database) -> None:
    contact_id = add_person(db)
    with db.session() as session:
        privacy.mark_do_not_contact(session, contact_id, [Channel.EMAIL], "unsubscribed")
        privacy.record_consent(
            session, contact_id, channel="phone", wording="Yes, you may call me about stairs"
        )
    with db.session() as session:
        text_ = privacy.export_person_json(session, contact_id)
    data = json.loads(text_)
    assert data["person"]["email"] == EMAIL
    assert data["person"]["phones"][0]["e164"] == PHONE_E164
    assert data["do_not_contact"]["email"]["reason"] == "unsubscribed"
    assert data["consent"]["wording"] == "Yes, you may call me about stairs"
    assert [a["notes"] for a in data["activities"]] == [
        "Zoe Quennevilleux wants a quote for oak stairs".replace("Zoe", "Zoé")
    ]
    assert "Zoé" in text_  # readable, not escaped


def test_lift_do_not_contact_removes_the_hash(db: Database) -> None:
    contact_id = add_person(db)
    with db.session() as session:
        privacy.mark_do_not_contact(session, contact_id, list(Channel), "")
    with db.session() as session:
        privacy.lift_do_not_contact(session, contact_id, [Channel.EMAIL])
    with db.session() as session:
        assert privacy.suppressed_channels(session, phones=[PHONE_E164], email=EMAIL) == {
            Channel.PHONE
        }
        assert not session.get_one(Contact, contact_id).dnc_email


def test_retention_review_lists_three_year_old_silent_prospects(db: Database) -> None:
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    old = now - timedelta(days=3 * 365 + 10)
    with db.session() as session:
        session.add(Prospect(name="Silent", collected_at=old))
        session.add(Prospect(name="Recent", collected_at=now - timedelta(days=30)))
        session.add(Prospect(name="Client", collected_at=old, stage=Stage.CLIENT))
        session.add(
            Prospect(name="Replied", collected_at=old, last_inbound_at=now - timedelta(days=90))
        )
        replied_by_activity = Prospect(name="Wrote back", collected_at=old)
        replied_by_activity.activities.append(
            Activity(kind=ActivityKind.EMAIL, inbound=True, occurred_at=now - timedelta(days=5))
        )
        outbound_only = Prospect(name="Only we called", collected_at=old)
        outbound_only.activities.append(
            Activity(kind=ActivityKind.CALL, occurred_at=now - timedelta(days=5))
        )
        session.add_all([replied_by_activity, outbound_only])
    with db.session() as session:
        items = privacy.retention_review(session, now)
    assert sorted(i.name for i in items) == ["Only we called", "Silent"]
    assert all(i.since == old for i in items)
    assert privacy.retention_ended_at(items[0]) > old
    removed = privacy.erase_prospects(db, [i.prospect_id for i in items])
    assert removed == 2
    with db.session() as session:
        assert privacy.retention_review(session, now) == []
        assert session.scalar(text("SELECT count(*) FROM prospect")) == 4


def test_retention_cutoff_on_29_february() -> None:
    leap = datetime(2028, 2, 29, tzinfo=UTC)
    assert privacy.retention_cutoff(leap) == datetime(2025, 2, 28, tzinfo=UTC)


def test_consent_needs_wording(db: Database) -> None:
    contact_id = add_person(db)
    with pytest.raises(ValueError, match="wording"), db.session() as session:
        privacy.record_consent(session, contact_id, channel="phone", wording="  ")
    assert utcnow()


def test_an_oversized_reason_or_wording_is_refused_without_echoing_it(db: Database) -> None:
    contact_id = add_person(db)
    huge = "Quennevilleux " * 100_000
    with pytest.raises(privacy.TooLongError) as refused, db.session() as session:
        privacy.mark_do_not_contact(session, contact_id, list(Channel), huge)
    assert "Quennevilleux" not in str(refused.value) and "255" in str(refused.value)
    with pytest.raises(privacy.TooLongError) as refused, db.session() as session:
        privacy.record_consent(session, contact_id, channel="phone", wording=huge)
    assert "Quennevilleux" not in str(refused.value) and "100000" in str(refused.value)
    with pytest.raises(privacy.TooLongError), db.session() as session:
        privacy.record_consent(session, contact_id, channel=huge, wording="I agree")
    with db.session() as session:
        contact = session.get_one(Contact, contact_id)
        assert not contact.dnc_phone and contact.consent_at is None
        assert session.scalars(select(Suppression)).all() == []


def test_erased_person_reimported_by_the_importer_arrives_flagged(db: Database) -> None:
    from prospection.core.backup import list_backups
    from prospection.core.imports import apply_plan, detect_layout, plan_import
    from prospection.core.imports.source import read_data

    contact_id = add_person(db)
    privacy.erase_person(db, contact_id)
    csv = (
        "Société;Prénom;Nom;Email;Téléphone\n"
        "Menuiserie Bellerive;Zoé;Quennevilleux;zoe.quennevilleux@example.fr;06 71 23 45 98\n"
        "Autre SARL;Paul;Martin;paul@autre.fr;04 65 71 20 10\n"
    ).encode()
    table = read_data(csv, "people.csv")
    with db.session() as session:
        plan = plan_import(session, table, detect_layout(table.headers, table.file_format))
    apply_plan(db, plan)
    with db.session() as session:
        people = {c.last_name: c for c in session.scalars(select(Contact))}
    assert people["Quennevilleux"].dnc_phone and people["Quennevilleux"].dnc_email
    assert not people["Martin"].dnc_phone and not people["Martin"].dnc_email
    if db.engine.dialect.name == "sqlite":  # a server's backups are its administrator's
        assert "before-import" in [b.reason for b in list_backups(db.path.parent / "backups")]
    from prospection.core.imports import undo_import

    with db.session() as session:
        batch_id = session.scalars(select(ImportBatch.id)).one()
    undo_import(db, batch_id)
    if db.engine.dialect.name == "sqlite":
        reasons = [b.reason for b in list_backups(db.path.parent / "backups")]
        assert reasons[0] == "before-delete"


def test_erased_person_reimported_from_a_vcard_arrives_flagged(db: Database) -> None:
    from prospection.core.imports import apply_plan, detect_layout, plan_import
    from prospection.core.imports.source import read_data

    contact_id = add_person(db)
    privacy.erase_person(db, contact_id)
    vcard = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoé Quennevilleux\r\nN:Quennevilleux;Zoé;;;\r\n"
        "ORG:Menuiserie Bellerive\r\nTEL;TYPE=CELL:+33 6 71 23 45 98\r\n"
        "EMAIL:zoe.quennevilleux@example.fr\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Paul Martin\r\nN:Martin;Paul;;;\r\n"
        "ORG:Autre SARL\r\nTEL:04 65 71 20 10\r\nEND:VCARD\r\n"
    ).encode()
    table = read_data(vcard, "contacts.vcf")
    with db.session() as session:
        plan = plan_import(session, table, detect_layout(table.headers, table.file_format))
    apply_plan(db, plan)
    with db.session() as session:
        people = {c.last_name: c for c in session.scalars(select(Contact))}
    assert people["Quennevilleux"].dnc_phone and people["Quennevilleux"].dnc_email
    assert not people["Martin"].dnc_phone and not people["Martin"].dnc_email


def test_erase_and_export_cover_rows_without_a_contact_link(db: Database) -> None:
    """Issue 13.1: a call stored with no contact link still names the person."""
    contact_id = add_person(db)
    with db.session() as session:
        prospect = session.scalars(select(Prospect)).one()
        prospect.activities.append(
            Activity(
                kind=ActivityKind.CALL,
                outcome=Outcome.CONVERSATION,
                contact_id=None,
                notes=f"Spoke to Zoé Quennevilleux, write to {EMAIL.lower()}",
            )
        )
        prospect.activities.append(
            Activity(kind=ActivityKind.NOTE, notes="call back on 06.71.23.45.98 after lunch")
        )
        prospect.notes = "Ask Zoé Quennevilleux about the stairs"
        session.add(CallSession(draft_notes=f"mail {EMAIL} tomorrow"))
    with db.session() as session:
        exported = privacy.export_person(session, contact_id)
    notes = [a["notes"] for a in exported["activities"]]
    assert any(EMAIL.lower() in n for n in notes)
    assert any("06.71.23.45.98" in n for n in notes)
    assert "Marc is kind" not in notes
    assert {m["where"] for m in exported["mentioned_in"]} == {
        "organisation.notes",
        "call_session.draft_notes",
    }
    privacy.erase_person(db, contact_id)
    after = file_bytes(db)
    for secret in (b"Quennevilleux", b"quennevilleux", EMAIL.lower().encode(), EMAIL.encode()):
        assert secret not in after, secret
    assert b"06.71.23.45.98" not in after
    with db.session() as session:
        assert session.scalars(select(Prospect.notes)).one() == "Ask [erased] about the stairs"
        assert session.scalars(select(Activity.notes)).all() == ["Marc is kind"]
        assert search_ids(session, "quennevilleux") == []


@pytest.mark.sqlite_only(reason="restores a backup of the file")
def test_restore_keeps_objections_and_erasures(db: Database, tmp_path: Path) -> None:
    """Issue 13.2: restoring an older backup must not bring back an erased person."""
    from prospection.core import backup

    contact_id = add_person(db)
    with db.session() as session:
        other = session.scalars(select(Contact).where(Contact.first_name == "Marc")).one()
        other.phones.append(Phone(raw="01 40 00 00 01", e164="+33140000001"))
        other_id = other.id
    old = backup.make_backup(db, "manual", folder=tmp_path)
    with db.session() as session:
        privacy.mark_do_not_contact(session, other_id, [Channel.PHONE], "asked")
    privacy.erase_person(db, contact_id)
    _, report = privacy.restore_keeping_objections(db, old, folder=tmp_path)
    assert report.erased == 1 and report.flagged == 1
    with db.session() as session:
        assert session.get(Contact, contact_id) is None
        marc = session.get_one(Contact, other_id)
        assert marc.dnc_phone and marc.dnc_phone_reason == privacy.SUPPRESSED_REASON
        assert privacy.suppressed_channels(session, email=EMAIL) == {Channel.EMAIL}
    assert b"Quennevilleux" not in file_bytes(db)


def test_every_way_in_checks_the_suppression_list(db: Database) -> None:
    """Issue 13.3: a new contact, or a new phone/email on an existing one, is flagged."""
    contact_id = add_person(db)
    privacy.erase_person(db, contact_id)
    with db.session() as session:
        prospect = session.scalars(select(Prospect)).one()
        fresh = Contact(first_name="Z", last_name="Q", email=EMAIL.upper())
        prospect.contacts.append(fresh)
        marc = session.scalars(select(Contact).where(Contact.first_name == "Marc")).one()
        marc_id = marc.id
    with db.session() as session:
        flagged = session.scalars(select(Contact).where(Contact.first_name == "Z")).one()
        assert flagged.dnc_email and flagged.dnc_email_reason == privacy.SUPPRESSED_REASON
        assert not flagged.dnc_phone
        assert not session.get_one(Contact, marc_id).dnc_phone
    with db.session() as session:  # an edit: Marc's new number is the erased person's
        marc = session.get_one(Contact, marc_id)
        marc.phones.append(Phone(raw="06 71 23 45 98"))
    with db.session() as session:
        marc = session.get_one(Contact, marc_id)
        assert marc.dnc_phone and marc.dnc_phone_reason == privacy.SUPPRESSED_REASON
        assert not marc.dnc_email
