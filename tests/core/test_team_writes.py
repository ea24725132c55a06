"""Writes that used to go without a base (issue 17, team writes), on both engines.

The call session's next action, removing a contact, making one primary, and undo that
puts back only what its step changed. "Two people" are two sessions: one reads (what
the screen shows), the other saves in between, as a colleague on the server would.
Run on SQLite and, with --db=postgres, on PostgreSQL; the threaded test holds two
real PostgreSQL connections.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from prospection.core import prospects
from prospection.core.calls import log_call, plan_next_action
from prospection.core.db import Database, open_database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Prospect
from prospection.core.prospect_editing import (
    ContactInput,
    IssueCode,
    ProspectInput,
    add_contact,
    contact_base,
    create_prospect,
    remove_contact,
    set_primary_contact,
    update_contact,
    update_prospect,
)
from prospection.core.prospect_snapshots import rebase, restore, snapshot

NOW = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
PLANNED = NOW + timedelta(days=3)


def _create(db: Database) -> int:
    with db.session() as session:
        result = create_prospect(
            session,
            ProspectInput(name="Menuiserie Lefèvre", city="Rezé", next_action_text="Appeler"),
            [
                ContactInput(first_name="François", last_name="Lefèvre", phones=["04 65 71 20 10"]),
                ContactInput(first_name="Standard", phones=["04 65 71 20 00"]),
            ],
            ["bois"],
            now=NOW,
        )
        assert result.prospect_id is not None
        return result.prospect_id


def _stored(db: Database, prospect_id: int) -> Prospect:
    with db.session() as session:
        prospect = prospects.load(session, prospect_id)
        assert prospect is not None
        return prospect


def _colleague_plans(db: Database, prospect_id: int, at: datetime | None, text: str) -> None:
    with db.session() as session:
        changes = {"next_action_at": at, "next_action_text": text}
        assert update_prospect(session, prospect_id, changes).ok


# --- the call session's next action -------------------------------------------------


def test_a_call_keeps_a_next_action_a_colleague_set_during_it(db: Database) -> None:
    pid = _create(db)
    shown = (_stored(db, pid).next_action_at, _stored(db, pid).next_action_text)  # the card
    _colleague_plans(db, pid, PLANNED, "Envoyer le devis")  # during my call
    with db.session() as session:
        result = log_call(session, pid, Outcome.NO_ANSWER, at=NOW, next_base=shown)
    stored = _stored(db, pid)
    # The call is recorded, with everything it does; only the next action is theirs.
    assert [a.outcome for a in stored.activities if a.kind == ActivityKind.CALL] == [
        Outcome.NO_ANSWER
    ]
    assert stored.call_attempts == 1
    assert (stored.next_action_at, stored.next_action_text) == (PLANNED, "Envoyer le devis")
    assert [(c.field, c.base, c.theirs) for c in result.next_action_conflicts] == [
        ("next_action_at", None, PLANNED),
        ("next_action_text", "Appeler", "Envoyer le devis"),
    ]
    mine = tuple(c.mine for c in result.next_action_conflicts)
    assert mine[1] == "Call again (no answer)" and mine[0] is not None
    # The user keeps mine, against what they were shown of theirs.
    with db.session() as session:
        assert (
            plan_next_action(session, pid, (mine[0], mine[1]), (PLANNED, "Envoyer le devis")) == ()
        )
    stored = _stored(db, pid)
    assert (stored.next_action_at, stored.next_action_text) == mine


def test_keeping_mine_is_asked_again_when_theirs_moved_again(db: Database) -> None:
    pid = _create(db)
    _colleague_plans(db, pid, PLANNED, "Envoyer le devis")
    _colleague_plans(db, pid, PLANNED, "Envoyer le devis signé")  # while I was choosing
    with db.session() as session:
        again = plan_next_action(session, pid, (None, "Mine"), (PLANNED, "Envoyer le devis"))
    assert [c.theirs for c in again] == [PLANNED, "Envoyer le devis signé"]
    assert _stored(db, pid).next_action_text == "Envoyer le devis signé"  # nothing written


def test_a_call_writes_its_next_action_when_nobody_changed_it(db: Database) -> None:
    pid = _create(db)
    shown = (_stored(db, pid).next_action_at, _stored(db, pid).next_action_text)
    with db.session() as session:
        result = log_call(session, pid, Outcome.VOICEMAIL, at=NOW, next_base=shown)
    assert result.next_action_conflicts == ()
    assert _stored(db, pid).next_action_text == "Call again (voicemail left)"


def test_a_colleague_who_planned_the_same_is_no_conflict(db: Database) -> None:
    pid = _create(db)
    shown = (_stored(db, pid).next_action_at, _stored(db, pid).next_action_text)
    _colleague_plans(db, pid, PLANNED, "Rappeler")
    with db.session() as session:
        result = log_call(
            session,
            pid,
            Outcome.CALL_BACK,
            at=NOW,
            next_at=PLANNED,
            next_text="Rappeler",
            next_base=shown,
        )
    assert result.next_action_conflicts == ()
    assert _stored(db, pid).next_action_text == "Rappeler"


def test_without_a_base_the_call_plans_as_before(db: Database) -> None:
    """The CLI reads and writes in one transaction: the outcome's plan is written."""
    pid = _create(db)
    _colleague_plans(db, pid, PLANNED, "Envoyer le devis")
    with db.session() as session:
        result = log_call(session, pid, Outcome.NO_ANSWER, at=NOW)
    assert result.next_action_conflicts == ()
    assert _stored(db, pid).next_action_text == "Call again (no answer)"


# --- removing a contact, making one primary -----------------------------------------


def test_a_contact_a_colleague_changed_is_not_removed_unseen(db: Database) -> None:
    pid = _create(db)
    contact = _stored(db, pid).contacts[0]
    shown = contact_base(contact)
    with db.session() as session:  # the colleague corrects the name meanwhile
        changed = ContactInput(**{**shown.__dict__, "last_name": "Le Fèvre"})
        assert update_contact(session, contact.id, changed).ok
    with db.session() as session:
        refused = remove_contact(session, contact.id, base=shown)
    assert [(e.field, e.code, e.value) for e in refused.errors] == [
        ("version", IssueCode.CHANGED_MEANWHILE, "last_name")
    ]
    assert [c.last_name for c in _stored(db, pid).contacts] == ["Le Fèvre", ""]
    # Seen again (the editor reloads), it can be removed.
    with db.session() as session:
        seen = contact_base(_stored(db, pid).contacts[0])
        assert remove_contact(session, contact.id, base=seen).ok
    assert [c.first_name for c in _stored(db, pid).contacts] == ["Standard"]


def test_a_contact_already_removed_says_so(db: Database) -> None:
    pid = _create(db)
    contact = _stored(db, pid).contacts[1]
    shown = contact_base(contact)
    with db.session() as session:
        assert remove_contact(session, contact.id).ok
    with db.session() as session:
        gone = remove_contact(session, contact.id, base=shown)
    assert [e.code for e in gone.errors] == [IssueCode.NOT_FOUND]


def test_two_people_choosing_different_primary_contacts(db: Database) -> None:
    pid = _create(db)
    with db.session() as session:
        added = add_contact(session, pid, ContactInput(first_name="Agnès"))
        assert added.contact_id is not None
    contacts = _stored(db, pid).contacts
    first = next(c.id for c in contacts if c.is_primary)
    standard = next(c.id for c in contacts if c.first_name == "Standard")
    agnes = added.contact_id
    with db.session() as session:  # Alice makes the switchboard primary
        assert set_primary_contact(session, standard, shown_primary=first).ok
    with db.session() as session:  # Bob, who still saw François primary, chose Agnès
        refused = set_primary_contact(session, agnes, shown_primary=first)
    assert [(e.code, e.value) for e in refused.errors] == [
        (IssueCode.CHANGED_MEANWHILE, str(standard))
    ]
    assert [c.id for c in _stored(db, pid).contacts if c.is_primary] == [standard]
    with db.session() as session:  # the same choice twice is no conflict
        assert set_primary_contact(session, standard, shown_primary=first).ok


# --- undo that puts back only its own step ------------------------------------------


def test_rebase_puts_back_a_removed_contact_and_keeps_later_changes(db: Database) -> None:
    pid = _create(db)
    with db.session() as session:
        before = snapshot(session, [pid])
        standard = next(c["id"] for c in before.contacts if c["first_name"] == "Standard")
        assert remove_contact(session, standard).ok
        assert update_prospect(session, pid, {"city": "Nantes"}).ok
        session.flush()
        after = snapshot(session, [pid])
    with db.session() as session:  # later: a call, a tag, notes
        log_call(session, pid, Outcome.CONVERSATION, at=NOW)
        prospects.add_tag(session, [pid], "chaud")
        assert update_prospect(session, pid, {"notes": "Intéressé"}).ok
    with db.session() as session:
        merged = rebase(snapshot(session, [pid]), after, before)
        assert merged is not None
        restore(session, merged)
    stored = _stored(db, pid)
    assert sorted(c.first_name for c in stored.contacts) == ["François", "Standard"]
    assert (stored.city, stored.notes) == ("Rezé", "Intéressé")
    assert sorted(t.name for t in stored.tags) == ["bois", "chaud"]
    assert [a.outcome for a in stored.activities if a.kind == ActivityKind.CALL] == [
        Outcome.CONVERSATION
    ]


def test_rebase_refuses_over_a_later_change_of_the_same_thing(db: Database) -> None:
    pid = _create(db)
    with db.session() as session:
        before = snapshot(session, [pid])
        assert update_prospect(session, pid, {"city": "Nantes"}, tags=["bois", "neuf"]).ok
        session.flush()
        after = snapshot(session, [pid])
    with db.session() as session:
        assert update_prospect(session, pid, {"city": "Vertou"}).ok
    with db.session() as session:
        assert rebase(snapshot(session, [pid]), after, before) is None
    # A tag the step added is removed again even after other tag changes.
    with db.session() as session:
        assert update_prospect(session, pid, {"city": "Nantes"}).ok
        prospects.add_tag(session, [pid], "chaud")
    with db.session() as session:
        merged = rebase(snapshot(session, [pid]), after, before)
        assert merged is not None
        restore(session, merged)
    assert sorted(t.name for t in _stored(db, pid).tags) == ["bois", "chaud"]


# --- PostgreSQL: two real connections -----------------------------------------------


def test_on_postgresql_a_call_and_an_editor_save_take_turns(pg_url: str, tmp_path: Path) -> None:
    """The editor's save holds the row; the call waits, then keeps the colleague's plan."""
    first = open_database(tmp_path / "unused", url=pg_url)
    second = open_database(tmp_path / "unused", url=pg_url)
    try:
        pid = _create(first)
        shown = (_stored(second, pid).next_action_at, _stored(second, pid).next_action_text)
        holding, release = threading.Event(), threading.Event()
        results: dict[str, object] = {}

        def colleague_saves() -> None:
            with first.session() as session:
                changes = {"next_action_at": PLANNED, "next_action_text": "Envoyer le devis"}
                results["saved"] = update_prospect(session, pid, changes).ok
                holding.set()
                release.wait(10)

        def i_log_my_call() -> None:
            holding.wait(10)
            with second.session() as session:
                results["call"] = log_call(session, pid, Outcome.NO_ANSWER, at=NOW, next_base=shown)

        threads = [threading.Thread(target=colleague_saves), threading.Thread(target=i_log_my_call)]
        for thread in threads:
            thread.start()
        holding.wait(10)
        time.sleep(0.5)
        assert "call" not in results  # waiting on the colleague's row lock
        release.set()
        for thread in threads:
            thread.join(20)
        call = results["call"]
        assert [c.theirs for c in call.next_action_conflicts] == [  # type: ignore[attr-defined]
            PLANNED,
            "Envoyer le devis",
        ]
        stored = _stored(second, pid)
        assert stored.next_action_text == "Envoyer le devis" and stored.call_attempts == 1
    finally:
        first.dispose()
        second.dispose()
