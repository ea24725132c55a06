"""The prospect editor panel beside the table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from prospection.core import prospects
from prospection.core.db import Database
from prospection.ui.data_events import DataEvents


class ProspectEditor(QWidget):
    """Shows and edits one prospect; saves on Save or when the user leaves it."""

    #: Emitted after a save, with the prospect's id.
    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("prospectEditor")
        self._db = db
        self._events = events
        self._undo = undo_stack
        self._prospect_id: int | None = None
        layout = QVBoxLayout(self)
        self._title = QLabel(self)
        self._title.setWordWrap(True)
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self._title)
        self.show_prospect(None)

    def prospect_id(self) -> int | None:
        """The prospect shown, if any."""
        return self._prospect_id

    def show_prospect(self, prospect_id: int | None) -> None:
        """Show `prospect_id` (None: the hint to pick one)."""
        self._prospect_id = prospect_id
        if prospect_id is None:
            self._title.setText(self.tr("Select a prospect to see who they are and how you help."))
            return
        with self._db.session() as session:
            prospect = prospects.load(session, prospect_id)
        self._title.setText(prospect.name if prospect else "")

    def has_changes(self) -> bool:
        """Whether there are edits not saved yet."""
        return False

    def save(self) -> bool:
        """Save the edits; False when something must be corrected first."""
        return True
