"""A visible frame around the widget that has the keyboard focus.

Styles differ in how they show focus: Fusion outlines a text box faintly and shows
nothing around a table or a tree, so a keyboard user loses track of where the keys go.
`FocusRings` draws a two-pixel frame in the palette's Highlight colour (readable on a
light or a dark palette, in any style) around the focused table, tree, text box, combo
box or spin box of one window. The frame is a child widget laid over the focused one:
it takes no mouse clicks and no focus, and goes with the widget when it is deleted.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: Widgets that get a frame when they hold the focus.
FRAMED = (QAbstractItemView, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)
#: Width of the frame, in pixels.
RING_WIDTH = 2


class FocusRing(QWidget):
    """The frame drawn over one widget (its parent)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def follow(self) -> None:
        """Cover the parent and show on top of its children."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        pen = QPen(colour, RING_WIDTH)
        painter.setPen(pen)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)


def framed_widget(widget: QWidget | None) -> QWidget | None:
    """The widget to frame when `widget` has the focus (a combo box, not its line edit)."""
    while widget is not None:
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return parent
        if isinstance(widget, FRAMED):
            return widget
        if widget.isWindow():
            return None
        # The viewport of a table or a text box passes the focus to its view.
        if isinstance(parent, QAbstractItemView | QTextEdit | QPlainTextEdit):
            return parent
        return None
    return None


class FocusRings(QObject):
    """Frames the focused widget among `window`'s own widgets (not its dialogs)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._ring: FocusRing | None = None
        self._target: QWidget | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def ring(self) -> FocusRing | None:
        """The frame shown now (None when no framed widget has the focus)."""
        if self._ring is not None and shiboken6.isValid(self._ring) and self._ring.isVisible():
            return self._ring
        return None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self._window):
            return
        target = framed_widget(new)
        if target is not None and not self._window.isAncestorOf(target):
            target = None
        if target is self._target and self.ring() is not None:
            return
        self._hide()
        if target is None:
            return
        ring = target.findChild(FocusRing, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if ring is None:
            ring = FocusRing(target)
        target.installEventFilter(self)
        self._ring, self._target = ring, target
        ring.follow()

    def _hide(self) -> None:
        if self._target is not None and shiboken6.isValid(self._target):
            self._target.removeEventFilter(self)
        if self._ring is not None and shiboken6.isValid(self._ring):
            self._ring.hide()
        self._ring = self._target = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.ChildAdded,
        ):
            ring = self.ring()
            if ring is not None:
                ring.follow()
        return super().eventFilter(watched, event)
