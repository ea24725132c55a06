"""Importing: layouts mapped, companies grouped, duplicates found, merges undone, cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import selectinload

from prospection.core.db import Database
from prospection.core.enums import Channel, PhoneKind
from prospection.core.exports import search_ids
from prospection.core.imports import (
    BatchError,
    Fate,
    ImportCancelled,
    apply_plan,
    detect_layout,
    plan_import,
    read_source,
    undo_import,
)
from prospection.core.imports.grouping import company_key, person_key
from prospection.core.imports.mappings import remember_mapping, remembered_mapping
from prospection.core.imports.source import read_data
from prospection.core.models import Contact, ImportBatch, Phone, Prospect

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def run(db: Database, path: Path | bytes, name: str = "x.csv", **options: Any) -> Any:
    table = read_source(path) if isinstance(path, Path) else read_data(path, name)
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    return plan, apply_plan(db, plan, **options)


def snapshot(db: Database) -> list[Any]:
    """Everything an import may touch, comparable."""
    with db.session() as session:
        prospects = session.scalars(
            select(Prospect)
            .options(selectinload(Prospect.contacts).selectinload(Contact.phones))
            .order_by(Prospect.id)
        ).all()
        search = session.execute(text("SELECT rowid, body FROM prospect_search ORDER BY rowid"))
        return [
            [
                (p.id, p.name, p.name_key, p.city, p.notes, p.website)
                for p in prospects
            ],
            [
                (c.id, c.prospect_id, c.first_name, c.last_name, c.email, c.title,
                 c.extra_fields, [(ph.raw, ph.e164, ph.kind) for ph in c.phones])
                for p in prospects
                for c in p.contacts
            ],
            list(search),
        ]  # fmt: skip


def contacts(db: Database) -> dict[str, Contact]:
    with db.session() as session:
        rows = session.scalars(
            select(Contact).options(selectinload(Contact.phones), selectinload(Contact.prospect))
        ).all()
        return {c.full_name: c for c in rows}


def test_company_key_sets_legal_forms_case_accents_punctuation_aside() -> None:
    assert company_key("ACME S.A.S.") == company_key("Acme") == "acme"
    assert company_key("Société Générale SA") == "societe generale"
    assert company_key("Müller GmbH") == company_key("MULLER")
    assert company_key("Bernard, Petit & Associés") == "bernard petit associes"
    assert company_key("SAS") == "sas"  # a name made only of a legal form stays itself
    assert person_key("Jean", "DUPONT") == person_key("Dupont", "Jean")


@pytest.mark.parametrize(
    ("name", "layout", "expected"),
    [
        ("outlook_en.csv", "outlook", {"Hélène Lefèvre": ("Atelier Lefèvre SARL", "Directrice")}),
        (
            "outlook_fr.csv",
            "outlook-fr",
            {"Élodie Garçon": ("Boulangerie Garçon & Fils", "Gérante")},
        ),
        (
            "google_contacts.csv",
            "google",
            {"Théo Marchand": ("Brasserie du Port", "Chef de cuisine")},
        ),
        (
            "linkedin_connections.csv",
            "linkedin",
            {"Camille Dubois": ("Nordic Logistique", "Responsable achats")},
        ),
        ("hubspot_contacts.csv", "hubspot", {"Sarah Nguyen": ("Verdure Paysages", "CEO")}),
        (
            "pipedrive_people.csv",
            "pipedrive-people",
            {"Julien Moreau": ("Moreau Menuiserie EURL", "")},
        ),
        ("excel_fr_semicolon.csv", "generic", {"Noël FÈVRE": ("Ébénisterie Fèvre SAS", "Gérant")}),
        ("unicode_text_tab.txt", "generic", {"Łukasz Kowalski": ("Kowalski Sp. z o.o.", "")}),
        ("pipe_delimited.csv", "generic", {"Zoë Petit": ('Café "Le Zinc"', "")}),
        ("colleague.xlsx", "generic", {"Paul Vidal": ("Imprimerie Vidal", "")}),
        ("contacts_21.vcf", "vcard", {"Renée François": ("Crèmerie", "")}),
        ("contacts_30.vcf", "vcard", {"Hugo Lambert": ("Fromagerie Lambert", "")}),
        ("contacts_40.vcf", "vcard", {"Nadia Haddad": ("Haddad Traiteur", "")}),
        ("sirene_etablissements.csv", "sirene", {"AMELIE PETIT": ("AMELIE PETIT", "")}),
    ],
)
def test_every_layout_is_recognised_and_imported(
    db: Database, name: str, layout: str, expected: dict[str, tuple[str, str]]
) -> None:
    table = read_source(FIXTURES / name)
    assert detect_layout(table.headers, table.file_format).key == layout
    _plan, result = run(db, FIXTURES / name)
    assert result.invalid == 0
    found = contacts(db)
    for person, (company, title) in expected.items():
        assert found[person].prospect.name == company
        assert found[person].title == title
        assert found[person].source == "import"
        assert found[person].import_batch_id == result.batch_id


def test_outlook_file_details(db: Database) -> None:
    run(db, FIXTURES / "outlook_en.csv")
    found = contacts(db)
    helene = found["Hélène Lefèvre"]
    assert helene.prospect.address == "12 rue des Tanneurs, Bât. B"
    assert helene.prospect.notes == "Met at the fair,\ncall back in spring"
    assert helene.prospect.country == "FR"
    assert helene.extra_fields["Title"] == "Mrs."
    assert helene.extra_fields["Business Fax"] == "04 72 00 00 01"
    kinds = {p.kind: p.e164 for p in helene.phones}
    assert kinds == {
        PhoneKind.WORK: "+33472102030",
        PhoneKind.SWITCHBOARD: "+33472102000",
        PhoneKind.MOBILE: "+33612345678",
    }
    # "Atelier Lefevre" (no accent, no SARL) is the same company.
    assert found["Marc Olivier"].prospect_id == helene.prospect_id


def test_google_multi_values_and_kinds(db: Database) -> None:
    run(db, FIXTURES / "google_contacts.csv")
    theo = contacts(db)["Théo Marchand"]
    assert theo.email == "theo@brasserie-du-port.fr"
    assert theo.extra_fields["Other emails"] == "t.marchand@gmail.test"
    assert theo.extra_fields["Nickname"] == "Teddy"
    assert [(p.kind, p.e164) for p in theo.phones] == [
        (PhoneKind.MOBILE, "+33698765432"),
        (PhoneKind.MOBILE, "+33698765433"),
        (PhoneKind.WORK, "+33298001122"),
    ]
    assert contacts(db)["Inès Roux"].prospect_id == theo.prospect_id


def test_french_excel_phones_recovered_and_companies_grouped(db: Database) -> None:
    run(db, FIXTURES / "excel_fr_semicolon.csv")
    found = contacts(db)
    noel = found["Noël FÈVRE"]
    assert sorted(p.e164 for p in noel.phones if p.e164) == ["+33380123456", "+33612345678"]
    assert [p.raw for p in noel.phones if p.kind is PhoneKind.MOBILE] == ["612345678"]
    assert found["Zoé Lefèvre"].prospect_id == noel.prospect_id
    assert found["Zoé Lefèvre"].phones[0].e164 == "+33380123457"
    assert found["Günter Müller"].phones[1].e164 == "+33781223345"
    assert noel.prospect.name_key == "ebenisterie fevre"


def test_postal_codes_a_spreadsheet_shortened_get_their_zero_back(db: Database) -> None:
    # Opening a CSV in Excel or LibreOffice turns Nice's "06000" into the number 6000.
    data = (
        "Société;Ville;Code postal;Pays\n"
        "Chez Anne;Nice;6000;France\n"
        "Brasserie Lambic;Bruxelles;1000;Belgique\n"
        "Atelier Sud;Marseille;13001;France\n"
    ).encode("cp1252")
    run(db, data, "excel.csv")
    with db.session() as session:
        codes = dict(session.execute(select(Prospect.name, Prospect.postal_code)).all())
    assert codes == {"Chez Anne": "06000", "Brasserie Lambic": "1000", "Atelier Sud": "13001"}


def test_organisation_rows_keep_unmapped_columns_in_notes(db: Database) -> None:
    run(db, FIXTURES / "pipedrive_organizations.csv")
    with db.session() as session:
        moreau = session.scalars(select(Prospect).where(Prospect.name == "Moreau Menuiserie")).one()
        assert "Organization - Owner: Alex Seller" in moreau.notes
        assert moreau.address == "4 rue du Bois, 33000 Bordeaux, France"
        assert session.scalar(select(func.count()).select_from(Contact)) == 0


def test_sirene_address_joined_with_spaces(db: Database) -> None:
    run(db, FIXTURES / "sirene_etablissements.csv")
    with db.session() as session:
        company = session.scalars(
            select(Prospect).where(Prospect.name == "MECANIQUE DE PRECISION DU RHONE")
        ).one()
        assert company.address == "14 RUE DES ARTISANS"
        assert company.industry == "25.62B"
        assert "siret: 12345678900012" in company.notes


CSV = (
    "Company,First name,Last name,Email,Phone,Job title,Colour\n"
    "ACME SAS,Jean,Dupont,jean@acme.example,01 23 45 67 89,,blue\n"
)


def test_same_email_case_insensitive_or_same_phone_is_the_same_person(db: Database) -> None:
    run(db, CSV.encode())
    again = (
        "Company,First name,Last name,Email,Phone,Job title,Colour\n"
        "Acme,J.,Dupont,JEAN@ACME.EXAMPLE,,Buyer,red\n"
        "Other name,Johnny,D,,+33 1 23 45 67 89,,\n"
    )
    plan, result = run(db, again.encode())
    assert [row.fate for row in plan.rows] == [Fate.MERGE, Fate.MERGE]
    assert result.merged == 2 and result.contacts_created == 0
    jean = contacts(db)["Jean Dupont"]
    assert jean.title == "Buyer"  # filled: it was empty
    assert jean.first_name == "Jean"  # never overwritten
    assert jean.extra_fields["Colour"] == "blue"
    # what the file said otherwise is kept beside (issue 14), never dropped
    assert {"red", "J.", "Johnny", "D"} <= set(jean.extra_fields.values())


def test_close_name_at_same_company_is_only_a_possible_duplicate(db: Database) -> None:
    run(db, CSV.encode())
    close = "Company,First name,Last name,Email\nACME,Jean,Dupond,jdupond@acme.example\n"
    table = read_data(close.encode(), "close.csv")
    layout = detect_layout(table.headers)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    assert plan.rows[0].fate is Fate.POSSIBLE_DUPLICATE
    assert "Jean Dupont" in plan.rows[0].message
    result = apply_plan(db, plan)
    assert result.possible_duplicates == 1 and result.contacts_created == 1
    undo_import(db, result.batch_id)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    result = apply_plan(db, plan, confirmed={plan.rows[0].line})
    assert result.merged == 1 and result.contacts_created == 0
    assert contacts(db)["Jean Dupont"].extra_fields.get("Other emails") is None
    assert contacts(db)["Jean Dupont"].email == "jean@acme.example"


def test_rows_without_anything_usable_are_invalid_with_the_reason(db: Database) -> None:
    plan, result = run(db, b"Company,Colour,Email\n,blue,\nACME,,\n")
    assert plan.rows[0].fate is Fate.INVALID
    assert result.invalid == 1
    assert result.problems[0].line == 2
    assert "no company, name, email or phone" in result.problems[0].message


def test_unparseable_phone_kept_verbatim_and_flagged(db: Database) -> None:
    _plan, result = run(db, b"Company,Phone\nACME,call the desk\n")
    with db.session() as session:
        phone = session.scalars(select(Phone)).one()
    assert (phone.raw, phone.e164) == ("call the desk", None)
    assert "not recognised" in result.problems[0].message


def test_undo_removes_what_was_created_and_restores_what_was_merged(db: Database) -> None:
    run(db, CSV.encode())
    before = snapshot(db)
    again = (
        "Company,First name,Last name,Email,Phone,Job title,City,Size\n"
        "ACME,Jean,Dupont,jean@acme.example,06 11 11 11 11,Buyer,Lyon,12\n"
        "ACME,Anne,Martin,anne@acme.example,,,,\n"
        "Newco,Paul,Neuf,paul@newco.example,,,,\n"
    )
    _plan, result = run(db, again.encode())
    assert result.prospects_created == 1 and result.contacts_created == 2
    after = snapshot(db)
    assert after != before
    with db.session() as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert batch is not None and batch.merge_log
    undone = undo_import(db, result.batch_id)
    assert undone.prospects_removed == 1 and undone.contacts_removed == 2
    assert snapshot(db) == before
    with pytest.raises(BatchError, match="already undone"):
        undo_import(db, result.batch_id)
    with pytest.raises(BatchError, match="no import"):
        undo_import(db, 999)


def test_undo_keeps_what_the_user_changed_since(db: Database) -> None:
    run(db, CSV.encode())
    _plan, result = run(db, b"Email,Job title\njean@acme.example,Buyer\n")
    with db.session() as session:
        jean = session.scalars(select(Contact)).one()
        jean.title = "Head buyer"
    undo_import(db, result.batch_id)
    assert contacts(db)["Jean Dupont"].title == "Head buyer"


def test_cancel_leaves_the_database_as_before(db: Database) -> None:
    run(db, CSV.encode())
    before = snapshot(db)
    rows = "".join(f"Co {i},P{i},N{i},p{i}@co{i}.example,,,\n" for i in range(5000))
    data = ("Company,First name,Last name,Email,Phone,Job title,Colour\n" + rows).encode()
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with pytest.raises(ImportCancelled):
        run(db, data, cancelled=cancelled)
    assert snapshot(db) == before
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 1
        triggers = session.scalar(
            text(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                if db.engine.dialect.name == "sqlite"
                else "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
            )
        )
        assert triggers and triggers > 10


def test_progress_is_reported_up_to_the_total(db: Database) -> None:
    seen: list[tuple[int, int]] = []
    rows = "".join(f"Co {i},p{i}@co.example\n" for i in range(3000))
    run(db, ("Company,Email\n" + rows).encode(), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_search_index_is_right_after_a_bulk_import(db: Database) -> None:
    run(db, FIXTURES / "excel_fr_semicolon.csv")
    with db.session() as session:
        hits = search_ids(session, "zoe")
        zoe = contacts(db)["Zoé Lefèvre"]
        assert hits == [zoe.prospect_id]


def test_suppressed_person_arrives_flagged(db: Database) -> None:
    def check(phones: Any, email: str) -> set[Channel]:
        return {Channel.EMAIL} if email == "jean@acme.example" else set()

    run(db, CSV.encode(), suppression=check)
    jean = contacts(db)["Jean Dupont"]
    assert jean.dnc_email and not jean.dnc_phone
    assert "suppression" in jean.dnc_email_reason


def test_a_new_prospect_of_a_person_not_to_be_called_shows_the_badge(db: Database) -> None:
    # The import writes new prospects with their INSERT triggers set aside: the table's
    # do-not-call badge is written with the row, as the triggers would have.
    def check(phones: Any, email: str) -> set[Channel]:
        return {Channel.PHONE} if email == "jean@acme.example" else set()

    data = CSV + "Bistrot Lune,Ana,Roy,ana@lune.example,04 65 71 20 10,,\n"
    run(db, data.encode(), suppression=check)
    with db.session() as session:
        badges = dict(session.execute(select(Prospect.name, Prospect.has_dnc)).all())
        joined = dict(
            session.execute(
                text(
                    "SELECT p.name, EXISTS (SELECT 1 FROM contact c"
                    " WHERE c.prospect_id = p.id AND c.dnc_phone) FROM prospect p"
                )
            ).all()
        )
    assert badges == {"ACME SAS": True, "Bistrot Lune": False}
    assert {name: bool(flag) for name, flag in joined.items()} == badges


def test_mapping_remembered_per_header(db: Database) -> None:
    from prospection.core.imports import Field

    headers = ["A", "B"]
    with db.session() as session:
        assert remembered_mapping(session, headers) is None
        remember_mapping(session, headers, [Field.COMPANY, None])
    with db.session() as session:
        assert remembered_mapping(session, headers) == [Field.COMPANY, None]
        assert remembered_mapping(session, ["A", "B", "C"]) is None


def test_derived_columns_are_right_after_a_bulk_import(db: Database) -> None:
    # The import writes with the INSERT triggers set aside, then replays them once per
    # prospect: the table's sort columns must be what the triggers would have written.
    run(db, FIXTURES / "excel_fr_semicolon.csv")
    with db.session() as session:
        rows = session.execute(
            text("SELECT name, sort_contact, sort_phone FROM prospect ORDER BY id")
        ).all()
    assert [tuple(r) for r in rows] == [
        ("Ébénisterie Fèvre SAS", "FÈVRE Noël", "+33380123456"),
        ("Garage Müller S.A.R.L.", "Müller Günter", "+33388112233"),
    ]
