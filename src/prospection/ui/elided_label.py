"""A one-line label that may be narrower than its text: the text then ends in "…".

A QLabel's minimum width is its whole text: a longer text (a note shown in a strip)
makes its window wider, past the screen's edge on a 1280-pixel laptop. This label asks
for a few characters only; when it is given less than its text, it elides the text and
shows it whole in a tooltip (unless it has its own tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

#: Characters an elided label keeps at the least (then "…").
MIN_CHARS = 6


class ElidedLabel(QLabel):
    """A QLabel whose text elides instead of widening the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        width = self.fontMetrics().averageCharWidth() * MIN_CHARS
        margins = self.contentsMargins()
        return QSize(min(hint.width(), width + margins.left() + margins.right()), hint.height())

    def is_elided(self) -> bool:
        """Whether the text is cut short at the label's current width."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.is_elided():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            text,
            self.foregroundRole(),
        )

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ToolTip
            and isinstance(event, QHelpEvent)
            and not self.toolTip()
            and self.is_elided()
        ):
            QToolTip.showText(event.globalPos(), self.text(), self)
            return True
        return super().event(event)
