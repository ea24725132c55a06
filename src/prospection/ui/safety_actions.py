"""Plugs backups and personal-data rights into the main window's menus.

File › Back up now / Restore from backup…; Prospects › Privacy and consent… (the current
prospect's people: do-not-contact, consent, export, erasure) and Retention review….
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

# The dialogs are imported when first opened: the window paints sooner.

if TYPE_CHECKING:
    from prospection.ui.main_window import MainWindow

translate = QCoreApplication.translate


@dataclass
class SafetyActions:
    """What `install_safety` added (for tests and toolbars)."""

    back_up: QAction
    restore: QAction
    privacy: QAction
    retention: QAction


def _action(window: MainWindow, text: str, tip: str, shortcut: str | None = None) -> QAction:
    action = QAction(text, window)
    action.setStatusTip(tip)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})")
    else:
        action.setToolTip(tip)
    window.addAction(action)
    return action


def _status(window: MainWindow, text: str) -> None:
    window.statusBar().showMessage(text, 8000)


def open_restore(window: MainWindow) -> None:
    """File › Restore from backup…: after a restore, undo steps refer to other data."""
    from prospection.ui.backup_dialogs import RestoreDialog

    dialog = RestoreDialog(window.db, window.events, window)
    if dialog.exec():
        window.undo_stack.clear()
        _status(window, translate("SafetyActions", "Backup restored."))


def open_privacy(window: MainWindow) -> None:
    """Prospects › Privacy and consent… for the prospect in the editor."""
    from prospection.ui.privacy_dialog import PrivacyDialog

    prospect_id = window.current_prospect_id()
    if prospect_id is None:
        _status(window, translate("SafetyActions", "Choose a prospect first."))
        return
    dialog = PrivacyDialog(window.db, window.events, prospect_id, window)
    dialog.exec()
    if dialog.erased:
        # An undo step could bring an erased person back: forget them all.
        window.undo_stack.clear()
        _status(window, translate("SafetyActions", "The person was erased."))


def open_retention(window: MainWindow) -> None:
    """Prospects › Retention review…"""
    from prospection.ui.retention_dialog import RetentionDialog

    dialog = RetentionDialog(window.db, window.events, window)
    dialog.exec()
    if dialog.erased:
        window.undo_stack.clear()


def install_safety(window: MainWindow) -> SafetyActions:
    """Add the backup entries to the File menu and the privacy ones to Prospects."""
    back_up = _action(
        window,
        translate("SafetyActions", "&Back up now"),
        translate("SafetyActions", "Copy the data into the backups folder now"),
        "Ctrl+Shift+B",
    )
    restore = _action(
        window,
        translate("SafetyActions", "&Restore from backup…"),
        translate("SafetyActions", "Go back to an earlier backup of the data"),
    )
    privacy = _action(
        window,
        translate("SafetyActions", "Pri&vacy and consent…"),
        translate(
            "SafetyActions",
            "Do-not-contact, consent, data export and erasure for this prospect's people",
        ),
        "Ctrl+Shift+D",
    )
    retention = _action(
        window,
        translate("SafetyActions", "Retention re&view…"),
        translate("SafetyActions", "Prospects silent for three years: ask them or erase them"),
    )

    def do_back_up() -> None:
        from prospection.ui.backup_dialogs import back_up_now

        made = back_up_now(window.db, window)
        if made is not None:
            _status(
                window, translate("SafetyActions", "Backed up to {file}").format(file=made.name)
            )

    from prospection.core import dialects

    if not dialects.is_sqlite(window.db.engine):
        # A team database lives on its server: backing it up is its administrator's job
        # (pg_dump); a copy of a local file would fail there.
        why = translate(
            "SafetyActions",
            "A team database is backed up on its server by its administrator (pg_dump)",
        )
        for action in (back_up, restore):
            action.setEnabled(False)
            action.setStatusTip(why)
            action.setToolTip(why)
    back_up.triggered.connect(do_back_up)
    restore.triggered.connect(lambda: open_restore(window))
    privacy.triggered.connect(lambda: open_privacy(window))
    retention.triggered.connect(lambda: open_retention(window))

    file_menu = window.menu_named("file")
    anchor = window.action_preferences
    file_menu.insertAction(anchor, back_up)
    file_menu.insertAction(anchor, restore)
    file_menu.insertSeparator(anchor)
    prospects_menu = window.menu_named("prospects")
    prospects_menu.addAction(privacy)
    prospects_menu.addAction(retention)
    return SafetyActions(back_up, restore, privacy, retention)
