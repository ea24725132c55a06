"""Issue 14, item 10: a plan does not keep every row's record, yet gives the same ones."""

from __future__ import annotations

from prospection.core.db import Database
from prospection.core.imports import detect_layout, plan_import
from prospection.core.imports.planner import Fate
from prospection.core.imports.records import build_record
from prospection.core.imports.source import read_data

CSV = (
    b"Company,First name,Last name,Email,Phone,City,Colour\n"
    b"Acme,Jean,Dupont,jean@acme.example,01 23 45 67 89,Lyon,blue\n"
    b"Acme,Jean,Dupont,JEAN@ACME.example,0123456789,Lyon,\n"
    b"Bolt,Anne,Martin,not-an-email,8,41266E+13,Nice,red\n"
    b",,,,,,\n"
    b"Cogs,,,,,Paris,green\n"
)


def test_planned_rows_give_their_records_without_keeping_them(db: Database) -> None:
    table = read_data(CSV, "x.csv")
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    assert [row.fate for row in plan.rows] == [
        Fate.NEW_PROSPECT, Fate.MERGE, Fate.NEW_PROSPECT, Fate.NEW_PROSPECT,
    ]  # fmt: skip
    for row, (line, values) in zip(plan.rows, [r for r in table.rows if any(r[1])], strict=True):
        assert row.kept_record is None  # not kept: 55 MB at 100,000 rows
        again = build_record(line, values, table.headers, plan.mapping, region=plan.region)
        assert row.record == again
    first = plan.rows[0].record
    assert first is not None
    assert (first.full_name, first.emails, first.extra) == (
        "Jean Dupont",
        ["jean@acme.example"],
        {"Colour": "blue"},
    )
    assert [p.e164 for p in first.phones] == ["+33123456789"]
    damaged = plan.rows[2].record
    assert damaged is not None and damaged.warnings  # the invalid email, the damaged number


def test_targets_stay_compact_and_still_compare_names(db: Database) -> None:
    # One person, no tags, no note lines: no list made for them (100,000 prospects).
    table = read_data(
        b"Company,First name,Last name,Email,Tags,Colour\n"
        b"Acme,Jean,Dupont,jean@acme.example,,\n"
        b"Bolt,Anne,Martin,anne@bolt.example,vip,\n"
        b"Bolt,Anne,Martine,anne2@bolt.example,,\n"
        b"Cogs,,,,,green\n",
        "x.csv",
    )
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    assert [row.fate for row in plan.rows] == [
        Fate.NEW_PROSPECT, Fate.NEW_PROSPECT, Fate.POSSIBLE_DUPLICATE, Fate.NEW_PROSPECT,
    ]  # fmt: skip
    acme, bolt, cogs = plan.prospects
    assert acme.names == ("dupont jean", plan.contacts[0])  # the pair, not a list
    assert acme.tags == () and acme.notes_extra == ()
    # The second person at Bolt was compared with the first (a list from then on).
    assert isinstance(bolt.names, list) and len(bolt.names) == 2
    assert plan.rows[2].candidate is plan.contacts[1]
    assert bolt.tags == ["vip"]
    assert cogs.notes_extra == ["Colour: green"]
