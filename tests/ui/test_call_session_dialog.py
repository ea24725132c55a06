"""The call session dialog driven from the keyboard, checking every row it writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select

from prospection.core.call_sessions import get_session, summary
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome, SessionStatus, Stage
from prospection.core.models import Activity, Contact, Phone, Prospect
from prospection.core.working_days import next_working_day_at
from prospection.ui.call_session.follow_up_dialogs import (
    CallBackDialog,
    MeetingDialog,
    NextStepDialog,
)
from prospection.ui.call_session.session_dialog import CallSessionDialog
from prospection.ui.call_session.session_summary import SessionSummaryDialog
from prospection.ui.data_events import DataEvents
from tests.call_factories import NOW, add_prospect
from tests.ui.call_session_helpers import Prompts, accept, no, start, yes


class Recorder:
    """Counts DataEvents and dialled numbers."""

    def __init__(self, events: DataEvents) -> None:
        self.activities = 0
        self.prospects: list[list[int]] = []
        self.dialled: list[str] = []
        events.activities_changed.connect(self._activity)
        events.prospects_changed.connect(self.prospects.append)

    def _activity(self) -> None:
        self.activities += 1

    def dial(self, url: QUrl) -> bool:
        self.dialled.append(url.toString())
        return True


def _open(qtbot, db: Database, session_id: int) -> tuple[CallSessionDialog, Recorder]:  # type: ignore[no-untyped-def]
    events = DataEvents()
    recorder = Recorder(events)
    dialog = CallSessionDialog(db, events, session_id, dialer=recorder.dial, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.setFocus()
    return dialog, recorder


def _key(qtbot, dialog: CallSessionDialog, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(dialog, key)


def _calls(db: Database, prospect_id: int) -> list[Activity]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Activity).where(Activity.prospect_id == prospect_id).order_by(Activity.id)
            )
        )


def test_a_whole_session_from_the_keyboard_writes_every_row(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ids = [
        add_prospect(db, f"Prospect {n}", priority=9 - n, phones=("+33465712010", "+33639981234"))
        for n in range(9)
    ]
    session_id = start(db)
    ics_path = tmp_path / "meeting.ics"
    monkeypatch.setattr(CallSessionDialog, "invitation_path", lambda self, name: ics_path)
    monkeypatch.setattr(CallSessionDialog, "open_invitation", lambda self, path: True)

    def call_back(dialog: QDialog) -> bool:
        assert isinstance(dialog, CallBackDialog)
        qtbot.keyClicks(dialog.note, "After the budget meeting")
        return True

    def next_step(dialog: QDialog) -> bool:
        assert isinstance(dialog, NextStepDialog)
        qtbot.keyClicks(dialog.step, "Send the figures")
        return True

    def meeting(dialog: QDialog) -> bool:
        assert isinstance(dialog, MeetingDialog)
        qtbot.keyClicks(dialog.place, "12 rue des Fours")
        return True

    prompts = Prompts(monkeypatch)
    prompts.then(yes)  # 5: not interested -> do not call again? yes
    prompts.then(call_back).then(next_step).then(meeting)
    prompts.then(accept)  # the summary
    dialog, recorder = _open(qtbot, db, session_id)
    assert dialog.progress_label.text() == "Call session — 1 / 9"
    assert dialog.brief.name.text() == "Prospect 0"

    # 1: dial with Enter, write a note, no answer.
    _key(qtbot, dialog, Qt.Key.Key_Return)
    assert recorder.dialled == ["tel:+33465712010"]
    assert dialog.timer.running
    _key(qtbot, dialog, Qt.Key.Key_N)
    assert dialog.focusWidget() is dialog.notes
    qtbot.keyClicks(dialog.notes, "Asked for Élodie 1 2 3")  # digits type, not record
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert dialog.focusWidget() is not dialog.notes and dialog.isVisible()
    _key(qtbot, dialog, Qt.Key.Key_1)
    assert dialog.progress_label.text() == "Call session — 2 / 9"
    for key in (Qt.Key.Key_2, Qt.Key.Key_3):
        _key(qtbot, dialog, key)
    # 4: wrong number, after dialling the second number twice over with Enter.
    _key(qtbot, dialog, Qt.Key.Key_Return)
    _key(qtbot, dialog, Qt.Key.Key_Return)
    assert recorder.dialled[-1] == "tel:+33639981234"
    _key(qtbot, dialog, Qt.Key.Key_4)
    for key in (Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8):
        _key(qtbot, dialog, key)
    assert dialog.brief.name.text() == "Prospect 8"
    _key(qtbot, dialog, Qt.Key.Key_S)

    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert isinstance(prompts.seen[-1], SessionSummaryDialog)
    assert "Calls: 8" in prompts.texts[-1] and "Meetings booked: 1" in prompts.texts[-1]

    first = _calls(db, ids[0])
    assert [(a.kind, a.outcome) for a in first] == [
        (ActivityKind.CALL, Outcome.NO_ANSWER),
        (ActivityKind.STAGE_CHANGE, None),
    ]
    assert first[0].notes == "Asked for Élodie 1 2 3"
    assert first[0].duration_seconds is not None and first[0].call_session_id == session_id
    assert first[0].occurred_at == NOW
    expected = [
        Outcome.NO_ANSWER,
        Outcome.VOICEMAIL,
        Outcome.GATEKEEPER,
        Outcome.WRONG_NUMBER,
        Outcome.NOT_INTERESTED,
        Outcome.CALL_BACK,
        Outcome.CONVERSATION,
        Outcome.MEETING_BOOKED,
    ]
    for prospect_id, outcome in zip(ids, expected, strict=False):
        calls = [a for a in _calls(db, prospect_id) if a.kind == ActivityKind.CALL]
        assert [c.outcome for c in calls] == [outcome]
    assert _calls(db, ids[8]) == []  # skipped: nothing written

    with db.session() as session:
        prospects = {p.id: p for p in session.scalars(select(Prospect))}
        wrong = session.scalars(select(Phone).where(Phone.is_wrong.is_(True))).all()
        objected = session.scalars(select(Contact).where(Contact.dnc_phone.is_(True))).all()
        state = get_session(session, session_id)
        done = summary(session, session_id)
    assert [p.e164 for p in wrong] == ["+33639981234"]
    assert [c.prospect_id for c in objected] == [ids[4]]
    assert prospects[ids[4]].stage == Stage.LOST
    assert prospects[ids[5]].next_action_at == next_working_day_at(NOW)
    assert prospects[ids[5]].next_action_text == "After the budget meeting"
    assert prospects[ids[6]].next_action_text == "Send the figures"
    assert prospects[ids[7]].stage == Stage.MEETING
    meeting_row = _calls(db, ids[7])[-1]
    assert meeting_row.kind == ActivityKind.MEETING and meeting_row.location == "12 rue des Fours"
    event = next(iter(Calendar.from_ical(ics_path.read_bytes()).walk("VEVENT")))
    if os.name == "posix":  # the contact's name, pains and pitch: for the user alone
        assert stat.S_IMODE(ics_path.stat().st_mode) == 0o600
    assert str(event["location"]) == "12 rue des Fours"
    assert state.status == SessionStatus.ENDED and state.skipped == 1 and state.finished
    assert (done.tally.calls, done.tally.meetings) == (8, 1)
    assert recorder.activities >= 8 and [ids[0]] in recorder.prospects


def test_notes_are_saved_as_you_type_and_a_cancelled_prompt_records_nothing(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = add_prospect(db, "Typed")
    session_id = start(db)
    prompts = Prompts(monkeypatch)
    prompts.then(no)  # cancel the call-back prompt
    dialog, _recorder = _open(qtbot, db, session_id)
    _key(qtbot, dialog, Qt.Key.Key_N)
    qtbot.keyClicks(dialog.notes, "Closed on Wednesdays")

    def saved() -> None:
        with db.session() as session:
            assert get_session(session, session_id).draft_notes == "Closed on Wednesdays"

    qtbot.waitUntil(saved)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    _key(qtbot, dialog, Qt.Key.Key_6)
    assert isinstance(prompts.seen[0], CallBackDialog)
    assert _calls(db, pid) == [] and dialog.brief.name.text() == "Typed"


def test_pause_stops_the_keys_until_p_again(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = add_prospect(db, "Paused")
    add_prospect(db, "Next")
    session_id = start(db)
    Prompts(monkeypatch)
    dialog, _recorder = _open(qtbot, db, session_id)
    _key(qtbot, dialog, Qt.Key.Key_P)
    assert dialog.paused and not dialog.outcomes.isEnabled()
    with db.session() as session:
        assert get_session(session, session_id).status == SessionStatus.PAUSED
    _key(qtbot, dialog, Qt.Key.Key_1)
    assert _calls(db, pid) == []
    _key(qtbot, dialog, Qt.Key.Key_P)
    assert not dialog.paused
    _key(qtbot, dialog, Qt.Key.Key_1)
    assert [a.outcome for a in _calls(db, pid) if a.kind == ActivityKind.CALL] == [
        Outcome.NO_ANSWER
    ]


def test_escape_asks_before_ending_and_f1_lists_the_keys(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_prospect(db, "One")
    session_id = start(db)
    prompts = Prompts(monkeypatch)
    prompts.then(accept)  # F1: the list of keys
    prompts.then(no)  # Esc: end? no
    prompts.then(yes).then(accept)  # Esc again: yes; then the summary
    dialog, _recorder = _open(qtbot, db, session_id)
    _key(qtbot, dialog, Qt.Key.Key_F1)
    assert isinstance(prompts.seen[0], QMessageBox)
    assert "Skip this prospect" in prompts.seen[0].text()
    _key(qtbot, dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    with db.session() as session:
        assert get_session(session, session_id).status == SessionStatus.ACTIVE
    _key(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert isinstance(prompts.seen[-1], SessionSummaryDialog)
    with db.session() as session:
        assert get_session(session, session_id).status == SessionStatus.ENDED


def test_the_brief_comes_before_the_numbers(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_prospect(
        db,
        "Boulangeries Marchand",
        industry="Bakery",
        city="Villeurbanne",
        pains="Delivery costs up 18%",
        pitch="Pooled routes",
    )
    Prompts(monkeypatch)
    dialog, _recorder = _open(qtbot, db, start(db))
    assert "Bakery" in dialog.brief.facts.text() and "Villeurbanne" in dialog.brief.facts.text()
    assert dialog.brief.pains.text() == "Delivery costs up 18%"
    assert dialog.brief.pitch.text() == "Pooled routes"
    assert "never contacted" in dialog.brief.why_now.text()
    contacts_top = dialog.contacts.mapTo(dialog, dialog.contacts.rect().topLeft()).y()
    assert dialog.brief.geometry().bottom() < contacts_top
    assert "Opener" in dialog.talk_track.text.toPlainText()
    assert dialog.week_bars.bars["calls"].text == "0 / 40"


def test_the_call_timer_can_be_corrected(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTime

    from prospection.ui.call_session.call_timer import CallTimer

    timer = CallTimer()
    qtbot.addWidget(timer)
    assert timer.duration() is None  # nothing dialled: no duration recorded
    timer.start()
    assert timer.running and timer.duration() is not None
    timer.pause()
    timer.edit.setTime(QTime(0, 4, 30))
    timer.edit.editingFinished.emit()
    assert timer.seconds() == 270
    timer.reset()
    assert timer.duration() is None and timer.seconds() == 0


def test_a_time_box_ends_the_session_after_the_call_in_progress(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from prospection.core.call_queue import QueueSource, QueueSpec, build_queue
    from prospection.core.call_sessions import start_session

    first = add_prospect(db, "First")
    add_prospect(db, "Second")
    spec = QueueSpec(QueueSource.ALL, size=None)
    with db.session() as session:
        session_id = start_session(
            session, spec, build_queue(session, spec, now=NOW), time_box_minutes=45, now=NOW
        ).id
    moment = [NOW]
    prompts = Prompts(monkeypatch).then(accept)  # the summary
    events = DataEvents()
    dialog = CallSessionDialog(
        db, events, session_id, dialer=lambda url: True, clock=lambda: moment[0]
    )
    qtbot.addWidget(dialog)
    assert dialog.time_left.text() == "45 min left"
    moment[0] = NOW + timedelta(minutes=46)
    dialog.update_header()
    assert dialog.banner.isVisibleTo(dialog) and "Time is up" in dialog.banner.text()
    dialog.record(Outcome.NO_ANSWER)
    assert isinstance(prompts.seen[-1], SessionSummaryDialog)
    with db.session() as session:
        state = get_session(session, session_id)
    assert state.status == SessionStatus.ENDED and state.position == 1
    assert [a.outcome for a in _calls(db, first) if a.kind == ActivityKind.CALL] == [
        Outcome.NO_ANSWER
    ]


def test_calling_rules_are_checked_again_before_dialling(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection.core.call_queue import QueueSource, QueueSpec, build_queue
    from prospection.core.call_sessions import start_session

    # A consumer without recorded consent (required since 11 August 2026), queued
    # before the rules applied (the queue is built here without them).
    pid = add_prospect(db, "Mme Martin", is_consumer=True, phones=("+33612345678",))
    spec = QueueSpec(QueueSource.ALL)
    with db.session() as session:
        queue = build_queue(session, spec, now=NOW, rules=[])
        session_id = start_session(session, spec, queue, now=NOW).id
    Prompts(monkeypatch)
    dialog, recorder = _open(qtbot, db, session_id)
    assert dialog.brief.name.text() == "Mme Martin"
    assert "Not now: no recorded consent" in dialog.banner.text()
    _key(qtbot, dialog, Qt.Key.Key_Return)
    assert recorder.dialled == [] and not dialog.timer.running
    assert _calls(db, pid) == []


def test_the_next_card_shows_before_the_call_is_saved(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection.core import call_sessions

    ids = [add_prospect(db, f"Prospect {n}", priority=9 - n) for n in range(3)]
    session_id = start(db)
    Prompts(monkeypatch)  # any prompt (ending the session at teardown) says no
    dialog, recorder = _open(qtbot, db, session_id)
    shown_at_save: list[str] = []
    record_call = call_sessions.record_call

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        shown_at_save.append(dialog.brief.name.text())
        return record_call(*args, **kwargs)

    monkeypatch.setattr(call_sessions, "record_call", watching)
    _key(qtbot, dialog, Qt.Key.Key_1)  # no answer
    assert shown_at_save == ["Prospect 1"]  # the next card was up when the commit ran
    calls = [a.outcome for a in _calls(db, ids[0]) if a.kind == ActivityKind.CALL]
    assert calls == [Outcome.NO_ANSWER]
    with db.session() as session:
        assert get_session(session, session_id).position == 1
    assert dialog.last_label.text() == "Recorded: Prospect 0 — No answer"
    assert recorder.activities == 1 and recorder.prospects == [[ids[0]]]


def test_a_call_that_cannot_be_saved_brings_its_prospect_back(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection.core import call_sessions
    from prospection.core.calls import CallError
    from prospection.ui.call_session import session_dialog

    ids = [add_prospect(db, f"Prospect {n}", priority=9 - n) for n in range(3)]
    session_id = start(db)
    Prompts(monkeypatch)
    dialog, recorder = _open(qtbot, db, session_id)
    warnings: list[str] = []
    monkeypatch.setattr(
        session_dialog.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text)
    )

    def failing(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise CallError("the prospect was merged meanwhile")

    monkeypatch.setattr(call_sessions, "record_call", failing)
    _key(qtbot, dialog, Qt.Key.Key_N)
    qtbot.keyClicks(dialog.notes, "Try mornings")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    _key(qtbot, dialog, Qt.Key.Key_2)  # voicemail
    assert warnings == ["The call to Prospect 0 was not saved: the prospect was merged meanwhile"]
    assert dialog.brief.name.text() == "Prospect 0"
    assert dialog.notes.toPlainText() == "Try mornings"
    assert dialog.progress_label.text() == "Call session — 1 / 3"
    assert _calls(db, ids[0]) == [] and recorder.activities == 0
