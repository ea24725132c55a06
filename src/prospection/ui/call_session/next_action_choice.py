"""After a call: someone else planned the prospect's next action during it; which stays?

The call itself is saved whatever the answer (`log_call` keeps the colleague's plan and
reports `next_action_conflicts`). This asks, with one key: Enter uses the plan this
call made, Esc keeps the colleague's (nothing of theirs is overwritten unless chosen).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prospection.core.calls import NextAction
from prospection.core.prospect_editing import EditConflict
from prospection.ui.call_session.call_labels import short_date_time
from prospection.ui.qt_dates import with_zone


def plan_text(plan: NextAction) -> str:
    """A next action as the user reads it: "date — text", or that none is planned."""
    at, text = plan
    if at is None and not text.strip():
        return QCoreApplication.translate("NextActionChoice", "(nothing planned)")
    if at is None:
        return QCoreApplication.translate("NextActionChoice", "{text} (no date)").format(
            text=text.strip()
        )
    when = with_zone(short_date_time(at), at)
    return f"{when} — {text.strip()}" if text.strip() else when


def _plans(conflicts: Sequence[EditConflict]) -> tuple[NextAction, NextAction]:
    found = {c.field: c for c in conflicts}
    at, text = found["next_action_at"], found["next_action_text"]

    def moment(value: object) -> datetime | None:
        return value if isinstance(value, datetime) else None

    mine = (moment(at.mine), str(text.mine or ""))
    theirs = (moment(at.theirs), str(text.theirs or ""))
    return mine, theirs


class NextActionChoiceDialog(QDialog):
    """Mine (Enter) or theirs (Esc) for the next action of a prospect just called."""

    def __init__(
        self, name: str, conflicts: Sequence[EditConflict], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("nextActionChoice")
        self.setWindowTitle(self.tr("Next action changed during the call"))
        self.setMinimumWidth(540)
        self.mine, self.theirs = _plans(conflicts)
        layout = QVBoxLayout(self)
        self.lead = QLabel(
            self.tr(
                "The call to {name} is saved. During it, someone else planned another "
                "next action. Which one should stay?"
            ).format(name=name),
            self,
        )
        self.lead.setWordWrap(True)
        layout.addWidget(self.lead)
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        grid.setColumnStretch(1, 1)
        theirs_label = QLabel(self.tr("Theirs (saved):"), frame)
        mine_label = QLabel(self.tr("Yours (this call):"), frame)
        self.theirs_text = QLabel(plan_text(self.theirs), frame)
        self.mine_text = QLabel(plan_text(self.mine), frame)
        for row, (label, value) in enumerate(
            ((theirs_label, self.theirs_text), (mine_label, self.mine_text))
        ):
            value.setWordWrap(True)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
        layout.addWidget(frame)
        hint = QLabel(self.tr("Enter: use yours. Esc: keep theirs."), self)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox(self)
        self.mine_button = QPushButton(self.tr("Use &yours"), self)
        self.theirs_button = QPushButton(self.tr("Keep &theirs"), self)
        self.buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.mine_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.mine_button.setFocus()

    def text(self) -> str:
        """The question, as the session's prompt stand-in records it."""
        return self.lead.text()
