"""Personal data rights: do-not-contact, a hashed suppression list, erasure, access, retention.

As the CNIL applies the GDPR to prospecting: a person can object per channel (kept as a
salted SHA-256 of their normalised phone and email, which outlives their erasure, so a
later import of the same person arrives flagged), ask for their data (a readable JSON
export) or its erasure (no readable trace left in the file), and prospects with no
contact initiated by themselves for three years are listed for review.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, inspect, or_, select
from sqlalchemy.orm import Session, selectinload

from prospection.core import dnc_reasons, limits, privacy_ledger
from prospection.core.db import Database
from prospection.core.dialects import is_sqlite
from prospection.core.emails import email_key
from prospection.core.enums import ActivityKind, Channel, Stage
from prospection.core.errors import READ_ONLY_TEXT, ReadOnlyDataError
from prospection.core.models import (
    Activity,
    CallSession,
    Contact,
    ImportBatch,
    Phone,
    Prospect,
    Suppression,
    utcnow,
)
from prospection.core.phones import parse_phone
from prospection.core.privacy_ledger import EntryKind, LedgerEntry
from prospection.core.settings import get_setting, set_setting

log = logging.getLogger(__name__)

SALT_SETTING = "privacy.salt"
#: Salts of suppression lists merged in by a restore (a backup with a different salt).
OTHER_SALTS_SETTING = "privacy.other_salts"
RETENTION_YEARS = 3
#: Reason recorded on a contact flagged from the suppression list (see core.dnc_reasons).
SUPPRESSED_REASON = dnc_reasons.SUPPRESSED_REASON
ERASED_REASON = "erased on request"


class PersonNotFoundError(LookupError):
    """No contact with that id (already erased, or never existed)."""


class TooLongError(ValueError):
    """A reason, a consent's wording or channel over core/limits.py's limit.

    The message names the field and the limit, never the text (huge, or personal).
    """

    def __init__(self, field: str) -> None:
        self.field = field
        self.limit = limits.max_length(field)
        super().__init__(f"{field}: {limits.too_long_text(field)}")


def check_lengths(**texts: str) -> None:
    """Raise TooLongError for the first of `texts` (field=value) over its limit."""
    for field, text in texts.items():
        if limits.too_long(field, text):
            raise TooLongError(field)


# --- Suppression list -------------------------------------------------------------


def suppression_salt(session: Session) -> str:
    """The file's salt for suppression hashes, created once and kept in the settings."""
    salt = get_setting(session, SALT_SETTING, "")
    if not salt:
        salt = secrets.token_hex(16)
        set_setting(session, SALT_SETTING, salt)
        session.flush()
    return str(salt)


def normalise_phone(text: str, region: str = "FR") -> str:
    """A phone in the form it is hashed in: E.164, else its bare digits."""
    parsed = parse_phone(text, region)
    if parsed.e164 is not None:
        return parsed.e164
    return re.sub(r"\D", "", text)


def digest(salt: str, channel: Channel, normalised: str) -> str:
    """The salted SHA-256 of a normalised phone or email."""
    return hashlib.sha256(f"{salt}\x1f{channel.value}\x1f{normalised}".encode()).hexdigest()


def _phone_values(contact: Contact) -> list[str]:
    values = []
    for phone in contact.phones:
        value = phone.e164 or normalise_phone(phone.raw)
        if value:
            values.append(value)
    return values


def _identifiers(contact: Contact, channels: Iterable[Channel]) -> list[tuple[Channel, str]]:
    found: list[tuple[Channel, str]] = []
    for channel in channels:
        if channel is Channel.PHONE:
            found.extend((Channel.PHONE, value) for value in _phone_values(contact))
        elif channel is Channel.EMAIL and email_key(contact.email):
            found.append((Channel.EMAIL, email_key(contact.email)))
    return found


def suppress(session: Session, contact: Contact, channels: Iterable[Channel], reason: str) -> int:
    """Add the contact's phones and/or email to the suppression list; returns how many."""
    salt = suppression_salt(session)
    added = 0
    noted: list[LedgerEntry] = []
    for channel, value in _identifiers(contact, channels):
        hashed = digest(salt, channel, value)
        noted.append(
            LedgerEntry(
                EntryKind.OBJECTION, channel.value, hashed, reason, privacy_ledger.now_text()
            )
        )
        exists = session.scalar(
            select(Suppression.id).where(
                Suppression.channel == channel, Suppression.digest == hashed
            )
        )
        if exists is None:
            session.add(Suppression(channel=channel, digest=hashed, reason=reason))
            added += 1
    session.flush()
    privacy_ledger.note(session, salt, noted)
    return added


def _note_erasure(session: Session, contact: Contact) -> None:
    """Log the erasure in the ledger (hashes and a date only), to redo it after a restore."""
    salt = suppression_salt(session)
    at = privacy_ledger.now_text()
    privacy_ledger.note(
        session,
        salt,
        [
            LedgerEntry(EntryKind.ERASURE, channel.value, digest(salt, channel, value), "", at)
            for channel, value in _identifiers(contact, (Channel.PHONE, Channel.EMAIL))
        ],
    )


def all_salts(session: Session) -> list[str]:
    """The file's salt, and those of files whose lists a restore carried over."""
    salts = [str(get_setting(session, SALT_SETTING, ""))]
    salts += [str(s) for s in get_setting(session, OTHER_SALTS_SETTING, list[Any]())]
    return [s for s in dict.fromkeys(salts) if s]


def suppressed_channels(
    session: Session, *, phones: Sequence[str] = (), email: str = ""
) -> set[Channel]:
    """The channels on which these identifiers are on the suppression list."""
    salts = all_salts(session)
    wanted: list[tuple[Channel, str]] = []
    for salt in salts:
        wanted += [
            (Channel.PHONE, digest(salt, Channel.PHONE, normalise_phone(p))) for p in phones if p
        ]
        if email_key(email):
            wanted.append((Channel.EMAIL, digest(salt, Channel.EMAIL, email_key(email))))
    if not wanted:
        return set()
    rows = session.execute(
        select(Suppression.channel, Suppression.digest).where(
            Suppression.digest.in_([d for _, d in wanted])
        )
    ).all()
    stored = {(row[0], row[1]) for row in rows}
    return {channel for channel, hashed in wanted if (channel, hashed) in stored}


def flag_if_suppressed(
    session: Session, contact: Contact, now: datetime | None = None
) -> set[Channel]:
    """Mark `contact` do-not-contact on every channel the suppression list holds.

    The importer calls this for each contact it creates or merges, so that a person who
    objected (even one since erased) arrives flagged. Returns the channels flagged.
    """
    channels = suppressed_channels(
        session, phones=[p.e164 or p.raw for p in contact.phones], email=contact.email
    )
    moment = now or utcnow()
    if Channel.PHONE in channels and not contact.dnc_phone:
        contact.dnc_phone, contact.dnc_phone_at = True, moment
        contact.dnc_phone_reason = SUPPRESSED_REASON
    if Channel.EMAIL in channels and not contact.dnc_email:
        contact.dnc_email, contact.dnc_email_at = True, moment
        contact.dnc_email_reason = SUPPRESSED_REASON
    return channels


def _identifiers_changed(session: Session) -> list[Contact]:
    """Contacts this flush adds, or gives a new email or phone."""
    found: dict[int, Contact] = {}
    for obj in list(session.new) + list(session.dirty):
        contact: Contact | None = None
        if isinstance(obj, Contact):
            if obj in session.new or inspect(obj).attrs.email.history.has_changes():
                contact = obj
        elif isinstance(obj, Phone):
            state = inspect(obj)
            if obj in session.new or any(
                state.attrs[name].history.has_changes() for name in ("raw", "e164")
            ):
                contact = obj.contact
        if contact is not None:
            found[id(contact)] = contact
    return list(found.values())


def check_on_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Every way in (add, dialogs, edits, vCard, CSV): flag a match on the suppression list.

    Listens to the sessions' before_flush: a new contact, or a new phone or email on one,
    that the list holds is marked do-not-contact on that channel with the reason
    SUPPRESSED_REASON. Costs one query per flush when the list is empty.
    """
    candidates = _identifiers_changed(session)
    if not candidates:
        return
    with session.no_autoflush:
        if session.scalar(select(Suppression.id).limit(1)) is None:
            return
        for contact in candidates:
            if contact.dnc_phone and contact.dnc_email:
                continue
            channels = flag_if_suppressed(session, contact)
            if channels:
                log.info("A contact matched the suppression list (%s)", ", ".join(sorted(channels)))


# --- Do-not-contact and consent ---------------------------------------------------


def _contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(
        Contact, contact_id, options=[selectinload(Contact.phones), selectinload(Contact.prospect)]
    )
    if contact is None:
        raise PersonNotFoundError(f"no contact with id {contact_id}")
    return contact


def mark_do_not_contact(
    session: Session,
    contact_id: int,
    channels: Iterable[Channel],
    reason: str = "",
    now: datetime | None = None,
) -> Contact:
    """Record an objection on `channels` (date, reason) and hash it into the suppression list."""
    check_lengths(reason=reason)
    contact = _contact(session, contact_id)
    moment = now or utcnow()
    chosen = set(channels)
    if Channel.PHONE in chosen:
        contact.dnc_phone, contact.dnc_phone_at, contact.dnc_phone_reason = True, moment, reason
    if Channel.EMAIL in chosen:
        contact.dnc_email, contact.dnc_email_at, contact.dnc_email_reason = True, moment, reason
    suppress(session, contact, chosen, reason)
    log.info("Do-not-contact recorded for contact %d (%s)", contact_id, ", ".join(sorted(chosen)))
    return contact


def lift_do_not_contact(session: Session, contact_id: int, channels: Iterable[Channel]) -> Contact:
    """Withdraw an objection (the person asked to be contacted again): flags and hashes."""
    contact = _contact(session, contact_id)
    chosen = set(channels)
    if Channel.PHONE in chosen:
        contact.dnc_phone, contact.dnc_phone_at, contact.dnc_phone_reason = False, None, ""
    if Channel.EMAIL in chosen:
        contact.dnc_email, contact.dnc_email_at, contact.dnc_email_reason = False, None, ""
    salt = suppression_salt(session)
    digests = [digest(salt, channel, value) for channel, value in _identifiers(contact, chosen)]
    if digests:
        session.execute(delete(Suppression).where(Suppression.digest.in_(digests)))
    return contact


def record_consent(
    session: Session,
    contact_id: int,
    *,
    channel: str,
    wording: str,
    at: datetime | None = None,
) -> Contact:
    """Record the person's prior consent to be called: when, how, and the words used."""
    if not wording.strip():
        raise ValueError("the consent's wording is needed to prove it")
    check_lengths(wording=wording.strip(), channel=channel.strip())
    contact = _contact(session, contact_id)
    contact.consent_at = at or utcnow()
    contact.consent_channel = channel.strip()
    contact.consent_wording = wording.strip()
    return contact


def withdraw_consent(session: Session, contact_id: int) -> Contact:
    """Consent is revocable: forget it (the call queue then leaves consumers out)."""
    contact = _contact(session, contact_id)
    contact.consent_at, contact.consent_channel, contact.consent_wording = None, "", ""
    return contact


# --- Right of access --------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


ERASED_MARK = "[erased]"


def _person_needles(contact: Contact) -> list[str]:
    """Text that names the person: full name, email, phones (as typed and as digits)."""
    needles = [contact.full_name, f"{contact.first_name} {contact.last_name}", contact.email]
    needles += [p.raw for p in contact.phones] + [p.e164 or "" for p in contact.phones]
    return [n.strip() for n in needles if len(n.strip()) >= 3]


def _phone_digits(contact: Contact) -> list[str]:
    """The person's phones as bare digits: international and national forms."""
    found: set[str] = set()
    for phone in contact.phones:
        digits = re.sub(r"\D", "", phone.e164 or normalise_phone(phone.raw))
        if len(digits) >= 6:
            found.add(digits)
        raw = re.sub(r"\D", "", phone.raw)
        if len(raw) >= 6:
            found.add(raw)
        if phone.e164 and phone.e164.startswith("+33"):
            found.add("0" + phone.e164[3:])
    return sorted(found, key=len, reverse=True)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _mentions(text: str, contact: Contact) -> bool:
    """Whether `text` names the person (name or email, any case or accents, or a phone)."""
    if not text:
        return False
    folded = _fold(text)
    if any(_fold(n) in folded for n in _person_needles(contact)):
        return True
    digits = re.sub(r"[\s.\-()/]", "", text)
    return any(d in digits for d in _phone_digits(contact))


def _redact(text: str, contact: Contact) -> str:
    """`text` with every mention of the person replaced by a mark."""
    result = text
    for needle in sorted(_person_needles(contact), key=len, reverse=True):
        pattern = re.compile(re.escape(_fold(needle)))
        folded = _fold(result)
        if len(folded) != len(result):  # folding changed lengths: fall back to case only
            result = re.sub(re.escape(needle), ERASED_MARK, result, flags=re.IGNORECASE)
            continue
        pieces, last = [], 0
        for match in pattern.finditer(folded):
            pieces.append(result[last : match.start()] + ERASED_MARK)
            last = match.end()
        result = "".join(pieces) + result[last:]
    for digits in _phone_digits(contact):
        spaced = r"[\s.\-()/]*".join(re.escape(d) for d in digits)
        result = re.sub(r"\+?" + spaced, ERASED_MARK, result)
    return result


def _person_activities(session: Session, contact: Contact) -> list[Activity]:
    """Activities about the person: theirs, all of a consumer prospect (the person), and
    any other activity of their prospect whose notes name them (a call logged with no
    contact link, say after a do-not-call)."""
    condition = Activity.contact_id == contact.id
    if _prospect_is_the_person(session, contact):
        condition = or_(condition, Activity.prospect_id == contact.prospect_id)
    own = list(session.scalars(select(Activity).where(condition)))
    seen = {a.id for a in own}
    others = session.scalars(
        select(Activity).where(
            Activity.prospect_id == contact.prospect_id, Activity.id.not_in(seen or {-1})
        )
    )
    own += [a for a in others if _mentions(a.notes, contact) or _mentions(a.location, contact)]
    return sorted(own, key=lambda a: (a.occurred_at, a.id))


def _prospect_is_the_person(session: Session, contact: Contact) -> bool:
    """A consumer prospect with this one contact is the person themself."""
    if not contact.prospect.is_consumer:
        return False
    others = session.scalar(
        select(func.count(Contact.id)).where(
            Contact.prospect_id == contact.prospect_id, Contact.id != contact.id
        )
    )
    return not others


def export_person(session: Session, contact_id: int) -> dict[str, Any]:
    """Everything the file holds about one person, as plain JSON-ready data."""
    contact = _contact(session, contact_id)
    prospect = contact.prospect
    batch = session.get(ImportBatch, contact.import_batch_id) if contact.import_batch_id else None
    is_person = _prospect_is_the_person(session, contact)
    data: dict[str, Any] = {
        "exported_at": utcnow().isoformat(),
        "about": "Personal data held by Prospection about this person (GDPR right of access).",
        "person": {
            "id": contact.id,
            "first_name": contact.first_name,
            "last_name": contact.last_name,
            "title": contact.title,
            "role": contact.role.value,
            "email": contact.email,
            "linkedin_url": contact.linkedin_url,
            "phones": [
                {"number": p.raw, "e164": p.e164, "kind": p.kind.value, "wrong": p.is_wrong}
                for p in contact.phones
            ],
            "extra_fields": contact.extra_fields,
            "created_at": _iso(contact.created_at),
            "updated_at": _iso(contact.updated_at),
        },
        "source": {
            "how": contact.source,
            "collected_at": _iso(contact.collected_at),
            "import_file": batch.file_name if batch is not None else None,
            "imported_at": _iso(batch.imported_at) if batch is not None else None,
        },
        "organisation": {
            "id": prospect.id,
            "name": prospect.name,
            "consumer": prospect.is_consumer,
            "city": prospect.city,
            "stage": prospect.stage.value,
            **(
                {
                    "address": prospect.address,
                    "postal_code": prospect.postal_code,
                    "notes": prospect.notes,
                    "pains": prospect.pains,
                    "next_action_at": _iso(prospect.next_action_at),
                    "next_action": prospect.next_action_text,
                }
                if is_person
                else {}
            ),
        },
        "do_not_contact": {
            "phone": {
                "set": contact.dnc_phone,
                "at": _iso(contact.dnc_phone_at),
                "reason": contact.dnc_phone_reason,
            },
            "email": {
                "set": contact.dnc_email,
                "at": _iso(contact.dnc_email_at),
                "reason": contact.dnc_email_reason,
            },
        },
        "consent": {
            "at": _iso(contact.consent_at),
            "channel": contact.consent_channel,
            "wording": contact.consent_wording,
        },
        "activities": [
            {
                "kind": a.kind.value,
                "outcome": a.outcome.value if a.outcome is not None else None,
                "occurred_at": _iso(a.occurred_at),
                "inbound": a.inbound,
                "duration_seconds": a.duration_seconds,
                "notes": a.notes,
            }
            for a in _person_activities(session, contact)
        ],
        # Other text that names them: the organisation's notes, a call's unsaved draft.
        "mentioned_in": [
            {"where": f"organisation.{field}", "text": getattr(prospect, field)}
            for field in ("notes", "pains", "pitch", "next_action_text", "address")
            if not is_person and _mentions(getattr(prospect, field), contact)
        ]
        + [
            {"where": "call_session.draft_notes", "text": cs.draft_notes}
            for cs in session.scalars(select(CallSession))
            if _mentions(cs.draft_notes, contact)
        ],
    }
    return data


def export_person_json(session: Session, contact_id: int) -> str:
    """The person's data as indented, human-readable JSON text."""
    return json.dumps(export_person(session, contact_id), ensure_ascii=False, indent=2) + "\n"


# --- Erasure ----------------------------------------------------------------------


@dataclass(frozen=True)
class ErasureReport:
    """What an erasure removed."""

    contacts: int
    prospects: int
    activities: int
    suppressed: int


def _scrub_merge_logs(session: Session, needles: Sequence[str]) -> None:
    """Drop import undo-log entries that mention the erased person."""
    words = [n.casefold() for n in needles if len(n) >= 3]
    if not words:
        return
    for batch in session.scalars(select(ImportBatch)):
        log = batch.merge_log or []
        kept = [
            entry
            for entry in log
            if not any(w in json.dumps(entry, ensure_ascii=False).casefold() for w in words)
        ]
        if len(kept) != len(log):
            batch.merge_log = kept


def erase_person_in(
    session: Session, contact_id: int, *, keep_objection: bool = True
) -> ErasureReport:
    """Delete a contact, their phones, activities and notes inside `session`.

    A consumer prospect whose only contact is this person is deleted with them (it is
    the person). With `keep_objection`, their phone and email hashes stay on the
    suppression list, so a later import arrives flagged do-not-contact.
    """
    contact = _contact(session, contact_id)
    suppressed = (
        suppress(session, contact, (Channel.PHONE, Channel.EMAIL), ERASED_REASON)
        if keep_objection
        else 0
    )
    _note_erasure(session, contact)
    needles = [contact.email, contact.full_name, contact.first_name + " " + contact.last_name]
    needles += [p.raw for p in contact.phones] + [p.e164 for p in contact.phones if p.e164]
    prospect = contact.prospect
    whole_prospect = _prospect_is_the_person(session, contact)
    activities = _person_activities(session, contact)
    erased = 0
    for activity in activities:
        if activity.contact_id in (None, contact.id) or whole_prospect:
            session.delete(activity)
            erased += 1
        else:  # another person's call that names them: keep it, without the name
            activity.notes = _redact(activity.notes, contact)
            activity.location = _redact(activity.location, contact)
    if not whole_prospect:
        for field in ("notes", "pains", "pitch", "next_action_text", "address"):
            value = getattr(prospect, field)
            if _mentions(value, contact):
                setattr(prospect, field, _redact(value, contact))
    for call_session in session.scalars(select(CallSession)):
        if _mentions(call_session.draft_notes, contact):
            call_session.draft_notes = _redact(call_session.draft_notes, contact)
    session.flush()
    if whole_prospect:
        needles.append(prospect.name)
        session.delete(prospect)
    else:
        session.delete(contact)
    session.flush()
    _scrub_merge_logs(session, needles)
    return ErasureReport(
        contacts=1,
        prospects=1 if whole_prospect else 0,
        activities=erased,
        suppressed=suppressed,
    )


def erase_person(db: Database, contact_id: int, *, keep_objection: bool = True) -> ErasureReport:
    """Erase one person and clean the file so that no readable trace of them is left."""
    with db.session() as session:
        report = erase_person_in(session, contact_id, keep_objection=keep_objection)
    scrub_file(db)
    log.info("Contact %d erased (%d activities)", contact_id, report.activities)
    return report


def erase_prospects(db: Database, prospect_ids: Iterable[int]) -> int:
    """Delete prospects with their contacts and activities (retention), then clean the file."""
    ids = sorted(set(prospect_ids))
    if not ids:
        return 0
    removed = 0
    with db.session() as session:
        for start in range(0, len(ids), 500):  # SQLite caps bound parameters
            chunk = ids[start : start + 500]
            removed += len(session.scalars(select(Prospect.id).where(Prospect.id.in_(chunk))).all())
            session.execute(delete(Prospect).where(Prospect.id.in_(chunk)))
    scrub_file(db)
    log.info("Retention: %d prospects erased", removed)
    return removed


def scrub_file(db: Database) -> None:
    """Leave no readable trace of deleted rows: full-text index, free pages, the WAL.

    secure_delete (set on every connection) zeroes freed content; the full-text index
    keeps deleted terms in old segments until they are merged, so it is rebuilt; VACUUM
    rewrites the file without free pages; the WAL (which holds old page images) is
    checkpointed and truncated to zero bytes.

    On a database server (team mode) VACUUM makes the deleted rows' space reusable; the
    server's own WAL archive and backups are its administrator's to expire.
    """
    if not is_sqlite(db.engine):
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as server:
            server.exec_driver_sql(
                "VACUUM prospect, contact, phone, activity, prospect_search, import_batch"
            )
        return
    db.engine.dispose()  # idle pooled connections would keep the WAL from being reset
    raw = db.engine.raw_connection()
    try:
        connection = raw.driver_connection
        assert isinstance(connection, sqlite3.Connection)
        connection.execute("INSERT INTO prospect_search(prospect_search) VALUES ('rebuild')")
        connection.execute("INSERT INTO prospect_search(prospect_search) VALUES ('optimize')")
        connection.execute("VACUUM")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    db.engine.dispose()


# --- Restore ---------------------------------------------------------------------


@dataclass(frozen=True)
class SuppressionSnapshot:
    """The live suppression list, taken before a restore replaces the file."""

    salts: list[str]
    rows: list[tuple[Channel, str, str, datetime]]
    #: Hashes of people erased on request (the ledger's erasure log): erased again.
    erasures: frozenset[str] = frozenset()

    def merged(self, other: SuppressionSnapshot) -> SuppressionSnapshot:
        """Both lists together (the live file's and the ledger's)."""
        seen = {(row[0], row[1]) for row in self.rows}
        rows = self.rows + [row for row in other.rows if (row[0], row[1]) not in seen]
        return SuppressionSnapshot(
            salts=list(dict.fromkeys(self.salts + other.salts)),
            rows=rows,
            erasures=self.erasures | other.erasures,
        )


@dataclass(frozen=True)
class Reapplied:
    """What re-applying the suppression list after a restore did."""

    hashes: int  # hashes added back to the restored file's list
    flagged: int  # contacts flagged do-not-contact again
    erased: int  # contacts erased again (they had been erased on request)


def snapshot_suppression(db: Database) -> SuppressionSnapshot:
    """The suppression list and its salts, to re-apply after a restore."""
    with db.session() as session:
        rows = session.execute(
            select(
                Suppression.channel, Suppression.digest, Suppression.reason, Suppression.created_at
            )
        ).all()
        return SuppressionSnapshot(
            salts=all_salts(session), rows=[(r[0], r[1], r[2], r[3]) for r in rows]
        )


def ledger_snapshot(database_path: Path) -> SuppressionSnapshot:
    """The objections and erasures of the ledger beside `database_path`."""
    ledger = privacy_ledger.read_ledger(privacy_ledger.ledger_path(database_path))
    rows: list[tuple[Channel, str, str, datetime]] = []
    for entry in ledger.entries:
        if entry.kind is EntryKind.OBJECTION:
            try:
                created = datetime.fromisoformat(entry.at)
            except ValueError:
                created = utcnow()
            rows.append((Channel(entry.channel), entry.digest, entry.reason, created))
    erasures = frozenset(e.digest for e in ledger.entries if e.kind is EntryKind.ERASURE)
    return SuppressionSnapshot(salts=ledger.salts, rows=rows, erasures=erasures)


def _record_in_ledger(db: Database, snapshot: SuppressionSnapshot) -> None:
    """Put the live list into the ledger (lists made before the ledger existed)."""
    entries = [
        LedgerEntry(EntryKind.OBJECTION, channel.value, hashed, reason, created.isoformat())
        for channel, hashed, reason, created in snapshot.rows
    ]
    try:
        privacy_ledger.add_to_ledger(privacy_ledger.ledger_path(db.path), snapshot.salts, entries)
    except OSError as error:
        log.warning("The privacy ledger cannot be written: %s", error)


def reapply_suppression(db: Database, snapshot: SuppressionSnapshot) -> Reapplied:
    """Bring the suppression list back into a restored file and act on it.

    Hashes the restored file lacks are added (salts kept so that they still match);
    every contact they match is flagged do-not-contact again, and a contact whose hash
    was recorded by an erasure is erased again, so a restore never brings back someone
    who objected or was erased.
    """
    added = 0
    flagged = 0
    to_erase: list[int] = []
    to_forget: list[int] = []  # erased without keeping their objection: erase again
    with db.session() as session:
        restored_salt = str(get_setting(session, SALT_SETTING, ""))
        if snapshot.salts and not restored_salt:
            set_setting(session, SALT_SETTING, snapshot.salts[0])
            restored_salt = snapshot.salts[0]
        extra = [s for s in snapshot.salts if s != restored_salt]
        known = [str(x) for x in get_setting(session, OTHER_SALTS_SETTING, list[Any]())]
        if extra:
            set_setting(session, OTHER_SALTS_SETTING, list(dict.fromkeys(known + extra)))
        existing: set[tuple[Channel, str]] = {
            (row[0], row[1])
            for row in session.execute(select(Suppression.channel, Suppression.digest))
        }
        for channel, hashed, reason, created in snapshot.rows:
            if (channel, hashed) not in existing:
                session.add(
                    Suppression(channel=channel, digest=hashed, reason=reason, created_at=created)
                )
                existing.add((channel, hashed))
                added += 1
        session.flush()
        erased_digests = set(
            session.scalars(select(Suppression.digest).where(Suppression.reason == ERASED_REASON))
        )
        salts = all_salts(session)
        contacts = session.scalars(select(Contact).options(selectinload(Contact.phones)))
        for contact in contacts:
            if not contact.phones and not email_key(contact.email):
                continue
            if snapshot.erasures and _digests(contact, salts) & snapshot.erasures:
                to_forget.append(contact.id)
                continue
            before = (contact.dnc_phone, contact.dnc_email)
            channels = flag_if_suppressed(session, contact)
            if not channels:
                continue
            if _digests(contact, salts) & erased_digests:
                to_erase.append(contact.id)
            elif (contact.dnc_phone, contact.dnc_email) != before:
                flagged += 1
    for contact_id in to_erase:
        with db.session() as session:
            erase_person_in(session, contact_id, keep_objection=True)
    for contact_id in to_forget:
        with db.session() as session:
            erase_person_in(session, contact_id, keep_objection=False)
    to_erase += to_forget
    if to_erase:
        scrub_file(db)
    log.info(
        "After a restore: %d hashes re-added, %d contacts flagged, %d erased again",
        added,
        flagged,
        len(to_erase),
    )
    return Reapplied(hashes=added, flagged=flagged, erased=len(to_erase))


def _digests(contact: Contact, salts: Sequence[str]) -> set[str]:
    return {
        digest(salt, channel, value)
        for salt in salts
        for channel, value in _identifiers(contact, (Channel.PHONE, Channel.EMAIL))
    }


def reapply_ledger(db: Database) -> Reapplied:
    """Re-apply the ledger to `db`: after a restore over a file that could not be opened."""
    return reapply_suppression(db, ledger_snapshot(db.path))


def restore_keeping_objections(
    db: Database, source: Path, *, folder: Path | None = None
) -> tuple[Path, Reapplied]:
    """Restore `source` (see backup.restore_backup), then re-apply the suppression list.

    The live file's list and the ledger beside it (objections and the erasure log) are
    both re-applied. Returns the safety copy of the state before the restore, and what
    was re-applied.
    """
    from prospection.core import backup  # backup imports nothing of privacy; late all the same

    if db.read_only:
        raise ReadOnlyDataError(READ_ONLY_TEXT)
    live = snapshot_suppression(db)
    _record_in_ledger(db, live)
    snapshot = live.merged(ledger_snapshot(db.path))
    safety_copy = backup.restore_backup(db, source, folder=folder)
    return safety_copy, reapply_suppression(db, snapshot)


# --- Retention review -------------------------------------------------------------


@dataclass(frozen=True)
class RetentionItem:
    """A prospect with no contact initiated by them for three years."""

    prospect_id: int
    name: str
    stage: Stage
    collected_at: datetime
    last_inbound_at: datetime | None
    since: datetime  # the later of collection and their last contact
    contacts: int


def retention_cutoff(now: datetime, years: int = RETENTION_YEARS) -> datetime:
    """`now` minus `years` calendar years (29 February becomes 28 February)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


def retention_review(
    session: Session, now: datetime | None = None, years: int = RETENTION_YEARS
) -> list[RetentionItem]:
    """Prospects past retention: collected, and last in touch on their own, over 3 years ago.

    Clients are left out (their data is kept under the contract, not for prospecting).
    The last inbound contact is the later of Prospect.last_inbound_at and the newest
    inbound activity (opening an email is not a contact, and is never recorded as one).
    """
    cutoff = retention_cutoff(now or utcnow(), years)
    inbound = (
        select(Activity.prospect_id, func.max(Activity.occurred_at).label("last"))
        .where(Activity.inbound.is_(True), Activity.kind != ActivityKind.STAGE_CHANGE)
        .group_by(Activity.prospect_id)
        .subquery()
    )
    contacts = (
        select(Contact.prospect_id, func.count(Contact.id).label("n"))
        .group_by(Contact.prospect_id)
        .subquery()
    )
    rows = session.execute(
        select(Prospect, inbound.c.last, contacts.c.n)
        .outerjoin(inbound, inbound.c.prospect_id == Prospect.id)
        .outerjoin(contacts, contacts.c.prospect_id == Prospect.id)
        .where(Prospect.stage != Stage.CLIENT, Prospect.collected_at < cutoff)
        .where(or_(Prospect.last_inbound_at.is_(None), Prospect.last_inbound_at < cutoff))
        .order_by(Prospect.collected_at)
    ).all()
    items = []
    for prospect, last_activity, count in rows:
        last_activity_at = _aware(last_activity)
        candidates = [d for d in (prospect.last_inbound_at, last_activity_at) if d is not None]
        last_inbound = max(candidates) if candidates else None
        since = max(prospect.collected_at, last_inbound or prospect.collected_at)
        if since >= cutoff:
            continue
        items.append(
            RetentionItem(
                prospect_id=prospect.id,
                name=prospect.name,
                stage=prospect.stage,
                collected_at=prospect.collected_at,
                last_inbound_at=last_inbound,
                since=since,
                contacts=int(count or 0),
            )
        )
    return items


def _aware(value: Any) -> datetime | None:
    """A value from an aggregate (no type processing there) as an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value if value.tzinfo is not None else value.replace(tzinfo=utcnow().tzinfo)


def retention_ended_at(item: RetentionItem, years: int = RETENTION_YEARS) -> datetime:
    """When the prospect's retention period ended."""
    return retention_cutoff(item.since, -years)
