"""Exports: prospects as CSV (UTF-8, or French Excel's ; and cp1252), XLSX, vCard 3.0, JSON;
meetings as an iCalendar file.

Formulas are neutralised in CSV and XLSX (a cell starting with = + - @ gets a leading
apostrophe, which our import removes again), and people who objected to being contacted
are never exported for prospecting. An export imported back changes nothing.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session, selectinload

from prospection.core.enums import ActivityKind, ContactRole, PhoneKind, Stage
from prospection.core.imports.fields import (
    EXPORT_COLUMNS,
    LAST_CALLER_HEADER,
    MULTI_SEPARATOR,
    OWNER_HEADER,
    TAG_SEPARATOR,
    TEAM_COLUMNS,
    Field,
)
from prospection.core.models import Activity, Contact, Phone, Prospect, Tag, prospect_tag, utcnow
from prospection.core.users import is_team, user_labels


class ExportFormat(StrEnum):
    """The formats prospects (and meetings) are exported in."""

    CSV = "csv"
    CSV_FR = "csv-fr"
    XLSX = "xlsx"
    VCARD = "vcard"
    JSON = "json"
    ICS = "ics"


SUFFIXES = {
    ExportFormat.CSV: ".csv",
    ExportFormat.CSV_FR: ".csv",
    ExportFormat.XLSX: ".xlsx",
    ExportFormat.VCARD: ".vcf",
    ExportFormat.JSON: ".json",
    ExportFormat.ICS: ".ics",
}
_FORMULA_START = frozenset("=+-@\t\r")
_QUOTED_START = _FORMULA_START | {"'"}
_PHONE_FIELDS = {
    PhoneKind.WORK: Field.PHONE_WORK,
    PhoneKind.MOBILE: Field.PHONE_MOBILE,
    PhoneKind.SWITCHBOARD: Field.PHONE_SWITCHBOARD,
    PhoneKind.HOME: Field.PHONE_HOME,
    PhoneKind.OTHER: Field.PHONE_OTHER,
}
_CP1252_FALLBACKS = {
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ı": "i", "ħ": "h",
    "\u2009": " ", "\u202f": " ", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u2192": "->", "\u2190": "<-", "\u2264": "<=", "\u2265": ">=", "\u2260": "!=",
}  # fmt: skip


Progress = Callable[[int, int], None]
Report = Callable[[int, int], None]
_REPORT_EVERY = 500


class ExportCancelled(Exception):  # noqa: N818 (a request, not a failure)
    """The user stopped the export; no file was written or replaced."""


class UnwritableCharacters(ValueError):  # noqa: N818 (named for what the user is told)
    """Windows-1252 (French Excel's CSV) cannot hold these characters; nothing was written.

    The caller offers UTF-8 with BOM instead, or exports again with `cp1252_stand_ins`
    (close stand-ins: "Łódź" as "Lódz", others as "?") when the user chooses so.
    """

    def __init__(self, characters: Sequence[str]) -> None:
        super().__init__("cannot be written in Windows-1252: " + " ".join(characters))
        self.characters = list(characters)


def cp1252_unwritable(text: str, limit: int = 20) -> list[str]:
    """The distinct characters of `text` Windows-1252 lacks, in order of appearance."""
    found: dict[str, None] = {}
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        for char in text:
            if char not in found and ord(char) > 0x7F:
                try:
                    char.encode("cp1252")
                except UnicodeEncodeError:
                    found[char] = None
                    if len(found) >= limit:
                        break
    return list(found)


class _Tracker:
    """An export's progress over its phases, the user's cancel checked at each report."""

    STEPS = 1000  # of the progress bar, per phase

    def __init__(
        self, phases: int, progress: Progress | None, cancelled: Callable[[], bool] | None
    ) -> None:
        self.phases = phases
        self.phase = 0
        self.progress = progress
        self.cancelled = cancelled

    def check(self) -> None:
        """Raise ExportCancelled when the user asked to stop."""
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled

    def report(self, done: int, total: int) -> None:
        """`done` of `total` in the current phase (and a chance to stop)."""
        self.check()
        if self.progress is not None:
            share = min(done, total) * self.STEPS // max(total, 1)
            self.progress(self.phase * self.STEPS + share, self.phases * self.STEPS)

    def next_phase(self) -> None:
        """The current phase is over."""
        self.report(1, 1)
        self.phase += 1


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote."""

    path: Path
    prospects: int
    contacts: int
    meetings: int = 0


def neutralise(text: str) -> str:
    """`text` made safe for a spreadsheet cell: no formula can start it."""
    first, second = text[:1], text[1:2]
    # A leading apostrophe is doubled when the import would otherwise take it for ours.
    if first in _FORMULA_START or (first == "'" and second in _QUOTED_START):
        return "'" + text
    return text


def _cp1252_replace(error: UnicodeError) -> tuple[str, int]:
    # Characters Windows-1252 cannot hold: a close ASCII (or Latin) stand-in, never a
    # silent hole: "Łódź" becomes "Lodz", an unknown sign "?".
    assert isinstance(error, UnicodeEncodeError)
    out: list[str] = []
    for char in error.object[error.start : error.end]:
        if char in _CP1252_FALLBACKS:
            out.append(_CP1252_FALLBACKS[char])
            continue
        stripped = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        try:
            stripped.encode("cp1252")
        except UnicodeEncodeError:
            stripped = ""
        out.append(stripped or "?")
    return "".join(out), error.end


codecs.register_error("prospection-cp1252", _cp1252_replace)


def to_cp1252(text: str) -> bytes:
    """`text` in Windows-1252, characters it lacks replaced sensibly."""
    return text.encode("cp1252", errors="prospection-cp1252")


@dataclass(slots=True)
class PhoneRow:
    """A phone as exported."""

    kind: PhoneKind
    raw: str
    e164: str | None


@dataclass(slots=True)
class ContactRow:
    """A contact as exported, with its phones."""

    id: int
    first_name: str
    last_name: str
    title: str
    role: ContactRole
    email: str
    linkedin_url: str
    is_primary: bool
    dnc_phone: bool
    dnc_email: bool
    extra_fields: dict[str, Any]
    phones: list[PhoneRow]

    @property
    def full_name(self) -> str:
        """First and last name."""
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass(slots=True)
class ProspectRow:
    """A prospect as exported, with its contacts (primary first, as the editor shows)."""

    id: int
    name: str
    website: str
    industry: str
    size: str
    address: str
    postal_code: str
    city: str
    country: str
    stage: Stage
    priority: int
    pains: str
    pitch: str
    notes: str
    next_action_at: datetime | None
    next_action_text: str
    last_contact_at: datetime | None
    source: str
    created_at: datetime
    is_consumer: bool
    contacts: list[ContactRow]
    tags: list[str] = dataclass_field(default_factory=list)  # by name
    #: Team mode: the owner's and the last caller's labels (name, else email); "" else.
    owner: str = ""
    last_caller: str = ""


# The row classes called with a query's columns then the children (typed loosely for that).
_new_contact: Callable[..., ContactRow] = ContactRow
_new_prospect: Callable[..., ProspectRow] = ProspectRow
_PROSPECT_COLUMNS = (
    Prospect.id, Prospect.name, Prospect.website, Prospect.industry, Prospect.size,
    Prospect.address, Prospect.postal_code, Prospect.city, Prospect.country, Prospect.stage,
    Prospect.priority, Prospect.pains, Prospect.pitch, Prospect.notes, Prospect.next_action_at,
    Prospect.next_action_text, Prospect.last_contact_at, Prospect.source, Prospect.created_at,
    Prospect.is_consumer,
)  # fmt: skip
_CONTACT_COLUMNS = (
    Contact.id, Contact.first_name, Contact.last_name, Contact.title, Contact.role,
    Contact.email, Contact.linkedin_url, Contact.is_primary, Contact.dnc_phone,
    Contact.dnc_email, Contact.extra_fields,
)  # fmt: skip


def load_prospects(
    session: Session, prospect_ids: Sequence[int] | None = None, report: Report | None = None
) -> list[ProspectRow]:
    """Prospects with their contacts and phones (all of them when ids is None), by id.

    Plain rows, not ORM objects: 100,000 prospects load several times faster, and they
    form no reference cycles, so they never keep the garbage collector busy (a long
    collection holds the interpreter lock and freezes the window). `report(done, total)`
    is called between chunks (it may raise to stop the export).
    """
    # Team mode (several users): who owns each prospect and who called it last.
    labels = user_labels(session) if is_team(session) else None
    if prospect_ids is None:
        ids = list(session.scalars(select(Prospect.id).order_by(Prospect.id)))
    else:
        ids = sorted(set(prospect_ids))
    found: list[ProspectRow] = []
    for start in range(0, len(ids), _REPORT_EVERY):
        chunk = ids[start : start + _REPORT_EVERY]
        phones: dict[int, list[PhoneRow]] = {}
        phone_query = (
            select(Phone.contact_id, Phone.kind, Phone.raw, Phone.e164)
            .join(Contact, Contact.id == Phone.contact_id)
            .where(Contact.prospect_id.in_(chunk))
            .order_by(Phone.contact_id, Phone.position, Phone.id)
        )
        for contact_id, kind, raw, e164 in session.execute(phone_query):
            phones.setdefault(contact_id, []).append(PhoneRow(kind, raw, e164))
        contacts: dict[int, list[ContactRow]] = {}
        contact_query = (
            select(Contact.prospect_id, *_CONTACT_COLUMNS)
            .where(Contact.prospect_id.in_(chunk))
            .order_by(Contact.prospect_id, Contact.is_primary.desc(), Contact.id)
        )
        for row in session.execute(contact_query):
            values: tuple[Any, ...] = tuple(row)
            contact = _new_contact(*values[1:], phones.get(values[1], []))
            contacts.setdefault(values[0], []).append(contact)
        prospect_query = (
            select(*_PROSPECT_COLUMNS).where(Prospect.id.in_(chunk)).order_by(Prospect.id)
        )
        tags: dict[int, list[str]] = {}
        tag_query = (
            select(prospect_tag.c.prospect_id, Tag.name)
            .join(Tag, Tag.id == prospect_tag.c.tag_id)
            .where(prospect_tag.c.prospect_id.in_(chunk))
            .order_by(prospect_tag.c.prospect_id, Tag.name)
        )
        for prospect_id, tag_name in session.execute(tag_query):
            tags.setdefault(prospect_id, []).append(tag_name)
        for row in session.execute(prospect_query):
            cells: tuple[Any, ...] = tuple(row)
            found.append(_new_prospect(*cells, contacts.get(cells[0], []), tags.get(cells[0], [])))
        if labels is not None:
            people = select(Prospect.id, Prospect.owner_id, Prospect.last_caller_id).where(
                Prospect.id.in_(chunk)
            )
            by_id = {p.id: p for p in found[len(found) - len(chunk) :]}
            for prospect_id, owner_id, last_caller_id in session.execute(people):
                if prospect_id in by_id:
                    by_id[prospect_id].owner = labels.get(owner_id, "") if owner_id else ""
                    by_id[prospect_id].last_caller = (
                        labels.get(last_caller_id, "") if last_caller_id else ""
                    )
        if report is not None:
            report(start + len(chunk), len(ids))
    return found


def exportable(contact: ContactRow) -> bool:
    """Whether `contact` may be exported for prospecting (they did not object)."""
    return not (contact.dnc_phone or contact.dnc_email)


def _prospect_cells(prospect: ProspectRow) -> dict[Field, str]:
    return {
        Field.COMPANY: prospect.name,
        Field.WEBSITE: prospect.website,
        Field.INDUSTRY: prospect.industry,
        Field.SIZE: prospect.size,
        Field.ADDRESS: prospect.address,
        Field.POSTAL_CODE: prospect.postal_code,
        Field.CITY: prospect.city,
        Field.COUNTRY: prospect.country,
        Field.STAGE: prospect.stage.value,
        Field.PAINS: prospect.pains,
        Field.PITCH: prospect.pitch,
        Field.NOTES: prospect.notes,
        Field.TAGS: TAG_SEPARATOR.join(prospect.tags),
        Field.CONSUMER: "yes" if prospect.is_consumer else "no",
    }


def _contact_cells(contact: ContactRow) -> dict[Field, str]:
    cells = {
        Field.FIRST_NAME: contact.first_name,
        Field.LAST_NAME: contact.last_name,
        Field.TITLE: contact.title,
        Field.ROLE: contact.role.value if contact.role is not ContactRole.OTHER else "",
        Field.EMAIL: contact.email,
        Field.LINKEDIN: contact.linkedin_url,
    }
    for kind, field in _PHONE_FIELDS.items():
        cells[field] = MULTI_SEPARATOR.join(p.raw for p in contact.phones if p.kind is kind)
    return cells


def table_rows(
    prospects: Sequence[ProspectRow], report: Report | None = None, *, team: bool = False
) -> tuple[list[str], list[list[str]], int]:
    """Header, one row per exportable contact (or per prospect without one), contacts.

    `team`: the Owner and Last called by columns follow the fixed ones (before the
    contacts' extra fields); a lone user's export has neither (an empty column is
    noise in a file sent to someone, and a lone user owns everything anyway).
    """
    # The team's columns come first among the columns past the fixed ones.
    extra_keys: list[str] = [header for _, header in TEAM_COLUMNS] if team else []
    seen: set[str] = set(extra_keys)
    fixed = {header for _, header in EXPORT_COLUMNS} | seen
    records: list[tuple[dict[Field, str], dict[str, Any]]] = []
    contacts = 0
    for number, prospect in enumerate(prospects):
        if report is not None and number % _REPORT_EVERY == 0:
            report(number, len(prospects))
        base = _prospect_cells(prospect)
        team_cells = (
            {OWNER_HEADER: prospect.owner, LAST_CALLER_HEADER: prospect.last_caller} if team else {}
        )
        people = [c for c in prospect.contacts if exportable(c)]
        if not people:
            records.append((base, team_cells))
        for contact in people:
            contacts += 1
            extra = contact.extra_fields or {}
            for key in extra:
                if key not in seen and key not in fixed:
                    seen.add(key)
                    extra_keys.append(key)
            records.append(({**base, **_contact_cells(contact)}, {**extra, **team_cells}))
    header = [name for _, name in EXPORT_COLUMNS] + extra_keys
    rows = [
        [cells.get(field, "") for field, _ in EXPORT_COLUMNS]
        + [str(extra.get(key, "")) for key in extra_keys]
        for cells, extra in records
    ]
    return header, rows, contacts


def write_csv(
    path: Path,
    header: list[str],
    rows: list[list[str]],
    *,
    french: bool,
    report: Report | None = None,
    cp1252_stand_ins: bool = False,
) -> None:
    """A CSV Excel opens right: UTF-8 with BOM and commas, or cp1252 and semicolons."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if french else ",", lineterminator="\r\n")
    writer.writerow(header)
    for start in range(0, len(rows), _REPORT_EVERY):
        if report is not None:
            report(start, len(rows))
        chunk = rows[start : start + _REPORT_EVERY]
        writer.writerows([neutralise(cell) for cell in row] for row in chunk)
    text = buffer.getvalue()
    if french and not cp1252_stand_ins:
        missing = cp1252_unwritable(text)
        if missing:
            raise UnwritableCharacters(missing)
    data = to_cp1252(text) if french else codecs.BOM_UTF8 + text.encode("utf-8")
    _write_atomically(path, data, report)


def write_xlsx(
    path: Path, header: list[str], rows: list[list[str]], report: Report | None = None
) -> None:
    """An XLSX workbook, every cell text (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Prospects")
    for number, row in enumerate([header, *rows]):
        if report is not None and number % _REPORT_EVERY == 0:
            report(number, len(rows) + 1)
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", neutralise(cell)) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    _write_atomically(path, buffer.getvalue(), report)


def _vcard_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    # vCard lines are folded at 75 octets, never inside a UTF-8 sequence.
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


_VCARD_TEL = {
    PhoneKind.WORK: "WORK,VOICE",
    PhoneKind.MOBILE: "CELL",
    PhoneKind.SWITCHBOARD: "WORK,MAIN",
    PhoneKind.HOME: "HOME,VOICE",
    PhoneKind.OTHER: "OTHER",
}
_PARAM_UNSAFE = re.compile(r'[;:,"\r\n]')


def vcard_text(
    prospects: Sequence[ProspectRow], report: Report | None = None, *, team: bool = False
) -> tuple[str, int]:
    """vCard 3.0 cards, one per exportable contact (or per prospect without one).

    `team`: X-PROSPECTION-OWNER and X-PROSPECTION-LAST-CALLER (when set).
    """
    cards: list[str] = []
    contacts = 0
    for number, prospect in enumerate(prospects):
        if report is not None and number % _REPORT_EVERY == 0:
            report(number, len(prospects))
        people: list[ContactRow | None] = [c for c in prospect.contacts if exportable(c)]
        for contact in people or [None]:
            lines = ["BEGIN:VCARD", "VERSION:3.0"]
            if contact is not None:
                contacts += 1
                lines.append(
                    f"N:{_vcard_escape(contact.last_name)};{_vcard_escape(contact.first_name)};;;"
                )
                # FN is required; a nameless person's card shows the organisation (never
                # the email, which an address book would take back as a last name).
                full = contact.full_name or prospect.name
                lines.append(f"FN:{_vcard_escape(full)}")
            else:
                lines += ["N:;;;;", f"FN:{_vcard_escape(prospect.name)}", "X-ABSHOWAS:COMPANY"]
            lines.append(f"ORG:{_vcard_escape(prospect.name)}")
            if contact is not None:
                if contact.title:
                    lines.append(f"TITLE:{_vcard_escape(contact.title)}")
                if contact.role is not ContactRole.OTHER:
                    lines.append(f"X-PROSPECTION-ROLE:{contact.role.value}")
                if contact.email:
                    lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_vcard_escape(contact.email)}")
                for phone in contact.phones:
                    lines.append(f"TEL;TYPE={_VCARD_TEL[phone.kind]}:{_vcard_escape(phone.raw)}")
                if contact.linkedin_url:
                    lines.append(
                        f"X-SOCIALPROFILE;TYPE=linkedin:{_vcard_escape(contact.linkedin_url)}"
                    )
                for key, value in (contact.extra_fields or {}).items():
                    name = _PARAM_UNSAFE.sub(" ", str(key)).strip() or "extra"
                    lines.append(f'X-PROSPECTION-EXTRA;X-NAME="{name}":{_vcard_escape(str(value))}')
            if prospect.address or prospect.city or prospect.postal_code:
                parts = [
                    prospect.address,
                    prospect.city,
                    "",
                    prospect.postal_code,
                    prospect.country,
                ]
                lines.append("ADR;TYPE=WORK:;;" + ";".join(_vcard_escape(p) for p in parts))
            if prospect.website:
                lines.append(f"URL:{_vcard_escape(prospect.website)}")
            if prospect.notes:
                lines.append(f"NOTE:{_vcard_escape(prospect.notes)}")
            if prospect.tags:  # RFC 6350 6.7.1: a comma-separated list, commas escaped
                lines.append("CATEGORIES:" + ",".join(_vcard_escape(t) for t in prospect.tags))
            for name, value in (
                ("INDUSTRY", prospect.industry),
                ("SIZE", prospect.size),
                ("STAGE", prospect.stage.value),
                ("PAINS", prospect.pains),
                ("PITCH", prospect.pitch),
                ("CONSUMER", "yes" if prospect.is_consumer else ""),
                ("OWNER", prospect.owner if team else ""),
                ("LAST-CALLER", prospect.last_caller if team else ""),
            ):
                if value:
                    lines.append(f"X-PROSPECTION-{name}:{_vcard_escape(value)}")
            lines.append("END:VCARD")
            cards.append("\r\n".join(_fold(line) for line in lines))
    return "\r\n".join(cards) + ("\r\n" if cards else ""), contacts


def json_document(
    prospects: Sequence[ProspectRow], report: Report | None = None, *, team: bool = False
) -> tuple[dict[str, Any], int]:
    """Prospects, their contacts and phones as one JSON document.

    `team`: each prospect also has "owner" and "last_called_by" (a label, or null).
    """
    contacts = 0
    items: list[dict[str, Any]] = []
    for number, prospect in enumerate(prospects):
        if report is not None and number % _REPORT_EVERY == 0:
            report(number, len(prospects))
        people = [c for c in prospect.contacts if exportable(c)]
        contacts += len(people)
        items.append(
            {
                "id": prospect.id,
                "name": prospect.name,
                "website": prospect.website,
                "industry": prospect.industry,
                "size": prospect.size,
                "address": prospect.address,
                "postal_code": prospect.postal_code,
                "city": prospect.city,
                "country": prospect.country,
                "stage": prospect.stage.value,
                "priority": prospect.priority,
                "pains": prospect.pains,
                "pitch": prospect.pitch,
                "notes": prospect.notes,
                "tags": list(prospect.tags),
                "is_consumer": bool(prospect.is_consumer),
                "next_action_at": _iso(prospect.next_action_at),
                "next_action_text": prospect.next_action_text,
                "last_contact_at": _iso(prospect.last_contact_at),
                "source": prospect.source,
                "created_at": _iso(prospect.created_at),
                **(
                    {
                        "owner": prospect.owner or None,
                        "last_called_by": prospect.last_caller or None,
                    }
                    if team
                    else {}
                ),
                "contacts": [
                    {
                        "id": c.id,
                        "first_name": c.first_name,
                        "last_name": c.last_name,
                        "title": c.title,
                        "role": c.role.value,
                        "email": c.email,
                        "linkedin_url": c.linkedin_url,
                        "is_primary": c.is_primary,
                        "phones": [
                            {"kind": p.kind.value, "raw": p.raw, "e164": p.e164} for p in c.phones
                        ],
                        "extra_fields": c.extra_fields or {},
                    }
                    for c in people
                ],
            }
        )
    document = {
        "format": "prospection",
        "version": 1,
        "exported_at": _iso(utcnow()),
        "prospects": items,
    }
    return document, contacts


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def ics_bytes(
    session: Session, prospect_ids: Sequence[int] | None, *, title: str
) -> tuple[bytes, int]:
    """The meetings of these prospects (all when None) as an iCalendar file."""
    from icalendar import Calendar, Event

    query = (
        select(Activity)
        .where(Activity.kind == ActivityKind.MEETING)
        .options(selectinload(Activity.prospect), selectinload(Activity.contact))
        .order_by(Activity.occurred_at)
    )
    if prospect_ids is None:
        meetings = list(session.scalars(query))
    else:
        # In chunks: a view of 100,000 prospects is more than SQLite's bound parameters.
        ids = sorted(set(prospect_ids))
        meetings = []
        for start in range(0, len(ids), _REPORT_EVERY):
            chunk = ids[start : start + _REPORT_EVERY]
            meetings.extend(session.scalars(query.where(Activity.prospect_id.in_(chunk))))
        meetings.sort(key=lambda meeting: (meeting.occurred_at, meeting.id))
    calendar = Calendar()
    calendar.add("prodid", "-//Prospection//Prospection//EN")
    calendar.add("version", "2.0")
    count = 0
    stamp = utcnow()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"activity-{meeting.id}@prospection")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.occurred_at)
        event.add("dtend", meeting.ends_at or meeting.occurred_at + timedelta(hours=1))
        who = meeting.contact.full_name if meeting.contact is not None else ""
        summary = f"{title}: {meeting.prospect.name}" + (f" ({who})" if who else "")
        event.add("summary", summary)
        if meeting.location:
            event.add("location", meeting.location)
        if meeting.notes:
            event.add("description", meeting.notes)
        calendar.add_component(event)
        count += 1
    return calendar.to_ical(), count


def export(
    session: Session,
    path: Path,
    file_format: ExportFormat | str,
    prospect_ids: Sequence[int] | None = None,
    *,
    meeting_title: str = "Meeting",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    cp1252_stand_ins: bool = False,
) -> ExportSummary:
    """Write the prospects `prospect_ids` (everything when None) to `path`.

    A French Excel CSV (Windows-1252) raises UnwritableCharacters, writing nothing, when
    the data holds characters it lacks, unless `cp1252_stand_ins` allows close stand-ins.

    `progress(done, total)` reports along the way; when `cancelled()` turns true the
    export stops with ExportCancelled and `path` is left as it was (no partial file).
    """
    fmt = ExportFormat(file_format)
    if fmt is ExportFormat.ICS:
        tracker = _Tracker(2, progress, cancelled)
        data, meetings = ics_bytes(session, prospect_ids, title=meeting_title)
        tracker.next_phase()
        _write_atomically(path, data, tracker.report)
        tracker.next_phase()
        return ExportSummary(path, 0, 0, meetings)
    tracker = _Tracker(3, progress, cancelled)
    # A lone user's exports are as before: no owner or last-caller columns (always them).
    team = is_team(session)
    prospects = load_prospects(session, prospect_ids, tracker.report)
    rows: list[list[str]] = []
    items: list[Any] = []
    try:
        tracker.next_phase()
        if fmt is ExportFormat.VCARD:
            text, contacts = vcard_text(prospects, tracker.report, team=team)
            tracker.next_phase()
            _write_atomically(path, text.encode("utf-8"), tracker.report)
        elif fmt is ExportFormat.JSON:
            document, contacts = json_document(prospects, tracker.report, team=team)
            items = document["prospects"]
            tracker.next_phase()
            data = json.dumps(document, ensure_ascii=False, indent=2).encode()
            _write_atomically(path, data, tracker.report)
        else:
            header, rows, contacts = table_rows(prospects, tracker.report, team=team)
            tracker.next_phase()
            if fmt is ExportFormat.XLSX:
                write_xlsx(path, header, rows, tracker.report)
            else:
                french = fmt is ExportFormat.CSV_FR
                write_csv(
                    path, header, rows, french=french, report=tracker.report,
                    cp1252_stand_ins=cp1252_stand_ins,
                )  # fmt: skip
        tracker.next_phase()
        return ExportSummary(path, len(prospects), contacts)
    finally:
        for big in (prospects, rows, items):
            _drop_gradually(big)


def _drop_gradually(items: list[Any]) -> None:
    # Freeing 100,000 rows at once takes a few hundred milliseconds without letting
    # another thread run (the window would freeze); a chunk at a time lets it in.
    while items:
        del items[-_REPORT_EVERY:]


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to a file only its owner can read (exports hold personal data; the
    umask's usual 0644 would show it to every account): created 0600, then written."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    if hasattr(os, "chmod"):  # an existing file keeps its old mode otherwise
        path.chmod(0o600)
    path.write_bytes(data)


def _write_atomically(path: Path, data: bytes, report: Report | None = None) -> None:
    # A half-written export must never replace a good file: write aside in the same
    # folder (so the rename is atomic), then rename; a failure or a cancel removes it.
    temporary = path.with_name(f".{path.name}.part")
    try:
        if report is not None:
            report(1, 1)  # the data is ready: the phase is done, a chance to stop
        write_private(temporary, data)
        if report is not None:
            report(1, 1)  # the last chance to stop before the file appears
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def search_ids(session: Session, text: str) -> list[int]:
    """Ids of prospects matching `text` in full-text search (every word a prefix)."""
    from sqlalchemy import text as sql

    from prospection.core.imports.grouping import fold
    from prospection.core.search import words_match

    words = [w for w in re.findall(r"\w+", fold(text)) if w != "_"]
    if not words:
        return [int(i) for i in session.scalars(select(Prospect.id).order_by(Prospect.id))]
    ids: Any = session.scalars(
        select(literal_column("rowid"))
        .select_from(sql("prospect_search"))
        .where(words_match(words, "q"))
        .order_by(literal_column("rowid"))
    )
    return [int(found) for found in ids]
