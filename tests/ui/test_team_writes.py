"""Writes that used to go without a base (issue 17, team writes).

Undo alone (one user, SQLite), the editor's "log activity + next action", removing a
contact and making one primary: what someone (or something) did meanwhile is never
lost silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QUndoStack

from prospection.core import prospects
from prospection.core.calls import log_call
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Prospect
from prospection.core.prospect_editing import (
    ActivityInput,
    ContactInput,
    EditConflict,
    IssueCode,
    add_contact,
    contact_base,
    set_primary_contact,
    update_contact,
    update_prospect,
)
from prospection.ui.data_events import DataEvents
from prospection.ui.editor.prospect_editor import ProspectEditor
from tests.ui.conftest import seed


def _editor(
    qtbot, db: Database, prospect_id: int, events: DataEvents, stack: QUndoStack
) -> ProspectEditor:  # type: ignore[no-untyped-def]
    editor = ProspectEditor(db, events, stack)
    qtbot.addWidget(editor)
    editor.resize(520, 700)
    editor.show_prospect(prospect_id)
    return editor


def _stored(db: Database, prospect_id: int) -> Prospect:
    with db.session() as session:
        prospect = prospects.load(session, prospect_id)
        assert prospect is not None
        return prospect


def _calls(prospect: Prospect) -> list[Outcome | None]:
    return [a.outcome for a in prospect.activities if a.kind == ActivityKind.CALL]


def _call_from_a_session(db: Database, prospect_id: int, outcome: Outcome) -> None:
    with db.session() as session:
        log_call(session, prospect_id, outcome, at=datetime.now(UTC) - timedelta(minutes=1))


def test_alone_undo_keeps_a_call_logged_since(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    events, stack = DataEvents(), QUndoStack()
    editor = _editor(qtbot, db, pid, events, stack)
    editor.form.city.setText("Nantes")
    assert editor.save()
    _call_from_a_session(db, pid, Outcome.NO_ANSWER)  # the call session, by the same user
    stack.undo()
    stored = _stored(db, pid)
    assert stored.city == "Rezé"  # the step undone
    assert _calls(stored) == [Outcome.NO_ANSWER]  # and the call kept
    assert stored.call_attempts == 1 and stored.last_contact_at is not None
    stack.redo()
    stored = _stored(db, pid)
    assert stored.city == "Nantes" and _calls(stored) == [Outcome.NO_ANSWER]


def test_alone_undo_refuses_when_the_call_changed_the_same_field(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    events, stack = DataEvents(), QUndoStack()
    editor = _editor(qtbot, db, pid, events, stack)
    editor.form.next_text.setText("Send the brochure")
    assert editor.save()
    _call_from_a_session(db, pid, Outcome.NO_ANSWER)  # plans "Call again" over it
    with qtbot.waitSignal(events.change_refused) as refused:
        stack.undo()
    assert refused.args[0].startswith("Not undone")
    stored = _stored(db, pid)
    assert _calls(stored) == [Outcome.NO_ANSWER]
    assert stored.next_action_text == "Call again (no answer)"
    assert not stack.canUndo()


# --- the editor's "log activity + plan the next action" -----------------------------

PLANNED = datetime(2026, 12, 14, 9, 0, tzinfo=UTC)
MINE = datetime(2026, 12, 15, 10, 0, tzinfo=UTC)


def _colleague_plans(db: Database, prospect_id: int) -> None:
    with db.session() as session:
        changes = {"next_action_at": PLANNED, "next_action_text": "Envoyer le devis"}
        assert update_prospect(session, prospect_id, changes).ok


def _asking(editor: ProspectEditor, answer: Mapping[str, str] | None) -> list[list[str]]:
    asked: list[list[str]] = []

    def ask(conflicts: Sequence[EditConflict], subject: str) -> Mapping[str, str] | None:
        asked.append([c.field for c in conflicts])
        return answer

    editor.ask_conflicts = ask  # type: ignore[method-assign]
    return asked


def _a_call() -> ActivityInput:
    return ActivityInput(kind=ActivityKind.CALL, outcome=Outcome.CONVERSATION, notes="Devis ?")


def test_logging_with_a_next_action_asks_over_a_colleagues_plan(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    editor = _editor(qtbot, db, pid, DataEvents(), QUndoStack())
    _colleague_plans(db, pid)  # while I was on the phone
    asked = _asking(editor, {"next_action_at": "theirs", "next_action_text": "theirs"})
    assert editor.submit_activity(_a_call(), MINE, "Rappeler").ok
    assert asked == [["next_action_at", "next_action_text"]]
    stored = _stored(db, pid)
    assert _calls(stored) == [Outcome.CONVERSATION]  # the call is logged
    assert (stored.next_action_at, stored.next_action_text) == (PLANNED, "Envoyer le devis")


def test_logging_keeps_mine_when_chosen(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    editor = _editor(qtbot, db, pid, DataEvents(), QUndoStack())
    _colleague_plans(db, pid)
    _asking(editor, {"next_action_at": "mine", "next_action_text": "mine"})
    assert editor.submit_activity(_a_call(), MINE, "Rappeler").ok
    stored = _stored(db, pid)
    assert (stored.next_action_at, stored.next_action_text) == (MINE, "Rappeler")
    assert _calls(stored) == [Outcome.CONVERSATION]


def test_logging_cancelled_at_the_question_logs_nothing_and_says_so(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    editor = _editor(qtbot, db, pid, DataEvents(), QUndoStack())
    _colleague_plans(db, pid)
    _asking(editor, None)
    result = editor.submit_activity(_a_call(), MINE, "Rappeler")
    assert [e.code for e in result.errors] == [IssueCode.CHANGED_MEANWHILE]
    stored = _stored(db, pid)
    assert _calls(stored) == [] and stored.next_action_text == "Envoyer le devis"


def test_logging_without_a_colleague_asks_nothing(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    editor = _editor(qtbot, db, pid, DataEvents(), QUndoStack())
    asked = _asking(editor, None)
    assert editor.submit_activity(_a_call(), MINE, "Rappeler").ok
    assert asked == [] and _stored(db, pid).next_action_text == "Rappeler"


# --- removing a contact, making one primary -----------------------------------------


def test_removing_a_contact_a_colleague_just_edited_is_refused(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    editor = _editor(qtbot, db, pid, DataEvents(), QUndoStack())
    contact = _stored(db, pid).contacts[0]
    with db.session() as session:
        changed = replace(contact_base(contact), title="Gérant")
        assert update_contact(session, contact.id, changed).ok
    editor.remove_contact(contact.id)
    assert [c.title for c in _stored(db, pid).contacts] == ["Gérant"]  # still there
    assert editor.status.text().startswith("Not removed: someone else changed this contact")
    assert "(Job title)" in editor.status.text()
    editor.remove_contact(contact.id)  # seen now (the editor reloaded): removed
    assert _stored(db, pid).contacts == []


def test_two_people_making_different_contacts_primary(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    with db.session() as session:
        second = add_contact(session, pid, ContactInput(first_name="Agnès")).contact_id
        third = add_contact(session, pid, ContactInput(first_name="Standard")).contact_id
    assert second is not None and third is not None
    editor = _editor(qtbot, db, pid, DataEvents(), QUndoStack())
    with db.session() as session:  # a colleague makes Agnès primary
        assert set_primary_contact(session, second).ok
    editor.make_primary(third)  # I still saw François primary, and chose the switchboard
    assert [c.id for c in _stored(db, pid).contacts if c.is_primary] == [second]
    assert editor.status.text().startswith("Not changed: someone else chose another primary")
    editor.make_primary(third)  # chosen again, knowingly
    assert [c.id for c in _stored(db, pid).contacts if c.is_primary] == [third]
