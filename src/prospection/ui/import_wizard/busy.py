"""A "working…" row: what is being done, a progress bar and a button to stop it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class BusyRow(QWidget):
    """Hidden until `start()`; the bar is a busy indicator until progress arrives."""

    stop_requested = Signal()

    def __init__(self, stop_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.stop_button = QPushButton(stop_text, self)
        self.stop_button.clicked.connect(self.stop_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar, 1)
        row.addWidget(self.stop_button)
        self.hide()

    def start(self, text: str) -> None:
        """Show `text` with a busy indicator."""
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.stop_button.setEnabled(True)
        self.show()

    def set_progress(self, done: int, total: int) -> None:
        """Turn the busy indicator into a bar at `done` of `total`."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setTextVisible(True)  # the percentage, in the locale's format

    def finish(self) -> None:
        """Hide the row again."""
        self.hide()
