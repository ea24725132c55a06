"""The retention review: prospects silent for three years, to ask or to erase in bulk."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospection.core import backup, privacy
from prospection.core.db import Database
from prospection.ui.backup_dialogs import local_datetime
from prospection.ui.data_events import DataEvents
from prospection.ui.labels import stage_label


class RetentionDialog(QDialog):
    """Lists prospects past the three-year retention period; erases the ticked ones."""

    def __init__(self, db: Database, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.events = events
        #: Prospects were erased: the window must forget undo steps that could restore them.
        self.erased = False
        self.setWindowTitle(self.tr("Retention review"))
        self.resize(720, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Prospect data may be kept three years from its collection or from the "
                "prospect's last contact with you (a reply, a call from them; an opened "
                "email does not count). These prospects are past that: ask them whether "
                "they want to stay in touch, or erase them."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setToolTip(self.tr("CNIL guidance on prospecting (GDPR storage limitation)"))
        layout.addWidget(intro)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Prospect"),
                self.tr("Stage"),
                self.tr("Collected"),
                self.tr("Last contact from them"),
                self.tr("Contacts"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.all_button = QPushButton(self.tr("Tick &all"), self)
        self.erase_button = QPushButton(self.tr("&Erase the ticked prospects…"), self)
        buttons.addButton(self.all_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.all_button.clicked.connect(self.tick_all)
        self.erase_button.clicked.connect(lambda: self.erase_ticked())
        self.table.itemChanged.connect(self._update_summary)
        self.reload()

    def reload(self) -> None:
        """Read the review list again."""
        with self.db.session() as session:
            self.items = privacy.retention_review(session)
        locale = QLocale()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            name = QTableWidgetItem(item.name)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Unchecked)
            name.setData(Qt.ItemDataRole.UserRole, item.prospect_id)
            last = (
                locale.toString(local_datetime(item.last_inbound_at).date())
                if item.last_inbound_at
                else self.tr("never")
            )
            cells = [
                name,
                QTableWidgetItem(stage_label(item.stage)),
                QTableWidgetItem(locale.toString(local_datetime(item.collected_at).date())),
                QTableWidgetItem(last),
                QTableWidgetItem(locale.toString(item.contacts)),
            ]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self._update_summary()

    def ticked_ids(self) -> list[int]:
        ids = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def tick_all(self) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None:
                item.setCheckState(Qt.CheckState.Checked)

    def _update_summary(self) -> None:
        if not self.items:
            self.summary.setText(self.tr("No prospect is past the retention period."))
        else:
            self.summary.setText(
                self.tr("{count} prospects to review, {ticked} ticked").format(
                    count=QLocale().toString(len(self.items)),
                    ticked=QLocale().toString(len(self.ticked_ids())),
                )
            )
        self.erase_button.setEnabled(bool(self.ticked_ids()))

    def erase_ticked(self, confirmed: bool = False) -> int:
        """Erase the ticked prospects (after a backup); returns how many."""
        ids = self.ticked_ids()
        if not ids:
            return 0
        if not confirmed:
            answer = QMessageBox.warning(
                self,
                self.tr("Erase these prospects?"),
                self.tr(
                    "{count} prospects, with their contacts and activities, will be erased "
                    "for good. A backup is made first; it is kept a few weeks, then removed."
                ).format(count=QLocale().toString(len(ids))),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backup.make_backup(self.db, "before-delete")
            removed = privacy.erase_prospects(self.db, ids)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.erased = True
        self.events.prospects_changed.emit([])
        self.reload()
        return removed
