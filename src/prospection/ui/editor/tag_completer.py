"""Completion of the last tag typed in a comma-separated tags field."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


class TagCompleter(QCompleter):
    """Completes the tag after the last comma, keeping the ones before it."""

    def __init__(self, line: QLineEdit) -> None:
        super().__init__(line)
        self._names = QStringListModel(self)
        self.setModel(self._names)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setWidget(line)
        line.textEdited.connect(self._typed)
        self.activated.connect(self._chosen)
        self._line = line

    def set_tags(self, names: list[str]) -> None:
        """The tags to offer."""
        self._names.setStringList(names)

    def _typed(self, text: str) -> None:
        current = text.split(",")[-1].strip()
        if current:
            self.setCompletionPrefix(current)
        if current and self.completionCount() > 0:
            self.complete()
            return
        popup = self.popup()
        if popup is not None:
            popup.hide()

    def _chosen(self, tag: str) -> None:
        before = self._line.text().rsplit(",", 1)[0] if "," in self._line.text() else ""
        parts = [p.strip() for p in before.split(",") if p.strip()]
        self._line.setText(", ".join([*parts, tag]) + ", ")
