"""Writes that used to go without a base (issue 17, team writes).

Undo alone (one user, SQLite), the editor's "log activity + next action", removing a
contact and making one primary: what someone (or something) did meanwhile is never
lost silently.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QUndoStack

from prospection.core import prospects
from prospection.core.calls import log_call
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Prospect
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
