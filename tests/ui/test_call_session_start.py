"""Starting, resuming and looking back: the start dialog, resumption, history, tracks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from prospection.core.call_outcomes import load_call_settings
from prospection.core.call_queue import QueueSource
from prospection.core.call_sessions import find_resumable, get_session, record_call
from prospection.core.db import Database
from prospection.core.enums import Outcome, SessionStatus
from prospection.core.models import utcnow
from prospection.core.talk_tracks import track_for
from prospection.ui.call_session import launcher, talk_track_editor
from prospection.ui.call_session.call_settings_dialog import CallSettingsDialog
from prospection.ui.call_session.history_dialog import SessionHistoryDialog
from prospection.ui.call_session.session_dialog import CallSessionDialog
from prospection.ui.call_session.start_dialog import StartCallingDialog
from prospection.ui.call_session.talk_track_editor import TalkTrackEditor
from prospection.ui.data_events import DataEvents
from tests.call_factories import add_prospect
from tests.ui.call_session_helpers import Prompts, start


def test_start_dialog_previews_the_queue_and_what_is_left_out(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    due = add_prospect(db, "Due today", next_action_at=utcnow() - timedelta(hours=1))
    new = add_prospect(db, "Never called", tags=("bakery",))
    add_prospect(db, "No number", phones=())
    dialog = StartCallingDialog(db, selected_ids=[new])
    qtbot.addWidget(dialog)
    assert dialog.due_radio.isChecked()  # follow-ups first, when there are some
    assert dialog.spec().source == QueueSource.DUE
    assert "1 prospects to call" in dialog.preview.text()
    dialog.new_radio.setChecked(True)
    assert "2 prospects to call" in dialog.preview.text()
    assert "No number (no number to dial)" in dialog.left_out.text()
    dialog.tag_box.setCurrentText("bakery")
    dialog.tag_radio.setChecked(True)
    assert dialog.spec().tag == "bakery"
    assert not dialog.filter_radio.isEnabled()
    dialog.time_radio.setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as session:
        state = get_session(session, dialog.created_session_id or 0)
    assert state.queue == (new,) and state.time_box_minutes == 45
    assert state.source == "tag:bakery" and state.planned_size is None
    assert due not in state.queue


def test_start_dialog_with_nobody_to_call_cannot_start(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = StartCallingDialog(db)
    qtbot.addWidget(dialog)
    assert not dialog.start_button.isEnabled()
    dialog.accept()
    assert dialog.created_session_id is None


def test_start_calling_opens_the_session(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_prospect(db, "Someone")
    prompts = Prompts(monkeypatch)
    prompts.then(lambda d: isinstance(d, StartCallingDialog) and (d.accept() or True))
    opened = launcher.start_calling(db, DataEvents(), None)
    assert isinstance(opened, CallSessionDialog)
    qtbot.addWidget(opened)
    assert opened.brief.name.text() == "Someone"
    opened.close()


def test_an_interrupted_session_is_offered_at_start_up(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = add_prospect(db, "First")
    add_prospect(db, "Second")
    session_id = start(db)
    with db.session() as session:
        record_call(session, session_id, first, Outcome.NO_ANSWER)
    prompts = Prompts(monkeypatch)
    prompts.then(lambda d: True)  # Resume
    dialog = launcher.offer_resume(db, DataEvents(), None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert isinstance(prompts.seen[0], QMessageBox)
    assert "2 / 2 (Second)" in prompts.seen[0].text()
    assert dialog.brief.name.text() == "Second"
    assert dialog.progress_label.text() == "Call session — 2 / 2"
    dialog.close()


def test_declining_the_resumption_ends_the_session(  # type: ignore[no-untyped-def]
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_prospect(db, "Only")
    session_id = start(db)
    Prompts(monkeypatch).then(lambda d: False)
    assert launcher.offer_resume(db, DataEvents(), None) is None
    with db.session() as session:
        assert get_session(session, session_id).status == SessionStatus.ENDED
        assert find_resumable(session) is None
    assert launcher.offer_resume(db, DataEvents(), None) is None


def test_history_lists_sessions(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    empty = SessionHistoryDialog(db)
    qtbot.addWidget(empty)
    assert empty.table.isHidden()
    pid = add_prospect(db, "Called")
    session_id = start(db)
    with db.session() as session:
        record_call(session, session_id, pid, Outcome.CONVERSATION, duration_seconds=125)
    dialog = SessionHistoryDialog(db)
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells[1:8] == ["all open prospects", "1", "1", "1", "0", "0", "2 min"]


def test_talk_tracks_are_edited_and_saved(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = TalkTrackEditor(db)
    qtbot.addWidget(editor)
    assert editor.name.text() == "Default talk track"
    editor.opener.setPlainText("Hello, it's Sam.")
    editor._add_objection("Too busy", "Two minutes, promise")
    assert editor.save()
    with db.session() as session:
        track = track_for(session, "en")
    assert track.opener == "Hello, it's Sam."
    assert track.objections[-1] == ("Too busy", "Two minutes, promise")
    editor.restore_default()
    assert editor.opener.toPlainText().startswith("Hello [first name]")
    editor.new_track()
    editor.name.clear()
    warnings: list[object] = []
    monkeypatch.setattr(
        talk_track_editor.QMessageBox, "warning", lambda *args: warnings.append(args)
    )
    assert not editor.save()  # a nameless track is refused, with a message
    assert warnings


def test_call_settings_are_stored_with_the_data(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = CallSettingsDialog(db)
    qtbot.addWidget(dialog)
    assert (dialog.retry_days.value(), dialog.max_attempts.value()) == (2, 6)
    dialog.retry_days.setValue(3)
    dialog.max_attempts.setValue(8)
    dialog.accept()
    with db.session() as session:
        settings = load_call_settings(session)
    assert (settings.retry_working_days, settings.max_attempts) == (3, 8)


def test_the_main_window_offers_start_calling_first(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    from prospection.ui.main_window import MainWindow

    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    start_action = window.call_actions.start
    assert start_action.shortcut() == QKeySequence("Ctrl+Return")
    assert window.main_toolbar.actions()[0] is start_action
    assert "Ctrl+Return" in start_action.toolTip().replace("↵", "Return")
    assert window.calls_menu.actions()[0] is start_action
    assert window.call_actions.history in window.calls_menu.actions()
    assert window.call_actions.talk_tracks in window.calls_menu.actions()


def test_left_out_reasons_read_in_plain_words() -> None:
    from datetime import UTC, datetime

    from prospection.core.call_queue import LeftOut
    from prospection.ui.call_session.call_labels import left_out_label

    again = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert left_out_label(LeftOut(1, "A", "no_phone")) == "no number to dial"
    waiting = left_out_label(LeftOut(2, "B", "too_many_calls", "4 calls", again))
    assert waiting.startswith("at the limit of 4 calls in 30 days; callable from ")
    assert left_out_label(LeftOut(3, "C", "some_new_rule", "its own words")) == "its own words"
