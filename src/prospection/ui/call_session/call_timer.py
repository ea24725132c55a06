"""The call timer: starts when a number is dialled, stops at the outcome, can be corrected."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTime, QTimer, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QHBoxLayout, QLabel, QTimeEdit, QWidget


class CallTimer(QWidget):
    """mm:ss of the current call; typing another value corrects it."""

    #: Emitted every second while running (seconds so far).
    ticked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel(self.tr("Call:"), self)
        self.edit = QTimeEdit(self)
        self.edit.setDisplayFormat("mm:ss")
        self.edit.setMaximumTime(QTime(0, 59, 59))
        # A clock that can be typed over, not a spin box asking to be set.
        self.edit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.edit.setFrame(False)
        self.edit.setAccessibleName(self.tr("Call duration"))
        font = self.edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.edit.setFont(font)
        self.edit.setToolTip(
            self.tr("Starts when you dial a number. Type another value to correct it.")
        )
        layout.addWidget(self.icon)
        layout.addWidget(self.edit)
        self._clock = QElapsedTimer()
        self._base = 0  # seconds counted before the clock (re)started, or corrected
        self._running = False
        self._used = False
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show)
        self.edit.editingFinished.connect(self._corrected)

    def start(self) -> None:
        """Start counting (dialling again during a call keeps counting)."""
        if self._running:
            return
        self._clock.start()
        self._running = True
        self._used = True
        self._tick.start()
        self._show()

    def pause(self) -> None:
        """Stop counting, keeping the time so far."""
        if self._running:
            self._base = self.seconds()
            self._running = False
            self._tick.stop()
            self._show()

    def reset(self) -> None:
        """Back to 00:00, not started (a new prospect)."""
        self._tick.stop()
        self._running = False
        self._used = False
        self._base = 0
        self.edit.setTime(QTime(0, 0))

    @property
    def running(self) -> bool:
        return self._running

    def seconds(self) -> int:
        """The call's length so far."""
        extra = self._clock.elapsed() // 1000 if self._running else 0
        return self._base + int(extra)

    def duration(self) -> int | None:
        """The call's length, or None when no number was dialled and nothing was typed."""
        return self.seconds() if self._used else None

    def set_seconds(self, seconds: int) -> None:
        """Correct the length (the clock keeps running from there if it was)."""
        self._base = max(0, seconds)
        self._used = True
        if self._running:
            self._clock.restart()
        self._show()

    def _show(self) -> None:
        seconds = min(self.seconds(), 59 * 60 + 59)
        if not self.edit.hasFocus():
            self.edit.setTime(QTime(0, seconds // 60, seconds % 60))
        self.ticked.emit(seconds)

    def _corrected(self) -> None:
        typed = QTime(0, 0).secsTo(self.edit.time())
        if typed != min(self.seconds(), 59 * 60 + 59):
            self.set_seconds(typed)
