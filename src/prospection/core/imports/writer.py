"""Writing an import plan in one transaction, and undoing an import batch.

New rows are inserted in chunks with ids assigned up front (SQLite: max + 1, the batch
row, written first, holding the file's write lock; a server: taken from the id sequences,
see `dialects.take_ids`, imports one at a time and planned again when the data changed
since, see `apply_plan`); a cancel flag is checked
between chunks and rolls everything back. Merges fill empty fields only, and each change
is logged in the batch so that "Undo import" can put the old value back.
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Boolean, Connection, delete, insert, select, update
from sqlalchemy.orm import Session

from prospection.core import dnc_reasons
from prospection.core.collector import quiet_collector
from prospection.core.db import Database
from prospection.core.dialects import (
    is_sqlite,
    placeholder,
    serialise_imports,
    take_ids,
)
from prospection.core.emails import email_key
from prospection.core.enums import Channel, ContactRole, Stage
from prospection.core.imports.bulk import (
    cache_enlarged,
    indexes_rebuilt,
    outnumbers,
)
from prospection.core.imports.errors import BatchError, ImportCancelled
from prospection.core.imports.messages import Code, message
from prospection.core.imports.planner import (
    CancelCheck,
    ContactTarget,
    Fate,
    ImportPlan,
    Progress,
    ProspectTarget,
    database_stamp,
    phone_digits,
    plan_import,
    same_value,
)
from prospection.core.imports.records import is_damaged
from prospection.core.imports.search_index import (
    delete_triggers_suspended,
    derived_sql,
    forget_search,
    index_new_prospects,
    insert_triggers_suspended,
    refresh_prospects,
)
from prospection.core.imports.table import Problem
from prospection.core.models import (
    Contact,
    ImportBatch,
    Phone,
    Prospect,
    Tag,
    prospect_tag,
    utcnow,
)
from prospection.core.users import owner_lookup

CHUNK = 2000
#: SQLite's page cache while an import writes. Measured on 100,000 rows into a new
#: file: 64 MB -> 16 MB saved 51 MB of peak memory and cost about 10% more CPU in the
#: write; 32 MB is the middle (the import's peak memory is the plan plus this).
WRITE_CACHE_KIB = 8 * 1024
SOURCE = "import"
#: Reason written on a contact the suppression list flags on arrival.
SUPPRESSED_REASON = dnc_reasons.SUPPRESSED_REASON

#: Given a person's phones (E.164, else as typed) and email, the channels they objected to.
SuppressionCheck = Callable[[Sequence[str], str], set[Channel]]

_PROSPECT_FILLABLE = (
    "website",
    "industry",
    "size",
    "address",
    "postal_code",
    "city",
    "pains",
    "pitch",
    "notes",
)
_CONTACT_FILLABLE = ("first_name", "last_name", "title", "linkedin_url")


def _notes(target: ProspectTarget) -> str:
    """A new prospect's notes, its organisation rows' unmapped columns appended.

    A new prospect's values hold only non-empty texts (`planner._fill_prospect`): a field
    it lacks is written as "".
    """
    notes: str = target.values.get("notes", "")
    if target.notes_extra:
        return "\n".join(part for part in (notes, *target.notes_extra) if part)
    return notes


def _document(target: ProspectTarget, group: ContactTarget | list[ContactTarget] | None) -> str:
    """The search document of a new prospect and its contacts `group` (one contact kept
    as itself, see `write_new`): what `search_index.document_text` makes of the prospect's
    fields, `person_words` and `phone_words`, written out (100,000 of them in an import;
    a test compares the two)."""
    get = target.values.get
    head = (
        f"{target.name[:255]} {get('city', '')} {get('postal_code', '')} "
        f"{get('industry', '')} {get('pains', '')} {get('pitch', '')} {_notes(target)}  "
    )
    if group is None:
        return head + "   "
    people: list[str] = []
    numbers: list[str] = []
    for contact in group if isinstance(group, list) else (group,):
        values = contact.values
        people.append(
            f"{values.get('first_name') or ''} {values.get('last_name') or ''} "
            f"{contact.emails[0] if contact.emails else ''} {values.get('title') or ''}"
        )
        for phone in contact.phones:
            raw = phone.raw
            if raw.isdigit():  # none of the characters below: the number as it is
                numbers.append(f"{raw} {phone.e164 or ''} {raw}")
                continue
            bare = raw.replace(" ", "").replace(".", "").replace("-", "").replace("/", "")
            numbers.append(f"{raw} {phone.e164 or ''} {bare.replace('+', '')}")
    return f"{head}{' '.join(people)} {' '.join(numbers)}  "


@dataclass(frozen=True)
class FieldConflict:
    """A value of the file that disagreed with the one kept (and was stored aside)."""

    field: str
    incoming: str
    kept: str


@dataclass
class MergeReport:
    """What an import changed on one existing prospect or contact."""

    table: str  # "prospect" or "contact"
    id: int
    name: str
    filled: list[str] = field(default_factory=list)  # empty fields the file filled
    #: values that disagreed: in the prospect's notes, or the contact's extra fields
    conflicts: list[FieldConflict] = field(default_factory=list)
    notes_appended: bool = False
    extra_fields: list[str] = field(default_factory=list)  # contact extra fields added
    phones_added: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "id": self.id,
            "name": self.name,
            "filled": list(self.filled),
            "conflicts": [
                {"field": c.field, "incoming": c.incoming, "kept": c.kept} for c in self.conflicts
            ],
            "notes_appended": self.notes_appended,
            "extra_fields": list(self.extra_fields),
            "phones_added": self.phones_added,
        }


@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    rows_read: int
    prospects_created: int
    contacts_created: int
    merged: int
    possible_duplicates: int
    invalid: int
    batch_id: int | None
    problems: list[Problem] = field(default_factory=list)
    #: per existing prospect or contact merged into: what changed (empty for a dry run)
    merges: list[MergeReport] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The result with exactly the keys the CLI prints."""
        return {
            "rows_read": self.rows_read,
            "prospects_created": self.prospects_created,
            "contacts_created": self.contacts_created,
            "merged": self.merged,
            "possible_duplicates": self.possible_duplicates,
            "invalid": self.invalid,
            "batch_id": self.batch_id,
            "problems": [{"row": p.line, "message": p.message} for p in self.problems],
            "merges": [m.as_json() for m in self.merges],
        }


def suppression_check(session: Session) -> SuppressionCheck | None:
    """A fast check against the suppression list (None when there is nothing to check).

    Uses `core.privacy`'s salted hashes: the digests are loaded once, so that checking
    each imported person costs a few hashes, not a query.
    """
    try:
        privacy: Any = importlib.import_module("prospection.core.privacy")
    except ImportError:
        return None
    from prospection.core.models import Suppression

    salts: list[str] = privacy.all_salts(session)
    if not salts:
        return None
    stored = {
        (row[0], row[1]) for row in session.execute(select(Suppression.channel, Suppression.digest))
    }
    if not stored:
        return None

    def check(phones: Sequence[str], email: str) -> set[Channel]:
        found: set[Channel] = set()
        for phone in phones:
            value = phone if phone.startswith("+") else privacy.normalise_phone(phone)
            for salt in salts:
                if value and (Channel.PHONE, privacy.digest(salt, Channel.PHONE, value)) in stored:
                    found.add(Channel.PHONE)
        key = email_key(email)
        for salt in salts:
            if key and (Channel.EMAIL, privacy.digest(salt, Channel.EMAIL, key)) in stored:
                found.add(Channel.EMAIL)
        return found

    return check


def dry_run_result(plan: ImportPlan) -> ImportResult:
    """What applying `plan` would do (possible duplicates left as new contacts)."""
    return ImportResult(
        rows_read=len(plan.rows),
        prospects_created=sum(1 for p in plan.prospects if not p.exists),
        contacts_created=sum(1 for c in plan.contacts if not c.exists),
        merged=plan.count(Fate.MERGE),
        possible_duplicates=plan.count(Fate.POSSIBLE_DUPLICATE),
        invalid=plan.count(Fate.INVALID),
        batch_id=None,
        problems=_problems(plan),
    )


def _problems(plan: ImportPlan) -> list[Problem]:
    invalid = [Problem(r.line, r.detail) for r in plan.rows if r.fate is Fate.INVALID and r.detail]
    return sorted([*plan.problems, *invalid], key=lambda p: p.line)


def _final(contact: ContactTarget) -> ContactTarget:
    while contact.merge_into is not None:
        contact = contact.merge_into
    return contact


def _absorb(source: ContactTarget, target: ContactTarget) -> None:
    for key, value in source.values.items():
        if value not in ("", None) and target.values.get(key) in ("", None):
            target.values[key] = value
    known = {email_key(e) for e in target.emails}
    target.emails.extend(e for e in source.emails if email_key(e) not in known)
    phones = {p.e164 or p.raw for p in target.phones}
    target.phones.extend(p for p in source.phones if (p.e164 or p.raw) not in phones)
    for key, value in source.extra.items():
        target.extra.setdefault(key, value)


@dataclass(frozen=True)
class NewRows:
    """What `write_new` wrote: the new prospects' ids (in order), the existing ones
    touched."""

    ids: range | list[int]
    existing: set[int]
    documents: Iterable[tuple[int, str]] | None = None


class _Writer:
    def __init__(
        self,
        session: Session,
        plan: ImportPlan,
        progress: Progress | None,
        cancelled: CancelCheck | None,
        suppression: SuppressionCheck | None,
        now: datetime,
    ) -> None:
        self.session = session
        self.connection: Connection = session.connection()
        self.plan = plan
        self.progress = progress
        self.cancelled = cancelled
        self.suppression = suppression
        self.now = now
        self.done = 0
        self.total = 1
        self.merge_log: list[dict[str, Any]] = []
        #: Prospect ids from this one on were created by this import.
        self.first_new_prospect = 0
        self.reports: list[MergeReport] = []
        #: how a value set aside is marked: which import, when
        self.origin = f"{plan.table.file_name} ({now.date().isoformat()})"
        #: Team mode: users by folded email and name, for an "owner" column.
        self.owners = owner_lookup(session)
        self.sqlite = is_sqlite(self.connection)

    def owner_id(self, text: object) -> int | None:
        """The user a file's owner cell names (by email or name), or None."""
        return self.owners.get(email_key(str(text))) if text else None

    def step(self, count: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        self.done += count
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def take_ids(self, table: str, count: int) -> range | list[int]:
        """Ids for `count` new rows of `table` (see `dialects.take_ids`)."""
        return take_ids(self.connection, table, count)

    def insert_chunks(
        self,
        table: Any,
        names: list[str],
        rows: Iterable[tuple[Any, ...]],
        constants: dict[str, Any] | None = None,
    ) -> None:
        """Insert `rows` (values of `names`, ready for the database) with executemany.

        SQLAlchemy's per-value processing costs more than SQLite's insert at this scale,
        so values come prepared (see `db_value`). `constants` (ready too) are the same in
        every row, and the columns named nowhere get their defaults: those are written
        into the statement as SQL literals where they can be (`sql_literal`), because
        binding a value costs more than SQLite's own work on it (measured: 95,000 rows of
        33 columns, 20 of them constant, 0.36 s all bound, 0.12 s with literals). SQLite
        stores a literal exactly as the same value bound.
        """
        rows = iter(rows)
        chunk = list(islice(rows, CHUNK))
        if not chunk:
            return
        fixed = dict(constants or {})
        for column in table.columns:
            if column.name not in names and column.name not in fixed:
                fixed[column.name] = self.db_value(column, _default(column))
        sqlite = is_sqlite(self.connection)
        if not sqlite:  # PostgreSQL's booleans are not integers
            for name, value in fixed.items():
                if value is not None and isinstance(table.c[name].type, Boolean):
                    fixed[name] = bool(value)
        literals = {name: sql_literal(value, sqlite=sqlite) for name, value in fixed.items()}
        bound = [name for name, literal in literals.items() if literal is None]
        tail = tuple(fixed[name] for name in bound)
        inline = [name for name, literal in literals.items() if literal is not None]
        columns = ", ".join(f'"{name}"' for name in [*names, *bound, *inline])
        marks = ", ".join(
            [placeholder(self.connection)] * (len(names) + len(bound))
            + [str(literals[name]) for name in inline]
        )
        sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
        dbapi = self.connection.connection.dbapi_connection
        assert dbapi is not None
        cursor = dbapi.cursor()
        # PostgreSQL's booleans are not integers: the flags made as 0/1 are turned to bool.
        flags = (
            []
            if sqlite
            else [
                i
                for i, name in enumerate([*names, *bound])
                if isinstance(table.c[name].type, Boolean)
            ]
        )
        try:
            while chunk:  # made and written a chunk at a time (`rows` may be a generator)
                values = [(*row, *tail) for row in chunk] if tail else chunk
                if flags:
                    values = [_as_flags(row, flags) for row in values]
                cursor.executemany(sql, values)
                self.step(len(chunk))
                chunk = list(islice(rows, CHUNK))
        finally:
            cursor.close()

    def db_value(self, column: Any, value: Any) -> Any:
        """`value` as SQLAlchemy would store it in `column` (dates, enums, JSON)."""
        processor = column.type._cached_bind_processor(self.connection.dialect)
        return processor(value) if processor is not None else value

    def dnc_values(self, contact: ContactTarget) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if self.suppression is None:
            return values
        channels = self.suppression(
            [p.e164 or p.raw for p in contact.phones], contact.emails[0] if contact.emails else ""
        )
        if Channel.PHONE in channels:
            values |= {"dnc_phone": True, "dnc_phone_at": self.now,
                       "dnc_phone_reason": SUPPRESSED_REASON}  # fmt: skip
        if Channel.EMAIL in channels:
            values |= {"dnc_email": True, "dnc_email_at": self.now,
                       "dnc_email_reason": SUPPRESSED_REASON}  # fmt: skip
        return values

    def write_new(
        self,
        batch_id: int,
        prospects: list[ProspectTarget],
        contacts: list[ContactTarget],
        documents: bool = False,
    ) -> NewRows:
        """Insert new prospects, contacts and phones (INSERT triggers set aside).

        The sort columns of new prospects are written with them, computed here exactly as
        migration 0003's triggers do (the primary contact, i.e. the first one, then the
        first phone in contact and position order); existing prospects that gain
        contacts are returned, for `search_index.refresh_prospects`. With `documents`,
        the new prospects' search documents are made too (`search_index.document_text`),
        one by one as they are inserted.

        Rows are made a chunk at a time as they are inserted (generators), never all at
        once: at 100,000 rows the prepared rows and documents held over 200 MB.
        """
        region = self.plan.region
        now = self.db_value(Prospect.__table__.c.created_at, self.now)
        extra_column = Contact.__table__.c.extra_fields
        at_column = Contact.__table__.c.dnc_phone_at
        count = len(prospects)
        pids = self.take_ids("prospect", count)
        # Every prospect that existed has a smaller id than the new ones (sequences only
        # grow; SQLite's are max + 1): `attach_tags` and the merge log tell them apart so.
        self.first_new_prospect = pids[0] if count else sys.maxsize
        # The fields some new prospect has (its `values`' keys; a key holds a value
        # from a row): a column no new prospect fills is the same in every row.
        filled: set[str] = set()
        for position, target in enumerate(prospects):
            target.position = position
            filled.update(target.values)
        cids = self.take_ids("contact", len(contacts))
        # The role and LinkedIn columns go last, and only when some contact fills them
        # (see `contact_rows`).
        contact_names = [
            "id", "prospect_id", "first_name", "last_name", "title", "email",
            "is_primary", "dnc_phone", "dnc_phone_at", "dnc_phone_reason",
            "dnc_email", "dnc_email_at", "dnc_email_reason", "extra_fields",
        ]  # fmt: skip
        suppression = self.suppression
        clear_dnc: dict[str, Any] = {}
        if suppression is None:  # nobody flagged: the do-not-call columns are constants
            clear_dnc = {
                "dnc_phone": 0, "dnc_phone_at": None, "dnc_phone_reason": "",
                "dnc_email": 0, "dnc_email_at": None, "dnc_email_reason": "",
            }  # fmt: skip
            contact_names = [n for n in contact_names if n not in clear_dnc]
        # The same in every new row (written into the statements, see `insert_chunks`).
        constants = {
            "source": SOURCE, "import_batch_id": batch_id, "collected_at": now,
            "created_at": now, "updated_at": now,
        }  # fmt: skip
        phone_names = ["id", "contact_id", "kind", "raw", "e164", "position"]
        existing: set[int] = set()
        # Per new prospect (by position in `prospects`): its primary contact (the first),
        # the first of its contacts with a phone, and, for the search documents, all of
        # its contacts in order. References only: the texts are made when inserted.
        primary: list[ContactTarget | None] = [None] * count
        phoned: list[ContactTarget | None] = [None] * count
        # (a prospect's one contact is kept as itself: most have only one)
        members: list[ContactTarget | list[ContactTarget] | None] = (
            [None] * count if documents else []
        )
        has_dnc: set[int] = set()
        dnc_rows: dict[int, tuple[Any, ...]] = {}
        phone_count = 0
        contact_filled: set[str] = set()  # as `filled`, of the new contacts
        for contact in contacts:
            prospect = contact.prospect
            phone_count += len(contact.phones)
            contact_filled.update(contact.values)
            if prospect.id is not None:
                owner = prospect.id
                existing.add(owner)
            else:
                slot = prospect.position
                owner = pids[slot]
                if primary[slot] is None:
                    primary[slot] = contact
                if contact.phones and phoned[slot] is None:
                    phoned[slot] = contact
                if documents:
                    group = members[slot]
                    if group is None:
                        members[slot] = contact
                    elif isinstance(group, list):
                        group.append(contact)
                    else:
                        members[slot] = [group, contact]
            if suppression is not None:
                dnc = self.dnc_values(contact)
                dnc_phone_at = dnc.get("dnc_phone_at")
                dnc_email_at = dnc.get("dnc_email_at")
                dnc_row = (
                    int(bool(dnc.get("dnc_phone"))),
                    self.db_value(at_column, dnc_phone_at) if dnc_phone_at else None,
                    dnc.get("dnc_phone_reason", ""),
                    int(bool(dnc.get("dnc_email"))),
                    self.db_value(at_column, dnc_email_at) if dnc_email_at else None,
                    dnc.get("dnc_email_reason", ""),
                )
                dnc_rows[id(contact)] = dnc_row
                if dnc_row[0] and prospect.id is None:
                    has_dnc.add(owner)

        other = ContactRole.OTHER.value  # plain strings: see `prospect_rows`
        # What a contact lacking the field gets: the same in every row when none has it.
        contact_fixed = _unfilled(contact_filled, {"role": other, "linkedin_url": ""})
        # The others are bound, at the rows' end: their positions in `optional` below.
        contact_optional = [
            i for i, n in enumerate(("role", "linkedin_url")) if n not in contact_fixed
        ]
        contact_names += [("role", "linkedin_url")[i] for i in contact_optional]

        def contact_rows() -> Iterator[tuple[Any, ...]]:
            empty_extra = self.db_value(extra_column, {})
            no_dnc: tuple[Any, ...] = ()
            for cid, contact in zip(cids, contacts, strict=True):
                values = contact.values
                prospect = contact.prospect
                is_primary = 0
                if prospect.id is not None:
                    owner = prospect.id
                else:
                    owner = pids[prospect.position]
                    if primary[prospect.position] is contact:
                        is_primary = 1
                row = (
                    cid, owner, values.get("first_name") or "", values.get("last_name") or "",
                    values.get("title") or "", contact.emails[0] if contact.emails else "",
                    is_primary, *(dnc_rows[id(contact)] if dnc_rows else no_dnc),
                    self.db_value(extra_column, contact.extra) if contact.extra else empty_extra,
                )  # fmt: skip
                if contact_optional:
                    optional = (str(values.get("role") or other), values.get("linkedin_url") or "")
                    row += tuple(optional[i] for i in contact_optional)
                yield row

        phids = self.take_ids("phone", phone_count)

        def phone_rows() -> Iterator[tuple[Any, ...]]:
            ids = iter(phids)
            for cid, contact in zip(cids, contacts, strict=True):
                for position, phone in enumerate(contact.phones):
                    yield (next(ids), cid, str(phone.kind), phone.raw, phone.e164, position)

        # What a prospect lacking the field gets (by its key in `values`; "has_dnc" is
        # the do-not-call set's): the same in every row when none has it.
        prospect_fixed = _unfilled(
            filled | ({"has_dnc"} if has_dnc else set()),
            {
                **dict.fromkeys(_PROSPECT_FILLABLE, ""), "country": str(region)[:2],
                "stage": Stage.NEW.value, "has_dnc": 0, "is_consumer": 0, "owner": None,
            },
        )  # fmt: skip
        if any(target.notes_extra for target in prospects):
            prospect_fixed.pop("notes", None)  # the rows' unmapped columns go in notes
        # The fillable fields bound (the notes apart), then the other optional ones
        # bound, by position in `optional` below, at the rows' end.
        fill_keys = tuple(k for k in _PROSPECT_FILLABLE[:-1] if k not in prospect_fixed)
        blanks = ("",) * len(fill_keys)
        notes_bound = "notes" not in prospect_fixed
        optional_keys = ("country", "stage", "has_dnc", "is_consumer", "owner")
        prospect_optional = [i for i, k in enumerate(optional_keys) if k not in prospect_fixed]
        prospect_names = [
            "id", "name", "name_key", *fill_keys, "sort_contact", "sort_phone",
            "shown_contact", "shown_phone_raw", "shown_phone_e164",
            *(["notes"] if notes_bound else []),
            *[("owner_id" if k == "owner" else k) for k in optional_keys
              if k not in prospect_fixed],
        ]  # fmt: skip
        prospect_constants = {
            ("owner_id" if key == "owner" else key): value for key, value in prospect_fixed.items()
        }

        def prospect_rows() -> Iterator[tuple[Any, ...]]:
            # Plain strings, not the enums: sqlite3 binds a str subclass through its
            # adapter look-up (about 0.5 us a value); the stored text is the same.
            new_stage = Stage.NEW.value
            owner_id = self.owner_id
            for pid, target, head, caller in zip(pids, prospects, primary, phoned, strict=True):
                get = target.values.get
                sort_contact = shown_contact = sort_phone = None
                shown_raw = shown_e164 = None
                if head is not None:
                    first = head.values.get("first_name") or ""
                    last = head.values.get("last_name") or ""
                    # SQLite's trim() without a second argument removes spaces only.
                    sort_contact = f"{last} {first}".strip(" ")
                    # " ".join of the non-empty parts, without a generator per contact.
                    shown_contact = f"{first} {last}" if first and last else first or last
                    if head.phones:
                        shown_raw, shown_e164 = head.phones[0].raw, head.phones[0].e164
                if caller is not None:
                    sort_phone = caller.phones[0].e164 or caller.phones[0].raw
                # The bound `_PROSPECT_FILLABLE` values, in order (those it lacks are "").
                row = (
                    pid, target.name[:255], target.key[:255], *map(get, fill_keys, blanks),
                    sort_contact, sort_phone, shown_contact, shown_raw, shown_e164,
                    *((_notes(target),) if notes_bound else ()),
                )  # fmt: skip
                if prospect_optional:
                    stage = get("stage")
                    owner = get("owner")
                    optional = (
                        str(get("country") or region)[:2], str(stage) if stage else new_stage,
                        int(pid in has_dnc), int(bool(get("is_consumer"))),
                        owner_id(owner) if owner else None,
                    )  # fmt: skip
                    row += tuple(optional[i] for i in prospect_optional)
                yield row

        def texts() -> Iterator[tuple[int, str]]:
            for pid, target, group in zip(pids, prospects, members, strict=True):
                yield pid, _document(target, group)

        adding = {"prospect": count, "contact": len(contacts), "phone": phone_count}
        rebuilt = [t for t, n in adding.items() if outnumbers(self.connection, t, n)]
        with indexes_rebuilt(self.connection, rebuilt):
            self.insert_chunks(
                Prospect.__table__, prospect_names, prospect_rows(), constants | prospect_constants
            )
            self.insert_chunks(
                Contact.__table__, contact_names, contact_rows(),
                constants | clear_dnc | contact_fixed,
            )  # fmt: skip
            self.insert_chunks(Phone.__table__, phone_names, phone_rows(), {"is_wrong": False})
        return NewRows(pids, existing, texts() if documents else None)

    def merge_prospects(self, targets: list[ProspectTarget]) -> int:
        """Fill empty fields of existing prospects; returns how many changed."""
        wanted = {t.id: t for t in targets if t.id is not None}
        changed = 0
        columns = [getattr(Prospect, name) for name in _PROSPECT_FILLABLE]
        for chunk in _chunks(sorted(wanted), 500):
            rows = self.connection.execute(
                select(Prospect.id, *columns, Prospect.owner_id, Prospect.is_consumer)
                .where(Prospect.id.in_(chunk))
                # A server: locked until the commit (see `merge_contacts`).
                .with_for_update(key_share=True)
            ).all()
            for row in rows:
                target = wanted[row[0]]
                current: dict[str, Any] = dict(zip(_PROSPECT_FILLABLE, row[1:-2], strict=True))
                incoming = target.values
                changes: dict[str, Any] = {
                    name: str(incoming[name])
                    for name in _PROSPECT_FILLABLE
                    if name != "notes" and incoming.get(name) and not current[name]
                }
                conflicts = [
                    FieldConflict(name, str(incoming[name]), str(current[name]))
                    for name in _PROSPECT_FILLABLE
                    if name != "notes"
                    and incoming.get(name)
                    and current[name]
                    and not same_value(incoming[name], current[name])
                ]
                old_notes = str(current["notes"] or "")
                notes, extra_lines = _repaired_notes(old_notes, target.notes_extra)
                added = "\n".join(
                    part for part in (str(incoming.get("notes") or ""), *extra_lines) if part
                )
                if added and added not in notes:
                    notes = f"{notes}\n{added}" if notes else added  # appended, never lost
                for conflict in list(conflicts):  # the file's value, kept in the notes
                    line = (
                        f"From import {self.origin}: {conflict.field}: {conflict.incoming} "
                        f"(kept: {conflict.kept})"
                    )
                    if line in notes:  # the same file imported again
                        conflicts.remove(conflict)
                        continue
                    notes = f"{notes}\n{line}" if notes else line
                if notes != old_notes:
                    changes["notes"] = notes
                if incoming.get("is_consumer") and not row[-1]:  # never back to business
                    current["is_consumer"] = False
                    changes["is_consumer"] = True
                owner = self.owner_id(incoming.get("owner"))
                if owner is not None and row[-2] is None:  # an owner is filled, never replaced
                    current["owner_id"] = None
                    changes["owner_id"] = owner
                if changes:
                    self._log("prospect", row[0], current, changes)
                    # The version moves: an editor open on it compares before saving.
                    self.connection.execute(
                        update(Prospect)
                        .where(Prospect.id == row[0])
                        .values(**changes, version=Prospect.version + 1)
                    )
                    changed += 1
                    self.reports.append(
                        MergeReport(
                            "prospect",
                            row[0],
                            target.name,
                            filled=[n for n in changes if n != "notes"],
                            conflicts=conflicts,
                            notes_appended="notes" in changes,
                        )
                    )
            self.step(len(chunk))
        return changed

    def merge_contacts(self, targets: list[ContactTarget]) -> None:
        """Fill empty fields of existing contacts and add their new phones."""
        wanted = {t.id: t for t in targets if t.id is not None}
        # SQLite: max + 1 onwards (the file is ours); a server: one from the sequence each.
        after = self.take_ids("phone", 0) if self.sqlite else None
        next_phone = after.start if isinstance(after, range) else None
        for chunk in _chunks(sorted(wanted), 500):
            rows = self.connection.execute(
                select(
                    Contact.id,
                    Contact.email,
                    Contact.extra_fields,
                    Contact.dnc_phone,
                    Contact.dnc_email,
                    *[getattr(Contact, n) for n in _CONTACT_FILLABLE],
                )
                .where(Contact.id.in_(chunk))
                # A server: the rows merged into are read and locked until the commit, so
                # that a colleague's edit meanwhile is seen or waits (never overwritten).
                .with_for_update(key_share=True)
            ).all()
            phones: dict[int, list[tuple[str | None, str, int]]] = {}
            for contact_id, e164, raw, position in self.connection.execute(
                select(Phone.contact_id, Phone.e164, Phone.raw, Phone.position).where(
                    Phone.contact_id.in_(chunk)
                )
            ):
                phones.setdefault(contact_id, []).append((e164, raw, position))
            for row in rows:
                contact_id, email, extra, dnc_phone, dnc_email = row[:5]
                target = wanted[contact_id]
                current: dict[str, Any] = dict(zip(_CONTACT_FILLABLE, row[5:], strict=True))
                current["email"] = email
                incoming = {"linkedin_url": target.values.get("linkedin_url"), **target.values}
                changes: dict[str, Any] = {
                    name: str(incoming[name])
                    for name in _CONTACT_FILLABLE
                    if incoming.get(name) and not current[name]
                }
                conflicts = [
                    FieldConflict(name, str(incoming[name]), str(current[name]))
                    for name in _CONTACT_FILLABLE
                    if incoming.get(name)
                    and current[name]
                    and not same_value(incoming[name], current[name])
                ]
                filled = list(changes)
                emails = [e for e in target.emails if e]
                if not email and emails:
                    changes["email"] = emails[0]
                    filled.append("email")
                kept_email = str(changes.get("email", email) or "")
                conflicts.extend(
                    FieldConflict("email", e, kept_email)
                    for e in emails
                    if email_key(e) != email_key(kept_email)
                )
                extra = dict(extra or {})
                # New columns, and values a spreadsheet damaged that arrive whole now.
                added_keys = [
                    k
                    for k in target.extra
                    if k not in extra
                    or (is_damaged(str(extra[k])) and not is_damaged(target.extra[k]))
                ]
                new_extra = {k: target.extra[k] for k in added_keys}
                conflicts.extend(
                    FieldConflict(k, v, str(extra[k]))
                    for k, v in target.extra.items()
                    if k in extra
                    and k not in new_extra
                    and not is_damaged(v)
                    and not same_value(v, extra[k])
                )
                kept_aside = set(extra.values())
                for conflict in list(conflicts):  # the file's value, kept as an extra field
                    if conflict.incoming in kept_aside:  # kept by an earlier import
                        conflicts.remove(conflict)
                        continue
                    kept_aside.add(conflict.incoming)
                    key = f"{conflict.field} ({self.origin})"
                    number = 1
                    while key in extra or key in new_extra:
                        number += 1
                        key = f"{conflict.field} ({self.origin}, {number})"
                    new_extra[key] = conflict.incoming
                if new_extra:
                    changes["extra_fields"] = {**extra, **new_extra}
                    current["extra_fields"] = extra
                dnc = self.dnc_values(target)
                for channel, flag in (("phone", dnc_phone), ("email", dnc_email)):
                    if dnc.get(f"dnc_{channel}") and not flag:
                        for suffix in ("", "_at", "_reason"):
                            changes[f"dnc_{channel}{suffix}"] = dnc[f"dnc_{channel}{suffix}"]
                        current.update(
                            {
                                f"dnc_{channel}": False,
                                f"dnc_{channel}_at": None,
                                f"dnc_{channel}_reason": "",
                            }
                        )
                if changes:
                    self._log("contact", contact_id, current, changes)
                    self.connection.execute(
                        update(Contact)
                        .where(Contact.id == contact_id)
                        .values(**changes, version=Contact.version + 1)
                    )
                report = MergeReport(
                    "contact",
                    contact_id,
                    target.display_name,
                    filled=filled,
                    conflicts=conflicts,
                    extra_fields=list(new_extra),
                )
                known = phones.get(contact_id, [])
                identities = {e164 or raw for e164, raw, _ in known}
                # A number stored as typed (no E.164 then) is the same one typed alike now.
                typed = {phone_digits(raw) for _, raw, _ in known} - {""}
                position = max((p for _, _, p in known), default=-1) + 1
                for phone in target.phones:
                    if (phone.e164 or phone.raw) in identities or phone_digits(phone.raw) in typed:
                        continue
                    identities.add(phone.e164 or phone.raw)
                    if next_phone is None:
                        phone_id = self.take_ids("phone", 1)[0]
                    else:
                        phone_id, next_phone = next_phone, next_phone + 1
                    self.connection.execute(
                        insert(Phone).values(
                            id=phone_id, contact_id=contact_id, kind=phone.kind,
                            raw=phone.raw, e164=phone.e164, is_wrong=False, position=position,
                        )
                    )  # fmt: skip
                    self.merge_log.append({"table": "phone", "id": phone_id, "added": True})
                    position += 1
                    report.phones_added += 1
                if report.phones_added and not changes:  # its version moves all the same
                    self.connection.execute(
                        update(Contact)
                        .where(Contact.id == contact_id)
                        .values(version=Contact.version + 1)
                    )
                if report.filled or report.conflicts or report.extra_fields or report.phones_added:
                    self.reports.append(report)
            self.step(len(chunk))

    def attach_tags(self, wanted: Sequence[tuple[int, Sequence[str]]]) -> None:
        """Give each prospect id its tags (added to the ones it has, never removed).

        Tags are matched by name regardless of case, the missing ones created; links go in
        with executemany, after the prospects (the prospect_tag triggers keep the table's
        tag column and the search documents up to date). What is added to a prospect
        that existed before, and each tag created, is logged for "Undo import".
        """
        if not wanted:
            return
        connection = self.connection
        known: dict[str, int] = {}
        for tag_id, name in connection.execute(select(Tag.id, Tag.name).order_by(Tag.id)):
            known.setdefault(name.casefold(), tag_id)
        missing: dict[str, str] = {}  # folded -> as first written, in order
        for _pid, names in wanted:
            for name in names:
                if name.casefold() not in known:
                    missing.setdefault(name.casefold(), name)
        created = list(zip(self.take_ids("tag", len(missing)), missing.values(), strict=True))
        for tag_id, name in created:
            known[name.casefold()] = tag_id
        dbapi = connection.connection.dbapi_connection
        assert dbapi is not None
        cursor = dbapi.cursor()
        mark = placeholder(connection)
        try:
            if created:
                cursor.executemany(
                    f'INSERT INTO "tag" ("id", "name") VALUES ({mark}, {mark})', created
                )
                self.merge_log.extend({"table": "tag", "id": i, "added": True} for i, _ in created)
            existing = sorted({pid for pid, _ in wanted if pid < self.first_new_prospect})
            linked: set[tuple[int, int]] = set()
            for chunk in _chunks(existing, 500):
                linked.update(
                    (int(pid), int(tid))
                    for pid, tid in connection.execute(
                        select(prospect_tag.c.prospect_id, prospect_tag.c.tag_id).where(
                            prospect_tag.c.prospect_id.in_(chunk)
                        )
                    )
                )
            links: list[tuple[int, int]] = []
            for pid, names in wanted:
                for name in names:
                    link = (pid, known[name.casefold()])
                    if link in linked:
                        continue
                    linked.add(link)
                    links.append(link)
                    if pid < self.first_new_prospect:
                        self.merge_log.append(
                            {"table": "prospect_tag", "id": pid, "tag": link[1], "added": True}
                        )
            for start in range(0, len(links), CHUNK):
                cursor.executemany(
                    f'INSERT INTO "prospect_tag" ("prospect_id", "tag_id") VALUES ({mark}, {mark})',
                    links[start : start + CHUNK],
                )
        finally:
            cursor.close()
        # Prospects that existed got tags: their version moves (an editor compares).
        tagged = sorted({pid for pid, _ in links if pid < self.first_new_prospect})
        for chunk in _chunks(tagged, 500):
            connection.execute(
                update(Prospect).where(Prospect.id.in_(chunk)).values(version=Prospect.version + 1)
            )

    def _log(
        self, table: str, row_id: int, current: dict[str, Any], changes: dict[str, Any]
    ) -> None:
        self.merge_log.append(
            {
                "table": table,
                "id": row_id,
                "old": {name: _jsonable(current.get(name)) for name in changes},
                "new": {name: _jsonable(value) for name, value in changes.items()},
            }
        )


def _unfilled(filled: set[str], defaults: dict[str, Any]) -> dict[str, Any]:
    """The `defaults` whose field is in no new row (none of them in `filled`).

    What the rows would hold there is the same in every row: written into the statement
    as a literal (`insert_chunks`), not bound 100,000 times (about 0.1 us a value, and
    the Python that makes it), the way the schema floor writes a column that holds one
    value throughout.
    """
    return {key: value for key, value in defaults.items() if key not in filled}


def _repaired_notes(notes: str, lines: Sequence[str]) -> tuple[str, list[str]]:
    """`notes` with "name: value" lines a spreadsheet damaged replaced by the intact
    value among `lines`, and the lines still to append (those not used for a repair,
    less damaged ones whose intact value the notes already hold)."""
    if not lines or not notes:
        return notes, list(lines)
    held = notes.split("\n")
    rest: list[str] = []
    for line in lines:
        key, sep, value = line.partition(": ")
        if not sep:
            rest.append(line)
            continue
        prefix = key + sep
        same_key = [i for i, known in enumerate(held) if known.startswith(prefix)]
        if is_damaged(value):
            if any(not is_damaged(held[i][len(prefix) :]) for i in same_key):
                continue  # the intact value is there already
            rest.append(line)
            continue
        damaged = [i for i in same_key if is_damaged(held[i][len(prefix) :])]
        if damaged:
            held[damaged[0]] = line
            for i in reversed(damaged[1:]):
                del held[i]
        else:
            rest.append(line)
    return "\n".join(held), rest


def sql_literal(value: Any, *, sqlite: bool = True) -> str | None:
    """`value` written as an SQL literal that SQLite stores exactly as it stores the value
    bound (same type, same bytes), or None when it is better bound (floats, bytes,
    subclasses such as enums, text holding a NUL). `sqlite=False`: PostgreSQL's
    spelling (its booleans are not integers)."""
    if value is None:
        return "NULL"
    kind = type(value)
    if kind is bool:
        if not sqlite:
            return "TRUE" if value else "FALSE"
        return "1" if value else "0"  # sqlite3 binds True and False as 1 and 0
    if kind is int:
        return str(value)
    if kind is str:
        text = str(value)
        return None if "\x00" in text else "'" + text.replace("'", "''") + "'"
    return None


def _as_flags(row: tuple[Any, ...], flags: list[int]) -> tuple[Any, ...]:
    values = list(row)
    for i in flags:
        if values[i] is not None:
            values[i] = bool(values[i])
    return tuple(values)


def _default(column: Any) -> Any:
    default = column.default
    if default is None:
        return None
    if default.is_callable:
        return default.arg(None)
    return default.arg


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _chunks(values: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


#: A plan made this many times over at most while other writers change what it
#: matched (a server); then it is written as it is (a row gone meanwhile is an error).
_REPLANS = 3


def _current_plan(session: Session, plan: ImportPlan, cancelled: CancelCheck | None) -> ImportPlan:
    """`plan`, or the same file planned again if the database changed since (a server).

    Called once this transaction is the only import (`serialise_imports`): an import
    or undo that landed since the plan was made (or a prospect or contact added) would
    otherwise make duplicates of what one import after the other merges. The existing
    prospects and contacts the plan writes into are then locked against deletion
    (`FOR KEY SHARE`: colleagues' edits and calls on them do not wait), and if one has
    gone the file is planned again.
    """
    stale = plan.stamp is not None and plan.stamp != database_stamp(session)
    for _ in range(_REPLANS):
        if stale:
            plan = plan_import(
                session, plan.table, plan.layout, plan.mapping, region=plan.region,
                cancelled=cancelled,
            )  # fmt: skip
        if _targets_held(session, plan):
            break
        stale = True  # a row it writes into is gone: planned again
    return plan


def _targets_held(session: Session, plan: ImportPlan) -> bool:
    """Lock the existing rows `plan` writes into until the commit; False if one is gone."""
    for model, targets in ((Prospect, plan.prospects), (Contact, plan.contacts)):
        ids = sorted({t.id for t in targets if t.id is not None})
        for chunk in _chunks(ids, 500):
            found = session.execute(
                select(model.id)
                .where(model.id.in_(chunk))
                .with_for_update(read=True, key_share=True)
            ).all()
            if len(found) != len(chunk):
                return False
    return True


def apply_plan(
    db: Database,
    plan: ImportPlan,
    *,
    confirmed: Iterable[int] = (),
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    suppression: SuppressionCheck | bool | None = True,
    backup_first: bool = True,
) -> ImportResult:
    """Write `plan` in one transaction and return what was done.

    `confirmed`: lines of possible duplicates the user confirmed (merged, not created).
    `suppression`: True to check the suppression list (core.privacy), or a check, or
    None. `backup_first`: back the data up before writing (core.backup). Raises
    ImportCancelled (nothing written) when `cancelled()` turns true.

    On a server, imports are written one at a time (`serialise_imports`) and the file
    is planned again first when the database changed since `plan` was made
    (`_current_plan`): the result then says what that plan did.
    """
    if backup_first and is_sqlite(db.engine):
        # Imported here: core.backup is only needed when really writing. A server's
        # backups are its administrator's (team mode): only the file is copied.
        from prospection.core.backup import make_backup

        make_backup(db, "before-import")
    confirmed_lines = set(confirmed)
    with quiet_collector(), db.session() as session:
        if serialise_imports(session.connection()):
            plan = _current_plan(session, plan, cancelled)
        # Returned once the transaction is committed (the block's end).
        return _write_plan(session, plan, confirmed_lines, progress, cancelled, suppression)


def _write_plan(
    session: Session,
    plan: ImportPlan,
    confirmed_lines: set[int],
    progress: Progress | None,
    cancelled: CancelCheck | None,
    suppression: SuppressionCheck | bool | None,
) -> ImportResult:
    """`apply_plan`'s work, in `session`'s transaction."""
    # One pass over the rows (100,000 of them): their fates counted, confirmations set.
    fates: Counter[Fate] = Counter()
    possible = 0
    for row in plan.rows:
        fate = row.fate
        fates[fate] += 1
        if fate is Fate.POSSIBLE_DUPLICATE:
            confirmed_row = row.line in confirmed_lines
            possible += not confirmed_row
            if row.contact is not None:
                row.contact.merge_into = row.candidate if confirmed_row else None
    contacts = list(plan.contacts)
    # Made only when a confirmed duplicate needs it (100,000 ids otherwise).
    listed: set[int] | None = None
    for contact in plan.contacts:
        if contact.merge_into is not None:
            target = _final(contact)
            _absorb(contact, target)
            if listed is None:
                listed = {id(c) for c in contacts}
            if id(target) not in listed:  # an existing person no other row touched
                listed.add(id(target))
                contacts.append(target)
    new_contacts: list[ContactTarget] = []
    merged_contacts: list[ContactTarget] = []
    for contact in contacts:
        if contact.merge_into is None:
            (new_contacts if contact.id is None else merged_contacts).append(contact)
    new_prospects: list[ProspectTarget] = []
    existing_prospects: list[ProspectTarget] = []
    for prospect in plan.prospects:
        (new_prospects if prospect.id is None else existing_prospects).append(prospect)
    now = utcnow()
    batch = ImportBatch(
        file_name=plan.table.file_name[:255],
        file_hash=plan.table.sha256,
        file_format=plan.table.file_format,
        imported_at=now,
        rows_read=len(plan.rows),
        merge_log=[],
    )
    session.add(batch)
    session.flush()  # takes SQLite's write lock before ids are handed out
    check = suppression_check(session) if suppression is True else suppression or None
    writer = _Writer(session, plan, progress, cancelled, check, now)
    writer.total = (
        len(new_prospects) + len(new_contacts) + sum(len(c.phones) for c in new_contacts)
        + len(existing_prospects) + len(merged_contacts)
    ) or 1  # fmt: skip
    writer.step(0)
    connection = writer.connection
    with cache_enlarged(connection, WRITE_CACHE_KIB):
        with insert_triggers_suspended(connection) as triggers:
            derived = derived_sql(triggers)
            written = writer.write_new(
                batch.id, new_prospects, new_contacts, derived.documents_in_python
            )
        if written.ids:
            index_new_prospects(
                connection, derived, written.ids[0], written.ids[-1], written.documents
            )
        refresh_prospects(connection, derived, written.existing)
    writer.merge_prospects(existing_prospects)
    new_ids = written.ids
    writer.attach_tags(
        [(new_ids[i], p.tags) for i, p in enumerate(new_prospects) if p.tags]
        + [(p.id, p.tags) for p in existing_prospects if p.tags and p.id is not None]
    )
    writer.merge_contacts(merged_contacts)
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    merged = fates[Fate.MERGE] + (fates[Fate.POSSIBLE_DUPLICATE] - possible)
    batch.prospects_created = len(new_prospects)
    batch.contacts_created = len(new_contacts)
    batch.merged = merged
    batch.invalid = fates[Fate.INVALID]
    batch.merge_log = writer.merge_log
    return ImportResult(
        rows_read=len(plan.rows),
        prospects_created=len(new_prospects),
        contacts_created=len(new_contacts),
        merged=merged,
        possible_duplicates=possible,
        invalid=fates[Fate.INVALID],
        batch_id=batch.id,
        problems=_problems(plan),
        merges=writer.reports,
    )


@dataclass(frozen=True)
class UndoResult:
    """What undoing an import removed and restored."""

    batch_id: int
    prospects_removed: int
    contacts_removed: int
    values_restored: int


@dataclass(frozen=True)
class BatchInfo:
    """An import batch, for the list the user undoes from."""

    id: int
    file_name: str
    imported_at: datetime
    rows_read: int
    prospects_created: int
    contacts_created: int
    merged: int
    undone_at: datetime | None


def list_batches(session: Session) -> list[BatchInfo]:
    """Every import, newest first."""
    batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())).all()
    return [
        BatchInfo(
            b.id,
            b.file_name,
            b.imported_at,
            b.rows_read,
            b.prospects_created,
            b.contacts_created,
            b.merged,
            b.undone_at,
        )
        for b in batches
    ]


def undo_import(db: Database, batch_id: int) -> UndoResult:
    """Remove what batch `batch_id` created and restore what it merged (one transaction).

    A merged value the user has changed since is left as the user made it. The data
    is backed up first (an undo is a bulk deletion).
    """
    from prospection.core.backup import make_backup

    with db.session() as session:
        known = session.get(ImportBatch, batch_id)
    if known is not None and known.undone_at is None and is_sqlite(db.engine):
        make_backup(db, "before-delete")
    with db.session() as session:
        serialise_imports(session.connection())  # a server: not beside an import
        batch = session.get(ImportBatch, batch_id)
        if batch is None:
            raise BatchError(message(Code.BATCH_UNKNOWN, batch=batch_id))
        if batch.undone_at is not None:
            raise BatchError(message(Code.BATCH_UNDONE, batch=batch_id, file=batch.file_name))
        connection = session.connection()
        prospect_ids = list(
            session.scalars(select(Prospect.id).where(Prospect.import_batch_id == batch_id))
        )
        contact_rows = session.execute(
            select(Contact.id, Contact.prospect_id).where(Contact.import_batch_id == batch_id)
        ).all()
        created = set(prospect_ids)
        outside = {pid for _, pid in contact_rows if pid not in created}
        restored = 0
        # The DELETE triggers would rebuild a prospect's derived data once per deleted
        # contact and phone; set aside, the data of the prospects that stay is rebuilt
        # once, and the documents of the deleted ones removed in one pass.
        # Only the prospect's own indexes may go: foreign-key cascades into contact, phone
        # and activity look rows up through theirs.
        rebuilt = (
            ["prospect"]
            if outnumbers(connection, "prospect", len(prospect_ids), inside=True)
            else []
        )
        with (
            cache_enlarged(connection),
            delete_triggers_suspended(connection) as triggers,
            indexes_rebuilt(connection, rebuilt),
        ):
            derived = derived_sql(triggers)
            connection.execute(delete(Contact).where(Contact.import_batch_id == batch_id))
            connection.execute(delete(Prospect).where(Prospect.import_batch_id == batch_id))
            forget_search(connection, prospect_ids)
        refresh_prospects(connection, derived, outside)
        for entry in reversed(batch.merge_log or []):
            restored += _revert(connection, entry)
        batch.undone_at = utcnow()
        return UndoResult(batch_id, len(prospect_ids), len(contact_rows), restored)


def _revert(connection: Connection, entry: dict[str, Any]) -> int:
    table = entry.get("table")
    if table == "phone":
        connection.execute(delete(Phone).where(Phone.id == int(entry["id"])))
        return 1
    if table == "prospect_tag":
        connection.execute(
            delete(prospect_tag).where(
                prospect_tag.c.prospect_id == int(entry["id"]),
                prospect_tag.c.tag_id == int(entry["tag"]),
            )
        )
        return 1
    if table == "tag":  # created by the import: removed unless the user has used it since
        used = select(prospect_tag.c.tag_id).where(prospect_tag.c.tag_id == int(entry["id"]))
        connection.execute(delete(Tag).where(Tag.id == int(entry["id"]), ~used.exists()))
        return 0
    model: Any = {"prospect": Prospect, "contact": Contact}.get(str(table))
    if model is None:
        return 0
    old: dict[str, Any] = entry.get("old", {})
    new: dict[str, Any] = entry.get("new", {})
    names = list(new)
    row = connection.execute(
        select(*[getattr(model, n) for n in names]).where(model.id == int(entry["id"]))
    ).first()
    if row is None:
        return 0
    restore: dict[str, Any] = {}
    for name, current in zip(names, row, strict=True):
        if _jsonable(current) != new[name]:
            continue  # changed by the user since the import: theirs wins
        value = old.get(name)
        if name.endswith("_at") and isinstance(value, str):
            value = datetime.fromisoformat(value)
        restore[name] = value
    if restore:
        connection.execute(
            update(model)
            .where(model.id == int(entry["id"]))
            .values(**restore, version=model.version + 1)
        )
    return len(restore)
