""" "Log a call…" warns when the call broke a calling rule, and proposes a lawful follow-up."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Contact
from prospection.core.prospect_editing import ActivityInput, EditResult, IssueCode, log_activity
from prospection.ui.editor.log_activity_dialog import LogActivityDialog
from tests.call_factories import NOW, add_prospect

PARIS = ZoneInfo("Europe/Paris")
SUNDAY = datetime(2026, 11, 29, 11, 0, tzinfo=PARIS)


def consumer(db: Database) -> int:
    pid = add_prospect(db, "M. Petit", is_consumer=True, phones=("+33612345678",))
    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.prospect_id == pid)).one()
        contact.consent_at = NOW - timedelta(days=60)
    return pid


def test_logging_a_call_by_hand_warns_but_records(db: Database) -> None:
    pid = consumer(db)
    with db.session() as session:
        result = log_activity(
            session,
            pid,
            ActivityInput(kind=ActivityKind.CALL, outcome=Outcome.NO_ANSWER, occurred_at=SUNDAY),
        )
    assert result.ok and result.activity_id is not None
    assert [(w.code, w.value) for w in result.warnings] == [(IssueCode.CALLING_RULE, "weekend")]
    with db.session() as session:
        lawful = log_activity(
            session,
            pid,
            ActivityInput(kind=ActivityKind.CALL, occurred_at=SUNDAY + timedelta(days=1)),
        )
        inbound = log_activity(
            session, pid, ActivityInput(kind=ActivityKind.CALL, occurred_at=SUNDAY, inbound=True)
        )
    assert lawful.warnings == () and inbound.warnings == ()


def test_dialog_shows_the_broken_rule_before_saving(qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[datetime, int | None]] = []

    def check(at: datetime, contact_id: int | None) -> list[str]:
        asked.append((at, contact_id))
        return ["weekend", "too_many_calls"] if at.weekday() == 6 else []

    saved: list[ActivityInput] = []

    def submit(data: ActivityInput, _at: datetime | None, _text: str | None) -> EditResult:
        saved.append(data)
        return EditResult()

    follow = datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)
    dialog = LogActivityDialog(submit, check=check, follow_up_at=follow)
    qtbot.addWidget(dialog)
    dialog.set_when(SUNDAY - timedelta(days=2))
    assert not dialog.rules_label.isVisibleTo(dialog)
    dialog.set_when(SUNDAY)
    assert dialog.rules_label.isVisibleTo(dialog)
    text = dialog.rules_label.text()
    assert "no calls to consumers on Saturdays and Sundays" in text
    assert "at the limit of 4 calls in 30 days" in text
    assert dialog.follow_up_when.dateTime().toSecsSinceEpoch() == int(follow.timestamp())
    dialog.kind.setCurrentIndex(dialog.kind.findData(ActivityKind.NOTE.value))
    assert not dialog.rules_label.isVisibleTo(dialog)  # only calls follow calling rules
    dialog.kind.setCurrentIndex(dialog.kind.findData(ActivityKind.CALL.value))
    dialog.accept()
    assert len(saved) == 1  # recorded all the same


def test_editor_checks_the_prospects_rules(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from prospection.ui.data_events import DataEvents
    from prospection.ui.main_window import MainWindow

    pid = consumer(db)
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    window.model.row_at(0)
    assert window.table.select_prospect(pid)
    assert window.editor.call_rule_check(SUNDAY, None) == ["weekend"]
    assert window.editor.call_rule_check(SUNDAY + timedelta(days=1), None) == []


def test_session_conversation_follow_up_lands_in_working_hours(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from prospection.ui.call_session.follow_up_dialogs import NextStepDialog
    from prospection.ui.call_session.session_dialog import CallSessionDialog
    from prospection.ui.data_events import DataEvents
    from prospection.ui.qt_dates import from_qdatetime
    from tests.ui.call_session_helpers import Prompts, start

    add_prospect(db, "Garage Morel")
    session_id = start(db)
    night = datetime(2026, 11, 25, 3, 14).astimezone()  # a Wednesday, local time
    proposed: list[datetime] = []

    def next_step(dialog: QDialog) -> bool:
        assert isinstance(dialog, NextStepDialog)
        proposed.append(from_qdatetime(dialog.when.dateTime()))
        return False

    prompts = Prompts(monkeypatch)
    prompts.then(next_step)
    dialog = CallSessionDialog(
        db, DataEvents(), session_id, dialer=lambda url: True, clock=lambda: night
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_7)  # conversation
    # Two working days later (Friday), at the start of the working day, not at 03:14.
    assert proposed == [datetime(2026, 11, 27, 9, 0).astimezone()]


def test_working_hours_are_set_in_the_call_settings(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from datetime import time

    from PySide6.QtCore import QTime

    from prospection.core.call_outcomes import load_call_settings
    from prospection.ui.call_session.call_settings_dialog import CallSettingsDialog

    dialog = CallSettingsDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.work_start.time() == QTime(9, 0) and dialog.work_end.time() == QTime(18, 0)
    dialog.work_start.setTime(QTime(19, 0))
    dialog.accept()  # ends before it starts: refused, said, nothing stored
    assert dialog.error_label.text() and dialog.result() == 0
    dialog.work_start.setTime(QTime(8, 30))
    dialog.work_end.setTime(QTime(17, 0))
    dialog.accept()
    with db.session() as session:
        assert load_call_settings(session).working_hours == (time(8, 30), time(17, 0))
