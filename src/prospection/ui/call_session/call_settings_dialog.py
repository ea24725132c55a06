"""The retry cadence: working days before calling again, unanswered calls before giving up."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prospection.core.call_outcomes import CallSettings, load_call_settings, save_call_settings
from prospection.core.db import Database


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
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        with self.db.session() as session:
            save_call_settings(
                session,
                CallSettings(
                    retry_working_days=self.retry_days.value(),
                    max_attempts=self.max_attempts.value(),
                ),
            )
        super().accept()
