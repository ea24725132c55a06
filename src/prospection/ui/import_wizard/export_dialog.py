"""File › Export…: the selection, the current view or everything, in the format chosen.

The export runs off the GUI thread with a progress bar; stopping it leaves no file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from prospection.core.collector import quiet_collector
from prospection.core.db import Database
from prospection.core.exports import (
    SUFFIXES,
    ExportFormat,
    ExportSummary,
    UnwritableCharacters,
    export,
)
from prospection.ui.import_wizard.background import BackgroundTask

translate = QCoreApplication.translate


def format_label(fmt: ExportFormat) -> str:
    """The name of an export format."""
    return {
        ExportFormat.CSV: translate("ExportDialog", "CSV (UTF-8, opens right in Excel)"),
        ExportFormat.CSV_FR: translate("ExportDialog", "CSV for French Excel (; and Windows-1252)"),
        ExportFormat.XLSX: translate("ExportDialog", "Excel workbook (.xlsx)"),
        ExportFormat.VCARD: translate("ExportDialog", "vCard 3.0 (phones, address books)"),
        ExportFormat.JSON: translate("ExportDialog", "JSON"),
        ExportFormat.ICS: translate("ExportDialog", "Meetings as a calendar (.ics)"),
    }[fmt]


class ExportDialog(QDialog):
    """Choose what and how, then a file name; people who objected are never exported.

    `view_ids` returns the ids of the current view; it runs off the GUI thread, so it must
    not touch widgets (take the filter first).
    """

    finished_export = Signal()  # the export ended: written, stopped or failed

    def __init__(
        self,
        db: Database,
        selected_ids: list[int],
        view_ids: Callable[[], list[int]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.db = db
        self.selected_ids = selected_ids
        self.view_ids = view_ids
        self.summary: ExportSummary | None = None
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Export"))
        locale = QLocale()
        self.scope = QButtonGroup(self)
        self.selection_button = QRadioButton(
            self.tr("The selected prospects (%1)").replace(
                "%1", locale.toString(len(selected_ids))
            ),
            self,
        )
        self.view_button = QRadioButton(self.tr("The prospects of the current view"), self)
        self.all_button = QRadioButton(self.tr("Every prospect"), self)
        for button in (self.selection_button, self.view_button, self.all_button):
            self.scope.addButton(button)
        self.selection_button.setEnabled(bool(selected_ids))
        self.view_button.setEnabled(view_ids is not None)
        (self.selection_button if selected_ids else self.all_button).setChecked(True)
        self.format_box = QComboBox(self)
        for fmt in ExportFormat:
            self.format_box.addItem(format_label(fmt), fmt.value)
        note = QLabel(
            self.tr(
                "People who asked not to be contacted are left out. Cells that could run as "
                "spreadsheet formulas are neutralised."
            ),
            self,
        )
        note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("exportStatus")
        self.progress = QProgressBar(self)
        self.progress.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.choose_file_and_export)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_box)
        layout = QVBoxLayout(self)
        for button in (self.selection_button, self.view_button, self.all_button):
            layout.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)  # the note wraps on two lines, in French too

    def chosen_format(self) -> ExportFormat:
        return ExportFormat(str(self.format_box.currentData()))

    def chosen_ids(self) -> list[int] | None:
        """The prospects to export (None: all of them)."""
        return self._scope_ids()()

    def _scope_ids(self) -> Callable[[], list[int] | None]:
        # Which prospects, decided on the GUI thread; the ids of a view (a query that can
        # return 100,000 of them) are then read in the worker.
        if self.selection_button.isChecked():
            selected = list(self.selected_ids)
            return lambda: selected
        if self.view_button.isChecked() and self.view_ids is not None:
            return self.view_ids
        return lambda: None

    def ask_path(self, fmt: ExportFormat) -> Path | None:
        """The file to write (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), f"prospects{SUFFIXES[fmt]}", f"*{SUFFIXES[fmt]}"
        )
        return Path(name) if name else None

    def exporting(self) -> bool:
        """Whether an export is running."""
        return self.task is not None

    def choose_file_and_export(self) -> None:
        """Ask for a file name, then export to it off the GUI thread."""
        if self.exporting():
            return
        fmt = self.chosen_format()
        path = self.ask_path(fmt)
        if path is None:
            return
        if path.suffix == "":
            path = path.with_suffix(SUFFIXES[fmt])
        self.start_export(path, fmt)

    def start_export(self, path: Path, fmt: ExportFormat, stand_ins: bool = False) -> None:
        """Export to `path` in a worker; the dialog closes when the file is written."""
        scope_ids, db, title = self._scope_ids(), self.db, self.tr("Meeting")
        self._last = (path, fmt)

        def work(progress: Any, cancelled: Any) -> ExportSummary | UnwritableCharacters:
            ids = scope_ids()
            with quiet_collector(), db.session() as session:
                try:
                    return export(
                        session, path, fmt, ids, meeting_title=title,
                        progress=progress, cancelled=cancelled, cp1252_stand_ins=stand_ins,
                    )  # fmt: skip
                except UnwritableCharacters as error:
                    return error  # the GUI thread asks what to do instead

        self._set_busy(True)
        self.status.setText(self.tr("Exporting to %1…").replace("%1", path.name))
        self.task = BackgroundTask(work)
        self.task.signals.progress.connect(self._progress)
        self.task.signals.done.connect(self._done)
        self.task.signals.failed.connect(self._failed)
        self.task.signals.cancelled.connect(self._cancelled)
        self.task.start()

    def stop_export(self) -> None:
        """Stop the export: the file is not written (nor an older one replaced)."""
        if self.task is None:
            return
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Stopping…"))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.selection_button, self.view_button, self.all_button, self.format_box,
                       self.save_button):  # fmt: skip
            widget.setEnabled(not busy)
        if not busy:
            self.selection_button.setEnabled(bool(self.selected_ids))
            self.view_button.setEnabled(self.view_ids is not None)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Stop") if busy else self.tr("Cancel"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.adjustSize()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, summary: ExportSummary | UnwritableCharacters) -> None:
        self.task = None
        if isinstance(summary, UnwritableCharacters):
            self._set_busy(False)
            self.finished_export.emit()
            self._offer_utf8(summary)
            return
        self.summary = summary
        self._set_busy(False)
        self.finished_export.emit()
        self.accept()

    def unwritable_choice(self, error: UnwritableCharacters) -> QMessageBox.StandardButton:
        """Ask what to do when Windows-1252 cannot hold some characters (tests replace it)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Export"))
        box.setText(
            self.tr(
                "French Excel's CSV (Windows-1252) cannot hold these characters: %1. "
                "Save as UTF-8 with BOM instead (Excel opens it right)?"
            ).replace("%1", " ".join(error.characters))
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Save as UTF-8"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Write stand-ins (?)"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return QMessageBox.StandardButton(box.exec())

    def _offer_utf8(self, error: UnwritableCharacters) -> None:
        path, _fmt = self._last
        choice = self.unwritable_choice(error)
        if choice == QMessageBox.StandardButton.Yes:
            self.start_export(path, ExportFormat.CSV)
        elif choice == QMessageBox.StandardButton.No:
            self.start_export(path, ExportFormat.CSV_FR, stand_ins=True)
        else:
            self.status.setText(self.tr("Export stopped: no file was written."))

    def _failed(self, message: str) -> None:
        self.task = None
        self._set_busy(False)
        self.status.setText(self.tr("The file cannot be written: %1").replace("%1", message))
        self.finished_export.emit()

    def _cancelled(self) -> None:
        self.task = None
        self._set_busy(False)
        self.status.setText(self.tr("Export stopped: no file was written."))
        self.finished_export.emit()

    def reject(self) -> None:
        # Cancel (or Escape) while exporting stops the export and keeps the dialog open,
        # so the user sees that no file was written.
        if self.exporting():
            self.stop_export()
            return
        super().reject()
