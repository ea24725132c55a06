"""Deciding the fate of every row before anything is written: new, merged, duplicate, invalid.

Existing keys (company names, emails, E.164 phones, person names) are loaded once, so
that planning 100,000 rows costs dictionary look-ups, not queries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import compress
from operator import attrgetter
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prospection.core.collector import quiet_collector
from prospection.core.dialects import is_sqlite
from prospection.core.emails import email_key
from prospection.core.imports.fields import Field, Mapping
from prospection.core.imports.grouping import company_key, person_key
from prospection.core.imports.layouts import Layout
from prospection.core.imports.messages import Code, Message, message
from prospection.core.imports.records import PhoneValue, Record, RecordBuilder, is_damaged
from prospection.core.imports.table import Problem, SourceTable
from prospection.core.models import Contact, ImportBatch, Phone, Prospect
from prospection.core.users import owner_lookup

#: rapidfuzz token-sort ratio from which two names at one company may be one person.
CLOSE_NAME_SCORE = 88.0
#: Progress is reported every this many rows.
PROGRESS_EVERY = 2000

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Fate(StrEnum):
    """What the import does with a row."""

    NEW_PROSPECT = "new_prospect"
    NEW_CONTACT = "new_contact"
    MERGE = "merge"
    POSSIBLE_DUPLICATE = "possible_duplicate"
    INVALID = "invalid"


@dataclass(eq=False, slots=True)
class ProspectTarget:
    """A prospect rows go to: an existing one (id) or one the import creates."""

    name: str
    key: str
    id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)  # incoming, first non-empty wins
    #: Unmapped columns of org rows and conflicting values, as note lines. Most
    #: prospects have none: an empty tuple until the first (`more_notes`), not one empty
    #: list per prospect (11 MB with `tags` at 100,000 rows).
    notes_extra: list[str] | tuple[()] = ()
    first_line: int = 0
    #: Incoming tags (the union of the rows'); the writer adds them, never removes any.
    #: An empty tuple until the first (`more_tags`).
    tags: list[str] | tuple[()] = ()
    #: In the plan's list of prospects already (a flag, not a set of 100,000 ids).
    listed: bool = False
    #: Its people with their name keys, for same-company name comparison (`_Index.names_of`);
    #: a new prospect's first person alone is kept as the pair itself (no list until a
    #: second row meets the company: most never are).
    names: list[tuple[str, ContactTarget]] | tuple[str, ContactTarget] | None = None
    #: The writer's: a new prospect's position among the new ones (its id, less the
    #: first new id), rather than a dictionary of 100,000 ids.
    position: int = -1

    @property
    def exists(self) -> bool:
        return self.id is not None

    def more_notes(self) -> list[str]:
        """`notes_extra`, as a list to add lines to."""
        notes = self.notes_extra
        if isinstance(notes, tuple):
            notes = self.notes_extra = []
        return notes

    def more_tags(self) -> list[str]:
        """`tags`, as a list to add tags to."""
        tags = self.tags
        if isinstance(tags, tuple):
            tags = self.tags = []
        return tags


@dataclass(eq=False, slots=True)
class ContactTarget:
    """A person rows go to: an existing contact (id) or one the import creates."""

    prospect: ProspectTarget
    id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    emails: list[str] = field(default_factory=list)
    phones: list[PhoneValue] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    first_line: int = 0
    #: Set when the user confirms a possible duplicate: written into that contact instead.
    merge_into: ContactTarget | None = None
    listed: bool = False

    @property
    def exists(self) -> bool:
        return self.id is not None

    @property
    def display_name(self) -> str:
        first = str(self.values.get("first_name", ""))
        last = str(self.values.get("last_name", ""))
        return " ".join(p for p in (first, last) if p) or (self.emails[0] if self.emails else "")


@dataclass(eq=False, slots=True)
class RowPlan:
    """One row's fate, with what it goes to and why."""

    line: int
    fate: Fate
    detail: Message | None = None  # why (a merge, a possible duplicate, an invalid row)
    #: The row's record while it is planned (see `record`).
    kept_record: Record | None = None
    prospect: ProspectTarget | None = None
    contact: ContactTarget | None = None
    candidate: ContactTarget | None = None  # the close match of a possible duplicate
    #: What makes the record again once planned: the file's builder and the row's values.
    builder: RecordBuilder | None = None
    values: Sequence[str] | None = None

    @property
    def record(self) -> Record | None:
        """The row's cleaned values (names, emails, phones, warnings).

        A planned row does not keep its record (about 550 bytes a row, 55 MB at 100,000
        rows): the few the preview shows are made again from the row's values, with the
        same builder, hence the same record.
        """
        if self.kept_record is None and self.builder is not None and self.values is not None:
            return self.builder.build(self.line, self.values)
        return self.kept_record

    def let_go(self, builder: RecordBuilder, values: Sequence[str]) -> None:
        """Stop keeping the record: it is made again from `values` when asked for."""
        self.kept_record = None
        self.builder = builder
        self.values = values

    @property
    def message(self) -> str:
        """Why, in English (the CLI's words; the UI translates `detail`)."""
        return self.detail.text if self.detail is not None else ""


@dataclass
class ImportPlan:
    """Every row's fate, and the targets to write."""

    table: SourceTable
    layout: Layout
    mapping: Mapping
    region: str
    rows: list[RowPlan]
    prospects: list[ProspectTarget]  # in order of first appearance, new and existing
    contacts: list[ContactTarget]
    problems: list[Problem]
    #: A server: what the database held when planned (`database_stamp`), else None.
    stamp: tuple[int, ...] | None = None

    def count(self, fate: Fate) -> int:
        """How many rows have `fate`."""
        return sum(1 for row in self.rows if row.fate is fate)

    def nothing_to_import(self) -> Message | None:
        """Why nothing of the file can be imported (every row invalid), or None."""
        if any(row.fate is not Fate.INVALID for row in self.rows):
            return None
        headers = ", ".join(h for h in self.table.headers if h)[:200] or "-"
        return message(Code.NOTHING_TO_IMPORT, name=self.table.file_name, headers=headers)


_PROSPECT_ATTRIBUTES = (
    "website",
    "industry",
    "size",
    "address",
    "postal_code",
    "city",
    "country",
    "pains",
    "pitch",
    "notes",
)


class _Index:
    """What the database already holds, keyed for matching.

    Loaded as plain values in one pass per table (cheap at a million prospects); the
    targets of existing prospects and contacts, and the name keys of a prospect's
    people, are only made for what the file's rows actually meet.
    """

    def __init__(self, session: Session) -> None:
        #: company key -> existing prospect id (until met) or its target
        self.prospect_by_key: dict[str, ProspectTarget | int] = {}
        self.prospect_rows: dict[int, tuple[str, str | None]] = {}
        self.prospect_by_id: dict[int, ProspectTarget] = {}
        by_key = self.prospect_by_key
        rows = self.prospect_rows
        for pid, name, key in session.execute(
            select(Prospect.id, Prospect.name, Prospect.name_key).order_by(Prospect.id)
        ):
            rows[pid] = (name, key)
            by_key.setdefault(key or company_key(name), pid)
        #: contact id -> (prospect id, first name, last name, email), until met
        self.contact_rows: dict[int, tuple[int, str, str, str]] = {}
        self.contact_by_id: dict[int, ContactTarget] = {}
        self.contact_by_email: dict[str, ContactTarget | int] = {}
        self.contact_by_phone: dict[str, ContactTarget | int] = {}
        #: existing prospect id -> its contacts' ids
        self.people: dict[int, list[int]] = {}
        contact_rows = self.contact_rows
        by_email = self.contact_by_email
        people = self.people
        for row in session.execute(
            select(
                Contact.id,
                Contact.prospect_id,
                Contact.first_name,
                Contact.last_name,
                Contact.email,
            ).order_by(Contact.id)
        ):
            cid, pid, _first, _last, email = row
            contact_rows[cid] = row[1:]
            people.setdefault(pid, []).append(cid)
            if email:
                by_email.setdefault(email.strip().casefold(), cid)  # email_key
        by_phone = self.contact_by_phone
        #: digits of numbers that could not be parsed -> contact (the same unparseable
        #: number imported again is the same person)
        self.contact_by_digits: dict[str, ContactTarget | int] = {}
        by_digits = self.contact_by_digits
        for cid, e164, raw in session.execute(
            select(Phone.contact_id, Phone.e164, Phone.raw).order_by(Phone.id)
        ):
            if e164:
                by_phone.setdefault(e164, cid)
            else:
                digits = phone_digits(raw)
                if digits:
                    by_digits.setdefault(digits, cid)

    def prospect(self, found: ProspectTarget | int) -> ProspectTarget:
        """The target of an existing prospect (made when first met)."""
        if not isinstance(found, int):
            return found
        target = self.prospect_by_id.get(found)
        if target is None:
            name, key = self.prospect_rows[found]
            target = ProspectTarget(name=name, key=key or company_key(name), id=found)
            self.prospect_by_id[found] = target
            if self.prospect_by_key.get(target.key) == found:
                self.prospect_by_key[target.key] = target
        return target

    def contact(self, found: ContactTarget | int) -> ContactTarget:
        """The target of an existing contact (made when first met)."""
        if not isinstance(found, int):
            return found
        target = self.contact_by_id.get(found)
        if target is None:
            pid, first, last, email = self.contact_rows[found]
            target = ContactTarget(
                prospect=self.prospect(pid),
                id=found,
                values={"first_name": first, "last_name": last},
            )
            if email:
                target.emails.append(email)
            self.contact_by_id[found] = target
        return target

    def names_of(self, prospect: ProspectTarget) -> list[tuple[str, ContactTarget]]:
        """The people of `prospect` with their name keys (existing ones loaded when first
        asked for), in the order they were created."""
        names = prospect.names
        if isinstance(names, tuple):
            names = prospect.names = [names]
        elif names is None:
            names = prospect.names = []
            if prospect.id is not None:
                for cid in self.people.get(prospect.id, ()):
                    contact = self.contact(cid)
                    first = contact.values.get("first_name") or ""
                    last = contact.values.get("last_name") or ""
                    names.append((person_key(first, last), contact))
        return names


_contact_fields = attrgetter("first_name", "last_name", "title", "role", "linkedin")
_CONTACT_KEYS = ("first_name", "last_name", "title", "role", "linkedin_url")
# "consumer" only ever turns a prospect into a consumer (a False is never written over
# True): the stricter calling rules are the safe side.
_prospect_fields = attrgetter(*_PROSPECT_ATTRIBUTES, "stage", "consumer", "owner")
_PROSPECT_KEYS = (*_PROSPECT_ATTRIBUTES, "stage", "is_consumer", "owner")


def _fill_prospect(prospect: ProspectTarget, record: Record) -> list[str] | None:
    # `_fill` of the record's prospect fields; every value is a string, a Stage or None.
    # Returns the values that disagree with earlier rows' (as note lines), if any.
    if record.tags:
        tags = prospect.more_tags()
        tags.extend(t for t in record.tags if t not in tags)
    values = prospect.values
    if not values:  # a prospect the row just created: every non-empty value goes in
        fields = _prospect_fields(record)
        # The pairs whose value is true, as the dict comprehension `if value` kept them.
        values.update(compress(zip(_PROSPECT_KEYS, fields, strict=True), fields))
        return None
    conflicts: list[str] | None = None
    for key, value in zip(_PROSPECT_KEYS, _prospect_fields(record), strict=True):
        if not value:
            continue
        kept = values.get(key)
        if not kept:
            values[key] = value
        elif key == "notes":  # notes add up, never replace each other
            if value not in kept:
                values[key] = f"{kept}\n{value}"
        elif not same_value(value, kept):  # an earlier row said otherwise: kept in notes
            if conflicts is None:
                conflicts = []
            conflicts.append(f"{key}: {value} (line {record.line}, kept: {kept})")
    return conflicts


def _add_note_fields(lines: list[str], extra: dict[str, str]) -> None:
    # Unmapped columns of an organisation row, as "name: value" note lines; a value a
    # spreadsheet damaged gives way to the intact one of another row (and not back).
    for key, value in extra.items():
        line = f"{key}: {value}"
        if line in lines:
            continue
        prefix = f"{key}: "
        same_key = [i for i, known in enumerate(lines) if known.startswith(prefix)]
        if is_damaged(value) and any(not is_damaged(lines[i][len(prefix) :]) for i in same_key):
            continue
        damaged = [i for i in same_key if is_damaged(lines[i][len(prefix) :])]
        if damaged and not is_damaged(value):
            lines[damaged[0]] = line
            continue
        lines.append(line)


def same_value(incoming: Any, kept: Any) -> bool:
    """Whether two values of one field say the same (case, outer spaces and accents aside).

    A file written without accents (by another tool, or by our French Excel CSV, which
    writes "Łucja" as "Lucja") does not disagree with the value stored with them.
    """
    incoming_text, kept_text = str(incoming).strip(), str(kept).strip()
    if incoming_text.casefold() == kept_text.casefold():
        return True
    from prospection.core.exports import to_cp1252
    from prospection.core.search import fold

    def plain(text: str) -> str:
        return fold(to_cp1252(text).decode("cp1252"))

    return plain(incoming_text) == plain(kept_text)


def _new_contact(prospect: ProspectTarget, record: Record) -> ContactTarget:
    """A contact made of `record` alone (what `_merge_contact` gives from nothing).

    The record's emails and phones are already unique (see `records`). The contact
    takes the record's extra fields rather than a copy, and its lists copied to the
    size of what they hold: a planned row does not keep its record (`RowPlan.let_go`;
    asked for again, it is made anew), so nothing else sees them change when later rows
    merge into the contact.
    """
    fields = _contact_fields(record)
    values = dict(compress(zip(_CONTACT_KEYS, fields, strict=True), fields))  # the true ones
    # By position (a call by keywords costs 0.56 against 0.33 us, once a row): prospect,
    # id, values, emails and phones copied the size of what they hold (the record's grew
    # by appending), extra, first line.
    return ContactTarget(
        prospect,
        None,
        values,
        record.emails.copy(),
        record.phones.copy(),
        record.extra,
        record.line,
    )


def _merge_contact(target: ContactTarget, record: Record) -> None:
    values = target.values
    for key, value in zip(_CONTACT_KEYS, _contact_fields(record), strict=True):
        if not value:
            continue
        kept = values.get(key)
        if not kept:
            values[key] = value
        elif not same_value(value, kept):  # kept as an extra field, never dropped
            target.extra.setdefault(f"{key} (line {record.line})", value)
    if record.emails:
        known_emails = {email_key(e) for e in target.emails}
        for email in record.emails:
            if email_key(email) not in known_emails:
                target.emails.append(email)
                known_emails.add(email_key(email))
    if record.phones:
        known = {p.e164 or p.raw for p in target.phones}
        for phone in record.phones:
            if (phone.e164 or phone.raw) not in known:
                target.phones.append(phone)
                known.add(phone.e164 or phone.raw)
    for key, value in record.extra.items():
        had = target.extra.get(key)
        if had is None or (is_damaged(had) and not is_damaged(value)):
            target.extra[key] = value
        elif not same_value(value, had) and not is_damaged(value):
            target.extra.setdefault(f"{key} (line {record.line})", value)


def plan_import(
    session: Session,
    table: SourceTable,
    layout: Layout,
    mapping: Mapping | None = None,
    *,
    region: str = "FR",
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportPlan:
    """The fate of every row of `table` under `mapping` (the layout's by default).

    Reads the database once; writes nothing.
    """
    mapping = list(mapping if mapping is not None else layout.mapping)
    stamp = None if is_sqlite(session.connection()) else database_stamp(session)
    with quiet_collector():
        index = _Index(session)
    plans: list[RowPlan] = []
    prospects: list[ProspectTarget] = []
    contacts: list[ContactTarget] = []
    problems = list(table.problems)
    total = len(table.rows)
    # Team mode: an owner cell naming nobody is said per line (the writer leaves the
    # owner empty). A lone user is not told that a CRM's "Sales rep" names strangers.
    lookup = owner_lookup(session) if Field.OWNER in mapping else {}
    owners = set(lookup) if len(set(lookup.values())) > 1 else None

    def prospect_for(name: str, key: str, record: Record) -> tuple[ProspectTarget, bool]:
        found = index.prospect_by_key.get(key)
        if found is not None:
            target = index.prospect(found)
            if not target.listed:
                target.listed = True
                prospects.append(target)
            return target, False
        # By position (0.22 against 0.38 us by keywords, once a new company): name, key,
        # id, values, notes, first line, tags, listed.
        target = ProspectTarget(name, key, None, {}, (), record.line, (), True)
        index.prospect_by_key[key] = target
        prospects.append(target)
        return target, True

    def touch(target: ProspectTarget) -> None:
        # An existing prospect a row merges into joins the list once (to be merged).
        if not target.listed:
            target.listed = True
            prospects.append(target)

    with quiet_collector():
        plans.extend(
            _plan_rows(
                table,
                layout,
                mapping,
                region,
                index,
                prospect_for,
                touch,
                contacts,
                problems,
                progress,
                cancelled,
                owners,
            )
        )
    if progress is not None:
        progress(total, total)
    return ImportPlan(
        table=table,
        layout=layout,
        mapping=mapping,
        region=region,
        rows=plans,
        prospects=prospects,
        contacts=contacts,
        problems=problems,
        stamp=stamp,
    )


def database_stamp(session: Session) -> tuple[int, ...]:
    """What a plan depends on that other people change: the last import batch, how
    many were undone, the last prospect and contact (ids only grow). Equal stamps: no
    import, undo or added prospect or contact came in between."""
    row = session.execute(
        select(
            select(func.coalesce(func.max(ImportBatch.id), 0)).scalar_subquery(),
            select(func.count(ImportBatch.undone_at)).scalar_subquery(),
            select(func.coalesce(func.max(Prospect.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Contact.id), 0)).scalar_subquery(),
        )
    ).one()
    return tuple(int(value) for value in row)


def _plan_rows(
    table: SourceTable,
    layout: Layout,
    mapping: Mapping,
    region: str,
    index: _Index,
    prospect_for: Callable[[str, str, Record], tuple[ProspectTarget, bool]],
    touch: Callable[[ProspectTarget], None],
    contacts: list[ContactTarget],
    problems: list[Problem],
    progress: Progress | None,
    cancelled: CancelCheck | None,
    owners: set[str] | None = None,
) -> list[RowPlan]:
    from prospection.core.imports.errors import ImportCancelled

    plans: list[RowPlan] = []
    headers = table.headers
    total = len(table.rows)
    builder = RecordBuilder(headers, mapping, region=region, address_joiner=layout.address_joiner)
    build = builder.build
    for number, (line, values) in enumerate(table.rows, start=1):
        if number % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if progress is not None:
                progress(number, total)
        record = build(line, values)
        if record.warnings:
            problems.extend(Problem(line, warning) for warning in record.warnings)
        if owners is not None and record.owner and email_key(record.owner) not in owners:
            problems.append(Problem(line, message(Code.UNKNOWN_OWNER, owner=record.owner)))
        if not (record.company or record.has_person):
            plan = RowPlan(line, Fate.INVALID, message(Code.ROW_EMPTY), record)
        else:
            plan = _plan_row(record, index, prospect_for, contacts, touch)
        plan.let_go(builder, values)
        plans.append(plan)
    # Kept by the rows' builder from now on: the parsed-number cache is not needed.
    for parser in builder.parsers.values():
        parser.cache.clear()
    return plans


def _plan_row(
    record: Record,
    index: _Index,
    prospect_for: Callable[[str, str, Record], tuple[ProspectTarget, bool]],
    contacts: list[ContactTarget],
    touch: Callable[[ProspectTarget], None],
) -> RowPlan:
    line = record.line
    if not record.has_person:
        prospect, created = prospect_for(record.company, company_key(record.company), record)
        conflicts = _fill_prospect(prospect, record)
        if conflicts:
            prospect.more_notes().extend(conflicts)
        if record.extra:
            _add_note_fields(prospect.more_notes(), record.extra)
        if created:
            return RowPlan(line, Fate.NEW_PROSPECT, None, record, prospect)
        if prospect.exists:
            same = message(Code.SAME_COMPANY_KNOWN)
        else:
            same = message(Code.SAME_COMPANY_LINE, line=prospect.first_line)
        return RowPlan(line, Fate.MERGE, same, record, prospect)

    match, reason = _identifier_match(record, index)
    if match is not None:
        _merge_contact(match, record)
        _remember(contacts, match)
        prospect = match.prospect
        # The row's organisation data goes to the matched person's prospect (empty fields
        # filled, notes appended by the writer), whatever the company is called in the file.
        touch(prospect)
        conflicts = _fill_prospect(prospect, record)
        if conflicts:
            prospect.more_notes().extend(conflicts)
        return RowPlan(line, Fate.MERGE, reason, record, prospect, match)

    company = record.company or record.full_name or (record.emails[0] if record.emails else "")
    if not company:
        company = record.phones[0].raw if record.phones else record.linkedin
    prospect, created = prospect_for(company, company_key(company), record)
    conflicts = _fill_prospect(prospect, record)
    if conflicts:
        prospect.more_notes().extend(conflicts)
    key = person_key(record.first_name, record.last_name)
    fate, candidate = Fate.NEW_CONTACT, None
    detail: Message | None = None
    if created:
        fate = Fate.NEW_PROSPECT
    elif key:
        names = index.names_of(prospect)
        exact = next((c for k, c in names if k == key), None)
        if exact is not None and not record.emails and not record.phones:
            _merge_contact(exact, record)
            _remember(contacts, exact)
            return RowPlan(line, Fate.MERGE, message(Code.SAME_NAME), record, prospect, exact)
        if exact is not None:
            candidate = exact
        elif names:
            best = process.extractOne(
                key,
                [k for k, _ in names],
                scorer=fuzz.token_sort_ratio,
                score_cutoff=CLOSE_NAME_SCORE,
            )
            if best is not None:
                candidate = names[best[2]][1]
        if candidate is not None:
            fate = Fate.POSSIBLE_DUPLICATE
            detail = message(Code.CLOSE_TO, name=candidate.display_name)
    contact = _new_contact(prospect, record)
    contacts.append(contact)
    for email in record.emails:
        by_email = email_key(email)
        # The address itself when it is its own key (most are): one string fewer a row.
        index.contact_by_email.setdefault(email if by_email == email else by_email, contact)
    for phone in record.phones:
        if phone.e164:
            index.contact_by_phone.setdefault(phone.e164, contact)
        else:
            digits = phone_digits(phone.raw)
            if digits:
                index.contact_by_digits.setdefault(digits, contact)
    if key:
        if prospect.names is None and prospect.id is None:
            prospect.names = (key, contact)  # what `names_of` would make, without a list
        else:
            index.names_of(prospect).append((key, contact))
    return RowPlan(line, fate, detail, record, prospect, contact, candidate)


def _remember(contacts: list[ContactTarget], contact: ContactTarget) -> None:
    # Existing contacts join the list once, when a row first merges into them.
    if contact.exists and not contact.listed:
        contact.listed = True
        contacts.append(contact)


def _identifier_match(record: Record, index: _Index) -> tuple[ContactTarget | None, Message | None]:
    for email in record.emails:
        known = index.contact_by_email.get(email_key(email))
        if known is not None:
            found = index.contact(known)
            return found, _where(found, "email", email)
    by_digits = index.contact_by_digits
    for phone in record.phones:
        if phone.e164:
            known = index.contact_by_phone.get(phone.e164)
            if known is not None:
                found = index.contact(known)
                return found, _where(found, "phone", phone.raw)
        # A number stored as typed (no E.164) before is the same one typed alike now
        # (looked for only when there is any: most files and databases have none).
        if not by_digits:
            continue
        digits = phone_digits(phone.raw)
        known = by_digits.get(digits) if digits else None
        if known is not None:
            found = index.contact(known)
            return found, _where(found, "phone", phone.raw)
    return None, None


#: An unparseable number is matched on its digits only when it has at least this many.
MIN_MATCH_DIGITS = 6


def phone_digits(raw: str) -> str:
    """The digits of a number that could not be parsed, when enough to identify it."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    return digits if len(digits) >= MIN_MATCH_DIGITS else ""


_WHERE_CODES = {
    # what matched: (a named contact in the database, an unnamed one, an earlier line)
    "email": (Code.SAME_EMAIL_KNOWN, Code.SAME_EMAIL_KNOWN_UNNAMED, Code.SAME_EMAIL_LINE),
    "phone": (Code.SAME_PHONE_KNOWN, Code.SAME_PHONE_KNOWN_UNNAMED, Code.SAME_PHONE_LINE),
}


def _where(contact: ContactTarget, what: str, value: str) -> Message:
    named, unnamed, earlier = _WHERE_CODES[what]
    if contact.exists:
        name = contact.display_name
        return (
            message(named, name=name, **{what: value})
            if name
            else message(unnamed, **{what: value})
        )
    return message(earlier, line=contact.first_line, **{what: value})
