"""Editing one prospect: fields, contacts and phones, tags and logged activities.

Every function takes the session of one user action and returns an `EditResult`: what
the user typed wrong comes back as per-field issues (nothing is changed then), never
as an exception. Exceptions are kept for programming errors (an unknown field name).
Issues carry a stable `code` the UI translates, and an English `message` for the CLI.

Team mode (two people on one server): a save prepared on an older copy of a prospect or
contact passes the stored values it started from (`base`). The fields are compared one
by one with what is stored now: what only the colleague changed is kept, what only
this save changes is written, and a field both changed to different values is a
conflict (`EditResult.conflicts`, field by field with base, mine and theirs): nothing
is written, and the caller asks which value to keep. Every write moves the row's
`version` (models: the ORM's version counter); `if_version` refuses a save outright
when the row is no longer at the version a script read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prospection.core import limits
from prospection.core.emails import check_email
from prospection.core.enums import ActivityKind, Outcome, PhoneKind, Stage
from prospection.core.models import Activity, AppUser, Contact, Phone, Prospect, Tag, utcnow
from prospection.core.names import name_key
from prospection.core.phones import DEFAULT_REGION, parse_phone
from prospection.core.prospects import ContactInput, PhoneInput

__all__ = [
    "CONTACT_FIELDS",
    "ActivityInput",
    "ContactInput",
    "EditConflict",
    "EditResult",
    "FieldIssue",
    "IssueCode",
    "PhoneInput",
    "ProspectInput",
    "add_contact",
    "contact_base",
    "create_prospect",
    "delete_activity",
    "log_activity",
    "recompute_contact_fields",
    "remove_contact",
    "set_primary_contact",
    "set_tags",
    "update_activity",
    "update_contact",
    "update_prospect",
]

#: Activities that are a contact with the prospect (they move `last_contact_at`).
CONTACT_KINDS: frozenset[ActivityKind] = frozenset(
    {ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.MEETING}
)
#: Call outcomes that count as one more unanswered call in a row (as in the call session).
UNANSWERED: frozenset[Outcome] = frozenset({Outcome.NO_ANSWER, Outcome.VOICEMAIL})
MAX_PRIORITY = 3
NAME_MAX = 255
TAG_MAX = 80


class IssueCode(StrEnum):
    """Why a field was refused (error) or needs a look (warning)."""

    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID_EMAIL = "invalid_email"
    UNPARSED_PHONE = "unparsed_phone"  # a warning: the text is kept as typed
    INVALID_STAGE = "invalid_stage"
    OUT_OF_RANGE = "out_of_range"
    INVALID_COUNTRY = "invalid_country"
    INVALID_VALUE = "invalid_value"
    EMPTY_CONTACT = "empty_contact"
    NOT_FOUND = "not_found"
    NOT_ALLOWED = "not_allowed"
    CHANGED_MEANWHILE = "changed_meanwhile"  # the row moved past the version the save expected
    CALLING_RULE = "calling_rule"  # a warning: a logged call broke a calling rule


@dataclass(frozen=True)
class FieldIssue:
    """One problem with one field ("email", "contacts[0].phones[1]", "priority")."""

    field: str
    code: IssueCode
    message: str
    value: str = ""


@dataclass(frozen=True)
class EditConflict:
    """A field a colleague and this save both changed, to different values.

    `field` is a prospect field ("city", "stage" ...), "tags", or a contact field
    ("first_name", "phones" ...). `base` is the value both started from, `mine` what this
    save wanted, `theirs` what is stored now (values as stored: enums, aware datetimes,
    lists of tag names or phone texts).
    """

    field: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class EditResult:
    """What an edit did: the ids it touched, or why it changed nothing.

    `version` is the row's version after the edit (on a conflict: the version the
    colleague's values were read at).
    """

    errors: tuple[FieldIssue, ...] = ()
    warnings: tuple[FieldIssue, ...] = ()
    prospect_id: int | None = None
    contact_id: int | None = None
    activity_id: int | None = None
    conflicts: tuple[EditConflict, ...] = ()
    version: int | None = None

    @property
    def ok(self) -> bool:
        """True when the edit was applied (warnings do not prevent it)."""
        return not self.errors and not self.conflicts

    def issue_for(self, name: str) -> FieldIssue | None:
        """The first error, else warning, about the field `name`."""
        for issue in (*self.errors, *self.warnings):
            if issue.field == name:
                return issue
        return None


@dataclass
class ProspectInput:
    """A prospect's own fields as entered in the editor, the CLI or an import."""

    name: str = ""
    website: str = ""
    industry: str = ""
    size: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = "FR"
    stage: Stage | str = Stage.NEW
    priority: int = 0
    pains: str = ""
    pitch: str = ""
    notes: str = ""
    next_action_at: datetime | None = None
    next_action_text: str = ""
    is_consumer: bool = False
    client_since: date | None = None
    yearly_revenue: float | None = None
    owner_id: int | None = None  # team mode: the user who owns the prospect (None: nobody)

    @classmethod
    def of(cls, prospect: Prospect) -> ProspectInput:
        """The editable fields of a stored prospect (to fill a form)."""
        return cls(**{f.name: getattr(prospect, f.name) for f in fields(cls)})


#: Prospect fields `update_prospect` accepts.
PROSPECT_FIELDS: frozenset[str] = frozenset(f.name for f in fields(ProspectInput))


@dataclass
class ActivityInput:
    """A call, email, meeting or note logged by hand from the editor."""

    kind: ActivityKind
    occurred_at: datetime | None = None  # now when not given
    outcome: Outcome | None = None  # calls only
    notes: str = ""
    duration_seconds: int | None = None
    inbound: bool = False  # the prospect initiated it (call or email received, GDPR)
    contact_id: int | None = None
    phone_id: int | None = None
    location: str = ""  # meetings
    ends_at: datetime | None = None  # meetings


@dataclass
class _Issues:
    errors: list[FieldIssue] = field(default_factory=list)
    warnings: list[FieldIssue] = field(default_factory=list)

    def error(self, name: str, code: IssueCode, message: str, value: object = "") -> None:
        self.errors.append(FieldIssue(name, code, message, str(value)))

    def warn(self, name: str, code: IssueCode, message: str, value: object = "") -> None:
        self.warnings.append(FieldIssue(name, code, message, str(value)))

    def result(
        self,
        prospect_id: int | None = None,
        contact_id: int | None = None,
        activity_id: int | None = None,
    ) -> EditResult:
        return EditResult(
            errors=tuple(self.errors),
            warnings=tuple(self.warnings),
            prospect_id=prospect_id,
            contact_id=contact_id,
            activity_id=activity_id,
        )


def _same(first: Any, second: Any) -> bool:
    """Whether two values of a field are the same (naive date-times are local time)."""
    if isinstance(first, datetime) and isinstance(second, datetime):
        return _aware(first) == _aware(second)
    return bool(first == second)


def _merge(
    mine: Mapping[str, Any], base: Mapping[str, Any], theirs: Mapping[str, Any]
) -> tuple[set[str], list[EditConflict]]:
    """Which fields of `mine` to write over `theirs`, and which conflict.

    A field I left as it was (`mine` is `base`) is not written: the colleague's value
    stays. A field only I changed, or that we both made the same, is written. A field we
    both changed to different values is a conflict. A field missing from `base` is
    written (the caller did not say what it started from: the last save wins).
    """
    write: set[str] = set()
    found: list[EditConflict] = []
    for name, value in mine.items():
        if name not in base:
            write.add(name)
        elif _same(value, base[name]):
            continue
        elif _same(theirs[name], base[name]) or _same(theirs[name], value):
            write.add(name)
        else:
            found.append(EditConflict(name, base[name], value, theirs[name]))
    return write, found


def _tag_set(names: Iterable[str]) -> set[str]:
    return {" ".join(name.split()).casefold() for name in names if name.strip()}


def _version_moved(issues: _Issues, stored: int, if_version: int | None) -> bool:
    """Refuse a save made for `if_version` when the row is at another version now."""
    if if_version is None or if_version == stored:
        return False
    issues.error(
        "version",
        IssueCode.CHANGED_MEANWHILE,
        f"changed by someone else since version {if_version} (now {stored}): nothing written",
        stored,
    )
    return True


def _locked_prospect(session: Session, prospect_id: int) -> Prospect | None:
    """The prospect as stored now, its row locked until the transaction ends.

    On PostgreSQL the lock makes the comparison with `base` and the write one step: a
    colleague's save waits for ours (then finds the version moved). SQLite has one
    writer at a time anyway (a read made stale by a colleague's commit fails to write).
    """
    session.flush()
    return session.get(Prospect, prospect_id, with_for_update=True, populate_existing=True)


def _aware(value: datetime) -> datetime:
    # A naive date-time from a form means the user's local time.
    return value if value.tzinfo is not None else value.astimezone()


# ---------------------------------------------------------------- prospect fields


def _clean_prospect_fields(values: Mapping[str, Any], issues: _Issues) -> dict[str, Any]:
    """Validated, normalised values of prospect fields (errors go to `issues`)."""
    unknown = set(values) - PROSPECT_FIELDS
    if unknown:
        raise ValueError(f"not editable prospect fields: {sorted(unknown)}")
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key == "name":
            name = str(value).strip()
            if not name:
                issues.error("name", IssueCode.REQUIRED, "the prospect needs a name")
            elif len(name) > NAME_MAX:  # never echoed: it may be huge
                issues.error(
                    "name", IssueCode.TOO_LONG, f"too long (at most {NAME_MAX} characters)"
                )
            clean[key] = name
        elif key == "stage":
            try:
                clean[key] = Stage(value)
            except ValueError:
                stages = ", ".join(s.value for s in Stage)
                issues.error(
                    "stage", IssueCode.INVALID_STAGE, f"unknown stage (one of {stages})", value
                )
        elif key == "priority":
            if not isinstance(value, int) or not 0 <= value <= MAX_PRIORITY:
                issues.error("priority", IssueCode.OUT_OF_RANGE, f"from 0 to {MAX_PRIORITY}", value)
            else:
                clean[key] = value
        elif key == "yearly_revenue":
            if value is not None and (not isinstance(value, int | float) or value < 0):
                issues.error("yearly_revenue", IssueCode.OUT_OF_RANGE, "a positive amount", value)
            else:
                clean[key] = None if value is None else float(value)
        elif key == "country":
            country = str(value).strip().upper()
            if len(country) != 2 or not country.isalpha():
                issues.error(
                    "country", IssueCode.INVALID_COUNTRY, "a two-letter code such as FR", value
                )
            clean[key] = country
        elif key == "next_action_at":
            if value is not None and not limits.date_in_range(value):
                issues.error(key, IssueCode.OUT_OF_RANGE, limits.date_range_text())
            else:
                clean[key] = None if value is None else _aware(value)
        elif key == "client_since":
            if value is not None and not limits.date_in_range(value):
                issues.error(key, IssueCode.OUT_OF_RANGE, limits.date_range_text())
            clean[key] = value
        elif key == "is_consumer":
            clean[key] = value
        elif key == "owner_id":
            if value is not None and (not isinstance(value, int) or not limits.valid_id(value)):
                issues.error(key, IssueCode.INVALID_VALUE, "a user id", value)
            else:
                clean[key] = value
        else:
            text = str(value).strip()
            if limits.too_long(key, text):
                issues.error(key, IssueCode.TOO_LONG, limits.too_long_text(key))
            clean[key] = text
    return clean


def _check_owner(session: Session, clean: dict[str, Any], issues: _Issues) -> None:
    """An owner must be a user (a colleague removed meanwhile is refused, not kept)."""
    owner = clean.get("owner_id")
    if owner is not None and session.get(AppUser, owner) is None:
        issues.error("owner_id", IssueCode.NOT_FOUND, "no such user", str(owner))
        del clean["owner_id"]


def _change_stage(session: Session, prospect: Prospect, stage: Stage, moment: datetime) -> None:
    """Move `prospect` to `stage`, recording it in the timeline (as bulk changes do)."""
    if prospect.stage == stage:
        return
    session.add(
        Activity(
            prospect_id=prospect.id,
            kind=ActivityKind.STAGE_CHANGE,
            occurred_at=moment,
            stage_from=prospect.stage.value,
            stage_to=stage.value,
        )
    )
    if stage == Stage.CLIENT and prospect.client_since is None:
        prospect.client_since = moment.astimezone().date()
    prospect.stage = stage


def _apply_fields(
    session: Session, prospect: Prospect, clean: Mapping[str, Any], moment: datetime
) -> None:
    for key, value in clean.items():
        if key != "stage":
            setattr(prospect, key, value)
    if "name" in clean:
        prospect.name_key = name_key(prospect.name)
    if "stage" in clean:
        _change_stage(session, prospect, clean["stage"], moment)


def create_prospect(
    session: Session,
    data: ProspectInput,
    contacts: Sequence[ContactInput] = (),
    tags: Iterable[str] = (),
    *,
    source: str = "manual",
    now: datetime | None = None,
) -> EditResult:
    """Create a prospect with its contacts and tags; `prospect_id` is the new id.

    The first contact marked primary (else the first) becomes the primary contact. A
    new prospect starts at its stage without a stage-change entry, except for clients,
    whose `client_since` is set to today when not given.
    """
    moment = now or utcnow()
    issues = _Issues()
    values = {f.name: getattr(data, f.name) for f in fields(ProspectInput)}
    clean = _clean_prospect_fields(values, issues)
    _check_owner(session, clean, issues)
    contact_values = []
    for index, entry in enumerate(contacts):
        contact_values.append(_clean_contact(entry, f"contacts[{index}].", issues, data.country))
    tag_names = _clean_tags(tags, issues)
    if issues.errors:
        return issues.result()
    prospect = Prospect(
        source=source, collected_at=moment, created_at=moment, updated_at=moment, **clean
    )
    prospect.name_key = name_key(prospect.name)
    if prospect.stage == Stage.CLIENT and prospect.client_since is None:
        prospect.client_since = moment.astimezone().date()
    primary = next((i for i, c in enumerate(contacts) if c.is_primary), 0)
    for index, (contact_fields, phones) in enumerate(contact_values):
        contact = Contact(
            is_primary=index == primary,
            source=source,
            collected_at=moment,
            **contact_fields,
        )
        _sync_phones(contact, phones)
        prospect.contacts.append(contact)
    prospect.tags = [_tag_named(session, name) for name in tag_names]
    session.add(prospect)
    session.flush()
    return issues.result(
        prospect_id=prospect.id, contact_id=prospect.contacts[0].id if prospect.contacts else None
    )


def update_prospect(
    session: Session,
    prospect_id: int,
    changes: ProspectInput | Mapping[str, Any],
    *,
    base: ProspectInput | Mapping[str, Any] | None = None,
    tags: Iterable[str] | None = None,
    if_version: int | None = None,
    now: datetime | None = None,
) -> EditResult:
    """Change a prospect's fields (all of a ProspectInput, or only those named).

    A stage change is recorded in the timeline; becoming a client sets `client_since`.
    `tags`, when given, become the prospect's tags (as `set_tags`).

    Concurrent edits: `base` holds the stored values the caller started from (as
    `ProspectInput.of` gave them; "tags": the tag names). Each field is then compared
    with what is stored now: a field left as it was keeps the stored value (a
    colleague's change stays), a field a colleague changed to something else is a
    conflict, and then nothing at all is written (`conflicts`; after the user chose,
    save again with the conflicts' `theirs` as the new base of those fields). Without
    `base`, the last save wins, as before. `if_version`: refuse (CHANGED_MEANWHILE,
    nothing written) unless the prospect is still at that version (for scripts).
    """
    issues = _Issues()
    prospect = _locked_prospect(session, prospect_id)
    if prospect is None:
        issues.error("id", IssueCode.NOT_FOUND, f"no prospect {prospect_id}", prospect_id)
        return issues.result()
    if isinstance(changes, ProspectInput):
        changes = {f.name: getattr(changes, f.name) for f in fields(ProspectInput)}
    clean = _clean_prospect_fields(changes, issues)
    _check_owner(session, clean, issues)
    tag_names = None if tags is None else _clean_tags(tags, issues)
    if issues.errors or _version_moved(issues, prospect.version, if_version):
        return issues.result(prospect_id=prospect_id)
    if base is not None:
        if isinstance(base, ProspectInput):
            base = {f.name: getattr(base, f.name) for f in fields(ProspectInput)}
        theirs = {name: getattr(prospect, name) for name in clean}
        write, conflicts = _merge(clean, base, theirs)
        clean = {name: value for name, value in clean.items() if name in write}
        if tag_names is not None and "tags" in base:
            stored = [tag.name for tag in prospect.tags]
            if _tag_set(tag_names) == _tag_set(base["tags"]):
                tag_names = None  # not changed here: the colleague's tags stay
            elif _tag_set(stored) not in (_tag_set(base["tags"]), _tag_set(tag_names)):
                conflicts.append(EditConflict("tags", list(base["tags"]), tag_names, stored))
        if conflicts:
            return EditResult(
                prospect_id=prospect_id, conflicts=tuple(conflicts), version=prospect.version
            )
    _apply_fields(session, prospect, clean, now or utcnow())
    if tag_names is not None and _tag_set(tag_names) != _tag_set(t.name for t in prospect.tags):
        _replace_tags(session, prospect, tag_names)
    session.flush()
    return EditResult(
        warnings=tuple(issues.warnings), prospect_id=prospect_id, version=prospect.version
    )


# ---------------------------------------------------------------- contacts and phones


@dataclass(frozen=True)
class _CleanPhone:
    raw: str
    e164: str | None
    kind: PhoneKind
    id: int | None


def _clean_contact(
    data: ContactInput, prefix: str, issues: _Issues, country: str = DEFAULT_REGION
) -> tuple[dict[str, Any], list[_CleanPhone]]:
    """Validated contact fields and parsed phones (errors and warnings go to `issues`)."""
    for name in ("first_name", "last_name", "title", "email", "linkedin_url"):
        if limits.too_long(name, getattr(data, name).strip()):
            issues.error(f"{prefix}{name}", IssueCode.TOO_LONG, limits.too_long_text(name))
    email = data.email.strip()
    if limits.too_long("email", email):
        email = ""  # refused above; not worth checking (or echoing) a huge text
    if email:
        checked = check_email(email)
        if checked.valid:
            email = checked.normalized
        else:
            issues.error(
                f"{prefix}email",
                IssueCode.INVALID_EMAIL,
                f"not a valid email address: {checked.error}",
                email,
            )
    phones: list[_CleanPhone] = []
    region = (country or DEFAULT_REGION).upper()
    for index, entry in enumerate(data.phones):
        phone = entry if isinstance(entry, PhoneInput) else PhoneInput(text=entry)
        if limits.too_long("phones", phone.text.strip()):
            # Refused before parsing: phonenumbers on 5 million digits takes a while.
            issues.error(
                f"{prefix}phones[{index}]", IssueCode.TOO_LONG, limits.too_long_text("phones")
            )
            continue
        parsed = parse_phone(phone.text, region)
        if not parsed.raw:
            continue
        if not parsed.valid:
            issues.warn(
                f"{prefix}phones[{index}]",
                IssueCode.UNPARSED_PHONE,
                f"{parsed.raw!r} is not a phone number we recognise; kept as typed",
                parsed.raw,
            )
        phones.append(_CleanPhone(parsed.raw, parsed.e164, phone.kind, phone.id))
    values = {
        "first_name": data.first_name.strip(),
        "last_name": data.last_name.strip(),
        "title": data.title.strip(),
        "email": email,
        "role": data.role,
        "linkedin_url": data.linkedin_url.strip(),
    }
    if not any(values[k] for k in ("first_name", "last_name", "title", "email")) and not phones:
        issues.error(
            f"{prefix}name",
            IssueCode.EMPTY_CONTACT,
            "a contact needs a name, a title, a phone or an email",
        )
    return values, phones


def _sync_phones(contact: Contact, phones: Sequence[_CleanPhone]) -> None:
    """Make the contact's phones `phones`, in order, keeping the rows of unchanged ones.

    Keeping rows keeps the calls that point at them, and the wrong-number flag of a
    number that was not retyped.
    """
    existing = list(contact.phones)
    by_id = {p.id: p for p in existing if p.id is not None}
    used: set[int] = set()
    result: list[Phone] = []
    for position, wanted in enumerate(phones):
        row = by_id.get(wanted.id) if wanted.id is not None else None
        if row is None or id(row) in used:
            row = next((p for p in existing if p.raw == wanted.raw and id(p) not in used), None)
        if row is None:
            row = Phone(raw=wanted.raw)
        if row.raw != wanted.raw:
            row.is_wrong = False
        row.raw = wanted.raw
        row.e164 = wanted.e164
        row.kind = wanted.kind
        row.position = position
        used.add(id(row))
        result.append(row)
    contact.phones = result


def _contact_region(prospect: Prospect) -> str:
    return prospect.country or DEFAULT_REGION


def _make_primary(prospect: Prospect, chosen: Contact) -> None:
    for contact in prospect.contacts:
        contact.is_primary = contact is chosen


def add_contact(
    session: Session, prospect_id: int, data: ContactInput, *, source: str = "manual"
) -> EditResult:
    """Add a contact to a prospect; the first contact, or one marked primary, is primary."""
    issues = _Issues()
    prospect = session.get(Prospect, prospect_id)
    if prospect is None:
        issues.error("id", IssueCode.NOT_FOUND, f"no prospect {prospect_id}", prospect_id)
        return issues.result()
    values, phones = _clean_contact(data, "", issues, _contact_region(prospect))
    if issues.errors:
        return issues.result(prospect_id=prospect_id)
    contact = Contact(source=source, collected_at=utcnow(), **values)
    _sync_phones(contact, phones)
    prospect.contacts.append(contact)
    if data.is_primary or not any(c.is_primary for c in prospect.contacts if c is not contact):
        _make_primary(prospect, contact)
    session.flush()
    return issues.result(prospect_id=prospect_id, contact_id=contact.id)


#: Contact fields a save compares with a colleague's (phones: the texts, in order).
CONTACT_FIELDS = ("first_name", "last_name", "title", "email", "role", "linkedin_url", "phones")


def contact_base(contact: Contact) -> ContactInput:
    """A stored contact's fields as a ContactInput (the `base` of a later save)."""
    return ContactInput(
        first_name=contact.first_name,
        last_name=contact.last_name,
        title=contact.title,
        email=contact.email,
        phones=[PhoneInput(text=p.raw, kind=p.kind, id=p.id) for p in contact.phones],
        role=contact.role,
        linkedin_url=contact.linkedin_url,
        is_primary=contact.is_primary,
    )


def _phone_texts(phones: Iterable[str | PhoneInput]) -> list[str]:
    texts = (p.text if isinstance(p, PhoneInput) else p for p in phones)
    return [text.strip() for text in texts if text.strip()]


def update_contact(
    session: Session,
    contact_id: int,
    data: ContactInput,
    *,
    base: ContactInput | None = None,
    if_version: int | None = None,
) -> EditResult:
    """Replace a contact's fields and phones (phones matched by id, else by text).

    `is_primary=True` makes it the primary contact; False never leaves the prospect
    without one (choose another contact with `set_primary_contact`).
    Concurrent edits: as `update_prospect`, with `base` the contact as the caller read it
    (`contact_base`); the phones compare as one field (their texts).
    """
    issues = _Issues()
    session.flush()
    contact = session.get(Contact, contact_id, with_for_update=True, populate_existing=True)
    if contact is None:
        issues.error("id", IssueCode.NOT_FOUND, f"no contact {contact_id}", contact_id)
        return issues.result()
    prospect = contact.prospect
    values, phones = _clean_contact(data, "", issues, _contact_region(prospect))
    if issues.errors or _version_moved(issues, contact.version, if_version):
        return issues.result(prospect_id=prospect.id, contact_id=contact_id)
    write = set(CONTACT_FIELDS)
    if base is not None:
        mine = {**values, "phones": [p.raw for p in phones]}
        started = {name: getattr(base, name) for name in CONTACT_FIELDS}
        started["phones"] = _phone_texts(base.phones)
        theirs = {name: getattr(contact, name) for name in CONTACT_FIELDS}
        theirs["phones"] = [p.raw for p in contact.phones]
        write, conflicts = _merge(mine, started, theirs)
        if conflicts:
            return EditResult(
                prospect_id=prospect.id,
                contact_id=contact_id,
                conflicts=tuple(conflicts),
                version=contact.version,
            )
    for key, value in values.items():
        if key in write:
            setattr(contact, key, value)
    if "phones" in write:
        _sync_phones(contact, phones)
    # Phones are rows of their own: the contact's row is written too, so that its
    # version moves when only a number changed.
    contact.updated_at = utcnow()
    if data.is_primary:
        _make_primary(prospect, contact)
    session.flush()
    return EditResult(
        warnings=tuple(issues.warnings),
        prospect_id=prospect.id,
        contact_id=contact_id,
        version=contact.version,
    )


def _contact_changed(contact: Contact, base: ContactInput) -> list[EditConflict]:
    """The fields of `contact` stored differently from `base` (the contact as shown)."""
    shown = {name: getattr(base, name) for name in CONTACT_FIELDS}
    shown["phones"] = _phone_texts(base.phones)
    stored = {name: getattr(contact, name) for name in CONTACT_FIELDS}
    stored["phones"] = [p.raw for p in contact.phones]
    return [
        EditConflict(name, shown[name], None, stored[name])
        for name in CONTACT_FIELDS
        if not _same(shown[name], stored[name])
    ]


def remove_contact(
    session: Session, contact_id: int, *, base: ContactInput | None = None
) -> EditResult:
    """Delete a contact; when it was primary, the oldest remaining contact takes over.

    `base`: the contact as the user saw it (`contact_base`). When someone changed it
    since, it is not removed (CHANGED_MEANWHILE, nothing written; the issue's value
    names the fields): the user looks at their change first, instead of deleting it
    unseen. Already removed by someone else: NOT_FOUND.
    """
    issues = _Issues()
    session.flush()
    contact = session.get(Contact, contact_id, with_for_update=True, populate_existing=True)
    if contact is None:
        issues.error("id", IssueCode.NOT_FOUND, f"no contact {contact_id}", contact_id)
        return issues.result()
    prospect = contact.prospect
    if base is not None:
        changed = _contact_changed(contact, base)
        if changed:
            names = ", ".join(c.field for c in changed)
            issues.error(
                "version",
                IssueCode.CHANGED_MEANWHILE,
                f"contact {contact_id} was changed by someone else since ({names}): not removed",
                names,
            )
            return issues.result(prospect_id=prospect.id, contact_id=contact_id)
    prospect.contacts.remove(contact)
    session.delete(contact)
    if prospect.contacts and not any(c.is_primary for c in prospect.contacts):
        _make_primary(prospect, min(prospect.contacts, key=lambda c: c.id))
    session.flush()
    return issues.result(prospect_id=prospect.id, contact_id=contact_id)


#: `set_primary_contact`'s `shown_primary` when the caller does not say (last wins).
UNKNOWN = -1


def set_primary_contact(
    session: Session, contact_id: int, *, shown_primary: int | None = UNKNOWN
) -> EditResult:
    """Make this contact the prospect's one primary contact.

    `shown_primary`: the primary contact's id as the user saw it (None: none). When
    someone made another contact primary since, nothing changes (CHANGED_MEANWHILE;
    the issue's value is the primary contact's id now): two people choosing different
    primaries do not silently undo each other. Already the primary: nothing to do.
    """
    issues = _Issues()
    session.flush()
    contact = session.get(Contact, contact_id)
    if contact is None:
        issues.error("id", IssueCode.NOT_FOUND, f"no contact {contact_id}", contact_id)
        return issues.result()
    prospect = _locked_prospect(session, contact.prospect_id)
    assert prospect is not None  # a contact always has its prospect
    session.refresh(prospect, ["contacts"])
    if not any(c.id == contact_id for c in prospect.contacts):
        issues.error("id", IssueCode.NOT_FOUND, f"no contact {contact_id}", contact_id)
        return issues.result()
    primary = next((c.id for c in prospect.contacts if c.is_primary), None)
    if shown_primary != UNKNOWN and primary not in (shown_primary, contact_id):
        issues.error(
            "version",
            IssueCode.CHANGED_MEANWHILE,
            f"someone else made contact {primary} the primary contact since: not changed",
            "" if primary is None else primary,
        )
        return issues.result(prospect_id=prospect.id, contact_id=contact_id)
    contact = next(c for c in prospect.contacts if c.id == contact_id)
    _make_primary(prospect, contact)
    session.flush()
    return issues.result(prospect_id=prospect.id, contact_id=contact_id)


# ---------------------------------------------------------------- tags


def _clean_tags(names: Iterable[str], issues: _Issues) -> list[str]:
    clean: list[str] = []
    seen: set[str] = set()
    for name in names:
        tag = " ".join(name.split())
        if not tag or tag.casefold() in seen:
            continue
        if len(tag) > TAG_MAX:
            issues.error("tags", IssueCode.TOO_LONG, f"a tag has at most {TAG_MAX} characters", tag)
            continue
        seen.add(tag.casefold())
        clean.append(tag)
    return clean


def _tag_named(session: Session, name: str) -> Tag:
    # "Bakery" typed where "bakery" exists reuses it: one tag, not two that look alike.
    tag = session.scalars(select(Tag).where(Tag.name == name)).one_or_none()
    if tag is None:
        tag = session.scalars(
            select(Tag).where(func.lower(Tag.name) == name.lower()).order_by(Tag.id).limit(1)
        ).one_or_none()
    if tag is None:
        tag = Tag(name=name)
        session.add(tag)
        session.flush()
    return tag


def set_tags(session: Session, prospect_id: int, names: Iterable[str]) -> EditResult:
    """Make the prospect's tags exactly `names` (tags are created as needed).

    For adding or removing one tag on one or many prospects, see `prospects.add_tag`
    and `prospects.remove_tag`.
    """
    issues = _Issues()
    prospect = session.get(Prospect, prospect_id)
    if prospect is None:
        issues.error("id", IssueCode.NOT_FOUND, f"no prospect {prospect_id}", prospect_id)
        return issues.result()
    clean = _clean_tags(names, issues)
    if issues.errors:
        return issues.result(prospect_id=prospect_id)
    _replace_tags(session, prospect, clean)
    session.flush()
    return issues.result(prospect_id=prospect_id)


def _replace_tags(session: Session, prospect: Prospect, names: Sequence[str]) -> None:
    prospect.tags = [_tag_named(session, name) for name in names]
    # Tags live in another table: the prospect's own row is written too, so that its
    # version moves and a colleague's editor sees the change.
    prospect.updated_at = utcnow()


# ---------------------------------------------------------------- activities


def _clean_activity(
    session: Session, prospect: Prospect, data: ActivityInput, issues: _Issues, now: datetime
) -> datetime:
    if data.kind == ActivityKind.STAGE_CHANGE:
        issues.error("kind", IssueCode.NOT_ALLOWED, "stage changes are recorded by changing stage")
    if data.outcome is not None and data.kind != ActivityKind.CALL:
        issues.error("outcome", IssueCode.NOT_ALLOWED, "only calls have an outcome")
    for name, moment in (("occurred_at", data.occurred_at), ("ends_at", data.ends_at)):
        if moment is not None and not limits.date_in_range(moment):
            issues.error(name, IssueCode.OUT_OF_RANGE, limits.date_range_text())
            return now
    for name in ("notes", "location"):
        if limits.too_long(name, getattr(data, name)):
            issues.error(name, IssueCode.TOO_LONG, limits.too_long_text(name))
    occurred = _aware(data.occurred_at) if data.occurred_at is not None else now
    if data.duration_seconds is not None and data.duration_seconds < 0:
        issues.error("duration_seconds", IssueCode.OUT_OF_RANGE, "a duration is not negative")
    if data.ends_at is not None and _aware(data.ends_at) < occurred:
        issues.error("ends_at", IssueCode.OUT_OF_RANGE, "the end comes after the start")
    if data.contact_id is not None:
        contact = session.get(Contact, data.contact_id)
        if contact is None or contact.prospect_id != prospect.id:
            issues.error(
                "contact_id", IssueCode.NOT_FOUND, "not a contact of this prospect", data.contact_id
            )
    if data.phone_id is not None:
        phone = session.get(Phone, data.phone_id)
        if phone is None or phone.contact.prospect_id != prospect.id:
            issues.error(
                "phone_id", IssueCode.NOT_FOUND, "not a phone of this prospect", data.phone_id
            )
    return occurred


def log_activity(
    session: Session, prospect_id: int, data: ActivityInput, *, now: datetime | None = None
) -> EditResult:
    """Record a call, email, meeting or note; keeps the prospect's contact dates current.

    Calls, emails and meetings move `last_contact_at` (inbound ones `last_inbound_at`,
    the GDPR retention clock); calls also update the count of unanswered calls in a
    row. Stages are not moved: the editor changes them explicitly (the call session
    applies its outcome rules itself).
    """
    issues = _Issues()
    # Locked before the activity goes in (PostgreSQL): its foreign key share-locks the
    # row, and two people logging at once would deadlock taking it for the update.
    prospect = _locked_prospect(session, prospect_id)
    if prospect is None:
        issues.error("id", IssueCode.NOT_FOUND, f"no prospect {prospect_id}", prospect_id)
        return issues.result()
    occurred = _clean_activity(session, prospect, data, issues, now or utcnow())
    if issues.errors:
        return issues.result(prospect_id=prospect_id)
    if data.kind == ActivityKind.CALL and not data.inbound:
        # Recorded all the same (it happened), but the user is told which rule it broke.
        # Imported here: call_eligibility reaches this module through the call queue.
        from prospection.core.call_eligibility import call_warnings
        from prospection.core.calling_rules import REASON_TEXT

        for reason in call_warnings(session, prospect_id, occurred, data.contact_id):
            issues.warn("calling_rule", IssueCode.CALLING_RULE, REASON_TEXT[reason], reason.value)
    activity = Activity(
        prospect_id=prospect_id,
        contact_id=data.contact_id,
        phone_id=data.phone_id,
        kind=data.kind,
        outcome=data.outcome,
        occurred_at=occurred,
        duration_seconds=data.duration_seconds,
        inbound=data.inbound,
        notes=data.notes.strip(),
        location=data.location.strip(),
        ends_at=_aware(data.ends_at) if data.ends_at is not None else None,
    )
    session.add(activity)
    session.flush()
    recompute_contact_fields(session, prospect_id, now=now)
    return issues.result(prospect_id=prospect_id, activity_id=activity.id)


def update_activity(
    session: Session, activity_id: int, data: ActivityInput, *, now: datetime | None = None
) -> EditResult:
    """Correct a logged activity (stage changes are history and stay as they are)."""
    issues = _Issues()
    activity = session.get(Activity, activity_id)
    if activity is None:
        issues.error("id", IssueCode.NOT_FOUND, f"no activity {activity_id}", activity_id)
        return issues.result()
    _locked_prospect(session, activity.prospect_id)  # as log_activity
    if activity.kind == ActivityKind.STAGE_CHANGE:
        issues.error("kind", IssueCode.NOT_ALLOWED, "stage changes cannot be edited")
        return issues.result(prospect_id=activity.prospect_id, activity_id=activity_id)
    occurred = _clean_activity(
        session, activity.prospect, data, issues, now or activity.occurred_at
    )
    if issues.errors:
        return issues.result(prospect_id=activity.prospect_id, activity_id=activity_id)
    activity.kind = data.kind
    activity.outcome = data.outcome
    activity.occurred_at = occurred
    activity.duration_seconds = data.duration_seconds
    activity.inbound = data.inbound
    activity.notes = data.notes.strip()
    activity.location = data.location.strip()
    activity.ends_at = _aware(data.ends_at) if data.ends_at is not None else None
    activity.contact_id = data.contact_id
    activity.phone_id = data.phone_id
    session.flush()
    recompute_contact_fields(session, activity.prospect_id, now=now)
    return issues.result(prospect_id=activity.prospect_id, activity_id=activity_id)


def delete_activity(
    session: Session, activity_id: int, *, now: datetime | None = None
) -> EditResult:
    """Delete a logged activity and bring the prospect's contact dates back in line."""
    issues = _Issues()
    activity = session.get(Activity, activity_id)
    if activity is None:
        issues.error("id", IssueCode.NOT_FOUND, f"no activity {activity_id}", activity_id)
        return issues.result()
    _locked_prospect(session, activity.prospect_id)  # as log_activity
    prospect_id = activity.prospect_id
    session.delete(activity)
    session.flush()
    recompute_contact_fields(session, prospect_id, now=now)
    return issues.result(prospect_id=prospect_id, activity_id=activity_id)


def recompute_contact_fields(
    session: Session, prospect_id: int, *, now: datetime | None = None
) -> None:
    """Set `last_contact_at`, `last_inbound_at` and `call_attempts` from the activities.

    Only what has happened by `now` counts: a meeting booked for next week is in the
    timeline but is no contact yet. `call_attempts` counts the unanswered calls (no
    answer, voicemail) since the last call where somebody answered; a wrong number
    neither counts nor resets (the call session's rules).

    The prospect's row is locked first (PostgreSQL): two people logging on the same
    prospect at once then take turns, each counting the other's activity, instead of
    one failing on the version check.
    """
    prospect = _locked_prospect(session, prospect_id)
    if prospect is None:
        return
    touches = select(func.max(Activity.occurred_at)).where(
        Activity.prospect_id == prospect_id,
        Activity.kind.in_(sorted(CONTACT_KINDS)),
        Activity.occurred_at <= (now or utcnow()),
    )
    prospect.last_contact_at = session.scalar(touches)
    prospect.last_inbound_at = session.scalar(touches.where(Activity.inbound.is_(True)))
    outcomes = session.scalars(
        select(Activity.outcome)
        .where(Activity.prospect_id == prospect_id, Activity.kind == ActivityKind.CALL)
        .order_by(Activity.occurred_at.desc(), Activity.id.desc())
    )
    attempts = 0
    for outcome in outcomes:
        if outcome == Outcome.WRONG_NUMBER:
            continue
        if outcome not in UNANSWERED:
            break
        attempts += 1
    prospect.call_attempts = attempts
