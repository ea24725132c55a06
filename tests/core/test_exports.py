"""Exports: every format opens right, formulas neutralised, objectors left out, round trips."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from openpyxl import load_workbook
from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from prospection.core.db import Database, open_database
from prospection.core.enums import ActivityKind, ContactRole, PhoneKind, Stage
from prospection.core.exports import ExportFormat, export, neutralise, search_ids, to_cp1252
from prospection.core.imports import apply_plan, detect_layout, plan_import, read_source
from prospection.core.imports.grouping import company_key
from prospection.core.models import (
    Activity,
    Contact,
    ImportBatch,
    Phone,
    Prospect,
    Tag,
    prospect_tag,
)

ROUND_TRIP_FORMATS = [
    ExportFormat.CSV,
    ExportFormat.CSV_FR,
    ExportFormat.XLSX,
    ExportFormat.VCARD,
    ExportFormat.JSON,
]


def add(db: Database, name: str, *people: dict[str, Any], **fields: Any) -> int:
    tags = fields.pop("tags", [])
    with db.session() as session:
        prospect = Prospect(name=name, name_key=company_key(name), **fields)
        for tag_name in tags:
            tag = session.scalar(select(Tag).where(Tag.name == tag_name))
            prospect.tags.append(tag or Tag(name=tag_name))
        for person in people:
            phones = person.pop("phones", [])
            contact = Contact(**person)
            contact.phones = [
                Phone(kind=kind, raw=raw, e164=e164, position=i)
                for i, (kind, raw, e164) in enumerate(phones)
            ]
            prospect.contacts.append(contact)
        session.add(prospect)
        session.flush()
        return prospect.id


def state(db: Database) -> list[Any]:
    """Prospects and contacts as the user sees them (ids aside)."""
    with db.session() as session:
        prospects = session.scalars(
            select(Prospect).options(
                selectinload(Prospect.contacts).selectinload(Contact.phones),
                selectinload(Prospect.tags),
            )
        ).all()
        return sorted(
            (
                p.name, p.website, p.industry, p.size, p.address, p.postal_code, p.city,
                p.country, p.stage.value, p.pains, p.pitch, p.notes,
                sorted(t.name for t in p.tags), p.is_consumer,
                sorted(
                    (
                        c.first_name, c.last_name, c.title, c.role.value, c.email,
                        c.linkedin_url, sorted(c.extra_fields.items()),
                        sorted((ph.kind.value, ph.raw, ph.e164 or "") for ph in c.phones),
                    )
                    for c in p.contacts
                ),
            )
            for p in prospects
        )  # fmt: skip


def tags_of(db: Database) -> list[tuple[str, list[str]]]:
    """Each organisation's tags, by name."""
    with db.session() as session:
        prospects = session.scalars(select(Prospect).options(selectinload(Prospect.tags)))
        return sorted((p.name, sorted(t.name for t in p.tags)) for p in prospects)


def reimport(db: Database, path: Path) -> Any:
    table = read_source(path)
    layout = detect_layout(table.headers, table.file_format)
    assert layout.key in ("prospection", "vcard")
    with db.session() as session:
        plan = plan_import(session, table, layout)
    return apply_plan(db, plan)


def sample(db: Database) -> int:
    return add(
        db,
        "=HYPERLINK(evil) SARL",
        {
            "first_name": "Łucja",
            "last_name": "Œuvrard",
            "title": "-Directrice",
            "email": "lucja@oeuvre.example",
            "role": ContactRole.DECISION_MAKER,
            "extra_fields": {"Colour": "@blue", "Quote": "it's"},
            "phones": [(PhoneKind.MOBILE, "+33 6 12 34 56 78", "+33612345678")],
        },
        {
            "first_name": "Objecting",
            "last_name": "Person",
            "email": "no@oeuvre.example",
            "dnc_email": True,
        },
        city="Besançon",
        notes="line one\nline two; with, commas",
        stage=Stage.MEETING,
        tags=["Salon 2026", "chaud, très", "=formule"],
    )


def test_neutralise() -> None:
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("+33 6") == "'+33 6"
    assert neutralise("-x") == "'-x"
    assert neutralise("@x") == "'@x"
    assert neutralise("'=x") == "''=x"
    assert neutralise("'") == "'"
    assert neutralise("plain") == "plain"


def test_cp1252_replaces_what_it_cannot_hold() -> None:
    assert to_cp1252("Łódź œuvre €").decode("cp1252") == "Lódz œuvre €"
    assert to_cp1252("日本").decode("cp1252") == "??"


def test_csv_utf8_with_bom_and_formulas_neutralised(db: Database, tmp_path: Path) -> None:
    sample(db)
    path = tmp_path / "out.csv"
    with db.session() as session:
        summary = export(session, path, ExportFormat.CSV)
    assert summary.contacts == 1
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(evil) SARL"
    assert "'+33 6 12 34 56 78" in rows[1]
    assert "'@blue" in rows[1]
    assert "no@oeuvre.example" not in data.decode("utf-8-sig")


def test_csv_for_french_excel(db: Database, tmp_path: Path) -> None:
    sample(db)
    path = tmp_path / "out.csv"
    with db.session() as session:
        export(session, path, ExportFormat.CSV_FR, cp1252_stand_ins=True)
    text = path.read_bytes().decode("cp1252")
    assert text.splitlines()[0].startswith("Company;Website;")
    assert "Lucja" in text and "Œuvrard" in text and "Besançon" in text


def test_xlsx_cells_are_text_never_formulas(db: Database, tmp_path: Path) -> None:
    sample(db)
    path = tmp_path / "out.xlsx"
    with db.session() as session:
        export(session, path, ExportFormat.XLSX)
    sheet = load_workbook(path).active
    assert sheet["A2"].value == "'=HYPERLINK(evil) SARL"
    assert sheet["A2"].data_type == "s"


def test_vcard_and_json(db: Database, tmp_path: Path) -> None:
    sample(db)
    with db.session() as session:
        export(session, tmp_path / "out.vcf", ExportFormat.VCARD)
        export(session, tmp_path / "out.json", ExportFormat.JSON)
    card = (tmp_path / "out.vcf").read_text("utf-8")
    assert "VERSION:3.0" in card and "N:Œuvrard;Łucja;;;" in card
    assert "TEL;TYPE=CELL:+33 6 12 34 56 78" in card
    assert "no@oeuvre.example" not in card
    document = json.loads((tmp_path / "out.json").read_text("utf-8"))
    people = document["prospects"][0]["contacts"]
    assert [p["email"] for p in people] == ["lucja@oeuvre.example"]


def test_meetings_as_ics(db: Database, tmp_path: Path) -> None:
    pid = sample(db)
    start = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    with db.session() as session:
        session.add(Activity(prospect_id=pid, kind=ActivityKind.MEETING, occurred_at=start,
                             location="Besançon", notes="Bring samples"))  # fmt: skip
        session.add(Activity(prospect_id=pid, kind=ActivityKind.CALL, occurred_at=start))
    with db.session() as session:
        summary = export(session, tmp_path / "m.ics", ExportFormat.ICS, meeting_title="Rendez-vous")
    assert summary.meetings == 1
    calendar = Calendar.from_ical((tmp_path / "m.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert str(events[0]["summary"]).startswith("Rendez-vous: =HYPERLINK")
    assert events[0].decoded("dtstart") == start
    assert events[0].decoded("dtend") == start + timedelta(hours=1)


def test_selection_and_search(db: Database, tmp_path: Path) -> None:
    sample(db)
    other = add(db, "Boulangerie Dupain", {"first_name": "Léon", "last_name": "Dupain"})
    with db.session() as session:
        assert search_ids(session, "dupai") == [other]
        summary = export(session, tmp_path / "s.csv", ExportFormat.CSV, [other])
    assert summary.prospects == 1
    assert "Dupain" in (tmp_path / "s.csv").read_text("utf-8-sig")


@pytest.mark.parametrize("fmt", ROUND_TRIP_FORMATS)
def test_export_then_import_changes_nothing(
    db: Database, tmp_path: Path, fmt: ExportFormat
) -> None:
    sample(db)
    add(db, "Empty Org", website="empty.example")
    add(db, "Jean Particulier", {"first_name": "Jean"}, is_consumer=True)
    add(db, "Named Only", {"first_name": "Ana", "last_name": "Lopez"}, tags=["Salon 2026"])
    before = state(db)
    path = tmp_path / f"out{fmt.value}"
    with db.session() as session:
        # The sample holds "Łucja": French Excel's CSV writes it only when allowed to.
        export(session, path, fmt, cp1252_stand_ins=fmt is ExportFormat.CSV_FR)
    result = reimport(db, path)
    assert (result.prospects_created, result.contacts_created) == (0, 0)
    assert result.possible_duplicates == 0
    assert state(db) == before
    if fmt is ExportFormat.CSV_FR:
        return  # "Łucja" was written as "Lucja", knowingly
    # Into an empty file: the same data, tags included.
    target = open_database(tmp_path / "empty.sqlite3")
    try:
        reimport(target, path)
        # (the objecting person is not exported: compared on the organisations' tags)
        assert tags_of(target) == tags_of(db)
        with target.session() as session:
            consumers = list(session.scalars(select(Prospect.name).where(Prospect.is_consumer)))
        assert consumers == ["Jean Particulier"]
        assert ("=HYPERLINK(evil) SARL", ["=formule", "Salon 2026", "chaud, très"]) in tags_of(db)
    finally:
        target.dispose()


text = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters="\x85"
    ),
    max_size=12,
).map(lambda s: " ".join(s.split()))
word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèçÉÀß", min_size=2, max_size=8)
phones = st.lists(
    st.tuples(
        st.sampled_from(list(PhoneKind)),
        st.integers(min_value=10_000_000, max_value=99_999_999).map(lambda n: f"01 {n}"),
    ),
    max_size=2,
    unique_by=lambda p: p[1],
)
person = st.fixed_dictionaries(
    {
        "first_name": word,
        "last_name": word,
        "title": text,
        "role": st.sampled_from(list(ContactRole)),
        "email": st.one_of(st.just(""), word.map(lambda w: f"{w}@example.org")),
        "extra": st.dictionaries(
            st.sampled_from(["Colour", "Hobby", "Badge"]), text.filter(bool), max_size=2
        ),
        "phones": phones,
    }
)
organisation = st.fixed_dictionaries(
    {
        "name": word.map(lambda w: f"{w.capitalize()} Org"),
        "city": text,
        "notes": text,
        "pains": text,
        "stage": st.sampled_from(list(Stage)),
        "consumer": st.booleans(),
        "tags": st.lists(
            st.sampled_from(["Salon 2026", "chaud, très", "VIP", "Été"]), max_size=3, unique=True
        ),
        "people": st.lists(
            person, max_size=3, unique_by=lambda p: (p["first_name"], p["last_name"])
        ),
    }
)


def _fill(db: Database, organisations: list[dict[str, Any]]) -> None:
    from prospection.core.phones import parse_phone

    tags: dict[str, Tag] = {}
    with db.session() as session:
        for org in organisations:
            prospect = Prospect(
                name=org["name"], name_key=company_key(org["name"]), city=org["city"],
                notes=org["notes"], pains=org["pains"], stage=org["stage"],
                is_consumer=org["consumer"],
            )  # fmt: skip
            for tag_name in org["tags"]:
                tag = tags.get(tag_name) or session.scalar(select(Tag).where(Tag.name == tag_name))
                tags[tag_name] = tag = tag or Tag(name=tag_name)
                prospect.tags.append(tag)
            for p in org["people"]:
                contact = Contact(
                    first_name=p["first_name"], last_name=p["last_name"], title=p["title"],
                    role=p["role"], email=p["email"], extra_fields=dict(p["extra"]),
                )  # fmt: skip
                contact.phones = [
                    Phone(kind=k, raw=raw, e164=parse_phone(raw).e164, position=i)
                    for i, (k, raw) in enumerate(p["phones"])
                ]
                prospect.contacts.append(contact)
            session.add(prospect)


@settings(
    max_examples=12,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    organisations=st.lists(
        organisation, min_size=1, max_size=4, unique_by=lambda o: company_key(o["name"])
    ),
    # French Excel's cp1252 cannot hold every character: it is checked on a sample above.
    fmt=st.sampled_from([f for f in ROUND_TRIP_FORMATS if f is not ExportFormat.CSV_FR]),
)
def test_round_trip_without_loss_or_duplicates(
    tmp_path_factory: pytest.TempPathFactory, organisations: list[dict[str, Any]], fmt: ExportFormat
) -> None:
    # Emails must identify one person only, or two people would rightly be merged.
    emails = [p["email"] for o in organisations for p in o["people"] if p["email"]]
    phones_seen = [raw for o in organisations for p in o["people"] for _k, raw in p["phones"]]
    if len(set(emails)) != len(emails) or len(set(phones_seen)) != len(phones_seen):
        return
    folder = tmp_path_factory.mktemp("roundtrip")
    source = open_database(folder / "a.sqlite3")
    target = open_database(folder / "b.sqlite3")
    try:
        _fill(source, organisations)
        path = folder / f"out-{fmt.value}"
        with source.session() as session:
            export(session, path, fmt)
        before = state(source)
        result = reimport(source, path)  # into the same file: nothing changes
        assert (result.prospects_created, result.contacts_created) == (0, 0)
        assert state(source) == before
        reimport(target, path)  # into an empty file: the same data
        assert state(target) == before
    finally:
        source.dispose()
        target.dispose()


def test_state_helper_sees_changes(db: Database) -> None:
    sample(db)
    before = state(db)
    with db.session() as session:
        session.execute(delete(prospect_tag))
        contact = session.scalars(select(Contact).where(Contact.email != "")).first()
        assert contact is not None
        contact.title = "changed"
    assert state(db) != before
    with db.session() as session:
        assert session.scalars(select(ImportBatch)).first() is None


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_progress_reaches_the_end(db: Database, tmp_path: Path, fmt: ExportFormat) -> None:
    for i in range(1100):  # three chunks of prospects
        add(db, f"Company {i}", {"first_name": "Ann", "last_name": f"Lee{i}"})
    seen: list[tuple[int, int]] = []
    with db.session() as session:
        summary = export(session, tmp_path / "out", fmt, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len({t for _, t in seen}) == 1
    assert summary.prospects == (0 if fmt is ExportFormat.ICS else 1100)
    assert (tmp_path / "out").exists()


@pytest.mark.parametrize("stop_after", [1, 3, 5, 8])
def test_cancelled_export_leaves_the_old_file(
    db: Database, tmp_path: Path, stop_after: int
) -> None:
    from prospection.core.exports import ExportCancelled

    for i in range(1100):
        add(db, f"Company {i}")
    target = tmp_path / "prospects.csv"
    target.write_text("an older export")
    checks = 0

    def cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks >= stop_after  # stop at each phase in turn: load, rows, write

    with db.session() as session, pytest.raises(ExportCancelled):
        export(session, target, ExportFormat.CSV, cancelled=cancelled)
    assert target.read_text() == "an older export"
    # ("data" holds the SQLite file; with --db=postgres there is none.)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["prospects.csv"]


def test_failed_write_leaves_no_partial_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(db, "ACME")
    target = tmp_path / "out.csv"

    def full_disk(self: Path, data: bytes) -> int:
        with self.open("wb") as handle:
            handle.write(data[:10])  # part of it written, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with db.session() as session, pytest.raises(OSError, match="No space"):
        export(session, target, ExportFormat.CSV)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == []


def test_meetings_of_a_very_long_view(db: Database, tmp_path: Path) -> None:
    pid = sample(db)
    start = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    with db.session() as session:
        session.add(Activity(prospect_id=pid, kind=ActivityKind.MEETING, occurred_at=start))
    ids = [pid, *range(10**6, 10**6 + 40_000)]  # more than SQLite's bound parameters
    with db.session() as session:
        summary = export(session, tmp_path / "m.ics", ExportFormat.ICS, ids)
    assert summary.meetings == 1
