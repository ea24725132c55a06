"""The privacy ledger: objections and erasures kept beside the database, outliving a restore.

`privacy-ledger.json`, in the data folder next to the database, holds only salted
SHA-256 hashes of phones and emails, the salts, a reason and a date: no name, no number,
no address. Each objection (do-not-contact, erasure keeping the objection) and each
erasure adds to it, after the transaction that made it commits. A restore reads it, also
when the live file cannot be opened, and re-applies it to the restored data: objections
go back on the suppression list, and a person erased (even without keeping their
objection) is erased again. Written atomically (a temporary file, then a rename), 0600.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

LEDGER_NAME = "privacy-ledger.json"
_PENDING = "privacy_ledger.pending"
_PATH = "privacy_ledger.path"
_VERSION = 1


class EntryKind(StrEnum):
    """What a ledger entry records."""

    OBJECTION = "objection"  # on the suppression list: flag do-not-contact
    ERASURE = "erasure"  # erased on request: erase again after a restore


@dataclass(frozen=True)
class LedgerEntry:
    """One hashed identifier (phone or email) and why it is in the ledger."""

    kind: EntryKind
    channel: str  # Channel's value: "phone" or "email"
    digest: str
    reason: str
    at: str  # ISO 8601, UTC

    def key(self) -> tuple[str, str, str]:
        return (self.kind.value, self.channel, self.digest)


@dataclass
class Ledger:
    """The salts the hashes were made with, and the entries."""

    salts: list[str] = field(default_factory=list)
    entries: list[LedgerEntry] = field(default_factory=list)

    def merged(self, salts: list[str], entries: list[LedgerEntry]) -> Ledger:
        known = {entry.key() for entry in self.entries}
        added: list[LedgerEntry] = []
        for entry in entries:
            if entry.key() not in known:
                known.add(entry.key())
                added.append(entry)
        return Ledger(list(dict.fromkeys(self.salts + salts)), self.entries + added)


def ledger_path(database_path: Path) -> Path:
    """Where the ledger of the database at `database_path` lives."""
    return database_path.with_name(LEDGER_NAME)


def read_ledger(path: Path) -> Ledger:
    """The ledger at `path`; empty when there is none. A damaged one is set aside, logged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Ledger(
            salts=[str(s) for s in data.get("salts", [])],
            entries=[
                LedgerEntry(
                    kind=EntryKind(e["kind"]),
                    channel=str(e["channel"]),
                    digest=str(e["digest"]),
                    reason=str(e.get("reason", "")),
                    at=str(e.get("at", "")),
                )
                for e in data.get("entries", [])
            ],
        )
    except FileNotFoundError:
        return Ledger()
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.warning("The privacy ledger %s cannot be read: %s", path, error)
        if path.exists():
            with contextlib.suppress(OSError):
                path.replace(path.with_name(path.name + ".damaged"))
        return Ledger()


def _write(path: Path, ledger: Ledger) -> None:
    """Write `ledger` atomically, readable by the owner alone."""
    data = {
        "version": _VERSION,
        "about": "Prospection privacy ledger: salted hashes of people who objected or "
        "were erased, re-applied after any restore. No personal data in clear.",
        "salts": ledger.salts,
        "entries": [
            {"kind": e.kind.value, "channel": e.channel, "digest": e.digest, "reason": e.reason}
            | {"at": e.at}
            for e in ledger.entries
        ],
    }
    handle, name = tempfile.mkstemp(prefix=".privacy-ledger-", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=1)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(0o600)  # mkstemp makes it 0600 already; said for clarity
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def add_to_ledger(path: Path, salts: list[str], entries: list[LedgerEntry]) -> None:
    """Merge `entries` (and their salts) into the ledger at `path`."""
    current = read_ledger(path)
    merged = current.merged(salts, entries)
    if merged.salts != current.salts or len(merged.entries) != len(current.entries):
        _write(path, merged)


# --- Wiring to sessions: entries wait for the commit of the change they record -------


def bind(session_info: dict[str, Any], database_path: Path) -> None:
    """Make sessions with this `info` write to the ledger beside `database_path`."""
    session_info[_PATH] = ledger_path(database_path)


def note(session: Session, salt: str, entries: list[LedgerEntry]) -> None:
    """Queue `entries` for the ledger; written once the session's transaction commits."""
    if _PATH not in session.info or not entries:
        return
    salts, queued = session.info.setdefault(_PENDING, ([], []))
    salts.append(salt)
    queued.extend(entries)


def write_pending(session: Session) -> None:
    """`after_commit` listener: add what the committed transaction recorded to the ledger."""
    pending = session.info.pop(_PENDING, None)
    path = session.info.get(_PATH)
    if not pending or path is None:
        return
    salts, entries = pending
    try:
        add_to_ledger(path, salts, entries)
    except OSError as error:
        # The database holds the objection all the same; only a restore would miss it.
        log.warning("The privacy ledger cannot be written: %s", error)


def drop_pending(session: Session) -> None:
    """`after_rollback` listener: what was rolled back is not recorded."""
    session.info.pop(_PENDING, None)


def now_text() -> str:
    """The date an entry is made, ISO 8601 in UTC."""
    return datetime.now(UTC).isoformat(timespec="seconds")
