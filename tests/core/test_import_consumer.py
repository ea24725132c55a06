"""Issue 13 item 4: the consumer flag (prospect.is_consumer) in the import mapping."""

from __future__ import annotations

from sqlalchemy import select

from prospection.core.db import Database
from prospection.core.imports import apply_plan, detect_layout, plan_import
from prospection.core.imports.fields import Field
from prospection.core.imports.messages import Code
from prospection.core.imports.source import read_data
from prospection.core.models import Prospect


def test_consumer_column_is_recognised_and_parsed(db: Database) -> None:
    text = (
        "Nom,Prénom,Ville,Particulier\n"
        "Dupont,Jean,Lyon,oui\n"
        "Martin,Lea,Nice,non\n"
        "Petit,Paul,Pau,x\n"
        "Roux,Anne,Caen,professionnel\n"
        "Blanc,Marc,Metz,peut-être\n"
    )
    table = read_data(text.encode("utf-8"), "clients.csv")
    layout = detect_layout(table.headers, table.file_format)
    assert layout.mapping[3] == Field.CONSUMER
    with db.session() as session:
        plan = plan_import(session, table, layout)
    # An unknown value is reported with its line, not guessed.
    unknown = [p for p in plan.problems if p.detail.code is Code.UNKNOWN_CONSUMER]
    assert [p.line for p in unknown] == [6]
    apply_plan(db, plan, backup_first=False)
    with db.session() as session:
        rows = session.execute(select(Prospect.name, Prospect.is_consumer)).all()
    flags = {str(row[0]): bool(row[1]) for row in rows}
    assert flags == {
        "Jean Dupont": True,
        "Lea Martin": False,
        "Paul Petit": True,
        "Anne Roux": False,
        "Marc Blanc": False,
    }


def test_consumer_labels() -> None:
    for header in ("Particulier", "Consumer", "B2C", "Type de client"):
        assert detect_layout(["Name", "Email", header]).mapping[2] == Field.CONSUMER, header


def test_merge_only_turns_a_prospect_into_a_consumer_and_undo_restores(db: Database) -> None:
    from prospection.core.imports.grouping import company_key
    from prospection.core.imports.writer import undo_import

    with db.session() as session:
        for name, consumer in (("Acme", False), ("Solo", True)):
            session.add(Prospect(name=name, name_key=company_key(name), is_consumer=consumer))
    table = read_data(b"Company,B2C\nAcme,oui\nSolo,non\n", "merge.csv")
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    batch = apply_plan(db, plan, backup_first=False).batch_id
    with db.session() as session:
        rows = session.execute(select(Prospect.name, Prospect.is_consumer)).all()
    assert {str(r[0]): bool(r[1]) for r in rows} == {"Acme": True, "Solo": True}
    assert batch is not None
    undo_import(db, batch)
    with db.session() as session:
        rows = session.execute(select(Prospect.name, Prospect.is_consumer)).all()
    assert {str(r[0]): bool(r[1]) for r in rows} == {"Acme": False, "Solo": True}
