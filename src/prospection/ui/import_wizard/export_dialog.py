"""File › Export…: the selection, the current view or everything, in the format chosen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from prospection.core.db import Database
from prospection.core.exports import SUFFIXES, ExportFormat, ExportSummary, export

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
    """Choose what and how, then a file name; people who objected are never exported."""

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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.choose_file_and_export)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_box)
        layout = QVBoxLayout(self)
        for button in (self.selection_button, self.view_button, self.all_button):
            layout.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def chosen_format(self) -> ExportFormat:
        return ExportFormat(str(self.format_box.currentData()))

    def chosen_ids(self) -> list[int] | None:
        """The prospects to export (None: all of them)."""
        if self.selection_button.isChecked():
            return list(self.selected_ids)
        if self.view_button.isChecked() and self.view_ids is not None:
            return self.view_ids()
        return None

    def ask_path(self, fmt: ExportFormat) -> Path | None:
        """The file to write (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), f"prospects{SUFFIXES[fmt]}", f"*{SUFFIXES[fmt]}"
        )
        return Path(name) if name else None

    def choose_file_and_export(self) -> None:
        fmt = self.chosen_format()
        path = self.ask_path(fmt)
        if path is None:
            return
        if path.suffix == "":
            path = path.with_suffix(SUFFIXES[fmt])
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.db.session() as session:
                self.summary = export(
                    session, path, fmt, self.chosen_ids(), meeting_title=self.tr("Meeting")
                )
        except OSError as error:
            self.status.setText(
                self.tr("The file cannot be written: %1").replace("%1", error.strerror or "")
            )
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
