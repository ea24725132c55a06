"""The retry cadence (working days before calling again, unanswered calls before giving
up) and the working hours follow-ups are proposed in."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from prospection.core.call_outcomes import CallSettings, load_call_settings, save_call_settings
from prospection.core.db import Database
from prospection.ui.calling_rule_labels import calling_rules_help


class CallSettingsDialog(QDialog):
    """Edits the two numbers of the retry cadence (stored with the data)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Call settings"))
        with db.session() as session:
            current = load_call_settings(session)
        layout = QVBoxLayout(self)
        lead = QLabel(
            self.tr(
                "When nobody answers, the prospect comes back in the queue a few working "
                "days later. After several unanswered calls in a row it is marked "
                "unreachable and leaves the cycle."
            ),
            self,
        )
        lead.setWordWrap(True)
        layout.addWidget(lead)
        form = QFormLayout()
        self.retry_days = QSpinBox(self)
        self.retry_days.setRange(1, 30)
        self.retry_days.setValue(current.retry_working_days)
        self.retry_days.setSuffix(self.tr(" working days"))
        form.addRow(self.tr("Call again &after:"), self.retry_days)
        self.max_attempts = QSpinBox(self)
        self.max_attempts.setRange(1, 50)
        self.max_attempts.setValue(current.max_attempts)
        form.addRow(self.tr("&Unreachable after (unanswered calls):"), self.max_attempts)
        self.work_start = QTimeEdit(QTime(current.work_start.hour, current.work_start.minute), self)
        self.work_end = QTimeEdit(QTime(current.work_end.hour, current.work_end.minute), self)
        hours_tip = self.tr(
            "Retries and follow-ups are proposed within these hours on working days; for "
            "consumers, also within the legal calling hours."
        )
        for edit in (self.work_start, self.work_end):
            edit.setToolTip(hours_tip + "\n\n" + calling_rules_help())
        form.addRow(self.tr("Working day &starts at:"), self.work_start)
        form.addRow(self.tr("Working day &ends at:"), self.work_end)
        layout.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        start = time(self.work_start.time().hour(), self.work_start.time().minute())
        end = time(self.work_end.time().hour(), self.work_end.time().minute())
        if end <= start:
            self.error_label.setText(self.tr("The working day must end after it starts."))
            self.work_end.setFocus()
            return
        with self.db.session() as session:
            save_call_settings(
                session,
                CallSettings(
                    retry_working_days=self.retry_days.value(),
                    max_attempts=self.max_attempts.value(),
                    work_start=start,
                    work_end=end,
                ),
            )
        super().accept()
