"""Actions on the prospects selected in the table: stage, tags, delete; all undoable."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget
from sqlalchemy.orm import Session

from prospection.core import prospects
from prospection.core.backup import make_backup
from prospection.core.db import Database
from prospection.core.enums import Stage
from prospection.ui.data_events import DataEvents
from prospection.ui.labels import stage_label, stage_labels
from prospection.ui.undo_commands import Change, ProspectChange, run_change, run_without_undo

#: Above this many prospects a bulk change is not snapshotted for undo (memory, time);
#: the user is told before it runs.
UNDO_LIMIT = 5000


class BulkActions(QObject):
    """Menu actions applying to the selection given by `selected_ids`."""

    #: A change was applied (for the status bar): a short message.
    done = Signal(str)

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        undo_stack: QUndoStack,
        selected_ids: Callable[[], list[int]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._events = events
        self._undo = undo_stack
        self._selected_ids = selected_ids
        self._parent = parent

        self.stage_menu = QMenu(self.tr("Set &stage"), parent)
        self.stage_actions: dict[Stage, QAction] = {}
        for index, (stage, label) in enumerate(stage_labels().items(), start=1):
            action = self.stage_menu.addAction(label)
            # Alt+1..9 follow the funnel order shown in the menu.
            action.setShortcut(QKeySequence(f"Alt+{index}"))
            action.triggered.connect(lambda _checked=False, s=stage: self.set_stage(s))
            self.stage_actions[stage] = action
        self.add_tag_action = self._make(
            self.tr("Add &tag…"), self.ask_add_tag, "Ctrl+T", self.tr("Tag the selected prospects")
        )
        self.remove_tag_action = self._make(
            self.tr("Remo&ve tag…"),
            self.ask_remove_tag,
            "Ctrl+Shift+T",
            self.tr("Take a tag off the selected prospects"),
        )
        self.delete_action = self._make(
            self.tr("&Delete…"),
            self.ask_delete,
            QKeySequence.StandardKey.Delete,
            self.tr("Delete the selected prospects (undo with Ctrl+Z)"),
        )
        self.actions = [
            self.stage_menu.menuAction(),
            *self.stage_actions.values(),
            self.add_tag_action,
            self.remove_tag_action,
            self.delete_action,
        ]

    def _make(
        self,
        text: str,
        slot: Callable[[], object],
        keys: str | QKeySequence.StandardKey,
        tip: str,
    ) -> QAction:
        action = QAction(text, self._parent)
        action.setShortcut(QKeySequence(keys))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})")
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self._parent.addAction(action)
        return action

    def add_to_menu(self, menu: QMenu) -> None:
        """Put the bulk actions at the end of `menu`."""
        menu.addMenu(self.stage_menu)
        menu.addAction(self.add_tag_action)
        menu.addAction(self.remove_tag_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)

    def set_enabled(self, enabled: bool) -> None:
        """Enable the actions when prospects are selected."""
        for action in self.actions:
            action.setEnabled(enabled)

    # --- the actions themselves (tests call these directly) -------------------------

    def set_stage(self, stage: Stage, ids: list[int] | None = None) -> int:
        """Move the selected prospects to `stage` (undoable); how many were selected."""
        targets = ids if ids is not None else self._selected_ids()
        if not targets:
            return 0
        text = self.tr("Set stage to {stage} (%n prospect(s))", "", len(targets)).format(
            stage=stage_label(stage)
        )

        def change(session: Session) -> None:
            prospects.set_stage(session, targets, stage)

        self._run(text, targets, change)
        return len(targets)

    def add_tag(self, name: str, ids: list[int] | None = None) -> int:
        """Put the tag `name` on the selected prospects (undoable)."""
        targets = ids if ids is not None else self._selected_ids()
        clean = " ".join(name.split())
        if not targets or not clean:
            return 0
        text = self.tr("Add tag {tag} (%n prospect(s))", "", len(targets)).format(tag=clean)

        def change(session: Session) -> None:
            prospects.add_tag(session, targets, clean)

        self._run(text, targets, change, touches_activities=False)
        return len(targets)

    def remove_tag(self, name: str, ids: list[int] | None = None) -> int:
        """Take the tag `name` off the selected prospects (undoable)."""
        targets = ids if ids is not None else self._selected_ids()
        if not targets or not name:
            return 0
        text = self.tr("Remove tag {tag} (%n prospect(s))", "", len(targets)).format(tag=name)

        def change(session: Session) -> None:
            prospects.remove_tag(session, targets, name)

        self._run(text, targets, change, touches_activities=False)
        return len(targets)

    def delete(self, ids: list[int] | None = None) -> int:
        """Delete the selected prospects with their contacts and history (undoable)."""
        targets = ids if ids is not None else self._selected_ids()
        if not targets:
            return 0
        text = self.tr("Delete %n prospect(s)", "", len(targets))
        if len(targets) > 1:
            backup_before_delete(self._db)

        def change(session: Session) -> None:
            prospects.delete_prospects(session, targets)

        self._run(text, targets, change)
        return len(targets)

    def _run(
        self,
        text: str,
        ids: list[int],
        change: Change,
        touches_activities: bool = True,
    ) -> None:
        if len(ids) > UNDO_LIMIT:
            if not confirm_without_undo(self._parent, len(ids)):
                return
            run_without_undo(self._db, self._events, ids, change)
        else:
            command = ProspectChange(self._db, self._events, text, ids, change, touches_activities)
            run_change(self._undo, command)
        self.done.emit(text)

    # --- the same, asking the user first --------------------------------------------

    def _tag_names(self) -> list[str]:
        with self._db.session() as session:
            return [name for name, _n in prospects.all_tags(session)]

    def ask_add_tag(self) -> None:
        """Ask which tag to add, then add it."""
        if not self._selected_ids():
            return
        name, ok = QInputDialog.getItem(
            self._parent,
            self.tr("Add a tag"),
            self.tr("Tag to add to the selected prospects:"),
            self._tag_names(),
            0,
            True,
        )
        if ok and name.strip():
            self.add_tag(name)

    def ask_remove_tag(self) -> None:
        """Ask which tag to remove, then remove it."""
        names = self._tag_names()
        if not self._selected_ids() or not names:
            return
        name, ok = QInputDialog.getItem(
            self._parent,
            self.tr("Remove a tag"),
            self.tr("Tag to take off the selected prospects:"),
            names,
            0,
            False,
        )
        if ok and name:
            self.remove_tag(name)

    def ask_delete(self) -> None:
        """Ask for confirmation, then delete the selected prospects."""
        ids = self._selected_ids()
        if not ids:
            return
        if len(ids) > UNDO_LIMIT or confirm_delete(self._parent, len(ids)):
            self.delete(ids)  # above the undo limit, confirm_without_undo asks instead


def confirm_delete(parent: QWidget, count: int) -> bool:
    """Ask before deleting `count` prospects."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("BulkActions", "Delete prospects"))
    box.setText(QCoreApplication.translate("BulkActions", "Delete %n prospect(s)?", n=count))
    box.setInformativeText(
        QCoreApplication.translate(
            "BulkActions",
            "Their contacts and history are deleted too. You can undo this with Ctrl+Z.",
        )
    )
    delete = box.addButton(
        QCoreApplication.translate("BulkActions", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete


def confirm_without_undo(parent: QWidget, count: int) -> bool:
    """Ask before a change to so many prospects that it cannot be undone."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("BulkActions", "A very large change"),
        QCoreApplication.translate(
            "BulkActions",
            "This changes %n prospect(s) at once: too many to keep a copy for Undo. "
            "It cannot be undone (your daily backup can). Go ahead?",
            n=count,
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def backup_before_delete(db: Database) -> None:
    """A bulk deletion is backed up first (undo covers this session; backups, later ones)."""
    try:
        make_backup(db, "before-delete")
    except (OSError, sqlite3.Error) as error:
        logging.getLogger(__name__).warning("Backup before deletion failed: %s", error)
