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
