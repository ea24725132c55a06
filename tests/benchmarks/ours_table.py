"""Our table: ProspectTableModel (paged from SQL) in the app's ProspectTable view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from prospection.core.db import Database, open_database
from prospection.core.prospects import ProspectFilter
from prospection.ui.prospect_table import ProspectTable
from prospection.ui.prospect_table_model import Column, ProspectTableModel
from tests.benchmarks.qt_session import CPU_TIMES, HEIGHT, WIDTH, application, settle, timed
from tests.benchmarks.search_bench import keystrokes

#: Sort keys of the harness -> our columns.
COLUMNS = {
    "name": Column.NAME,
    "contact": Column.CONTACT,
    "phone": Column.PHONE,
    "city": Column.CITY,
    "stage": Column.STAGE,
    "priority": Column.PRIORITY,
    "next_action": Column.NEXT_ACTION,
    "last_contact": Column.LAST_CONTACT,
    "tags": Column.TAGS,
}


class OursTable:
    """Database, model and view, as the main window builds them."""

    def __init__(self, path: Path, url: str | None = None) -> None:
        application()
        self.path = path
        self.url = url  # a PostgreSQL schema instead of the file (`pg_bench.py`)
        self.db: Database | None = None
        self.model: ProspectTableModel | None = None
        self.view: ProspectTable | None = None

    def open(self) -> None:
        """Open the file and the table, until the first rows are painted."""
        self.db = open_database(self.path, url=self.url)
        self.model = ProspectTableModel(self.db)
        self.view = ProspectTable(self.model)
        self.view.resize(WIDTH, HEIGHT)
        self.view.show()
        settle(self.view)

    def sort(self, key: str, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort as a click on the column header does, and repaint."""
        assert self.view is not None
        self.view.sortByColumn(int(COLUMNS[key]), order)
        settle(self.view)

    def filter(self, text: str) -> None:
        """Filter as the search box does (without its typing delay), and repaint."""
        assert self.model is not None and self.view is not None
        self.model.set_filter(ProspectFilter(text=text))
        settle(self.view)

    def filter_until_counted(self, text: str) -> None:
        """Filter, then wait until the count shown is exact.

        On a team server a large result shows the server's estimate of its count with
        its first rows, and the exact count a moment later (`quick_count`): this is the
        time until then. SQLite's count is exact at once.
        """
        assert self.model is not None and self.view is not None
        model = self.model
        model.set_filter(ProspectFilter(text=text))
        settle(self.view, ready=lambda: getattr(model, "count_is_exact", True))

    def wait_for_ids(self) -> None:
        """Let the model read the rows' ordered ids in the background (not timed).

        The app reads them once sorting and typing pause; a user scrolling far into a
        long list has been looking at its first rows for a moment by then.
        """
        assert self.model is not None and self.view is not None
        model = self.model
        if hasattr(model, "has_ids"):
            settle(self.view, ready=model.has_ids)

    def scroll_to(self, fraction: float) -> None:
        """Scroll to the row at `fraction` of the table and repaint."""
        assert self.model is not None and self.view is not None
        row = int(fraction * (self.model.rowCount() - 1))
        self.view.scrollTo(self.model.index(row, 0), ProspectTable.ScrollHint.PositionAtTop)
        settle(self.view)

    def close(self) -> None:
        """Release the view, the model and the engine."""
        if self.view is not None:
            self.view.close()
            self.view.setModel(None)
        self.view = None
        self.model = None
        if self.db is not None:
            self.db.dispose()
        application().processEvents()


def run(
    path: Path,
    sort_keys: tuple[str, ...],
    fractions: tuple[float, ...],
    url: str | None = None,
) -> dict[str, object]:
    """Open, sort by each key, filter per keystroke, scroll: seconds for each.

    With `url`, the same on that PostgreSQL database (`path` then only names the file).
    """
    table = OursTable(path, url)
    results: dict[str, object] = {}
    cpu = CPU_TIMES
    try:
        results["open"] = timed(table.open)
        results["cpu:open"] = cpu[-1]
        # The table opens sorted by name: sort by something else first, so that the
        # name sort is a real one.
        table.sort("city", Qt.SortOrder.DescendingOrder)
        for key in sort_keys:
            results[f"sort:{key}"] = timed(lambda key=key: table.sort(key))
            results[f"cpu:sort:{key}"] = cpu[-1]
        table.sort("name")
        results["filter"] = [timed(lambda t=text: table.filter(t)) for text in keystrokes()]
        results["cpu:filter"] = cpu[-len(keystrokes()) :]
        table.filter("")
        results["filter counted"] = [
            timed(lambda t=text: table.filter_until_counted(t)) for text in keystrokes()
        ]
        table.filter_until_counted("")
        table.wait_for_ids()
        results["scroll"] = [timed(lambda f=fraction: table.scroll_to(f)) for fraction in fractions]
        results["cpu:scroll"] = cpu[-len(fractions) :]
    finally:
        table.close()
    return results
