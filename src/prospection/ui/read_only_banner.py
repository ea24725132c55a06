"""The banner over the prospect table when the owner made the data folder read-only."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from prospection.ui.editor.contact_dialog import set_warning_style


class ReadOnlyBanner(QLabel):
    """Says the data can be read, not changed (the owner's chmod a-w is respected)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.setText(
            self.tr(
                "🔒 This data folder is read-only: you can read, not change. "
                "Make it writable again to make changes."
            )
        )
        set_warning_style(self, True)
