"""Undo: a snapshot of prospects restores them exactly, after a delete or an edit."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from prospection.core import prospects
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome, Stage
from prospection.core.models import Activity, CallSession, Contact, Prospect
from prospection.core.prospect_editing import (
    ActivityInput,
    ContactInput,
    ProspectInput,
    add_contact,
    create_prospect,
    log_activity,
    update_prospect,
)
from prospection.core.prospect_snapshots import ProspectSnapshot, restore, snapshot
from prospection.core.prospects import ProspectFilter

NOW = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)


def _seed(db: Database) -> list[int]:
    ids = []
    with db.session() as session:
        call_session = CallSession(started_at=NOW)
        session.add(call_session)
        session.flush()
        for index, name in enumerate(["Boulangerie Marchand", "Transports Girard"]):
            created = create_prospect(
                session,
                ProspectInput(name=name, city="Lyon", pains="Livraisons du matin"),
                [
                    ContactInput(
                        first_name="Élodie", last_name=f"Nom{index}", phones=["04 65 71 20 10"]
                    ),
                    ContactInput(first_name="Standard", phones=["04 65 71 20 00"]),
                ],
                ["lyon", f"tag{index}"],
                now=NOW,
            )
            assert created.prospect_id is not None
            ids.append(created.prospect_id)
            log_activity(
                session,
                created.prospect_id,
                ActivityInput(
                    kind=ActivityKind.CALL,
                    outcome=Outcome.VOICEMAIL,
                    occurred_at=NOW - timedelta(days=1),
                    notes="message laissé",
                    contact_id=created.contact_id,
                ),
            )
            session.execute(
                Activity.__table__.update()
                .where(Activity.prospect_id == created.prospect_id)
                .values(call_session_id=call_session.id)
            )
            update_prospect(session, created.prospect_id, {"stage": Stage.ATTEMPTED}, now=NOW)
    return ids


def _dump(db: Database, ids: list[int]) -> ProspectSnapshot:
    with db.session() as session:
        return snapshot(session, ids)


def _unversioned(snap: ProspectSnapshot) -> ProspectSnapshot:
    """The snapshot without the version counters (a restore moves them forward)."""

    def strip(rows: tuple[dict[str, object], ...]) -> tuple[dict[str, object], ...]:
        return tuple({k: v for k, v in row.items() if k != "version"} for row in rows)

    return ProspectSnapshot(
        prospects=strip(snap.prospects),
        contacts=strip(snap.contacts),
        phones=snap.phones,
        activities=snap.activities,
        tags=snap.tags,
    )


def test_undo_a_delete_restores_everything_with_the_same_ids(db: Database) -> None:
    ids = _seed(db)
    before = _dump(db, ids)
    assert before.ids == ids
    assert len(before.contacts) == 4 and len(before.phones) == 4
    assert len(before.activities) == 4 and len(before.tags) == 4
    pickle.dumps(before)  # plain data: it can be kept anywhere
    with db.session() as session:
        prospects.delete_prospects(session, ids)
    with db.session() as session:
        assert session.scalars(select(Prospect)).all() == []
        result = restore(session, before)
    assert result.prospect_ids == tuple(ids)
    assert result.renamed_ids == {}
    assert _unversioned(_dump(db, ids)) == _unversioned(before)
    with db.session() as session:
        # The search index and the relationships follow.
        assert prospects.count(session, ProspectFilter(text="marchand elodie"), NOW) == 1
        assert prospects.count(session, ProspectFilter(text="message laisse"), NOW) == 2
        prospect = prospects.load(session, ids[0])
        assert prospect is not None
        assert [c.first_name for c in prospect.contacts] == ["Élodie", "Standard"]
        assert prospect.contacts[0].is_primary
        assert prospect.activities[0].kind == ActivityKind.STAGE_CHANGE


def test_undo_an_edit(db: Database) -> None:
    ids = _seed(db)
    before = _dump(db, ids[:1])
    with db.session() as session:
        update_prospect(session, ids[0], {"name": "Autre nom", "stage": Stage.LOST}, now=NOW)
        add_contact(session, ids[0], ContactInput(first_name="Nouveau"))
        prospects.add_tag(session, ids[:1], "perdu")
        prospects.remove_tag(session, ids[:1], "lyon")
    edited = _dump(db, ids[:1])
    with db.session() as session:
        restore(session, before)
    restored = _dump(db, ids[:1])
    assert _unversioned(restored) == _unversioned(before)
    # Versions only move forward: an editor opened on the edited prospect compares
    # its save with the undone values instead of overwriting them.
    assert restored.prospects[0]["version"] > edited.prospects[0]["version"]
    contact = edited.contacts[0]["id"]
    assert (
        next(c for c in restored.contacts if c["id"] == contact)["version"]
        > next(c for c in edited.contacts if c["id"] == contact)["version"]
    )
    with db.session() as session:
        assert prospects.count(session, ProspectFilter(text="autre"), NOW) == 0
        assert prospects.count(session, ProspectFilter(tag="lyon"), NOW) == 2
        # The other prospect was not touched.
        assert session.scalars(select(Contact).where(Contact.prospect_id == ids[1])).all()


@pytest.mark.sqlite_only(reason="SQLite reuses the highest freed rowid; a sequence never does")
def test_restore_never_overwrites_a_row_that_took_a_freed_id(db: Database) -> None:
    ids = _seed(db)
    before = _dump(db, ids[1:])
    with db.session() as session:
        prospects.delete_prospects(session, ids[1:])
        session.delete(session.get(CallSession, 1))
    with db.session() as session:
        # SQLite hands the highest freed ids out again.
        newcomer = create_prospect(
            session, ProspectInput(name="Nouvelle SAS"), [ContactInput(first_name="Ana")]
        )
        assert newcomer.prospect_id == ids[1]
    with db.session() as session:
        result = restore(session, before)
    assert result.prospect_ids != (ids[1],)
    assert set(result.renamed_ids) >= {"prospect", "contact"}
    with db.session() as session:
        names = sorted(p.name for p in session.scalars(select(Prospect)))
        assert names == ["Boulangerie Marchand", "Nouvelle SAS", "Transports Girard"]
        restored = prospects.load(session, result.prospect_ids[0])
        assert restored is not None
        assert [c.first_name for c in restored.contacts] == ["Élodie", "Standard"]
        assert all(a.call_session_id is None for a in restored.activities)
        call = next(a for a in restored.activities if a.kind == ActivityKind.CALL)
        assert call.contact_id == restored.contacts[0].id


def test_empty_snapshot(db: Database) -> None:
    snap = _dump(db, [42])
    assert snap == ProspectSnapshot()
    with db.session() as session:
        assert restore(session, snap).prospect_ids == ()
