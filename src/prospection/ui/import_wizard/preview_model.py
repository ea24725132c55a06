"""The preview table: every row of the file with its fate, filtered by fate; possible
duplicates checkable one by one or all at once. A table model, so 100,000 rows stay fast.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from prospection.core.imports import Fate, ImportPlan, RowPlan
from prospection.ui.import_wizard.labels import fate_label
from prospection.ui.import_wizard.messages import messages_text

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Rows of an ImportPlan (read only, except the "merge" check of possible duplicates).

    `rows` holds every row of the plan; the view shows those of the fate chosen with
    `set_fate_filter` (all of them when None).
    """

    LINE, FATE, PERSON, COMPANY, DETAILS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RowPlan] = []
        self.shown: list[int] = []  # indexes into rows, in file order
        self.fate_filter: Fate | None = None
        self.confirmed: set[int] = set()
        self.counts: Counter[Fate] = Counter()

    def set_plan(self, plan: ImportPlan | None) -> None:
        """Show the rows of `plan` (None: empty), nothing confirmed, no filter."""
        self.beginResetModel()
        self.rows = list(plan.rows) if plan is not None else []
        self.shown = list(range(len(self.rows)))
        self.fate_filter = None
        self.confirmed = set()
        self.counts = Counter(row.fate for row in self.rows)
        self.endResetModel()

    def set_fate_filter(self, fate: Fate | None) -> None:
        """Show only the rows of `fate` (every row when None)."""
        self.beginResetModel()
        self.fate_filter = fate
        if fate is None:
            self.shown = list(range(len(self.rows)))
        else:
            self.shown = [i for i, row in enumerate(self.rows) if row.fate is fate]
        self.endResetModel()

    def fate_counts(self) -> Counter[Fate]:
        """How many rows have each fate."""
        return self.counts

    def confirm_all(self, merge: bool) -> None:
        """Tick (or untick) every possible duplicate, shown or not."""
        if merge:
            self.confirmed = {r.line for r in self.rows if r.fate is Fate.POSSIBLE_DUPLICATE}
        else:
            self.confirmed = set()
        if self.shown:
            self.dataChanged.emit(
                self.index(0, self.FATE),
                self.index(len(self.shown) - 1, self.FATE),
                [Qt.ItemDataRole.CheckStateRole],
            )

    def row_at(self, index: Index) -> RowPlan:
        """The plan row shown at `index`."""
        return self.rows[self.shown[index.row()]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

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
        if index.column() == self.FATE and self.row_at(index).fate is Fate.POSSIBLE_DUPLICATE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index)
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
        said = [row.detail] if row.detail is not None else []
        if record is not None:
            said.extend(record.warnings)
        return messages_text(said)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.FATE:
            return False
        row = self.row_at(index)
        if row.fate is not Fate.POSSIBLE_DUPLICATE:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            self.confirmed.add(row.line)
        else:
            self.confirmed.discard(row.line)
        self.dataChanged.emit(index, index, [role])
        return True
