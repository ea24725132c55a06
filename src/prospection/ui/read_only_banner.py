"""The banner over the prospect table when the data can be read, not changed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from prospection.core.integrity import ReadOnly
from prospection.ui.editor.contact_dialog import set_warning_style


class ReadOnlyBanner(QLabel):
    """Says the data can be read, not changed, and why.

    OWNER: the owner made the data folder read-only (chmod a-w), respected for the run.
    SERVER: team mode, the server cannot be reached; the app reconnects by itself.
    """

    def __init__(self, parent: QWidget | None = None, reason: ReadOnly = ReadOnly.OWNER) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.reason = reason
        self.setText(self.text_for(reason))
        set_warning_style(self, True)

    def text_for(self, reason: ReadOnly) -> str:
        """The banner's words for `reason`."""
        if reason is ReadOnly.SERVER:
            return self.tr(
                "⚠ Team server unreachable — reconnecting… You can read what is on the "
                "screen; changes, calls and imports wait until it is back."
            )
        return self.tr(
            "🔒 This data folder is read-only: you can read, not change. "
            "Make it writable again to make changes."
        )
