"""The talk track beside the notes: opener, questions, objections and answers."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from prospection.core.talk_tracks import TalkTrackData


class TalkTrackPanel(QWidget):
    """A read-only view of the talk track, with a button to edit it."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = QLabel(self.tr("Talk track"), self)
        header.addWidget(self.title, 1)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setAutoDefault(False)
        self.edit_button.setToolTip(self.tr("Edit your talk tracks"))
        self.edit_button.clicked.connect(self.edit_requested)
        header.addWidget(self.edit_button)
        layout.addLayout(header)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        layout.addWidget(self.text, 1)

    def show_track(self, track: TalkTrackData) -> None:
        """Show `track`."""
        self.title.setText(self.tr("Talk track: {name}").format(name=track.name))
        opener = escape(self.tr("Opener"))
        questions = escape(self.tr("Questions"))
        parts = [
            f"<h4>{opener}</h4>",
            _paragraphs(track.opener),
            f"<h4>{questions}</h4>",
            _paragraphs(track.questions),
        ]
        if track.objections:
            objections = escape(self.tr("Objections"))
            parts.append(f"<h4>{objections}</h4>")
            for objection, answer in track.objections:
                parts.append(f"<p><b>“{escape(objection)}”</b> → {escape(answer)}</p>")
        self.text.setHtml("".join(parts))


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
