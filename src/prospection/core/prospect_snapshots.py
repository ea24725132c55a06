"""Undo for prospects: a plain copy of prospects as stored, and putting it back exactly.

Take a `snapshot` of the prospects an action is about to change or delete; `restore`
puts them back as they were (same ids, contacts, phones, tags and activities), which
is how the editor and the table undo (Ctrl+Z). Snapshots hold plain values only (no
ORM objects), so they outlive the session that took them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from prospection.core.models import (
    Activity,
    CallSession,
    Contact,
    ImportBatch,
    Phone,
    Prospect,
    Tag,
    prospect_tag,
)

_PROSPECT = cast(Table, Prospect.__table__)
_CONTACT = cast(Table, Contact.__table__)
_PHONE = cast(Table, Phone.__table__)
_ACTIVITY = cast(Table, Activity.__table__)
# SQLite's IN lists are limited (32766 variables since 3.32; keep well below).
_CHUNK = 500


@dataclass(frozen=True)
class ProspectSnapshot:
    """Prospects as they were: one dict of column values per stored row."""

    prospects: tuple[dict[str, Any], ...] = ()
    contacts: tuple[dict[str, Any], ...] = ()
    phones: tuple[dict[str, Any], ...] = ()
    activities: tuple[dict[str, Any], ...] = ()
    tags: tuple[tuple[int, str], ...] = ()  # (prospect id, tag name)

    @property
    def ids(self) -> list[int]:
        """The ids of the prospects it holds."""
        return [int(row["id"]) for row in self.prospects]


@dataclass(frozen=True)
class RestoreResult:
    """What `restore` did. `renamed_ids` lists rows that had to take a new id."""

    prospect_ids: tuple[int, ...]
    renamed_ids: dict[str, dict[int, int]] = field(default_factory=dict)


def _chunks(values: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


def _rows(session: Session, table: Table, column: str, ids: Sequence[int]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        query = select(table).where(table.c[column].in_(chunk)).order_by(table.c.id)
        rows.extend(dict(row) for row in session.execute(query).mappings())
    return rows


def snapshot(session: Session, ids: Iterable[int]) -> ProspectSnapshot:
    """A copy of these prospects with everything that hangs off them (pending edits included)."""
    session.flush()
    wanted = sorted(set(ids))
    prospects = _rows(session, _PROSPECT, "id", wanted)
    found = [int(row["id"]) for row in prospects]
    contacts = _rows(session, _CONTACT, "prospect_id", found)
    phones = _rows(session, _PHONE, "contact_id", [int(row["id"]) for row in contacts])
    activities = _rows(session, _ACTIVITY, "prospect_id", found)
    tags: list[tuple[int, str]] = []
    for chunk in _chunks(found):
        query = (
            select(prospect_tag.c.prospect_id, Tag.name)
            .join(Tag, Tag.id == prospect_tag.c.tag_id)
            .where(prospect_tag.c.prospect_id.in_(chunk))
            .order_by(prospect_tag.c.prospect_id, Tag.name)
        )
        tags.extend((int(pid), str(name)) for pid, name in session.execute(query))
    return ProspectSnapshot(
        prospects=tuple(prospects),
        contacts=tuple(contacts),
        phones=tuple(phones),
        activities=tuple(activities),
        tags=tuple(tags),
    )


#: Columns not compared by `changed_since`: the version counter (a restore moves it),
#: `updated_at`, and what triggers copy onto the prospect (rebuilt by a restore, tags in
#: no set order).
_UNCOMPARED = frozenset(
    {
        "version",
        "updated_at",
        "sort_contact",
        "sort_phone",
        "sort_tags",
        "shown_contact",
        "shown_phone_raw",
        "shown_phone_e164",
        "shown_tags",
        "has_dnc",
        "shown_phone_wrong",
    }
)


def _by_prospect(snap: ProspectSnapshot) -> dict[int, tuple[Any, ...]]:
    """Each prospect's rows, as comparable plain values."""

    def plain(row: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
        return tuple(sorted((k, v) for k, v in row.items() if k not in _UNCOMPARED))

    owner = {int(c["id"]): int(c["prospect_id"]) for c in snap.contacts}
    found: dict[int, list[Any]] = {int(p["id"]): [plain(p)] for p in snap.prospects}
    for row in snap.contacts:
        found.setdefault(int(row["prospect_id"]), []).append(("contact", plain(row)))
    for row in snap.phones:
        found.setdefault(owner.get(int(row["contact_id"]), -1), []).append(("phone", plain(row)))
    for row in snap.activities:
        found.setdefault(int(row["prospect_id"]), []).append(("activity", plain(row)))
    for pid, name in snap.tags:
        found.setdefault(pid, []).append(("tag", name))
    return {pid: tuple(sorted(map(repr, items))) for pid, items in found.items()}


def changed_since(session: Session, snap: ProspectSnapshot, ids: Iterable[int]) -> list[int]:
    """The prospects of `ids` that are no longer stored as `snap` holds them.

    Undo uses it in team mode: restoring over a prospect someone else changed since
    (a field, a contact, a call logged) would silently undo their change too.
    """
    wanted = sorted(set(ids))
    then = _by_prospect(snap)
    now = _by_prospect(snapshot(session, wanted))
    return [pid for pid in wanted if then.get(pid) != now.get(pid)]


def _differs(first: dict[str, Any], second: dict[str, Any]) -> set[str]:
    """The compared columns whose values differ between two versions of a row."""
    return {
        name
        for name in first.keys() | second.keys()
        if name not in _UNCOMPARED and first.get(name) != second.get(name)
    }


_PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "prospects": (),
    "contacts": (("prospect_id", "prospects"),),
    "phones": (("contact_id", "contacts"),),
    "activities": (
        ("prospect_id", "prospects"),
        ("contact_id", "contacts"),
        ("phone_id", "phones"),
    ),
}


def rebase(
    now: ProspectSnapshot, since: ProspectSnapshot, target: ProspectSnapshot
) -> ProspectSnapshot | None:
    """`now` with only the step from `since` to `target` applied; None when it overlaps.

    Undo passes what a change left (`since`) and what it found (`target`); redo the
    other way round. Only what that change did is put back: a column it changed, a row
    it created (removed again) or deleted (brought back), a tag it added or removed.
    Everything else stays as stored `now`, e.g. a call logged since from a call session,
    or a colleague's edit of another field. When something the change did was itself
    changed since (the same column, a row it created and someone edited, a row that
    is gone), putting it back would overwrite that later change: None, nothing to do.
    Prospects the change created and nothing touched since are left out of the result:
    the caller deletes them (those of `since` missing from `target`).
    """
    result: dict[str, dict[int, dict[str, Any]]] = {}
    for kind in ("prospects", "contacts", "phones", "activities"):
        current = {int(row["id"]): dict(row) for row in getattr(now, kind)}
        left = {int(row["id"]): row for row in getattr(since, kind)}
        found = {int(row["id"]): row for row in getattr(target, kind)}
        for row_id in left.keys() | found.keys():
            before, after = found.get(row_id), left.get(row_id)
            stored = current.get(row_id)
            if before is not None and after is not None:
                columns = _differs(after, before)
                if not columns:
                    continue
                if stored is None or any(stored.get(c) != after.get(c) for c in columns):
                    return None
                stored.update({c: before.get(c) for c in columns})
            elif after is not None:  # the change created it: removed again
                if stored is not None:
                    if _differs(stored, after):
                        return None
                    del current[row_id]
            elif before is not None:  # the change deleted it: brought back
                if stored is not None:
                    return None
                current[row_id] = dict(before)
        result[kind] = current
    # A row brought back whose parent is gone since (or a kept row whose parent the
    # change would remove) cannot be put back without losing something.
    for kind, parents in _PARENTS.items():
        for row in result[kind].values():
            for column, parent in parents:
                if row.get(column) is not None and int(row[column]) not in result[parent]:
                    return None
    added = set(since.tags) - set(target.tags)
    removed = set(target.tags) - set(since.tags)
    kept = result["prospects"]
    tags = sorted((set(now.tags) - added) | removed)
    return ProspectSnapshot(
        prospects=tuple(result["prospects"][i] for i in sorted(result["prospects"])),
        contacts=tuple(result["contacts"][i] for i in sorted(result["contacts"])),
        phones=tuple(result["phones"][i] for i in sorted(result["phones"])),
        activities=tuple(result["activities"][i] for i in sorted(result["activities"])),
        tags=tuple((pid, name) for pid, name in tags if pid in kept),
    )


def _existing(session: Session, table: Table, ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(ids):
        found.update(session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    return found


def _versions(session: Session, table: Table, column: str, ids: Sequence[int]) -> dict[int, int]:
    """The stored version of each row of `table` whose `column` is in `ids`."""
    found: dict[int, int] = {}
    for chunk in _chunks(ids):
        query = select(table.c.id, table.c.version).where(table.c[column].in_(chunk))
        found.update((int(row_id), int(number)) for row_id, number in session.execute(query))
    return found


def _new_ids(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> dict[int, int]:
    """New ids for snapshot rows whose id another row has taken since (SQLite reuses ids)."""
    taken = _existing(session, table, [int(row["id"]) for row in rows])
    if not taken:
        return {}
    next_id = int(session.scalar(select(func.max(table.c.id))) or 0)
    top = max(int(row["id"]) for row in rows)
    next_id = max(next_id, top)
    renamed: dict[int, int] = {}
    for row in rows:
        if int(row["id"]) in taken:
            next_id += 1
            renamed[int(row["id"])] = next_id
    return renamed


def restore(session: Session, snap: ProspectSnapshot) -> RestoreResult:
    """Put the snapshot's prospects back exactly as they were.

    A prospect still stored under the same id (and created at the same moment) is
    replaced by its snapshot, which undoes edits; a deleted one is re-created, which
    undoes deletes. Should another row have taken one of the ids meanwhile, the
    restored row gets a new one (reported in `renamed_ids`) rather than overwrite it.
    Links to an import or call session deleted since are cleared.
    """
    session.flush()
    if not snap.prospects:
        return RestoreResult(prospect_ids=())
    ids = snap.ids
    stored = {
        int(row.id): row.created_at
        for chunk in _chunks(ids)
        for row in session.execute(
            select(Prospect.id, Prospect.created_at).where(Prospect.id.in_(chunk))
        )
    }
    same = [row["id"] for row in snap.prospects if stored.get(row["id"]) == row["created_at"]]
    # Versions only move forward: a restored row is one more change (an editor that
    # loaded the row in between compares its save instead of overwriting the undo).
    versions = {
        "prospect": _versions(session, _PROSPECT, "id", same),
        "contact": _versions(session, _CONTACT, "prospect_id", same),
    }
    for chunk in _chunks(same):
        session.execute(delete(Prospect).where(Prospect.id.in_(chunk)))
    batches = _existing(
        session,
        cast(Table, ImportBatch.__table__),
        sorted(
            {
                int(row["import_batch_id"])
                for row in (*snap.prospects, *snap.contacts)
                if row["import_batch_id"] is not None
            }
        ),
    )
    call_sessions = _existing(
        session,
        cast(Table, CallSession.__table__),
        sorted(
            {
                int(row["call_session_id"])
                for row in snap.activities
                if row["call_session_id"] is not None
            }
        ),
    )

    renamed = {
        "prospect": _new_ids(session, _PROSPECT, snap.prospects),
        "contact": _new_ids(session, _CONTACT, snap.contacts),
        "phone": _new_ids(session, _PHONE, snap.phones),
        "activity": _new_ids(session, _ACTIVITY, snap.activities),
    }

    def moved(kind: str, value: Any) -> Any:
        return None if value is None else renamed[kind].get(value, value)

    def version(kind: str, row: dict[str, Any]) -> int:
        return max(int(row["version"]), versions[kind].get(int(row["id"]), 0)) + 1

    prospects = []
    for row in snap.prospects:
        batch = row["import_batch_id"]
        prospects.append(
            row
            | {
                "id": moved("prospect", row["id"]),
                "import_batch_id": batch if batch in batches else None,
                "version": version("prospect", row),
            }
        )
    contacts = []
    for row in snap.contacts:
        batch = row["import_batch_id"]
        contacts.append(
            row
            | {
                "id": moved("contact", row["id"]),
                "prospect_id": moved("prospect", row["prospect_id"]),
                "import_batch_id": batch if batch in batches else None,
                "version": version("contact", row),
            }
        )
    phones = [
        row | {"id": moved("phone", row["id"]), "contact_id": moved("contact", row["contact_id"])}
        for row in snap.phones
    ]
    activities = []
    for row in snap.activities:
        call_session = row["call_session_id"]
        activities.append(
            row
            | {
                "id": moved("activity", row["id"]),
                "prospect_id": moved("prospect", row["prospect_id"]),
                "contact_id": moved("contact", row["contact_id"]),
                "phone_id": moved("phone", row["phone_id"]),
                "call_session_id": call_session if call_session in call_sessions else None,
            }
        )
    for table, rows in (
        (_PROSPECT, prospects),
        (_CONTACT, contacts),
        (_PHONE, phones),
        (_ACTIVITY, activities),
    ):
        if rows:
            session.execute(insert(table), rows)
    tag_ids: dict[str, int] = {}
    for name in sorted({name for _, name in snap.tags}):
        tag_id = session.scalar(select(Tag.id).where(Tag.name == name))
        if tag_id is None:
            tag_id = session.scalar(insert(Tag).values(name=name).returning(Tag.id))
        assert tag_id is not None
        tag_ids[name] = int(tag_id)
    if snap.tags:
        session.execute(
            insert(prospect_tag),
            [
                {"prospect_id": moved("prospect", pid), "tag_id": tag_ids[name]}
                for pid, name in snap.tags
            ],
        )
    # The ORM's copies of these rows are stale now.
    session.expire_all()
    return RestoreResult(
        prospect_ids=tuple(int(moved("prospect", pid)) for pid in ids),
        renamed_ids={kind: ids_ for kind, ids_ in renamed.items() if ids_},
    )
