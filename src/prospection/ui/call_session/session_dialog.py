"""The call session: one prospect at a time, purpose first, one key per outcome.

Every step is committed at once (a crash or a closed lid loses nothing): the outcome
with its follow-up, the position in the queue, and the notes as they are typed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QTimeZone, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from prospection.core import call_sessions, weekly_goals
from prospection.core.call_cards import CallCard, load_call_card
from prospection.core.call_eligibility import call_eligibility
from prospection.core.call_leases import LEASE_MINUTES
from prospection.core.call_outcomes import OUTCOME_BY_KEY, rule_for
from prospection.core.call_queue import LeftOut
from prospection.core.calls import (
    CallError,
    default_call_back,
    default_follow_up,
    mark_do_not_call,
    plan_next_action,
)
from prospection.core.db import Database
from prospection.core.enums import Outcome, SessionStatus
from prospection.core.errors import Problem, StorageError, classify_problem
from prospection.core.exports import write_private
from prospection.core.meeting_invites import meeting_ics
from prospection.core.models import utcnow
from prospection.core.prospect_editing import EditConflict
from prospection.core.talk_tracks import fill_track, first_name, first_problem, track_for
from prospection.core.working_days import next_working_day_at
from prospection.ui.call_session.call_labels import (
    default_next_text,
    interface_language,
    left_out_label,
)
from prospection.ui.call_session.call_timer import CallTimer
from prospection.ui.call_session.contacts_panel import ContactsPanel
from prospection.ui.call_session.dialog_runner import run_dialog
from prospection.ui.call_session.follow_up_dialogs import (
    CallBackDialog,
    FollowUpAnswer,
    MeetingDialog,
    NextStepDialog,
)
from prospection.ui.call_session.next_action_choice import NextActionChoiceDialog
from prospection.ui.call_session.outcome_bar import OutcomeBar
from prospection.ui.call_session.prospect_brief import ProspectBrief
from prospection.ui.call_session.session_keys import session_key_rows
from prospection.ui.call_session.session_summary import SessionSummaryDialog
from prospection.ui.call_session.talk_track_panel import TalkTrackPanel
from prospection.ui.data_events import DataEvents
from prospection.ui.goals.week_bars import WeekBars
from prospection.ui.labels import outcome_label
from prospection.ui.preferences import Preferences

#: Milliseconds between the last key typed in the notes and their saving.
NOTES_SAVE_DELAY_MS = 400
#: Seconds after a prompt closes (and after each key typed meanwhile) during which
#: typing is not taken as session commands: the rest of a sentence typed into a prompt
#: must not pause the session, open the notes or record an outcome.
KEYS_SETTLE_SECONDS = 0.8


log = logging.getLogger(__name__)


def server_lost(error: BaseException) -> bool:
    """Whether `error` is the team server gone (the transaction was rolled back)."""
    return classify_problem(error) is Problem.SERVER


class _NotesKeys(QObject):
    """Esc in the notes goes back to the keys instead of ending the session."""

    def __init__(self, dialog: CallSessionDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self._dialog.leave_notes()
            return True
        return False


class CallSessionDialog(QDialog):
    """Works through a stored call session, one prospect at a time."""

    #: The session ended (its id); the summary was shown.
    session_ended = Signal(int)
    #: The summary's "See follow-ups" was chosen.
    follow_ups_requested = Signal()

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        session_id: int,
        parent: QWidget | None = None,
        *,
        dialer: Callable[[QUrl], bool] | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callSessionDialog")
        self.db = db
        self.events = events
        self.session_id = session_id
        self.dialer = dialer or QDesktopServices.openUrl
        # Numbers written as dialled from the user's default country (Preferences).
        self._home_region = Preferences().phone_region()
        self.clock = clock
        self._card: CallCard | None = None
        self._dialled: tuple[int, int] | None = None
        self._dialled_at: datetime | None = None
        self._dial_index = 0
        self._paused = False
        self._time_up = False
        self._ending = False
        self._last_recorded = ""
        #: "name — outcome" of a call the server refused, while it waits for Retry.
        self._unsaved_call: str | None = None
        self._blocked: str | None = None
        #: The prospect before the last call logged, and the notes typed (for Ctrl+Z).
        self._undo: call_sessions.CallUndo | None = None
        #: The queue position of the earlier prospect shown (Shift+Tab), or None.
        self._looking_back: int | None = None
        #: Until when (time.monotonic) typed keys are swallowed, after a prompt closed.
        self.keys_settle_at = 0.0
        #: What became of the last calendar file (shown with the recorded call).
        self.invitation_note = ""
        with db.session() as session:
            self.state = call_sessions.resume(session, session_id)
            self._track = track_for(session, interface_language())
        self.setWindowTitle(self.tr("Call session"))
        self.resize(1240, 720)
        self._build()
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(NOTES_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_notes)
        self.notes.textChanged.connect(self._save_timer.start)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self.update_header)
        self._clock_timer.start()
        # The session's reservations (core/call_leases.py) are renewed at each call
        # and skip; this keeps them while one call or a pause runs long.
        self._lease_timer = QTimer(self)
        self._lease_timer.setInterval(LEASE_MINUTES * 60 * 1000 // 3)
        self._lease_timer.timeout.connect(self.keep_reservations)
        self._lease_timer.start()
        self.load_current()

    # --- building -------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("sessionProgress")
        font = self.progress_label.font()
        font.setBold(True)
        self.progress_label.setFont(font)
        top.addWidget(self.progress_label)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        top.addWidget(self.progress, 1)
        self.time_left = QLabel(self)
        top.addWidget(self.time_left)
        self.timer = CallTimer(self)
        top.addWidget(self.timer)
        self.pause_button = QPushButton(self.tr("Pause (P)"), self)
        self.pause_button.setAutoDefault(False)
        self.pause_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pause_button.clicked.connect(self.toggle_pause)
        top.addWidget(self.pause_button)
        self.end_button = QPushButton(self.tr("End (Esc)"), self)
        self.end_button.setAutoDefault(False)
        self.end_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.end_button.clicked.connect(self.reject)
        top.addWidget(self.end_button)
        help_button = QPushButton(self.tr("Keys (F1)"), self)
        help_button.setAutoDefault(False)
        help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        help_button.clicked.connect(self.show_shortcuts)
        top.addWidget(help_button)
        layout.addLayout(top)

        self.banner = QLabel(self)
        self.banner.setObjectName("sessionBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        layout.addWidget(self.banner)

        self.brief = ProspectBrief(self)
        layout.addWidget(self.brief)
        contacts_box = QGroupBox(self.tr("Who to ask for"), self)
        contacts_layout = QVBoxLayout(contacts_box)
        self.contacts = ContactsPanel(contacts_box)
        self.contacts.dial_requested.connect(self.dial)
        contacts_layout.addWidget(self.contacts)
        layout.addWidget(contacts_box)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        notes_box = QWidget(splitter)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_label = QLabel(self.tr("&Notes (N) — saved as you type"), notes_box)
        self.notes = QPlainTextEdit(notes_box)
        self.notes.setObjectName("callNotes")
        self.notes.setPlaceholderText(
            self.tr("What they said, who to ask for next time… Esc goes back to the keys.")
        )
        self.notes.installEventFilter(_NotesKeys(self))
        notes_label.setBuddy(self.notes)
        notes_layout.addWidget(notes_label)
        notes_layout.addWidget(self.notes, 1)
        self.talk_track = TalkTrackPanel(splitter)
        self.talk_track.edit_requested.connect(self.edit_talk_tracks)
        splitter.addWidget(notes_box)
        splitter.addWidget(self.talk_track)
        splitter.setSizes([600, 600])
        layout.addWidget(splitter, 1)

        self.outcomes = OutcomeBar(self)
        self.outcomes.outcome_chosen.connect(lambda value: self.record(Outcome(value)))
        self.outcomes.skip_requested.connect(self.skip)
        layout.addWidget(self.outcomes)

        bottom = QHBoxLayout()
        self.last_label = QLabel(self)
        self.last_label.setObjectName("lastRecorded")
        bottom.addWidget(self.last_label, 1)
        self.previous_button = QPushButton(self.tr("Previous prospect (Shift+Tab)"), self)
        self.previous_button.setAutoDefault(False)
        self.previous_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.previous_button.clicked.connect(self.previous_prospect)
        bottom.addWidget(self.previous_button)
        self.current_button = QPushButton(self.tr("Back to the current prospect (Tab)"), self)
        self.current_button.setAutoDefault(False)
        self.current_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.current_button.setVisible(False)
        self.current_button.clicked.connect(self.back_to_current)
        bottom.addWidget(self.current_button)
        self.undo_button = QPushButton(self.tr("Undo last call (Ctrl+Z)"), self)
        self.undo_button.setAutoDefault(False)
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last_call)
        bottom.addWidget(self.undo_button)
        layout.addLayout(bottom)
        tallies = QHBoxLayout()
        self.session_tally = QLabel(self)
        self.session_tally.setObjectName("sessionTally")
        week_label = QLabel(self.tr("This week:"), self)
        # The weekly-goal panel's own bars: the same numbers as the main window's dock.
        self.week_bars = WeekBars(
            self.db,
            self.events,
            self,
            metrics=("calls", "conversations", "meetings"),
            clock=self.clock,
        )
        tallies.addWidget(self.session_tally, 1)
        tallies.addWidget(week_label)
        tallies.addWidget(self.week_bars, 1)
        layout.addLayout(tallies)

    def _run_prompt(self, dialog: QDialog) -> bool:
        """Run a prompt; the keys typed just after it closes are not commands."""
        try:
            return run_dialog(dialog)
        finally:
            self.keys_settle_at = time.monotonic() + KEYS_SETTLE_SECONDS

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab and Shift+Tab reach here from the dialog and from any child that does not
        # take them itself (the talk track, the buttons): outside the notes, Shift+Tab
        # looks back at the previous prospects and Tab returns to the current one.
        if self._typing_in_field():
            return super().focusNextPrevChild(next)
        if not next:
            self.previous_prospect()
            return True
        if self._looking_back is not None:
            self.back_to_current()
            return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys reach the dialog when no editor took them: typing digits in the notes
        # writes digits, and the same digits on the dialog record an outcome.
        if self._typing_in_field():
            super().keyPressEvent(event)  # a text field never gives single-key commands
            return
        if event.text() and event.key() != Qt.Key.Key_Escape and self._settling():
            event.accept()  # still typing what was meant for the prompt just closed
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_last_call()
            event.accept()
            return
        if self._looking_back is not None and event.key() == Qt.Key.Key_Escape:
            self.back_to_current()  # Esc leaves the look back, not the session
            event.accept()
            return
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        key = event.key()
        if (
            plain
            and Qt.Key.Key_1 <= key <= Qt.Key.Key_8
            and modifiers != Qt.KeyboardModifier.ShiftModifier
        ):
            self.record(OUTCOME_BY_KEY[key - Qt.Key.Key_0])
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dial_next()
        elif plain and key == Qt.Key.Key_S:
            self.skip()
        elif plain and key == Qt.Key.Key_P:
            self.toggle_pause()
        elif plain and key == Qt.Key.Key_N:
            self.focus_notes()
        elif key == Qt.Key.Key_F1 or event.text() == "?":
            self.show_shortcuts()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _typing_in_field(self) -> bool:
        """True when the focus is in a field the user types into."""
        field = self.focusWidget()
        if isinstance(field, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
            return not field.isReadOnly()
        return False

    def _settling(self) -> bool:
        """True (and the wait extended) while the hands still type for a closed prompt."""
        now = time.monotonic()
        if now < self.keys_settle_at:
            self.keys_settle_at = now + KEYS_SETTLE_SECONDS
            return True
        return False

    # --- showing the current prospect -----------------------------------------------

    def load_current(self) -> None:
        """Show the prospect at the session's position (or finish when none is left)."""
        if self.state.finished:
            self.finish()
            return
        prospect_id = self.state.current_prospect_id
        assert prospect_id is not None
        with self.db.session() as session:
            try:
                self._card = load_call_card(
                    session, prospect_id, now=self.clock(), home_region=self._home_region
                )
            except CallError:
                # Deleted since the queue was built: nothing to call, move on.
                self.state = call_sessions.skip(session, self.session_id)
                self._card = None
        if self._card is None:
            self.load_current()
            return
        self._show_card(self._card)

    def _show_card(self, card: CallCard) -> None:
        """Show `card` as the current prospect (the session's state says where we are)."""
        self._end_look_back()
        self._card = card
        self.brief.show_card(card)
        self.contacts.show_card(card)
        self.show_talk_track()
        self.undo_button.setEnabled(self._undo is not None)
        self._blocked = self.calling_rules_block()
        self._show_banner(self._blocked or "")
        self.notes.blockSignals(True)
        self.notes.setPlainText(self.state.draft_notes)
        self.notes.blockSignals(False)
        self.timer.reset()
        self._dialled = None
        self._dialled_at = None
        self._dial_index = 0
        self.update_header()
        self.refresh_tallies()
        self.setFocus()

    def show_talk_track(self) -> None:
        """The talk track with its placeholders filled for the current prospect."""
        card = self._card
        contact = ""
        if card is not None:
            callable_ = [c for c in card.contacts if not c.do_not_call] or list(card.contacts)
            contact = callable_[0].name if callable_ else ""
        self.talk_track.show_track(
            fill_track(
                self._track,
                first_name=first_name(contact),
                problem=first_problem(card.pains) if card is not None else "",
                # The user's company ("this is [your name] from [company]"), never the
                # prospect's: left as written when not given in Preferences.
                company=Preferences().user_company(),
                user_name=Preferences().user_name(),
            )
        )

    def update_header(self) -> None:
        """Progress, time left in a time box (every second, and after each step)."""
        total = len(self.state.queue)
        shown = min(self.state.position + 1, total)
        self.progress_label.setText(
            self.tr("Call session — {n} / {total}").format(n=shown, total=total)
        )
        self.setWindowTitle(self.progress_label.text())
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(self.state.position)
        box = self.state.time_box_minutes
        if box:
            left = self.state.started_at + timedelta(minutes=box) - self.clock()
            minutes = max(0, int(left.total_seconds() // 60))
            self.time_left.setText(self.tr("{n} min left").format(n=minutes))
            if left.total_seconds() <= 0 and not self._time_up:
                self._time_up = True
                self._show_banner(
                    self.tr("Time is up: finish this call; the session ends after it.")
                )
        else:
            self.time_left.clear()

    def refresh_tallies(self) -> None:
        """Update the session's counts (the week's bars refresh on DataEvents)."""
        with self.db.session() as session:
            done = call_sessions.summary(session, self.session_id)
        tally = done.tally
        self.session_tally.setText(
            self.tr(
                "Session: calls {calls} · reached {reached} · conversations {conv} · "
                "meetings {meetings}"
            ).format(
                calls=tally.calls,
                reached=tally.reached,
                conv=tally.conversations,
                meetings=tally.meetings,
            )
        )

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    # --- dialling -------------------------------------------------------------------

    def dial_next(self) -> None:
        """Dial the prospect's next number (the first, then the following ones)."""
        if self._paused or self._card is None or self._looking_back is not None:
            return
        dialable = self._card.dialable()
        if not dialable:
            self._show_banner(self.tr("No number to dial: skip (S) or add one in the list."))
            return
        contact, phone = dialable[self._dial_index % len(dialable)]
        self._dial_index += 1
        self.dial(contact.id, phone.id, phone.tel_uri)

    def calling_rules_block(self) -> str | None:
        """Why the calling rules forbid calling the current prospect now, if they do.

        The queue checked them when it was built; a session can run past 13:00 or
        20:00, so they are checked again for each prospect and before each dial.
        """
        if self._card is None:
            return None
        with self.db.session() as session:
            found = call_eligibility(session, [self._card.prospect_id], self.clock())
        eligibility = found.get(self._card.prospect_id)
        if eligibility is None or eligibility.allowed:
            return None
        decision = eligibility.decision
        why = left_out_label(
            LeftOut(
                self._card.prospect_id,
                self._card.name,
                decision.reason.value,
                decision.text,
                decision.next_allowed_at,
            )
        )
        return self.tr("Not now: {why}. Skip (S) to move on.").format(why=why)

    def dial(self, contact_id: int, phone_id: int, uri: str) -> None:
        """Hand the number to the system's dialler and start the call timer."""
        if self._paused or self._looking_back is not None:
            return
        blocked = self.calling_rules_block()
        if blocked:
            self._show_banner(blocked)
            return
        self._dialled = (contact_id, phone_id)
        if self._dialled_at is None:
            self._dialled_at = self.clock()
        self.dialer(QUrl(uri))
        self.timer.start()
        self.setFocus()

    # --- recording ------------------------------------------------------------------

    def _ask_follow_up(self, outcome: Outcome, card: CallCard) -> FollowUpAnswer | None:
        now = self.clock()
        dialog: CallBackDialog | NextStepDialog | MeetingDialog
        if outcome == Outcome.CALL_BACK:
            # The next working day at the user's best hour to reach people, once known.
            with self.db.session() as session:
                proposed = default_call_back(session, card.prospect_id, now)
            dialog = CallBackDialog(card.name, proposed, self)
        elif outcome == Outcome.CONVERSATION:
            # In the user's working hours (not at the clock time of a call made at 03:14)
            # and, for a consumer, in the legal windows.
            with self.db.session() as session:
                proposed = default_follow_up(session, card.prospect_id, now, 2)
            dialog = NextStepDialog(card.name, proposed, self)
        elif outcome == Outcome.MEETING_BOOKED:
            dialog = MeetingDialog(card.name, next_working_day_at(now), self)
        else:
            return FollowUpAnswer(at=None)
        try:
            return dialog.answer() if self._run_prompt(dialog) else None
        finally:
            dialog.deleteLater()

    def record(self, outcome: Outcome) -> None:
        """Record `outcome` for the current prospect (asking what it needs) and move on."""
        card = self._card
        if self._paused or card is None or self._ending or self._looking_back is not None:
            return
        answer = self._ask_follow_up(outcome, card)
        if answer is None:
            return  # the user cancelled the prompt: nothing recorded
        self.timer.pause()
        self._save_timer.stop()
        contact_id, phone_id = self._dialled or (None, None)
        details = {
            "at": self._dialled_at or self.clock(),
            "notes": self.notes.toPlainText(),
            "contact_id": contact_id,
            "phone_id": phone_id,
            "duration_seconds": self.timer.duration(),
            "next_at": answer.at,
            "next_text": answer.text or default_next_text(outcome, answer.location),
            "meeting_ends_at": answer.ends_at,
            "meeting_location": answer.location,
            # The next action as the card showed it: a colleague's plan made during the
            # call is kept and asked about, never overwritten silently.
            "next_base": (card.next_action_at, card.next_action_text),
        }
        self._save_call(card, outcome, answer, details)

    def _save_call(
        self, card: CallCard, outcome: Outcome, answer: FollowUpAnswer, details: dict[str, Any]
    ) -> None:
        """Save the call `record` prepared (again, when the user retries after a failure)."""
        try:
            next_card = self._next_card_to_show_first(outcome, answer)
        except (SQLAlchemyError, StorageError) as error:
            if not server_lost(error):
                raise
            self._offer_retry(card, outcome, answer, details, error)
            return
        if next_card is not None:
            self._show_next_then_save(card, outcome, details, next_card, answer)
            return
        try:
            with self.db.session() as session:
                undo = call_sessions.undo_point(
                    session, self.session_id, card.prospect_id, str(details["notes"])
                )
                result, self.state = call_sessions.record_call(
                    session, self.session_id, card.prospect_id, outcome, **details
                )
                undo = call_sessions.sealed(session, undo)
            self._undo = undo
            self.undo_button.setEnabled(True)
        except CallError as error:
            QMessageBox.warning(self, self.tr("Call not recorded"), str(error))
            return
        except (SQLAlchemyError, StorageError) as error:
            if not server_lost(error):
                raise
            self._offer_retry(card, outcome, answer, details, error)
            return
        self.events.activities_changed.emit()
        self.events.prospects_changed.emit([card.prospect_id])
        next_note = self.settle_next_action(card, result.next_action_conflicts)
        if rule_for(outcome).offers_dnc and result.contact_id is not None:
            self._offer_do_not_call(card, result.contact_id)
        if outcome == Outcome.MEETING_BOOKED and answer.save_ics and answer.at is not None:
            self._save_invitation(card, answer, result.meeting_activity_id or 0)
        self._unsaved_call = None
        self._last_recorded = self.tr("Recorded: {name} — {outcome}").format(
            name=card.name, outcome=outcome_label(outcome)
        )
        if next_note:
            self._last_recorded += " — " + next_note
        if self.invitation_note:
            self._last_recorded += " — " + self.invitation_note
            self.invitation_note = ""
        self.last_label.setText(self._last_recorded)
        self._after_step()

    def _next_card_to_show_first(self, outcome: Outcome, answer: FollowUpAnswer) -> CallCard | None:
        """The next prospect's card, when it can be shown before the call is saved.

        Not when the outcome asks something once saved (do-not-call, calendar file), when
        the time box is up, at the end of the queue, or when the next prospect is gone:
        then the call is saved first, as the session always did.
        """
        if rule_for(outcome).offers_dnc or self._time_up:
            return None
        if outcome == Outcome.MEETING_BOOKED and answer.save_ics and answer.at is not None:
            return None
        position = self.state.position + 1
        if position >= len(self.state.queue):
            return None
        with self.db.session() as session:
            try:
                return load_call_card(
                    session,
                    self.state.queue[position],
                    now=self.clock(),
                    home_region=self._home_region,
                )
            except CallError:
                return None

    def _show_next_then_save(
        self,
        card: CallCard,
        outcome: Outcome,
        details: dict[str, Any],
        next_card: CallCard,
        answer: FollowUpAnswer,
    ) -> None:
        """Show the next prospect at once, then save the call (a synced commit).

        The commit takes tens of milliseconds on a laptop disk; the next card no longer
        waits for it. The save still happens before any other key is handled (it runs
        right after the card is painted, in the same step) and is as durable as before;
        if it fails, the session goes back to this prospect, with its notes, and says so.
        """
        previous, notes = self.state, self.notes.toPlainText()
        self.state = replace(previous, position=previous.position + 1, draft_notes="")
        self._show_card(next_card)
        self.repaint()  # on screen now, before the commit
        try:
            with self.db.session() as session:
                undo = call_sessions.undo_point(session, self.session_id, card.prospect_id, notes)
                result, self.state = call_sessions.record_call(
                    session, self.session_id, card.prospect_id, outcome, **details
                )
                undo = call_sessions.sealed(session, undo)
            self._undo = undo
            self.undo_button.setEnabled(True)
        except CallError as error:
            self.state = previous
            self._show_card(card)
            self.notes.setPlainText(notes)
            QMessageBox.warning(
                self,
                self.tr("Call not recorded"),
                self.tr("The call to {name} was not saved: {reason}").format(
                    name=card.name, reason=error
                ),
            )
            return
        except (SQLAlchemyError, StorageError) as error:
            if not server_lost(error):
                raise
            # The server rolled the transaction back: back to this prospect, its notes.
            self.state = previous
            self._show_card(card)
            self.notes.setPlainText(notes)
            self._offer_retry(card, outcome, answer, details, error)
            return
        self.events.activities_changed.emit()
        self.events.prospects_changed.emit([card.prospect_id])
        next_note = self.settle_next_action(card, result.next_action_conflicts)
        self._unsaved_call = None
        self._last_recorded = self.tr("Recorded: {name} — {outcome}").format(
            name=card.name, outcome=outcome_label(outcome)
        )
        if next_note:
            self._last_recorded += " — " + next_note
        self.last_label.setText(self._last_recorded)
        self.update_header()
        self.refresh_tallies()

    def settle_next_action(self, card: CallCard, conflicts: Sequence[EditConflict]) -> str:
        """The call is saved; someone else planned the next action during it: ask.

        Enter uses the plan this call made, Esc keeps theirs (already stored). Asked
        again when theirs moved again while the question was open. Returns what became
        of it, for the line that says what was recorded ("" when nothing was asked).
        """
        note = ""
        while conflicts:
            dialog = NextActionChoiceDialog(card.name, conflicts, self)
            try:
                use_mine = self._run_prompt(dialog)
                mine, theirs = dialog.mine, dialog.theirs
            finally:
                dialog.deleteLater()
            if not use_mine:
                return self.tr("their next action kept")
            try:
                with self.db.session() as session:
                    conflicts = plan_next_action(
                        session, card.prospect_id, mine, theirs, call_session_id=self.session_id
                    )
                    if self._undo is not None and self._undo.prospect_id == card.prospect_id:
                        # Part of the call: Ctrl+Z takes the chosen plan back with it.
                        self._undo = call_sessions.sealed(session, self._undo)
            except (SQLAlchemyError, StorageError) as error:
                if not server_lost(error):
                    raise
                from prospection.ui.live_refresh import notice_problem

                notice_problem(error)
                return self.tr("your next action not saved (server unreachable): theirs kept")
            note = self.tr("your next action kept")
        if note:
            self.events.prospects_changed.emit([card.prospect_id])
        return note

    def _offer_retry(
        self,
        card: CallCard,
        outcome: Outcome,
        answer: FollowUpAnswer,
        details: dict[str, Any],
        error: BaseException,
    ) -> None:
        """The team server went away while saving: nothing was written; offer to retry.

        The outcome, its follow-up and the notes are kept: Retry saves them as they were
        meant (no question asked again); Later leaves the prospect on screen.
        """
        from prospection.ui.live_refresh import notice_problem

        notice_problem(error)  # the main window shows its banner at once
        self._unsaved_call = f"{card.name} — {outcome_label(outcome)}"
        self.last_label.setText(
            self.tr("Not saved yet: {name} — {outcome}").format(
                name=card.name, outcome=outcome_label(outcome)
            )
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Call not saved"),
            self.tr(
                "The call to {name} was not saved: the team server cannot be reached, and "
                "nothing of the call was written. Its outcome ({outcome}) and your notes "
                "are kept: retry once the server is back."
            ).format(name=card.name, outcome=outcome_label(outcome)),
            parent=self,
        )
        box.setObjectName("callNotSaved")
        retry = box.addButton(self.tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry)
        again = self._run_prompt(box)
        box.deleteLater()
        if again:
            self._save_call(card, outcome, answer, details)

    def _offer_do_not_call(self, card: CallCard, contact_id: int) -> None:
        name = next((c.name for c in card.contacts if c.id == contact_id), card.name)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Not interested"),
            self.tr(
                "Should {name} never be called again? Say yes if they asked not to be "
                "called: they will be left out of every queue."
            ).format(name=name or card.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if self._run_prompt(box):
            with self.db.session() as session:
                mark_do_not_call(
                    session, contact_id, self.tr("Asked during a call"), at=self.clock()
                )
            self.events.prospects_changed.emit([card.prospect_id])
        box.deleteLater()

    def invitation_path(self, suggested: str) -> Path:
        """Where to save a calendar file: the Preferences folder, never over another file."""
        folder = Preferences().meetings_folder()
        stem, n = Path(suggested).stem, 1
        path = folder / suggested
        while path.exists():
            n += 1
            path = folder / f"{stem}-{n}.ics"
        return path

    def open_invitation(self, path: Path) -> bool:
        """Hand the calendar file to the system's calendar; False when nothing opened it."""
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    def _save_invitation(self, card: CallCard, answer: FollowUpAnswer, meeting_id: int) -> None:
        """Save the meeting's .ics without a dialog, then open it (or copy its path)."""
        assert answer.at is not None
        safe = "".join(ch if ch.isalnum() else "-" for ch in card.name).strip("-")[:40]
        contact = next((c.name for c in card.contacts if c.name), "")
        data = meeting_ics(
            uid=f"prospection-meeting-{meeting_id}-{int(answer.at.timestamp())}",
            summary=self.tr("Meeting: {name}").format(name=card.name),
            starts_at=answer.at,
            ends_at=answer.ends_at or answer.at + timedelta(hours=1),
            location=answer.location,
            description="\n\n".join(part for part in (contact, card.pains, card.pitch) if part),
            time_zone=bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace"),
        )
        try:
            path = self.invitation_path(f"{safe or 'meeting'}.ics")
            path.parent.mkdir(parents=True, exist_ok=True)
            write_private(path, data)  # a person's name and notes: for the user alone
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Calendar file not saved"),
                self.tr("The file could not be written: {reason}").format(
                    reason=error.strerror or str(error)
                ),
            )
            return
        if self.open_invitation(path):
            self.invitation_note = self.tr("Calendar file saved and opened: {path}")
        else:
            QGuiApplication.clipboard().setText(str(path))
            self.invitation_note = self.tr(
                "Calendar file saved: {path} (path copied; add it to your calendar)"
            )
        self.invitation_note = self.invitation_note.format(path=path)

    def undo_last_call(self) -> None:
        """Take back the last call logged (its stage change, follow-up and counts).

        The session goes back to that prospect, with the notes typed for it.
        """
        if self._undo is None or self._ending:
            return
        self._end_look_back()
        undo = self._undo
        self._save_timer.stop()
        try:
            with self.db.session() as session:
                self.state = call_sessions.undo_call(session, self.session_id, undo)
        except call_sessions.ChangedSinceError:
            self._not_taken_back()
            return
        self._undo = None
        self.events.activities_changed.emit()
        self.events.prospects_changed.emit(undo.before.ids)
        self.load_current()
        self.last_label.setText(self.tr("Last call taken back"))

    def _not_taken_back(self) -> None:
        """The call stays: what it changed was changed again since (nothing overwritten)."""
        self._undo = None
        self.undo_button.setEnabled(False)
        self.last_label.setText(
            self.tr(
                "Not taken back: the prospect was changed since this call, where the call "
                "changed it. Nothing was overwritten; change it by hand if needed."
            )
        )

    # --- looking back -----------------------------------------------------------------

    @property
    def looking_back(self) -> int | None:
        """The queue position of the earlier prospect shown, or None (the current one)."""
        return self._looking_back

    def previous_prospect(self) -> None:
        """Show the prospect before (Shift+Tab again: the one before it), to look back.

        Nothing can be recorded meanwhile; Tab, Esc or the button return to the
        current prospect, its notes and its running call timer as they were.
        """
        if self._ending or self._paused:
            return
        start = self.state.position if self._looking_back is None else self._looking_back
        queue = self.state.queue
        with self.db.session() as session:
            for position in range(min(start, len(queue)) - 1, -1, -1):
                try:
                    card = load_call_card(
                        session, queue[position], now=self.clock(), home_region=self._home_region
                    )
                except CallError:
                    continue  # deleted since: look further back
                break
            else:
                self.last_label.setText(self.tr("No earlier prospect in this session"))
                return
        if self._looking_back is None:
            self.save_notes()
        self._looking_back = position
        self.brief.show_card(card)
        self.contacts.show_card(card)
        self.contacts.setEnabled(False)
        self.outcomes.setEnabled(False)
        notes = next((a.notes for a in card.recent if a.notes), "")
        self.notes.blockSignals(True)
        self.notes.setReadOnly(True)
        self.notes.setPlainText(notes)
        self.notes.blockSignals(False)
        self.current_button.setVisible(True)
        self._show_banner(
            self.tr(
                "Looking back at {name} ({n} / {total}). Shift+Tab: further back; "
                "Tab or Esc: back to {current}."
            ).format(
                name=card.name,
                n=position + 1,
                total=len(queue),
                current=self._card.name if self._card is not None else "",
            )
        )
        self.setFocus()

    def back_to_current(self) -> None:
        """Leave the look back: the current prospect as it was left."""
        if self._looking_back is None:
            return
        self._end_look_back()
        card = self._card
        if card is not None:
            self.brief.show_card(card)
            self.contacts.show_card(card)
        self._show_banner(self._blocked or "")
        self.setFocus()

    def _end_look_back(self) -> None:
        if self._looking_back is None:
            return
        self._looking_back = None
        self.notes.blockSignals(True)
        self.notes.setReadOnly(False)
        self.notes.setPlainText(self.state.draft_notes)
        self.notes.blockSignals(False)
        self.contacts.setEnabled(not self._paused)
        self.outcomes.setEnabled(not self._paused)
        self.current_button.setVisible(False)

    def skip(self) -> None:
        """Move on without a call (notes typed are kept as a note on the prospect)."""
        if self._paused or self._card is None or self._ending or self._looking_back is not None:
            return
        self.save_notes()
        with self.db.session() as session:
            self.state = call_sessions.skip(session, self.session_id, now=self.clock())
        self.last_label.setText(self.tr("Skipped: {name}").format(name=self._card.name))
        if self.notes.toPlainText().strip():
            self.events.activities_changed.emit()
        self._after_step()

    def _after_step(self) -> None:
        if self._time_up:
            self.finish()
            return
        self.load_current()

    def save_notes(self) -> None:
        """Save the notes being typed (called shortly after each key)."""
        self._save_timer.stop()
        if self.state.status == SessionStatus.ENDED or self._looking_back is not None:
            return  # while looking back, the notes shown are the earlier prospect's
        text = self.notes.toPlainText()
        if text == self.state.draft_notes:
            return
        try:
            with self.db.session() as session:
                call_sessions.save_draft_notes(session, self.session_id, text)
                state = call_sessions.get_session(session, self.session_id)
            self.state = state  # once committed (not when the commit was refused)
        except (SQLAlchemyError, StorageError) as error:
            if not server_lost(error):
                raise
            # Team server away: the notes stay on the screen and are saved with the next
            # key typed or with the call (not a box at every pause in typing).
            self._notice_server_lost(error)

    def keep_reservations(self) -> None:
        """Renew the reservations; prospects a colleague took meanwhile leave the queue."""
        if self.state.status == SessionStatus.ENDED or self._paused:
            return  # a paused session lets its prospects go to colleagues
        try:
            with self.db.session() as session:
                lost = call_sessions.keep_reservations(session, self.session_id)
                state = call_sessions.get_session(session, self.session_id)
        except (SQLAlchemyError, StorageError) as error:
            if not server_lost(error):
                raise
            # Team server away: nothing to renew them on; a colleague may take one
            # meanwhile (found when the call is saved, as usual).
            self._notice_server_lost(error)
            return
        if not lost:
            return
        current = self.state.current_prospect_id
        self.state = state
        if state.current_prospect_id != current and self._looking_back is None:
            self.load_current()
        else:
            self.update_header()

    # --- pause, notes, help, end ----------------------------------------------------

    def toggle_pause(self) -> None:
        """Pause (P) or go on."""
        if self._ending:
            return
        self.back_to_current()
        self.save_notes()
        self._paused = not self._paused
        with self.db.session() as session:
            if self._paused:
                self.state = call_sessions.pause(session, self.session_id)
            else:
                self.state = call_sessions.resume(session, self.session_id)
        if self._paused:
            self.timer.pause()
            self._show_banner(self.tr("Paused. Take a breath; press P to go on."))
        else:
            self._show_banner(self._blocked or "")
        self.outcomes.setEnabled(not self._paused)
        self.contacts.setEnabled(not self._paused)
        self.pause_button.setText(self.tr("Go on (P)") if self._paused else self.tr("Pause (P)"))

    @property
    def paused(self) -> bool:
        return self._paused

    def focus_notes(self) -> None:
        """Put the cursor in the notes (N)."""
        self.notes.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.notes.moveCursor(self.notes.textCursor().MoveOperation.End)

    def leave_notes(self) -> None:
        """Back to the keys (Esc in the notes)."""
        self.save_notes()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the shortcuts help, as in Help > Keyboard shortcuts."""
        return session_key_rows()

    def show_shortcuts(self) -> None:
        """List every key of the session (F1 or ?)."""
        lines = "".join(
            f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in self.shortcut_rows()
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Call session keys"),
            f"<table cellspacing='6'>{lines}</table>",
            QMessageBox.StandardButton.Close,
            self,
        )
        self._run_prompt(box)
        box.deleteLater()

    def edit_talk_tracks(self) -> None:
        """Open the talk-track editor, then show the track again."""
        from prospection.ui.call_session.talk_track_editor import TalkTrackEditor

        editor = TalkTrackEditor(self.db, self)
        self._run_prompt(editor)
        editor.deleteLater()
        with self.db.session() as session:
            self._track = track_for(session, interface_language())
        self.show_talk_track()

    def reject(self) -> None:
        """Esc or End: ask, then end the session and show its summary."""
        if self._ending:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("End the session?"),
            self.tr("End this call session now? Everything recorded so far is kept."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        confirmed = self._run_prompt(box)
        box.deleteLater()
        if confirmed:
            self.finish()

    def finish(self) -> None:
        """End the session, show its summary and close."""
        if self._ending:
            return
        self._ending = True
        try:
            self.save_notes()
            self._clock_timer.stop()
            self.timer.pause()
            with self.db.session() as session:
                self.state = call_sessions.end_session(session, self.session_id, now=self.clock())
                done = call_sessions.summary(session, self.session_id)
                week = weekly_goals.week_status(session, now=self.clock())
                average = call_sessions.average_reach_rate(session, excluding=self.session_id)
        except BaseException as error:
            # Not ended: without this the dialog could never be closed again (Esc and
            # the close button wait for an ending under way).
            self._ending = False
            self._clock_timer.start()
            if isinstance(error, SQLAlchemyError | StorageError) and server_lost(error):
                self._close_while_offline(error)
                return
            raise
        self.events.activities_changed.emit()
        undo_name = None
        if self._undo is not None and self._undo.before.prospects:
            undo_name = str(self._undo.before.prospects[0].get("name") or "")
        summary = SessionSummaryDialog(done, week, self, average_reach=average, undo_name=undo_name)
        summary.follow_ups_requested.connect(self.follow_ups_requested)
        self._run_prompt(summary)
        undo_chosen = summary.undo_chosen
        summary.deleteLater()
        if undo_chosen and self._undo is not None and self._undo_from_summary():
            return
        self.session_ended.emit(self.session_id)
        self.done(QDialog.DialogCode.Accepted)

    def _notice_server_lost(self, error: BaseException) -> None:
        from prospection.ui.live_refresh import notice_problem

        log.info("Call session: the team server cannot be reached (%s)", error)
        notice_problem(error)  # the main window shows its banner at once

    def _close_while_offline(self, error: BaseException) -> None:
        """The team server cannot be reached, so the session cannot be ended: offer to
        close its window anyway, the session left open on the server (the app offers to
        resume it once the server is back: `app.go_live`)."""
        from prospection.ui.live_refresh import notice_problem

        notice_problem(error)  # the main window shows its banner at once
        text = self.tr(
            "The team server cannot be reached, so this session cannot be ended now. "
            "Close its window anyway? Every call recorded so far is kept, and "
            "Prospection offers to resume the session once the server is back."
        )
        if self._unsaved_call is None and self.notes.toPlainText() != self.state.draft_notes:
            text += "\n\n" + self.tr(
                "The notes typed since the server went away would be lost: Stay to keep "
                "them until it is back."
            )
        if self._unsaved_call is not None:
            text += "\n\n" + self.tr(
                "The call not saved yet would be lost ({call}): Stay and retry it once "
                "the server is back to keep it."
            ).format(call=self._unsaved_call)
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("The session cannot be ended now"), text, parent=self
        )
        box.setObjectName("sessionNotEnded")
        close = box.addButton(self.tr("&Close the window"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(self.tr("&Stay"), QMessageBox.ButtonRole.RejectRole)
        keep = self._unsaved_call is not None or self.notes.toPlainText() != self.state.draft_notes
        box.setDefaultButton(stay if keep else close)
        box.setEscapeButton(stay)
        leave = self._run_prompt(box)
        box.deleteLater()
        if not leave:
            return
        self._ending = True  # nothing more is written: the close goes straight through
        for timer in (self._save_timer, self._clock_timer, self._lease_timer):
            timer.stop()
        self.timer.pause()
        self.done(QDialog.DialogCode.Rejected)

    def _undo_from_summary(self) -> bool:
        """The summary's "Undo last call": take it back and go on with that prospect.

        False when it could not be (changed since): said, and the session ends.
        """
        undo = self._undo
        assert undo is not None
        try:
            with self.db.session() as session:
                call_sessions.undo_call(session, self.session_id, undo)
                self.state = call_sessions.reopen(session, self.session_id)
        except call_sessions.ChangedSinceError:
            self._not_taken_back()
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Call not taken back"),
                self.last_label.text(),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self._run_prompt(box)
            box.deleteLater()
            return False
        self._undo = None
        self._ending = False
        self._clock_timer.start()
        self.events.activities_changed.emit()
        self.events.prospects_changed.emit(undo.before.ids)
        self.load_current()
        self.last_label.setText(self.tr("Last call taken back"))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._ending:
            super().closeEvent(event)
            return
        event.ignore()
        self.reject()
