"""Issue 17: an "owner" column assigns prospects to users, by email or name."""

from __future__ import annotations

from sqlalchemy import select

from prospection.core import users
from prospection.core.db import Database
from prospection.core.imports import apply_plan, detect_layout, plan_import
from prospection.core.imports.fields import Field
from prospection.core.imports.grouping import company_key
from prospection.core.imports.source import read_data
from prospection.core.imports.writer import undo_import
from prospection.core.models import Prospect


def _team(db: Database) -> tuple[int, int]:
    with db.session() as session:
        alice = users.rename_user(session, 1, "Alice Martin", "alice@example.fr")
        bob = users.add_user(session, "Bob Durand", "bob@example.fr")
    return alice.id, bob.id


def _owners(db: Database) -> dict[str, int | None]:
    with db.session() as session:
        rows = session.execute(select(Prospect.name, Prospect.owner_id)).all()
    return {str(name): owner for name, owner in rows}


def test_owner_column_is_mapped_by_email_or_name(db: Database) -> None:
    alice, bob = _team(db)
    text = (
        "Société,Ville,Propriétaire\n"
        "Acme,Lyon,BOB@example.fr\n"
        "Boulangerie Martin,Nice, alice martin \n"
        "Garage Durand,Pau,Carol\n"
        "Solo,Caen,\n"
    )
    table = read_data(text.encode("utf-8"), "team.csv")
    layout = detect_layout(table.headers, table.file_format)
    assert layout.mapping[2] == Field.OWNER
    with db.session() as session:
        plan = plan_import(session, table, layout)
    apply_plan(db, plan, backup_first=False)
    assert _owners(db) == {
        "Acme": bob,
        "Boulangerie Martin": alice,
        "Garage Durand": None,  # nobody of that name: no owner rather than a guess
        "Solo": None,
    }


def test_a_merge_fills_an_empty_owner_only_and_undo_restores(db: Database) -> None:
    alice, bob = _team(db)
    with db.session() as session:
        session.add(Prospect(name="Acme", name_key=company_key("Acme")))
        session.add(Prospect(name="Solo", name_key=company_key("Solo"), owner_id=alice))
    table = read_data(b"Company,Owner\nAcme,Bob Durand\nSolo,bob@example.fr\n", "merge.csv")
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    batch = apply_plan(db, plan, backup_first=False).batch_id
    assert _owners(db) == {"Acme": bob, "Solo": alice}
    assert batch is not None
    undo_import(db, batch)
    assert _owners(db) == {"Acme": None, "Solo": alice}
