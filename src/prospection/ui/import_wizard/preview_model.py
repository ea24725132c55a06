"""The preview table: every row of the file with its fate; possible duplicates checkable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from prospection.core.imports import Fate, ImportPlan, RowPlan
from prospection.ui.import_wizard.labels import fate_label

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Rows of an ImportPlan (read only, except the "merge" check of possible duplicates)."""

    LINE, FATE, PERSON, COMPANY, DETAILS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RowPlan] = []
        self.confirmed: set[int] = set()

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.rows = list(plan.rows) if plan is not None else []
        self.confirmed = set()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Line"), self.tr("What happens"), self.tr("Person"), self.tr("Company"),
                self.tr("Details")][section]  # fmt: skip

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == self.FATE and self.rows[index.row()].fate is Fate.POSSIBLE_DUPLICATE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.FATE:
            if row.fate is not Fate.POSSIBLE_DUPLICATE:
                return None
            merged = row.line in self.confirmed
            return Qt.CheckState.Checked if merged else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == self.FATE:
            if row.fate is Fate.POSSIBLE_DUPLICATE:
                return self.tr("Tick to merge this row into the existing person")
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        record = row.record
        if column == self.LINE:
            return row.line
        if column == self.FATE:
            return fate_label(row.fate)
        if column == self.PERSON:
            if record is None:
                return ""
            return record.full_name or (record.emails[0] if record.emails else "")
        if column == self.COMPANY:
            return record.company if record is not None else ""
        details = row.message
        if record is not None and record.warnings:
            details = (
                "; ".join([details, *record.warnings]) if details else "; ".join(record.warnings)
            )
        return details

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.FATE:
            return False
        row = self.rows[index.row()]
        if row.fate is not Fate.POSSIBLE_DUPLICATE:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            self.confirmed.add(row.line)
        else:
            self.confirmed.discard(row.line)
        self.dataChanged.emit(index, index, [role])
        return True
