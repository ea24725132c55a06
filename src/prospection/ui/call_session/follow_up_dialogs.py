"""The prompts after an outcome: call back (when), conversation (next step), meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prospection.core.calls import DEFAULT_MEETING_MINUTES
from prospection.ui.call_session.dialog_runner import from_qdatetime, to_qdatetime
from prospection.ui.qt_dates import limit_dates, zoned_field


@dataclass(frozen=True)
class FollowUpAnswer:
    """What the user answered: the follow-up date and text, and a meeting's details."""

    at: datetime | None
    text: str = ""
    ends_at: datetime | None = None
    location: str = ""
    save_ics: bool = False


def _date_time_edit(parent: QWidget, default: datetime) -> QDateTimeEdit:
    edit = limit_dates(QDateTimeEdit(to_qdatetime(default), parent))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(edit.locale().dateTimeFormat(edit.locale().FormatType.ShortFormat))
    return edit


class _Prompt(QDialog):
    def __init__(self, title: str, lead: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.lead = QLabel(lead, self)
        self.lead.setWordWrap(True)
        layout.addWidget(self.lead)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Only Enter / Ctrl+Enter accepts: Tab never lands on a button, so a space typed
        # while tabbing through the fields can never press OK (or Cancel).
        for button in self.buttons.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        layout.addWidget(self.buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QDialog takes a plain Enter; Ctrl+Enter accepts too, from any field.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return
        super().keyPressEvent(event)


class CallBackDialog(_Prompt):
    """When to call back (default: the next working day, 10:00)."""

    def __init__(self, prospect: str, default_at: datetime, parent: QWidget | None = None):
        super().__init__(
            self.tr("Call back later"),
            self.tr("When should you call {name} back?").format(name=prospect),
            parent,
        )
        self.when = _date_time_edit(self, default_at)
        self.form.addRow(self.tr("&When:"), zoned_field(self.when))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What was agreed, e.g. after the budget meeting"))
        self.form.addRow(self.tr("&About:"), self.note)
        self.when.setFocus()

    def answer(self) -> FollowUpAnswer:
        """The call-back time and text."""
        return FollowUpAnswer(at=from_qdatetime(self.when.dateTime()), text=self.note.text())


class NextStepDialog(_Prompt):
    """The next step after a conversation (optional)."""

    def __init__(self, prospect: str, default_at: datetime, parent: QWidget | None = None):
        super().__init__(
            self.tr("Conversation"),
            self.tr("What is the next step with {name}?").format(name=prospect),
            parent,
        )
        self.scheduled = QCheckBox(self.tr("&Schedule a next step"), self)
        self.scheduled.setChecked(True)
        self.form.addRow(self.scheduled)
        self.when = _date_time_edit(self, default_at)
        self.form.addRow(self.tr("&When:"), zoned_field(self.when))
        self.step = QLineEdit(self)
        self.step.setPlaceholderText(self.tr("e.g. send the figures, then call"))
        self.form.addRow(self.tr("&Next step:"), self.step)
        self.scheduled.toggled.connect(self.when.setEnabled)
        self.scheduled.toggled.connect(self.step.setEnabled)
        self.setTabOrder(self.when, self.step)
        self.setTabOrder(self.step, self.scheduled)
        self.when.setFocus()

    def answer(self) -> FollowUpAnswer:
        """The next step, or no date when none was scheduled."""
        if not self.scheduled.isChecked():
            return FollowUpAnswer(at=None)
        return FollowUpAnswer(at=from_qdatetime(self.when.dateTime()), text=self.step.text())


class MeetingDialog(_Prompt):
    """Date, time, length and place of a booked meeting; offers a calendar file."""

    def __init__(self, prospect: str, default_at: datetime, parent: QWidget | None = None):
        super().__init__(
            self.tr("Meeting booked"),
            self.tr("Well done! When and where do you meet {name}?").format(name=prospect),
            parent,
        )
        self.when = _date_time_edit(self, default_at)
        self.form.addRow(self.tr("&Starts:"), zoned_field(self.when))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(5, 600)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(DEFAULT_MEETING_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.form.addRow(self.tr("&Length:"), self.minutes)
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Address, or video link"))
        self.form.addRow(self.tr("&Place:"), self.place)
        self.save_ics = QCheckBox(self.tr("Save a &calendar file (.ics) for my calendar"), self)
        self.save_ics.setChecked(True)
        self.form.addRow(self.save_ics)
        self.when.setFocus()

    def answer(self) -> FollowUpAnswer:
        """The meeting's start, end and place, and whether to save an .ics file."""
        start = from_qdatetime(self.when.dateTime())
        return FollowUpAnswer(
            at=start,
            text="",
            ends_at=start + timedelta(minutes=self.minutes.value()),
            location=self.place.text().strip(),
            save_ics=self.save_ics.isChecked(),
        )
