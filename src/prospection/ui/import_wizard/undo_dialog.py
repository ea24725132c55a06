"""File › Undo an import…: the list of imports, and undo of the one chosen (off the GUI
thread: undoing 100,000 rows takes a while).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospection.core.collector import quiet_collector
from prospection.core.db import Database
from prospection.core.imports import UndoResult, list_batches, undo_import
from prospection.core.imports.writer import BatchInfo
from prospection.ui.data_events import DataEvents
from prospection.ui.import_wizard.background import BackgroundTask


class UndoImportDialog(QDialog):
    """Every import with what it created; Undo removes it and restores what it merged."""

    finished_undo = Signal()  # an undo ended (done or failed)

    def __init__(self, db: Database, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoImportDialog")
        self.db = db
        self.events = events
        self.batches: list[BatchInfo] = []
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Undo an import"))
        intro = QLabel(
            self.tr(
                "Undoing an import removes the prospects and contacts it created (with what "
                "was added to them since) and puts back the values it filled in."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("batchTable")
        self.table.setColumnCount(4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Imported on"), self.tr("File"), self.tr("Created"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.undo_button = QPushButton(self.tr("Undo this import"), self)
        self.undo_button.setObjectName("undoImportButton")
        self.undo_button.clicked.connect(self.undo_selected)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # one transaction: no steps to count
        self.progress.setTextVisible(False)
        self.progress.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.resize(720, 420)
        self.reload()

    def reload(self) -> None:
        with self.db.session() as session:
            self.batches = list_batches(session)
        locale = QLocale()
        self.table.setRowCount(len(self.batches))
        for row, batch in enumerate(self.batches):
            when = QDateTime.fromSecsSinceEpoch(int(batch.imported_at.timestamp()))
            created = self.tr("%1 prospects, %2 contacts, %3 merged")
            created = (
                created.replace("%1", locale.toString(batch.prospects_created))
                .replace("%2", locale.toString(batch.contacts_created))
                .replace("%3", locale.toString(batch.merged))
            )
            state = self.tr("Undone") if batch.undone_at is not None else self.tr("Imported")
            for column, text in enumerate(
                [
                    locale.toString(when, QLocale.FormatType.ShortFormat),
                    batch.file_name,
                    created,
                    state,
                ]
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.batches:
            self.table.selectRow(0)
        self._selection_changed()

    def _selected(self) -> BatchInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        batch = self._selected()
        idle = self.task is None
        self.undo_button.setEnabled(idle and batch is not None and batch.undone_at is None)

    def confirm(self, batch: BatchInfo) -> bool:
        """Ask before undoing (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Undo an import"),
            self.tr("Remove what the import of %1 created?").replace("%1", batch.file_name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def undo_selected(self) -> None:
        """Undo the selected import off the GUI thread (after a backup, in one transaction)."""
        batch = self._selected()
        if self.task is not None or batch is None or not self.confirm(batch):
            return
        db, batch_id = self.db, batch.id

        def work(_progress: Any, _cancelled: Any) -> UndoResult:
            with quiet_collector():
                return undo_import(db, batch_id)

        self.status.setText(self.tr("Undoing the import of %1…").replace("%1", batch.file_name))
        self.progress.show()
        self.table.setEnabled(False)
        self.close_button.setEnabled(False)
        self.task = BackgroundTask(work)
        self.task.signals.done.connect(self._undone)
        self.task.signals.failed.connect(self._failed)
        self.task.start()
        self._selection_changed()

    def undoing(self) -> bool:
        """Whether an undo is running."""
        return self.task is not None

    def _idle(self) -> None:
        self.task = None
        self.progress.hide()
        self.table.setEnabled(True)
        self.close_button.setEnabled(True)

    def _undone(self, result: UndoResult) -> None:
        self._idle()
        self.status.setText(
            self.tr("Import undone: %1 prospects and %2 contacts removed.")
            .replace("%1", QLocale().toString(result.prospects_removed))
            .replace("%2", QLocale().toString(result.contacts_removed))
        )
        self.events.database_reset.emit()
        self.reload()
        self.finished_undo.emit()

    def _failed(self, message: str) -> None:
        self._idle()
        self.status.setText(message)
        self._selection_changed()
        self.finished_undo.emit()

    def reject(self) -> None:
        # An undo is one transaction that cannot be stopped halfway: wait for it.
        if self.undoing():
            return
        super().reject()
