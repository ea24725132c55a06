"""Work that waits for a window's first paint: the window shows before background reads."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: If the window is never painted (hidden, or a test without one), the work runs anyway.
FALLBACK_MS = 1000


class _FirstPaint(QObject):
    """Runs `work` once, right after `window` is first painted (or after a fallback delay)."""

    def __init__(self, window: QWidget, work: Callable[[], object], fallback_ms: int) -> None:
        super().__init__(window)
        self._window = window
        self._work = work
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and watched is self._window and event.type() == QEvent.Type.Paint:
            # Queued: the paint (and what it flushes to the screen) comes first.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        self._work()


def after_first_paint(
    widget: QWidget, work: Callable[[], object], fallback_ms: int = FALLBACK_MS
) -> None:
    """Run `work` once the window holding `widget` has been painted the first time.

    For reads that fill in parts of a window (counts, the week's goals): started before
    the first paint, they would compete with it for the CPU and delay the usable window.
    """
    _FirstPaint(widget.window(), work, fallback_ms)
