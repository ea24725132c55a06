"""Issue 14 items 1 and 6: merges keep conflicting values and the report says what changed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from prospection.core.db import Database
from prospection.core.imports import apply_plan, detect_layout, plan_import
from prospection.core.imports.source import read_data
from prospection.core.models import Contact, Prospect


def run(db: Database, data: str, name: str = "x.csv") -> Any:
    table = read_data(data.encode(), name)
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    return apply_plan(db, plan, backup_first=False)


def prospects(db: Database) -> list[Prospect]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Prospect)
                .options(selectinload(Prospect.contacts).selectinload(Contact.phones))
                .order_by(Prospect.id)
            ).all()
        )


def test_a_conflicting_prospect_value_is_kept_in_the_notes_and_reported(db: Database) -> None:
    run(db, "Company,First name,Last name,Email,City\nAcme,Jean,Dupont,jean@acme.example,Paris\n")
    result = run(
        db,
        "Company,First name,Last name,Email,City,Website,Notes\n"
        "Acme,Jean,Dupont,jean@acme.example,Lyon,https://acme.example,Met at the fair\n",
        "second.csv",
    )
    [acme] = prospects(db)
    assert acme.city == "Paris"  # the database's value stays
    assert "From import second.csv" in acme.notes and "city: Lyon (kept: Paris)" in acme.notes
    [report] = [m for m in result.merges if m.table == "prospect"]
    assert report.name == "Acme" and report.id == acme.id
    assert "website" in report.filled
    assert [(c.field, c.incoming, c.kept) for c in report.conflicts] == [("city", "Lyon", "Paris")]
    assert report.notes_appended
    data = result.as_json()["merges"]
    assert {"table": "prospect", "id": acme.id, "name": "Acme"}.items() <= data[0].items()
    assert data[0]["conflicts"] == [{"field": "city", "incoming": "Lyon", "kept": "Paris"}]


def test_a_same_value_written_differently_is_no_conflict(db: Database) -> None:
    run(db, "Company,First name,Email,City\nAcme,Jean,jean@acme.example,Paris\n")
    result = run(db, "Company,First name,Email,City\nAcme,Jean,jean@acme.example, PARIS\n")
    [acme] = prospects(db)
    assert "kept" not in acme.notes
    assert all(not m.conflicts for m in result.merges)


def test_a_conflicting_job_title_is_kept_as_an_extra_field_and_reported(db: Database) -> None:
    run(db, "Company,First name,Last name,Email,Job title\nAcme,Jean,Dupont,j@acme.example,CEO\n")
    result = run(
        db,
        "Company,First name,Last name,Email,Job title\nAcme,Jean,Dupont,j@acme.example,CTO\n",
        "second.csv",
    )
    [acme] = prospects(db)
    [jean] = acme.contacts
    assert jean.title == "CEO"
    assert "CTO" in jean.extra_fields.values()
    [report] = [m for m in result.merges if m.table == "contact"]
    assert report.name == "Jean Dupont"
    assert [(c.field, c.incoming, c.kept) for c in report.conflicts] == [("title", "CTO", "CEO")]


def test_two_rows_of_one_file_disagreeing_lose_nothing(db: Database) -> None:
    run(
        db,
        "Company,City,Notes\nAcme,Paris,First note\nAcme,Lyon,Second note\n",
    )
    [acme] = prospects(db)
    assert acme.city == "Paris"
    assert "Lyon" in acme.notes
    assert "First note" in acme.notes and "Second note" in acme.notes


def test_two_rows_of_one_person_disagreeing_keep_the_other_title(db: Database) -> None:
    run(
        db,
        "Company,First name,Email,Job title\n"
        "Acme,Jean,j@acme.example,CEO\nAcme,Jean,j@acme.example,CTO\n",
    )
    [acme] = prospects(db)
    [jean] = acme.contacts
    assert jean.title == "CEO"
    assert "CTO" in jean.extra_fields.values()


def test_a_damaged_siret_of_a_company_only_row_is_replaced_by_a_later_intact_one(
    db: Database,
) -> None:
    run(db, "Company;SIRET\nAcme;8,41266E+13\n")
    [acme] = prospects(db)
    assert "SIRET: 8,41266E+13" in acme.notes
    result = run(db, "Company;SIRET\nAcme;84126612300019\n", "intact.csv")
    [acme] = prospects(db)
    assert "SIRET: 84126612300019" in acme.notes
    assert "8,41266E+13" not in acme.notes
    assert result.merged == 1
    # and a damaged copy arriving after the intact one does not come back
    run(db, "Company;SIRET\nAcme;8,41266E+13\n", "again.csv")
    [acme] = prospects(db)
    assert "8,41266E+13" not in acme.notes
