"""The list of past call sessions with what each came to."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospection.core import call_sessions
from prospection.core.db import Database
from prospection.ui.call_session.call_labels import duration_text, short_date_time, source_label
from prospection.ui.labels import session_status_labels


class SessionHistoryDialog(QDialog):
    """Past sessions, newest first."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionHistory")
        self.setWindowTitle(self.tr("Call sessions"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        with db.session() as session:
            sessions = call_sessions.history(session)
        headers = [
            self.tr("Started"),
            self.tr("Queue"),
            self.tr("Calls"),
            self.tr("Reached"),
            self.tr("Conversations"),
            self.tr("Meetings"),
            self.tr("Follow-ups"),
            self.tr("Talk time"),
            self.tr("Status"),
        ]
        self.table = QTableWidget(len(sessions), len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        statuses = session_status_labels()
        for row, done in enumerate(sessions):
            tally = done.tally
            values = [
                short_date_time(done.state.started_at),
                source_label(done.state.source),
                str(tally.calls),
                str(tally.reached),
                str(tally.conversations),
                str(tally.meetings),
                str(done.follow_ups),
                duration_text(tally.talk_seconds),
                statuses[done.state.status],
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        if sessions:
            layout.addWidget(self.table)
        else:
            self.table.setVisible(False)
            empty = QLabel(
                self.tr("No call session yet. Start one with “Start calling” (Ctrl+Return)."),
                self,
            )
            empty.setWordWrap(True)
            layout.addWidget(empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
