"""The baseline a Qt developer reaches for first: QSqlTableModel behind a QSortFilterProxyModel.

All rows are fetched, since the proxy sorts and filters only the rows its source has
loaded: without that, sort and filter would be fast and wrong. Qt's SQL driver brings its
own SQLite. Everything is released explicitly before the process ends (see FACTS.md: a
1M-row QSqlTableModel crashed the interpreter at exit otherwise).
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtSql import QSqlDatabase, QSqlTableModel
from PySide6.QtWidgets import QTableView

from tests.benchmarks.qt_session import HEIGHT, WIDTH, application, settle

CONNECTION = "benchmark-baseline"
#: Columns of the prospect table matching our visible columns (None: no such column).
COLUMNS = {
    "name": "name",
    "contact": None,
    "phone": None,
    "city": "city",
    "stage": "stage",
    "priority": "priority",
    "next_action": "next_action_at",
    "last_contact": "last_contact_at",
    "tags": None,
    "created": "created_at",
}


class QSqlTable:
    """The baseline table: database, QSqlTableModel, proxy and view."""

    def __init__(self, path: Path) -> None:
        application()
        self.database = QSqlDatabase.addDatabase("QSQLITE", CONNECTION)
        self.database.setDatabaseName(str(path))
        if not self.database.open():
            raise RuntimeError(self.database.lastError().text())
        self.model: QSqlTableModel | None = None
        self.proxy: QSortFilterProxyModel | None = None
        self.view: QTableView | None = None

    def open(self) -> None:
        """Open the table as a Qt developer would, until the first rows are painted."""
        model = QSqlTableModel(None, self.database)
        model.setTable("prospect")
        model.setEditStrategy(QSqlTableModel.EditStrategy.OnManualSubmit)
        if not model.select():
            raise RuntimeError(model.lastError().text())
        while model.canFetchMore():
            model.fetchMore()
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setFilterKeyColumn(-1)
        view = QTableView()
        view.resize(WIDTH, HEIGHT)
        view.setModel(proxy)
        view.show()
        self.model, self.proxy, self.view = model, proxy, view
        settle(view)

    def column(self, key: str) -> int | None:
        """The model column of our sort key `key` (None when the table has no such column)."""
        name = COLUMNS.get(key)
        if name is None or self.model is None:
            return None
        return self.model.fieldIndex(name)

    def sort(self, column: int) -> None:
        """Sort the proxy by `column` and repaint."""
        assert self.proxy is not None and self.view is not None
        self.proxy.sort(column, Qt.SortOrder.AscendingOrder)
        settle(self.view)

    def filter(self, text: str) -> None:
        """Filter on every column, as the user types `text`, and repaint."""
        assert self.proxy is not None and self.view is not None
        self.proxy.setFilterFixedString(text)
        settle(self.view)

    def scroll_to(self, fraction: float) -> None:
        """Scroll to the row at `fraction` of the table and repaint."""
        assert self.proxy is not None and self.view is not None
        row = int(fraction * (self.proxy.rowCount() - 1))
        self.view.scrollTo(self.proxy.index(row, 0), QTableView.ScrollHint.PositionAtTop)
        settle(self.view)

    def row_count(self) -> int:
        assert self.proxy is not None
        return self.proxy.rowCount()

    def close(self) -> None:
        """Release view, proxy, model and connection in order, before interpreter exit."""
        app = application()
        if self.view is not None:
            self.view.setModel(None)
            self.view.close()
        if self.proxy is not None:
            self.proxy.setSourceModel(None)
        if self.model is not None:
            self.model.clear()
        # Parentless: dropping the last Python reference deletes the C++ object now.
        self.view = self.proxy = self.model = None
        gc.collect()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        self.database.close()
        self.database = QSqlDatabase()
        QSqlDatabase.removeDatabase(CONNECTION)
