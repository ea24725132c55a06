"""The dialog logging a call, email, meeting or note by hand, with the next follow-up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Contact
from prospection.core.prospect_editing import ActivityInput, EditResult
from prospection.ui.calling_rule_labels import calling_rule_label, calling_rules_help
from prospection.ui.editor.contact_dialog import set_warning_style
from prospection.ui.editor.issue_text import issue_text
from prospection.ui.labels import activity_kind_labels, outcome_labels
from prospection.ui.qt_dates import from_qdatetime, limit_dates, to_qdatetime, zoned_field

#: Asks which calling rules a call at this time, to this contact (or None), would break.
RuleCheck = Callable[[datetime, int | None], Sequence[str]]

#: Kinds one logs by hand (stage changes are recorded by changing the stage).
LOGGABLE = (ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.MEETING, ActivityKind.NOTE)


class LogActivityDialog(QDialog):
    """Logs one activity; `submit` saves it with the follow-up and returns the verdict."""

    def __init__(
        self,
        submit: Callable[[ActivityInput, datetime | None, str | None], EditResult],
        kind: ActivityKind = ActivityKind.CALL,
        contacts: Sequence[Contact] = (),
        parent: QWidget | None = None,
        *,
        check: RuleCheck | None = None,
        follow_up_at: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._check = check
        self.setWindowTitle(self.tr("Log an activity"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.kind = QComboBox(self)
        labels = activity_kind_labels()
        for loggable in LOGGABLE:
            self.kind.addItem(labels[loggable], loggable.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind.value)))
        form.addRow(self.tr("&What:"), self.kind)

        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setCalendarPopup(True)
        limit_dates(self.when)
        form.addRow(self.tr("W&hen:"), zoned_field(self.when))

        self.outcome = QComboBox(self)
        for value, label in outcome_labels().items():
            self.outcome.addItem(label, value.value)
        self.outcome_label = QLabel(self.tr("&Outcome:"), self)
        self.outcome_label.setBuddy(self.outcome)
        form.addRow(self.outcome_label, self.outcome)

        self.contact = QComboBox(self)
        self.contact.addItem(self.tr("(nobody in particular)"), None)
        for contact in contacts:
            self.contact.addItem(contact.full_name or contact.title or "?", contact.id)
        if contacts:
            self.contact.setCurrentIndex(1)
        form.addRow(self.tr("&With:"), self.contact)

        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 600)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSpecialValueText(self.tr("not noted"))
        self.minutes_label = QLabel(self.tr("&Duration:"), self)
        self.minutes_label.setBuddy(self.minutes)
        form.addRow(self.minutes_label, self.minutes)

        self.location = QLineEdit(self)
        self.location_label = QLabel(self.tr("&Place:"), self)
        self.location_label.setBuddy(self.location)
        form.addRow(self.location_label, self.location)

        self.inbound = QCheckBox(self.tr("They contacted me"), self)
        self.inbound.setToolTip(
            self.tr("Contacts the prospect starts keep their data lawfully for three more years")
        )
        form.addRow("", self.inbound)

        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(self.tr("What was said, what matters to them…"))
        self.notes.setTabChangesFocus(True)
        form.addRow(self.tr("&Notes:"), self.notes)

        self.follow_up = QCheckBox(self.tr("Plan the next action"), self)
        self.follow_up_when = QDateTimeEdit(
            to_qdatetime(follow_up_at)
            if follow_up_at is not None
            else QDateTime.currentDateTime().addDays(2 if datetime.now().weekday() < 4 else 4),
            self,
        )
        limit_dates(self.follow_up_when)
        self.follow_up_when.setCalendarPopup(True)
        self.follow_up_when.setEnabled(False)
        self.follow_up_text = QLineEdit(self)
        self.follow_up_text.setPlaceholderText(self.tr("e.g. Call back about the quote"))
        self.follow_up_text.setEnabled(False)
        self.follow_up.toggled.connect(self.follow_up_when.setEnabled)
        self.follow_up.toggled.connect(self.follow_up_text.setEnabled)
        form.addRow("", self.follow_up)
        form.addRow(self.tr("&Next:"), zoned_field(self.follow_up_when))
        form.addRow("", self.follow_up_text)

        # Calls breaking a calling rule are still recorded (they happened), but the user
        # sees which rule, before saving.
        self.rules_label = QLabel(self)
        self.rules_label.setWordWrap(True)
        self.rules_label.setToolTip(calling_rules_help())
        set_warning_style(self.rules_label, True)
        self.rules_label.setVisible(False)
        layout.addWidget(self.rules_label)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        set_warning_style(self.error_label, True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind.currentIndexChanged.connect(self._check_rules)
        self.when.dateTimeChanged.connect(self._check_rules)
        self.contact.currentIndexChanged.connect(self._check_rules)
        self.inbound.toggled.connect(self._check_rules)
        self._kind_changed()
        self._check_rules()
        self.notes.setFocus()
        self.resize(460, self.sizeHint().height())

    def _kind_changed(self) -> None:
        kind = ActivityKind(self.kind.currentData())
        is_call = kind == ActivityKind.CALL
        self.outcome.setVisible(is_call)
        self.outcome_label.setVisible(is_call)
        timed = kind in (ActivityKind.CALL, ActivityKind.MEETING)
        self.minutes.setVisible(timed)
        self.minutes_label.setVisible(timed)
        meeting = kind == ActivityKind.MEETING
        self.location.setVisible(meeting)
        self.location_label.setVisible(meeting)
        self.inbound.setVisible(kind != ActivityKind.NOTE)

    def _check_rules(self) -> None:
        kind = ActivityKind(self.kind.currentData())
        codes: Sequence[str] = ()
        if self._check is not None and kind == ActivityKind.CALL and not self.inbound.isChecked():
            codes = self._check(from_qdatetime(self.when.dateTime()), self.contact.currentData())
        if not codes:
            self.rules_label.clear()
            self.rules_label.setVisible(False)
            return
        reasons = "; ".join(calling_rule_label(code) or code for code in codes)
        self.rules_label.setText(
            self.tr("This call broke the calling rules: {reasons}. It will be recorded.").format(
                reasons=reasons
            )
        )
        self.rules_label.setVisible(True)

    def activity_input(self) -> ActivityInput:
        """What the form holds."""
        kind = ActivityKind(self.kind.currentData())
        minutes = self.minutes.value()
        timed = kind in (ActivityKind.CALL, ActivityKind.MEETING)
        occurred = from_qdatetime(self.when.dateTime())
        return ActivityInput(
            kind=kind,
            occurred_at=occurred,
            outcome=Outcome(self.outcome.currentData()) if kind == ActivityKind.CALL else None,
            notes=self.notes.toPlainText(),
            duration_seconds=minutes * 60 if timed and minutes else None,
            inbound=self.inbound.isChecked() and kind != ActivityKind.NOTE,
            contact_id=self.contact.currentData(),
            location=self.location.text() if kind == ActivityKind.MEETING else "",
            ends_at=occurred + timedelta(minutes=minutes)
            if kind == ActivityKind.MEETING and minutes
            else None,
        )

    def set_when(self, moment: datetime) -> None:
        """Set the time of the activity (tests, and logging after the fact)."""
        self.when.setDateTime(to_qdatetime(moment))

    def accept(self) -> None:
        follow_at = from_qdatetime(self.follow_up_when.dateTime())
        follow_text = self.follow_up_text.text()
        planned = self.follow_up.isChecked()
        result = self._submit(
            self.activity_input(), follow_at if planned else None, follow_text if planned else None
        )
        if not result.ok:
            self.error_label.setText("\n".join(issue_text(i) for i in result.errors))
            return
        super().accept()
