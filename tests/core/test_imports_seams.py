"""Issue 14: import data lost at the seams (merges, re-imports, encodings, empty files)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from prospection.core.db import Database
from prospection.core.imports import apply_plan, detect_layout, plan_import
from prospection.core.imports.source import read_data
from prospection.core.models import Contact, Prospect


def run(db: Database, data: bytes, name: str = "x.csv") -> Any:
    table = read_data(data, name)
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    return plan, apply_plan(db, plan, backup_first=False)


def prospects(db: Database) -> list[Prospect]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Prospect)
                .options(selectinload(Prospect.contacts).selectinload(Contact.phones))
                .order_by(Prospect.id)
            ).all()
        )


def test_a_merge_by_email_keeps_the_incoming_rows_prospect_data(db: Database) -> None:
    run(db, b"Company,First name,Last name,Email\nAcme,Jean,Dupont,jean@acme.example\n")
    again = (
        "Company,First name,Last name,Email,City,Website,Notes\n"
        "Acme,Jean,Dupont,jean@acme.example,Lyon,https://acme.example,Met at the fair\n"
    )
    _plan, result = run(db, again.encode())
    assert result.merged == 1 and result.contacts_created == 0
    [acme] = prospects(db)
    assert acme.city == "Lyon"
    assert acme.website == "https://acme.example"
    assert "Met at the fair" in acme.notes


def test_a_merge_by_phone_under_another_company_name_keeps_the_data(db: Database) -> None:
    run(db, b"Company,First name,Last name,Phone\nAcme,Jean,Dupont,+33 1 23 45 67 89\n")
    again = "Company,First name,Last name,Phone,City\nACME France,Jean,Dupont,0123456789,Lyon\n"
    _plan, result = run(db, again.encode())
    assert result.merged == 1
    [acme] = prospects(db)
    assert acme.city == "Lyon"


def test_reimporting_a_row_with_an_invalid_phone_creates_nothing_new(db: Database) -> None:
    data = "Prénom;Nom;Société;Téléphone\nJean;Dupont;ACME;01 23 45 67 8\n".encode()
    for _ in range(3):
        run(db, data)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 1
        assert session.scalar(select(func.count()).select_from(Prospect)) == 1


def test_a_merge_appends_notes_to_existing_ones(db: Database) -> None:
    run(db, b"Company,First name,Last name,Email,Notes\nAcme,Jean,Dupont,j@acme.example,Old\n")
    run(db, b"Company,First name,Last name,Email,Notes\nAcme,Jean,Dupont,j@acme.example,New\n")
    run(db, b"Company,First name,Last name,Email,Notes\nAcme,Jean,Dupont,j@acme.example,New\n")
    [acme] = prospects(db)
    assert acme.notes == "Old\nNew"


def test_one_bad_byte_in_a_utf8_file_is_reported_not_a_switch_to_cp1252() -> None:
    data = (
        "Société,Prénom,Nom,Ville\n"
        "Énergies,Zoé,Lefèvre,Orléans\n"
        "Bad\xff,Jean,Dupont,Paris\n"
        "Crème,Hélène,Müller,Besançon\n"
    ).encode()
    data = data.replace(b"\xc3\xbf", b"\xff")  # one byte that is not UTF-8 on line 3
    table = read_data(data, "x.csv")
    assert table.encoding == "utf-8"
    assert table.headers == ["Société", "Prénom", "Nom", "Ville"]
    assert table.rows[0][1] == ["Énergies", "Zoé", "Lefèvre", "Orléans"]
    assert [len(values) for _, values in table.rows] == [4, 4, 4]
    bad = [p for p in table.problems if p.detail.code == "bad_utf8_bytes"]
    assert [p.line for p in bad] == [3]


def test_a_real_cp1252_file_is_still_read_as_cp1252() -> None:
    data = "Société,Prénom,Nom\nÉnergies,Zoé,Lefèvre\n".encode("cp1252")
    table = read_data(data, "x.csv")
    assert table.encoding == "cp1252"
    assert table.headers == ["Société", "Prénom", "Nom"]


def test_a_possible_but_unassigned_number_is_stored_e164_with_a_warning(db: Database) -> None:
    data = b"Company,First name,Last name,Phone\nAcme,Jean,Dupont,07 00 00 00 00\n"
    plan, _result = run(db, data)
    [phone] = plan.rows[0].record.phones
    assert phone.e164 == "+33700000000"
    assert any(p.detail.code == "unverified_phone" for p in plan.problems)
    # the same number again, typed the international way: one phone, not two forms
    run(db, b"Company,First name,Last name,Phone\nAcme,Jean,Dupont,+33 7 00 00 00 00\n")
    [acme] = prospects(db)
    [jean] = acme.contacts
    assert [p.e164 for p in jean.phones] == ["+33700000000"]


def test_a_number_of_an_impossible_shape_is_still_kept_as_typed(db: Database) -> None:
    plan, _result = run(db, b"Company,First name,Phone\nAcme,Jean,01 23 45 67 8\n")
    [phone] = plan.rows[0].record.phones
    assert phone.e164 is None


def test_a_number_stored_as_typed_before_is_not_stored_again_in_e164(db: Database) -> None:
    from prospection.core.enums import PhoneKind
    from prospection.core.models import Phone

    with db.session() as session:
        acme = Prospect(name="Acme")
        jean = Contact(first_name="Jean", last_name="Dupont")
        jean.phones.append(Phone(kind=PhoneKind.WORK, raw="07 00 00 00 00", e164=None))
        acme.contacts.append(jean)
        session.add(acme)
    _plan, result = run(
        db, b"Company,First name,Last name,Phone\nAcme,Jean,Dupont,07 00 00 00 00\n"
    )
    assert result.contacts_created == 0
    [acme] = prospects(db)
    [jean] = acme.contacts
    assert len(jean.phones) == 1


def test_a_number_excel_turned_into_scientific_notation_is_reported_then_repaired(
    db: Database,
) -> None:
    damaged = (
        "Company,First name,Last name,Email,Phone,SIRET\n"
        'Acme,Jean,Dupont,j@acme.example,"6,12346E+08","8,41266E+13"\n'
    )
    plan, _result = run(db, damaged.encode())
    assert plan.rows[0].record.phones == []  # a damaged number is not a phone
    codes = [p.detail.code for p in plan.problems]
    assert codes.count("spreadsheet_damaged") == 2
    intact = (
        "Company,First name,Last name,Email,SIRET\nAcme,Jean,Dupont,j@acme.example,84126600000012\n"
    )
    run(db, intact.encode())
    [acme] = prospects(db)
    [jean] = acme.contacts
    assert jean.extra_fields["SIRET"] == "84126600000012"
