"""Issue 14 item 7: csv-fr reports what cp1252 cannot hold; a nameless vCard comes back nameless."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from prospection.core.db import Database
from prospection.core.exports import ExportFormat, UnwritableCharacters, export
from prospection.core.imports import apply_plan, detect_layout, plan_import, read_source
from prospection.core.imports.grouping import company_key
from prospection.core.models import Contact, Prospect


def _add(db: Database, name: str, city: str = "", **person: str) -> None:
    with db.session() as session:
        prospect = Prospect(name=name, name_key=company_key(name), city=city)
        if person:
            prospect.contacts.append(Contact(**person))
        session.add(prospect)


def test_csv_fr_reports_characters_cp1252_cannot_hold(db: Database, tmp_path: Path) -> None:
    _add(db, "Biuro Łódź", city="Москва", first_name="Ana", last_name="Smile 😀")
    path = tmp_path / "out.csv"
    with db.session() as session, pytest.raises(UnwritableCharacters) as caught:
        export(session, path, ExportFormat.CSV_FR)
    assert {"Ł", "ź", "М", "😀"} <= set(caught.value.characters)
    assert "ó" not in caught.value.characters  # cp1252 holds it
    assert not path.exists()  # nothing half-written, no "?" written silently
    # The user chose the stand-ins knowingly: written then.
    with db.session() as session:
        export(session, path, ExportFormat.CSV_FR, cp1252_stand_ins=True)
    assert "Lódz" in path.read_bytes().decode("cp1252")


def test_csv_fr_writes_plainly_when_cp1252_holds_everything(db: Database, tmp_path: Path) -> None:
    _add(db, "Œuvres de Besançon", first_name="Zoë", last_name="Lefèvre")
    path = tmp_path / "out.csv"
    with db.session() as session:
        export(session, path, ExportFormat.CSV_FR)
    assert "Œuvres de Besançon" in path.read_bytes().decode("cp1252")


def test_nameless_vcard_does_not_come_back_with_the_email_as_last_name(
    db: Database, tmp_path: Path
) -> None:
    _add(db, "Sans Nom SARL", email="contact@sansnom.example")
    path = tmp_path / "out.vcf"
    with db.session() as session:
        export(session, path, ExportFormat.VCARD)
        session.execute(Contact.__table__.delete())
        session.execute(Prospect.__table__.delete())
    table = read_source(path)
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    apply_plan(db, plan)
    with db.session() as session:
        contact = session.scalars(select(Contact)).one()
        assert (contact.first_name, contact.last_name) == ("", "")
        assert contact.email == "contact@sansnom.example"


def test_own_json_export_imports_back_into_an_empty_file(db: Database, tmp_path: Path) -> None:
    from prospection.core.db import open_database

    _add(db, "=Formule SARL", city="Lyon", first_name="Zoë", last_name="Œuvrard",
         email="zoe@example.test", title="-Gérante")  # fmt: skip
    _add(db, "Sans Contact")
    path = tmp_path / "out.json"
    with db.session() as session:
        export(session, path, ExportFormat.JSON)
    table = read_source(path)
    assert table.file_format == "json"
    target = open_database(tmp_path / "b.sqlite3")
    try:
        layout = detect_layout(table.headers, table.file_format)
        assert layout.key == "prospection"
        with target.session() as session:
            plan = plan_import(session, table, layout)
        result = apply_plan(target, plan)
        assert (result.prospects_created, result.contacts_created) == (2, 1)
        with target.session() as session:
            contact = session.scalars(select(Contact)).one()
            assert (contact.first_name, contact.last_name, contact.title) == (
                "Zoë", "Œuvrard", "-Gérante",
            )  # fmt: skip
            names = sorted(session.scalars(select(Prospect.name)))
            assert names == ["=Formule SARL", "Sans Contact"]
    finally:
        target.dispose()
