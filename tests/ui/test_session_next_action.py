"""The call session's outcome and a next action a colleague planned during the call.

The call is always saved; only the next action is in question: the session asks, one
key for each answer (Enter: yours, Esc: theirs). Issue 17, team writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from prospection.core import call_sessions
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Activity, Prospect
from prospection.core.prospect_editing import EditConflict, update_prospect
from prospection.ui.call_session.next_action_choice import NextActionChoiceDialog
from prospection.ui.call_session.session_dialog import CallSessionDialog
from prospection.ui.data_events import DataEvents
from tests.call_factories import NOW, add_prospect
from tests.ui.call_session_helpers import Prompts, start

THEIRS = NOW + timedelta(days=6, hours=3)


@pytest.fixture(autouse=True)
def _hidden_before_the_database_goes(db: Database) -> Iterator[None]:
    """Hide the session windows before `db` (a PostgreSQL schema) is dropped.

    pytest-qt closes widgets after the fixtures' teardown; an open session dialog's
    weekly bars would read the dropped schema (see test_call_session_offline).
    """
    yield
    for widget in QApplication.topLevelWidgets():
        widget.hide()


def _open(qtbot, db: Database, session_id: int) -> CallSessionDialog:  # type: ignore[no-untyped-def]
    dialog = CallSessionDialog(
        db, DataEvents(), session_id, dialer=lambda url: True, clock=lambda: NOW
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.setFocus()
    return dialog


def _colleague_plans(db: Database, prospect_id: int) -> None:
    with db.session() as session:
        changes = {"next_action_at": THEIRS, "next_action_text": "Envoyer le devis"}
        assert update_prospect(session, prospect_id, changes).ok


def _stored(db: Database, prospect_id: int) -> tuple[datetime | None, str, list[Outcome]]:
    with db.session() as session:
        prospect = session.get(Prospect, prospect_id)
        assert prospect is not None
        calls = [a.outcome for a in prospect.activities if a.kind == ActivityKind.CALL]
        assert all(isinstance(a, Activity) for a in prospect.activities)
        return prospect.next_action_at, prospect.next_action_text, calls  # type: ignore[return-value]


def _follow_ups(db: Database, dialog: CallSessionDialog) -> int:
    with db.session() as session:
        return call_sessions.summary(session, dialog.session_id).follow_ups


@pytest.mark.parametrize("queue", [1, 2])  # saved then the next card; or shown first
def test_a_colleagues_plan_made_during_the_call_is_asked_about(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch, queue: int
) -> None:
    ids = [add_prospect(db, f"Prospect {n}", priority=9 - n) for n in range(queue)]
    prompts = Prompts(monkeypatch).then(lambda dialog: False)  # Esc: keep theirs
    dialog = _open(qtbot, db, start(db))
    first = dialog.state.current_prospect_id
    assert first in ids
    _colleague_plans(db, first)  # during my call
    qtbot.keyClick(dialog, Qt.Key.Key_1)  # no answer: "call again" in two days
    asked = [i for i, p in enumerate(prompts.seen) if isinstance(p, NextActionChoiceDialog)]
    assert len(asked) == 1  # (then the summary, after the last prospect)
    assert "someone else planned another next action" in prompts.texts[asked[0]]
    at, text, calls = _stored(db, first)
    assert calls == [Outcome.NO_ANSWER]  # the call is saved whatever the answer
    assert (at, text) == (THEIRS, "Envoyer le devis")
    assert "their next action kept" in dialog.last_label.text()
    assert _follow_ups(db, dialog) == 0  # the call's plan was not kept: no follow-up


def test_choosing_mine_writes_the_calls_plan(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_prospect(db, "Prospect 0")
    add_prospect(db, "Prospect 1")
    Prompts(monkeypatch).then(lambda dialog: True)  # Enter: use yours
    dialog = _open(qtbot, db, start(db))
    first = dialog.state.current_prospect_id
    assert first is not None
    _colleague_plans(db, first)
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    at, text, calls = _stored(db, first)
    assert calls == [Outcome.NO_ANSWER]
    assert text == "Call again (no answer)" and at is not None and at != THEIRS
    assert _follow_ups(db, dialog) == 1


def test_nobody_else_no_question(qtbot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    add_prospect(db, "Prospect 0")
    add_prospect(db, "Prospect 1")
    prompts = Prompts(monkeypatch)
    dialog = _open(qtbot, db, start(db))
    first = dialog.state.current_prospect_id
    assert first is not None
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    assert prompts.seen == []
    assert _stored(db, first)[1] == "Call again (no answer)"


def _conflicts() -> list[EditConflict]:
    mine = datetime(2026, 12, 9, 9, 0, tzinfo=UTC)
    return [
        EditConflict("next_action_at", None, mine, THEIRS),
        EditConflict("next_action_text", "", "Rappeler (pas de réponse)", "Envoyer le devis"),
    ]


@pytest.mark.parametrize(
    ("key", "accepted"), [(Qt.Key.Key_Return, True), (Qt.Key.Key_Escape, False)]
)
def test_the_choice_takes_one_key(qtbot, key: Qt.Key, accepted: bool) -> None:  # type: ignore[no-untyped-def]
    dialog = NextActionChoiceDialog("Menuiserie Lefèvre", _conflicts())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "Envoyer le devis" in dialog.theirs_text.text()
    assert "Rappeler" in dialog.mine_text.text()
    qtbot.keyClick(dialog.focusWidget() or dialog, key)
    expected = QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected
    assert dialog.result() == expected


def test_the_choice_fits_a_small_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NextActionChoiceDialog("Menuiserie Lefèvre", _conflicts())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 760 and dialog.height() <= 560


# --- Ctrl+Z of a call in the session keeps what was changed since -------------------


def _city(db: Database, prospect_id: int) -> str:
    with db.session() as session:
        prospect = session.get(Prospect, prospect_id)
        assert prospect is not None
        return prospect.city


def _first_called(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> tuple[CallSessionDialog, int]:
    """A session of two prospects, the first called (no answer)."""
    for n in range(2):
        add_prospect(db, f"Prospect {n}", priority=9 - n)
    Prompts(monkeypatch)
    dialog = _open(qtbot, db, start(db))
    first = dialog.state.current_prospect_id
    assert first is not None
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    return dialog, first


def test_taking_a_call_back_keeps_a_later_edit(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog, first = _first_called(qtbot, db, monkeypatch)
    with db.session() as session:  # then someone edits it (the editor, a colleague)
        assert update_prospect(session, first, {"city": "Nantes"}).ok
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(db, first)[2] == []  # the call is taken back
    assert _city(db, first) == "Nantes"  # and the edit made since kept
    assert dialog.state.current_prospect_id == first


def test_taking_a_call_back_over_a_later_change_of_the_same_thing_is_refused(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog, first = _first_called(qtbot, db, monkeypatch)
    _colleague_plans(db, first)  # after the call: over the call's plan
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    at, text, calls = _stored(db, first)
    assert calls == [Outcome.NO_ANSWER] and (at, text) == (THEIRS, "Envoyer le devis")
    assert dialog.last_label.text().startswith("Not taken back")
    assert not dialog.undo_button.isEnabled()
