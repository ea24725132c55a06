"""Privacy across the team (issue 17): one suppression list, erasure for everyone.

On a team server the suppression list lives in the server's database, so an objection
recorded by one person holds for every colleague, and an erasure removes the person
for all. The local privacy ledger (a file beside the desktop database, re-applied after
a restore of that file) has no job there: it is not bound, and nothing is written to
the data folder.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from prospection.core import privacy, privacy_ledger, users
from prospection.core.db import Database, open_database
from prospection.core.enums import Channel
from prospection.core.imports import apply_plan, detect_layout, plan_import
from prospection.core.imports.source import read_data
from prospection.core.models import Contact, Phone, Prospect

EMAIL = "zoe.quennevilleux@example.fr"
PHONE = "06 71 23 45 98"


def _add_zoe(db: Database) -> int:
    with db.session() as session:
        prospect = Prospect(name="Menuiserie Bellerive", city="Nantes")
        person = Contact(first_name="Zoé", last_name="Quennevilleux", email=EMAIL)
        person.phones.append(Phone(raw=PHONE, e164="+33671234598"))
        prospect.contacts.append(person)
        session.add(prospect)
        session.flush()
        return person.id


def _import_zoe(db: Database, name: str) -> None:
    csv = (
        "Société;Prénom;Nom;Email;Téléphone\n"
        f"{name};Zoé;Quennevilleux;{EMAIL.upper()};+33 6 71 23 45 98\n"
        "Autre SARL;Paul;Martin;paul@autre.fr;04 65 71 20 10\n"
    ).encode()
    table = read_data(csv, "people.csv")
    with db.session() as session:
        plan = plan_import(session, table, detect_layout(table.headers, table.file_format))
    apply_plan(db, plan, backup_first=False)


def _two(pg_url: str, folder: Path) -> tuple[Database, Database]:
    alice = open_database(folder / "alice" / "prospection.sqlite3", url=pg_url)
    bob = open_database(folder / "bob" / "prospection.sqlite3", url=pg_url)
    users.identify(alice, "Alice")
    users.identify(bob, "Bob")
    return alice, bob


def test_on_a_server_no_local_ledger_is_kept(pg_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = open_database(folder / "prospection.sqlite3", url=pg_url)
    try:
        contact_id = _add_zoe(db)
        with db.session() as session:
            assert privacy_ledger._PATH not in session.info
            privacy.mark_do_not_contact(session, contact_id, [Channel.PHONE], "asked")
        privacy.erase_person(db, contact_id)
        assert list(folder.iterdir()) == []  # no privacy-ledger.json beside nothing
    finally:
        db.dispose()


def test_an_objection_recorded_by_alice_blocks_bobs_import_and_add(
    pg_url: str, tmp_path: Path
) -> None:
    alice, bob = _two(pg_url, tmp_path)
    try:
        contact_id = _add_zoe(alice)
        with alice.session() as session:
            privacy.mark_do_not_contact(
                session, contact_id, [Channel.PHONE, Channel.EMAIL], "objected by phone"
            )
        _import_zoe(bob, "Bellerive Escaliers")
        with bob.session() as session:
            prospect = Prospect(name="Another one")
            prospect.contacts.append(Contact(first_name="Z", email=f"  {EMAIL} "))
            session.add(prospect)
        with bob.session() as session:
            contacts = session.scalars(select(Contact)).all()
            zoes = [c for c in contacts if c.email and c.email.strip().lower() == EMAIL]
            paul = next(c for c in contacts if c.first_name == "Paul")
        # Her line merged into her record or came in new: either way Bob cannot call her.
        assert len(zoes) >= 2
        for zoe in zoes:
            assert zoe.dnc_email, (zoe.first_name, zoe.last_name)
        assert any(
            z.first_name == "Z" and z.dnc_email_reason == privacy.SUPPRESSED_REASON for z in zoes
        )
        assert not paul.dnc_phone and not paul.dnc_email
    finally:
        alice.dispose()
        bob.dispose()


def test_an_erasure_by_alice_removes_the_person_for_bob(pg_url: str, tmp_path: Path) -> None:
    alice, bob = _two(pg_url, tmp_path)
    try:
        contact_id = _add_zoe(alice)
        with bob.session() as session:  # Bob sees her before
            assert session.get(Contact, contact_id) is not None
        privacy.erase_person(alice, contact_id)
        with bob.session() as session:
            assert session.get(Contact, contact_id) is None
            assert session.scalars(select(Contact).where(Contact.email == EMAIL)).all() == []
        _import_zoe(bob, "Menuiserie Bellerive")  # Bob's old file brings her back ...
        with bob.session() as session:
            again = session.scalars(select(Contact).where(Contact.last_name == "Quennevilleux"))
            back = again.one()
        assert back.dnc_phone and back.dnc_email  # ... flagged: her objection was kept
    finally:
        alice.dispose()
        bob.dispose()
