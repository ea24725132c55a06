"""Dialogs imported when first opened still open from their menu entries."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from prospection.core.db import Database
from prospection.ui.data_events import DataEvents
from prospection.ui.main_window import MainWindow


def test_menu_entries_open_their_dialogs(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def answered_at_once(dialog: QDialog) -> int:
        opened.append(type(dialog).__name__)
        return 0  # as if cancelled: nothing modal is left open

    monkeypatch.setattr(QDialog, "exec", answered_at_once)
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    window.transfer.export.trigger()
    window.transfer.undo_import.trigger()
    window.safety.restore.trigger()
    window.safety.retention.trigger()
    assert opened == ["ExportDialog", "UndoImportDialog", "RestoreDialog", "RetentionDialog"]
    window.action_import.trigger()  # the wizard is not modal: it shows
    wizards = [w for w in window.findChildren(QDialog) if type(w).__name__ == "ImportWizard"]
    assert len(wizards) == 1 and wizards[0].isVisible()
    wizards[0].close()
