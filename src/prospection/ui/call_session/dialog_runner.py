"""The one place the call session opens modal prompts (tests replace `run_dialog`)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog, QMessageBox


def run_dialog(dialog: QDialog) -> bool:
    """Show `dialog` modally; True when the user accepted it (OK, Yes)."""
    result = dialog.exec()
    if isinstance(dialog, QMessageBox):
        role = dialog.buttonRole(dialog.clickedButton()) if dialog.clickedButton() else None
        return role in (QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.AcceptRole)
    return bool(result == QDialog.DialogCode.Accepted)


def to_qdatetime(moment: datetime) -> QDateTime:
    """An aware datetime as a QDateTime in local time."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def from_qdatetime(moment: QDateTime) -> datetime:
    """A QDateTime (local) as an aware datetime."""
    return datetime.fromtimestamp(moment.toSecsSinceEpoch(), tz=UTC).astimezone()
