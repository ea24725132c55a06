"""File › Back up now and File › Restore from backup…: the list of backups and a safe restore."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospection.core import backup, integrity, privacy
from prospection.core.db import Database
from prospection.core.errors import StorageError
from prospection.core.integrity import ReadOnly
from prospection.ui.data_events import DataEvents

log = logging.getLogger(__name__)


def local_datetime(value: datetime) -> QDateTime:
    """An aware datetime as a QDateTime in local time (for QLocale formatting)."""
    return QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000))


def reason_label(reason: str) -> str:
    """Why a backup was made, in the user's language."""
    labels = {
        "daily": QCoreApplication.translate("Backups", "Daily"),
        "manual": QCoreApplication.translate("Backups", "Made by you"),
        "before-import": QCoreApplication.translate("Backups", "Before an import"),
        "before-delete": QCoreApplication.translate("Backups", "Before a deletion"),
        "before-restore": QCoreApplication.translate("Backups", "Before a restore"),
        "before-erase": QCoreApplication.translate("Backups", "Before an erasure"),
        "before-migration": QCoreApplication.translate("Backups", "Before an update"),
        "file": QCoreApplication.translate("Backups", "Chosen file"),
    }
    return labels.get(reason, reason)


class BackupTable(QTableWidget):
    """Backups, newest first: date, why, and how many prospects, contacts and activities."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.folder = folder
        self.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Why"),
                self.tr("Prospects"),
                self.tr("Contacts"),
                self.tr("Activities"),
            ]
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.backups: list[backup.BackupInfo] = []
        self.reload()

    def reload(self) -> None:
        """Read the folder again."""
        self.backups = backup.list_backups(self.folder)
        self.setRowCount(len(self.backups))
        locale = QLocale()
        for row, info in enumerate(self.backups):
            when = locale.toString(local_datetime(info.created_at), QLocale.FormatType.ShortFormat)
            cells = [when, reason_label(info.reason)]
            if info.readable:
                cells += [locale.toString(n or 0) for n in (info.prospects, info.contacts)]
                cells.append(locale.toString(info.activities or 0))
            else:
                cells += [self.tr("cannot be read"), "", ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if not info.readable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(info.path.name)
                self.setItem(row, column, item)
        if self.backups:
            self.selectRow(0)

    def selected_backup(self) -> backup.BackupInfo | None:
        """The chosen backup, when it can be read."""
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        info = self.backups[rows[0].row()]
        return info if info.readable else None


def restore_confirmation(parent: QWidget | None, info: backup.BackupInfo) -> bool:
    """Ask before replacing the data; says that the present state is kept."""
    when = QLocale().toString(local_datetime(info.created_at), QLocale.FormatType.LongFormat)
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Backups", "Restore this backup?"),
        QCoreApplication.translate(
            "Backups",
            "The data will be replaced by the backup of {when} ({count} prospects). "
            "The data as it is now is backed up first, so you can come back to it.",
        ).format(when=when, count=QLocale().toString(info.prospects or 0)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class RestoreDialog(QDialog):
    """Lists the backups and restores the chosen one (after backing up the present)."""

    def __init__(self, db: Database, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.events = events
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Prospection backs your data up every day and before each import, deletion "
                "and restore. It keeps the last 7 days and 4 weeks. Choose the backup to go "
                "back to:"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = BackupTable(backup.backups_dir_for(db), self)
        layout.addWidget(self.table)
        self.empty_label = QLabel(
            self.tr("No backup yet. Use File › Back up now to make one."), self
        )
        self.empty_label.setVisible(not self.table.backups)
        layout.addWidget(self.empty_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setEnabled(bool(self.table.backups))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button = QPushButton(self.tr("From a &file…"), self)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = QPushButton(self.tr("Open the backups &folder"), self)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_from_file)
        self.folder_button.clicked.connect(self.open_folder)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.table.selected_backup() is not None)
        )

    def restore_selected(self) -> None:
        info = self.table.selected_backup()
        if info is not None and restore_confirmation(self, info):
            self.restore(info.path)

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a file"),
            str(self.table.folder),
            self.tr("Prospection backups (*.sqlite3 *.db);;All files (*)"),
        )
        if not name:
            return
        try:
            info = backup.verify_backup(Path(name))
        except StorageError as error:
            self._refuse(error)
            return
        if restore_confirmation(self, info):
            self.restore(Path(name))

    def restore(self, path: Path) -> bool:
        """Restore `path` now (already confirmed); True when it worked."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        damaged = self.db.read_only is ReadOnly.DAMAGED
        if self.db.read_only is not None and not damaged:
            # Still being checked, or no lock: another window could be writing the data.
            from prospection.ui.problem_dialogs import problem_text  # it imports this module

            QGuiApplication.restoreOverrideCursor()
            title, text = problem_text(integrity.refused(self.db.read_only).problem)
            QMessageBox.warning(self, title, text)
            return False
        try:
            if damaged:
                # Never written over: the damaged file is renamed aside.
                aside, reapplied = integrity.restore_over_damaged(self.db, path)
            else:
                _, reapplied = privacy.restore_keeping_objections(self.db, path)
        except StorageError as error:
            QGuiApplication.restoreOverrideCursor()
            self._refuse(error)
            return False
        QGuiApplication.restoreOverrideCursor()
        self.events.database_reset.emit()
        self.table.reload()
        if damaged:
            said = self.tr(
                "The backup was restored and the data can be changed again. The damaged "
                "file was kept beside it as %1."
            ).replace("%1", aside.name if aside is not None else "")
        else:
            said = self.tr(
                "The backup was restored. The data as it was just before is in the list "
                "as “Before a restore”."
            )
        if reapplied is not None:
            said += "\n\n" + (
                self.tr(
                    "Objections and erasures kept: %1 contacts flagged do-not-contact again, "
                    "%2 erased again."
                )
                .replace("%1", QLocale().toString(reapplied.flagged))
                .replace("%2", QLocale().toString(reapplied.erased))
            )
        QMessageBox.information(self, self.tr("Backup restored"), said)
        self.accept()
        return True

    def _refuse(self, error: StorageError) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("This backup cannot be restored"),
            self.tr(
                "The file is damaged, is not a Prospection backup, or comes from a newer "
                "version. Your data was not changed."
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setDetailedText(str(error))
        box.exec()

    def open_folder(self) -> None:
        self.table.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.table.folder)))


def back_up_now(db: Database, parent: QWidget | None = None) -> Path | None:
    """File › Back up now: make a backup and say where; None (and a message) on failure."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        made = backup.make_backup(db, "manual")
    except integrity.CopyDamagedError as error:
        QGuiApplication.restoreOverrideCursor()
        log.warning("Backup refused: %s", error)
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Backups", "No backup was made"),
            QCoreApplication.translate(
                "Backups",
                "The copy of the data failed its check, so it was deleted: the data file "
                "itself may be damaged. Your earlier backups were kept.",
            ),
        )
        return None
    except (OSError, sqlite3.Error) as error:
        QGuiApplication.restoreOverrideCursor()
        log.warning("Backup failed: %s", error)
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Backups", "No backup was made"),
            QCoreApplication.translate(
                "Backups", "The backup could not be written ({reason}). Is the disk full?"
            ).format(reason=getattr(error, "strerror", None) or str(error)),
        )
        return None
    QGuiApplication.restoreOverrideCursor()
    return made
