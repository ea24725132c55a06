"""The friendly panel shown instead of the table when there is nothing to list."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """A title, a sentence saying what to do next, and up to three buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().Base)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(2)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel(self)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setWordWrap(True)
        self.body.setForegroundRole(self.body.foregroundRole().PlaceholderText)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self.buttons: list[QPushButton] = []
        self._callbacks: list[Callable[[], object] | None] = [None, None, None]
        for index in range(3):
            button = QPushButton(self)
            button.setVisible(False)
            button.setMinimumWidth(220)
            button.clicked.connect(lambda _checked=False, i=index: self._run(i))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self.buttons.append(button)
        layout.addStretch(3)

    def show_message(
        self, title: str, body: str, buttons: Sequence[tuple[str, Callable[[], object]]]
    ) -> None:
        """Show `title`, `body` and buttons given as (label, callable) pairs."""
        self.title.setText(title)
        self.body.setText(body)
        for index, button in enumerate(self.buttons):
            if index < len(buttons):
                label, callback = buttons[index]
                button.setText(label)
                self._callbacks[index] = callback
                button.setVisible(True)
            else:
                self._callbacks[index] = None
                button.setVisible(False)

    def _run(self, index: int) -> None:
        callback = self._callbacks[index]
        if callback is not None:
            callback()
