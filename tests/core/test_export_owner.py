"""Issue 17: the owner and "last called by" in exports, and the owner back by import."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from prospection.core import users
from prospection.core.db import Database
from prospection.core.exports import SUFFIXES, ExportFormat, export
from prospection.core.imports import apply_plan, detect_layout, plan_import, read_source
from prospection.core.imports.fields import Field
from prospection.core.imports.grouping import company_key
from prospection.core.imports.messages import Code
from prospection.core.imports.source import read_data
from prospection.core.models import Contact, Prospect

FORMATS = [ExportFormat.CSV, ExportFormat.CSV_FR, ExportFormat.XLSX, ExportFormat.JSON,
           ExportFormat.VCARD]  # fmt: skip


def _team(db: Database) -> tuple[int, int]:
    with db.session() as session:
        alice = users.rename_user(session, 1, "Alice Martin", "alice@example.fr")
        bob = users.add_user(session, "Bob Durand")
    return alice.id, bob.id


def _add(db: Database, name: str, owner: int | None, caller: int | None = None) -> None:
    with db.session() as session:
        prospect = Prospect(
            name=name, name_key=company_key(name), owner_id=owner, last_caller_id=caller
        )
        prospect.contacts.append(Contact(first_name="Léa", last_name=name.split()[0]))
        session.add(prospect)


def _owners(db: Database) -> dict[str, int | None]:
    with db.session() as session:
        return {str(n): o for n, o in session.execute(select(Prospect.name, Prospect.owner_id))}


def _reimport(db: Database, path: Path) -> list[str]:
    """Delete everything, import `path` back; the report's problem messages."""
    with db.session() as session:
        session.execute(delete(Contact))
        session.execute(delete(Prospect))
    table = read_source(path)
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    result = apply_plan(db, plan, backup_first=False)
    return [p.message for p in result.problems]


@pytest.mark.parametrize("fmt", FORMATS, ids=str)
def test_owners_go_out_and_come_back_identical(
    db: Database, tmp_path: Path, fmt: ExportFormat
) -> None:
    alice, bob = _team(db)
    _add(db, "Acme Lyon", alice, caller=bob)
    _add(db, "Boulangerie Nice", bob)
    _add(db, "Solo Caen", None)
    before = _owners(db)
    path = tmp_path / f"out{SUFFIXES[fmt]}"
    with db.session() as session:
        export(session, path, fmt)
    problems = _reimport(db, path)
    assert _owners(db) == before == {"Acme Lyon": alice, "Boulangerie Nice": bob, "Solo Caen": None}
    assert problems == []
    with db.session() as session:  # "last called by" is a fact of calls: not imported
        assert set(session.scalars(select(Prospect.last_caller_id))) == {None}


def _table(path: Path, fmt: ExportFormat) -> list[dict[str, str]]:
    if fmt is ExportFormat.XLSX:
        from openpyxl import load_workbook

        rows = list(load_workbook(path).active.iter_rows(values_only=True))  # type: ignore[union-attr]
        header = [str(c) for c in rows[0]]
        return [dict(zip(header, ["" if c is None else str(c) for c in r], strict=True))
                for r in rows[1:]]  # fmt: skip
    french = fmt is ExportFormat.CSV_FR
    text = path.read_bytes().decode("cp1252" if french else "utf-8-sig")
    return list(csv.DictReader(text.splitlines(), delimiter=";" if french else ","))


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.CSV_FR, ExportFormat.XLSX], ids=str)
def test_table_exports_name_owner_and_last_caller(
    db: Database, tmp_path: Path, fmt: ExportFormat
) -> None:
    alice, bob = _team(db)
    _add(db, "Acme Lyon", alice, caller=bob)
    path = tmp_path / f"out{SUFFIXES[fmt]}"
    with db.session() as session:
        export(session, path, fmt)
    (row,) = _table(path, fmt)
    assert (row["Owner"], row["Last called by"]) == ("Alice Martin", "Bob Durand")


def test_json_and_vcard_name_owner_and_last_caller(db: Database, tmp_path: Path) -> None:
    alice, bob = _team(db)
    _add(db, "Acme Lyon", alice, caller=bob)
    _add(db, "Solo Caen", None)
    with db.session() as session:
        export(session, tmp_path / "out.json", ExportFormat.JSON)
        export(session, tmp_path / "out.vcf", ExportFormat.VCARD)
    items = json.loads((tmp_path / "out.json").read_text())["prospects"]
    assert [(p["owner"], p["last_called_by"]) for p in items] == [
        ("Alice Martin", "Bob Durand"),
        (None, None),
    ]
    card = (tmp_path / "out.vcf").read_bytes().decode()
    assert "X-PROSPECTION-OWNER:Alice Martin\r\n" in card
    assert "X-PROSPECTION-LAST-CALLER:Bob Durand\r\n" in card
    assert card.count("X-PROSPECTION-OWNER") == 1  # Solo has none


@pytest.mark.parametrize("fmt", FORMATS, ids=str)
def test_a_lone_users_exports_have_no_team_columns(
    db: Database, tmp_path: Path, fmt: ExportFormat
) -> None:
    _add(db, "Acme Lyon", 1, caller=1)
    path = tmp_path / f"out{SUFFIXES[fmt]}"
    with db.session() as session:
        export(session, path, fmt)
    data = path.read_bytes()
    if fmt is ExportFormat.XLSX:
        header = _table(path, fmt)[0].keys()
        assert "Owner" not in header and "Last called by" not in header
    else:
        text = data.decode("cp1252" if fmt is ExportFormat.CSV_FR else "utf-8-sig")
        for word in ("Owner", "owner", "Last called by", "last_called_by", "LAST-CALLER"):
            assert word not in text


def test_an_owner_naming_nobody_is_a_warning_line_in_the_report(db: Database) -> None:
    alice, _bob = _team(db)
    text = "Company,Owner\nAcme,Alice Martin\nGarage,Carol\nSolo,\nTour,carol\n"
    table = read_data(text.encode(), "team.csv")
    layout = detect_layout(table.headers, table.file_format)
    assert layout.mapping[1] == Field.OWNER
    with db.session() as session:
        plan = plan_import(session, table, layout)
    result = apply_plan(db, plan, backup_first=False)
    unknown = [p for p in result.problems if p.detail.code is Code.UNKNOWN_OWNER]
    assert [p.line for p in unknown] == [3, 5]
    assert unknown[0].message.startswith("owner 'Carol' is nobody in the team")
    assert _owners(db) == {"Acme": alice, "Garage": None, "Solo": None, "Tour": None}


def test_a_lone_user_is_not_warned_about_a_crms_owner_column(db: Database) -> None:
    table = read_data(b"Company,Commercial\nAcme,Jean Dupont\n", "crm.csv")
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    assert [p for p in plan.problems if p.detail.code is Code.UNKNOWN_OWNER] == []
