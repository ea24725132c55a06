"""Calm messages for what can go wrong with the data: each says what happened and the way out.

A damaged or newer file, a folder that cannot be written, a full disk: never a
traceback, never writing over the file. At start-up the user can restore a backup,
choose another data folder, or quit; later, an unexpected error says that the saved
work is safe and where the details were written.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from prospection.core.errors import Problem, classify_problem
from prospection.ui.backup_dialogs import BackupTable, restore_confirmation

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


def problem_text(problem: Problem | None) -> tuple[str, str]:
    """A translated title and explanation for a kind of problem (None: a bug)."""

    texts = {
        Problem.DISK_FULL: (
            translate("Problems", "The disk is full"),
            translate(
                "Problems",
                "Prospection could not save because the disk is full. Everything saved "
                "before is safe. Free some space (empty the trash, remove large files), "
                "then try again.",
            ),
        ),
        Problem.READ_ONLY: (
            translate("Problems", "The data folder cannot be written"),
            translate(
                "Problems",
                "Prospection may not write in its data folder (no permission, or a "
                "read-only disk). Choose another folder, or ask for write permission.",
            ),
        ),
        Problem.DAMAGED: (
            translate("Problems", "The data file is damaged"),
            translate(
                "Problems",
                "The data file cannot be read: it is damaged or is not a Prospection file. "
                "It was left untouched. Restore a backup, or choose another data folder.",
            ),
        ),
        Problem.NEWER: (
            translate("Problems", "The data file comes from a newer version"),
            translate(
                "Problems",
                "This data file was written by a newer version of Prospection. It was left "
                "untouched: install the newer version to open it, or restore a backup.",
            ),
        ),
        Problem.DATA_FOLDER: (
            translate("Problems", "The data folder cannot be used"),
            translate(
                "Problems",
                "The data folder cannot be used. Check that the disk is connected and that "
                "you may write there, or choose another folder.",
            ),
        ),
        Problem.BUSY: (
            translate("Problems", "The data file is busy"),
            translate(
                "Problems", "Another program is writing to the data file. Try again in a moment."
            ),
        ),
        Problem.CHECKING: (
            translate("Problems", "The data file is being checked"),
            translate(
                "Problems",
                "Prospection checks the data file after opening it (a few seconds on a large "
                "file) and saves nothing until it is done. Your change was not saved: try "
                "again in a moment.",
            ),
        ),
        Problem.DAMAGED_READ_ONLY: (
            translate("Problems", "The data file is damaged"),
            translate(
                "Problems",
                "The data file is damaged, so it is open for reading only: your change was "
                "not saved. Use File › Restore from backup… to go on working.",
            ),
        ),
        Problem.LOCK_READ_ONLY: (
            translate("Problems", "Open for reading only"),
            translate(
                "Problems",
                "Prospection could not write its lock file in the data folder, so the data "
                "is open for reading only: your change was not saved. Free some disk space "
                "or fix the folder, then start Prospection again.",
            ),
        ),
        Problem.SERVER: (
            translate("Problems", "The team server cannot be reached"),
            translate(
                "Problems",
                "The team server does not answer (network, or the server is down). Your "
                "last change was not saved, and nothing of it was half-written. Try again "
                "once the server is back, or restart Prospection and open the local file.",
            ),
        ),
        Problem.SERVER_REFUSED: (
            translate("Problems", "The team server refused the connection"),
            translate(
                "Problems",
                "The team server refused the connection (address, user name, password or "
                "database). Check Preferences › Team.",
            ),
        ),
    }
    if problem is None:
        return (
            translate("Problems", "Something went wrong"),
            translate(
                "Problems",
                "Prospection met an unexpected problem. Your work is safe: each change is "
                "saved as you make it. The details were written to the log file.",
            ),
        )
    return texts[problem]


class StartupChoice(Enum):
    QUIT = "quit"
    RESTORE = "restore"
    OTHER_FOLDER = "other_folder"


@dataclass(frozen=True)
class StartupDecision:
    """What the user chose when the data could not be opened."""

    choice: StartupChoice
    path: Path | None = None  # the backup to restore, or the folder to use


class StartupProblemBox(QMessageBox):
    """The data could not be opened: explain, then restore / another folder / quit."""

    def __init__(self, error: BaseException, backups_dir: Path, parent: QWidget | None = None):
        problem = classify_problem(error)
        title, text = problem_text(problem)
        super().__init__(QMessageBox.Icon.Critical, title, text, parent=parent)
        self.setWindowTitle(self.tr("Prospection cannot open its data"))
        self.setDetailedText(str(error))
        self.backups_dir = backups_dir
        self.restore_button = None
        if problem in (Problem.DAMAGED, Problem.NEWER) and any(backups_dir.glob("*.sqlite3")):
            self.restore_button = self.addButton(
                self.tr("&Restore a backup…"), QMessageBox.ButtonRole.AcceptRole
            )
        self.folder_button = self.addButton(
            self.tr("&Choose another folder…"), QMessageBox.ButtonRole.ActionRole
        )
        self.quit_button = self.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.folder_button)

    def decide(self) -> StartupDecision:
        """Show the box (and the follow-up chooser); what the user wants next."""
        self.exec()
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.restore_button:
            chooser = BackupChooser(self.backups_dir, self.parentWidget())
            if chooser.exec() == QDialog.DialogCode.Accepted and chooser.chosen is not None:
                return StartupDecision(StartupChoice.RESTORE, chooser.chosen)
            return self.decide()
        if clicked is not None and clicked is self.folder_button:
            folder = QFileDialog.getExistingDirectory(
                self.parentWidget(), self.tr("Choose a data folder")
            )
            if folder:
                return StartupDecision(StartupChoice.OTHER_FOLDER, Path(folder))
            return self.decide()
        return StartupDecision(StartupChoice.QUIT)


class BackupChooser(QDialog):
    """Pick a backup to restore in place of a file that cannot be opened."""

    def __init__(self, backups_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(620, 380)
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "The file that cannot be opened is kept beside the data, renamed; it is "
                "never deleted. Choose the backup to go back to:"
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = BackupTable(backups_dir, self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Restore"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        info = self.table.selected_backup()
        if info is not None and restore_confirmation(self, info):
            self.chosen = info.path
            self.accept()


def show_unexpected_problem(
    error: BaseException, log_file: Path | None, parent: QWidget | None = None
) -> None:
    """The excepthook's message: calm words, the log's place, no traceback."""
    if QApplication.instance() is None:
        return
    problem = classify_problem(error)
    title, text = problem_text(problem)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    if log_file is not None:
        box.setInformativeText(
            QCoreApplication.translate("Problems", "Log file: {path}").format(path=log_file)
        )
        open_button = box.addButton(
            QCoreApplication.translate("Problems", "Open the log folder"),
            QMessageBox.ButtonRole.ActionRole,
        )
    else:
        open_button = None
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if open_button is not None and box.clickedButton() is open_button and log_file is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file.parent)))
