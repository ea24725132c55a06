"""The import's bulk path: derived data (search, sort columns) equal what triggers write."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from prospection.core.db import Database
from prospection.core.enums import PhoneKind
from prospection.core.exports import search_ids
from prospection.core.imports import apply_plan, detect_layout, plan_import, undo_import
from prospection.core.imports.source import read_data
from prospection.core.models import Contact, Phone, Prospect

HEADER = "Company,First name,Last name,Email,Phone,Mobile,City,Notes\n"
ROWS = (
    # several contacts at one company, accents, the phone only on the second contact
    "Ébénisterie Fèvre SAS,Noël,FÈVRE,noel@fevre.example,,,Dijon,\n"
    "Ebenisterie Fevre,Zoé,Lefèvre,zoe@fevre.example,03.80.12.34.57,612345678,,\n"
    "Ébénisterie Fèvre,Anaïs,Çelik,,,0781223345,,\n"
    # an unparseable phone: the sort column takes it as typed
    "Garage Müller,Günter,Müller,,ext. 12,,Strasbourg,garage\n"
    # a company without anyone
    "Café « Le Zinc »,,,,,,Lyon,terrasse\n"
    # new people at prospects already in the file (typed by hand)
    "Atelier Dupont SARL,Marie,Curie,marie@dupont.example,04 72 10 20 30,,,\n"
    "Boulangerie Martin,Pierre,Martin,,0147000000,,Paris,\n"
    # a merge into an existing person (same email) bringing a new phone
    "Atelier Dupont,Jean,Dupont,jean@dupont.example,+33 6 11 22 33 44,,,\n"
)


def _seed(db: Database) -> None:
    """Prospects typed by hand, written through the ORM (so by the triggers)."""
    with db.session() as session:
        dupont = Prospect(name="Atelier Dupont", name_key="atelier dupont", city="Lyon")
        jean = Contact(first_name="Jean", last_name="Dupont", email="jean@dupont.example")
        jean.phones.append(Phone(kind=PhoneKind.WORK, raw="04 72 00 00 00", e164="+33472000000"))
        dupont.contacts.append(jean)
        session.add(dupont)
        session.add(Prospect(name="Boulangerie Martin", name_key="boulangerie martin"))


def _import(db: Database, data: str) -> Any:
    table = read_data(data.encode(), "people.csv")
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    return apply_plan(db, plan)


def _derived(db: Database) -> list[Any]:
    with db.session() as session:
        sort = session.execute(
            text(
                "SELECT id, sort_contact, sort_phone, sort_tags, shown_contact, shown_phone_raw,"
                " shown_phone_e164, shown_tags, has_dnc FROM prospect ORDER BY id"
            )
        ).all()
        search = session.execute(
            text("SELECT rowid, body FROM prospect_search ORDER BY rowid")
        ).all()
    return [[tuple(r) for r in sort], [tuple(r) for r in search]]


def _replayed(db: Database) -> list[Any]:
    """The derived data as the schema's own UPDATE triggers rewrite it, row by row."""
    with db.session() as session:
        session.execute(text("UPDATE contact SET is_primary = is_primary"))
        session.execute(text("UPDATE prospect SET name = name"))
        session.execute(text("UPDATE phone SET raw = raw"))
    return _derived(db)


def _schema(db: Database) -> list[Any]:
    if db.engine.dialect.name != "sqlite":
        # A server's triggers and indexes are never set aside: they must be as they were.
        with db.session() as session:
            rows = session.execute(text(_PG_SCHEMA)).all()
        return [[tuple(r) for r in rows], []]
    with db.session() as session:
        rows = session.execute(
            text("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        ).all()
        config = session.execute(text("SELECT k, v FROM prospect_search_config")).all()
    return [[tuple(r) for r in rows], sorted(tuple(r) for r in config)]


_PG_SCHEMA = """
SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
UNION ALL
SELECT 'trigger', t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE NOT t.tgisinternal AND n.nspname = current_schema()
ORDER BY 1, 2
"""


def _integrity(db: Database) -> None:
    if db.engine.dialect.name != "sqlite":
        return  # FTS5's own integrity check; PostgreSQL's documents are a plain table
    with db.session() as session:
        session.execute(
            text("INSERT INTO prospect_search(prospect_search) VALUES ('integrity-check')")
        )


@pytest.mark.parametrize("seeded", [False, True])
def test_derived_data_after_import_equal_what_the_triggers_write(
    db: Database, seeded: bool
) -> None:
    if seeded:
        _seed(db)
    schema = _schema(db)
    _import(db, HEADER + ROWS)
    after = _derived(db)
    assert after == _replayed(db)
    assert _schema(db) == schema  # triggers, indexes and FTS settings as they were
    _integrity(db)
    sort = {row[0]: row[1:3] for row in after[0]}
    with db.session() as session:
        ids = dict(session.execute(text("SELECT name, id FROM prospect")).all())
    assert sort[ids["Ébénisterie Fèvre SAS"]] == ("FÈVRE Noël", "+33380123457")
    assert sort[ids["Garage Müller"]] == ("Müller Günter", "ext. 12")
    assert sort[ids["Café « Le Zinc »"]] == (None, None)
    if seeded:
        assert sort[ids["Atelier Dupont"]] == ("Dupont Jean", "+33472000000")
        assert sort[ids["Boulangerie Martin"]] == ("Martin Pierre", "+33147000000")


def test_search_finds_imported_and_merged_people(db: Database) -> None:
    _seed(db)
    _import(db, HEADER + ROWS)

    def hits(word: str) -> list[int]:
        with db.session() as session:
            return search_ids(session, word)

    with db.session() as session:
        ids = dict(session.execute(text("SELECT name, id FROM prospect")).all())
    assert hits("celik") == [ids["Ébénisterie Fèvre SAS"]]
    assert hits("curie") == [ids["Atelier Dupont"]]
    assert hits("33611223344") == [ids["Atelier Dupont"]]  # the merged phone
    assert hits("terrasse") == [ids["Café « Le Zinc »"]]


def test_import_into_a_bigger_file_keeps_its_indexes(db: Database) -> None:
    # More rows already there than arrive: indexes stay and are updated in place.
    big = HEADER + "".join(f"Company {i},P{i},N{i},p{i}@c{i}.example,,,,\n" for i in range(60))
    _import(db, big)
    schema = _schema(db)
    _import(db, HEADER + ROWS)
    assert _schema(db) == schema
    assert _derived(db) == _replayed(db)
    _integrity(db)


def test_undo_of_a_bulk_import_restores_derived_data(db: Database) -> None:
    _seed(db)
    before = _derived(db)
    result = _import(db, HEADER + ROWS)
    undo_import(db, result.batch_id)
    assert _derived(db) == before
    assert _replayed(db) == before
    _integrity(db)


def test_undo_of_a_small_import_in_a_bigger_file(db: Database) -> None:
    # Fewer rows removed than remain: documents deleted one by one, indexes kept.
    _seed(db)
    big = HEADER + "".join(f"Company {i},P{i},N{i},p{i}@c{i}.example,,,,\n" for i in range(60))
    _import(db, big)
    before = _derived(db)
    schema = _schema(db)
    result = _import(db, HEADER + ROWS)
    undo_import(db, result.batch_id)
    assert _derived(db) == before
    assert _schema(db) == schema
    _integrity(db)


@pytest.mark.sqlite_only(reason="reads the SQL of SQLite's triggers (sqlite_master)")
def test_documents_are_made_in_python_for_this_schema(db: Database) -> None:
    # If the search document's SQL changes, document_text must follow (the fallback,
    # selecting with the schema's SQL, stays correct but slower).
    from prospection.core.imports.search_index import derived_sql

    with db.session() as session:
        rows = session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        triggers = {str(name): str(sql) for name, sql in rows}
    derived = derived_sql(triggers)
    assert derived.sort is not None
    assert derived.documents_in_python


@pytest.mark.parametrize("stop_after", [2, 5, 8])
def test_cancel_midway_restores_indexes_triggers_and_search_settings(
    db: Database, stop_after: int
) -> None:
    # Into an empty file, so that the indexes are dropped for the bulk write; the cancel
    # lands in the prospect, contact or phone inserts.
    from prospection.core.imports import ImportCancelled

    schema = _schema(db)
    rows = "".join(f"Co {i},P{i},N{i},p{i}@co{i}.example,0147{i:06d},,,\n" for i in range(5000))
    table = read_data((HEADER + rows).encode(), "many.csv")
    with db.session() as session:
        plan = plan_import(session, table, detect_layout(table.headers, table.file_format))
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > stop_after

    with pytest.raises(ImportCancelled):
        apply_plan(db, plan, cancelled=cancelled)
    assert _schema(db) == schema
    assert _derived(db) == [[], []]
    _integrity(db)


@pytest.mark.parametrize(
    "value", [None, True, False, 0, -7, 2**62, "", "l'atelier", "Noël 日本 ''", "2026-11-27 10:00"]
)
def test_a_constant_written_as_a_literal_is_stored_as_the_value_bound(value: Any) -> None:
    """`sql_literal` gives SQLite the same value, with the same type, in every affinity."""
    import sqlite3

    from prospection.core.imports.writer import sql_literal

    literal = sql_literal(value)
    assert literal is not None
    connection = sqlite3.connect(":memory:")
    columns = "t TEXT, i INTEGER, n NUMERIC, d DATETIME, b BOOLEAN, r REAL, x"
    connection.execute(f"CREATE TABLE bound ({columns})")
    connection.execute(f"CREATE TABLE literal ({columns})")
    connection.execute("INSERT INTO bound VALUES (?, ?, ?, ?, ?, ?, ?)", (value,) * 7)
    connection.execute(f"INSERT INTO literal VALUES ({', '.join([literal] * 7)})")
    read = "SELECT " + ", ".join(f"typeof({c}), quote({c})" for c in "tindbrx")
    assert connection.execute(read + " FROM literal").fetchone() == (
        connection.execute(read + " FROM bound").fetchone()
    )


@pytest.mark.parametrize("value", [1.5, b"\x00", PhoneKind.WORK, "a\x00b"])
def test_values_a_literal_could_change_stay_bound(value: Any) -> None:
    from prospection.core.imports.writer import sql_literal

    assert sql_literal(value) is None


@pytest.mark.sqlite_only(reason="compares SQLite storage classes (typeof, quote)")
def test_imported_rows_hold_the_defaults_the_orm_writes(db: Database) -> None:
    """Columns the import leaves to their defaults (now SQL literals) read back as the
    ORM's own rows do."""
    with db.session() as session:
        prospect = Prospect(name="Typed", name_key="typed")
        contact = Contact(first_name="Ada", last_name="Typed", email="ada@typed.example")
        contact.phones.append(Phone(kind=PhoneKind.WORK, raw="01 47 00 00 01", e164="+33147000001"))
        prospect.contacts.append(contact)
        session.add(prospect)
    _import(
        db,
        "Company,First name,Last name,Email,Phone\nImported,Bo,Imported,bo@i.example,0147000002\n",
    )
    set_by_either = {
        "id", "name", "name_key", "first_name", "last_name", "email", "raw", "e164",
        "prospect_id", "contact_id", "is_primary", "source", "import_batch_id",
        "collected_at", "created_at", "updated_at", "sort_contact", "sort_phone",
        "shown_contact", "shown_phone_raw", "shown_phone_e164", "country",
    }  # fmt: skip
    with db.session() as session:
        for table in ("prospect", "contact", "phone"):
            names = [row[1] for row in session.execute(text(f"PRAGMA table_info({table})"))]
            checked = [n for n in names if n not in set_by_either]
            read = ", ".join(f"typeof({n}) || ':' || quote({n})" for n in checked)
            typed, imported = session.execute(text(f"SELECT {read} FROM {table} ORDER BY id"))
            assert dict(zip(checked, typed, strict=True)) == dict(
                zip(checked, imported, strict=True)
            ), table
        for table in ("prospect", "contact"):
            source, batch = session.execute(
                text(f"SELECT source, import_batch_id FROM {table} ORDER BY id DESC")
            ).first()
            assert (source, batch) == ("import", 1)
