"""Work deferred to a window's first paint: counts and the week's goals come after it."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

from prospection.core.db import Database
from prospection.ui.data_events import DataEvents
from prospection.ui.first_paint import after_first_paint
from prospection.ui.main_window import MainWindow
from tests.ui.conftest import seed


def test_work_waits_for_the_first_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    child = QWidget(window)
    ran: list[str] = []
    after_first_paint(child, lambda: ran.append("counted"), fallback_ms=60_000)
    qtbot.wait(50)
    assert ran == []  # not shown, not painted: nothing yet
    window.show()
    qtbot.waitUntil(lambda: ran == ["counted"])
    window.repaint()
    qtbot.wait(20)
    assert ran == ["counted"]  # once


def test_work_runs_after_a_while_without_a_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    hidden = QWidget()
    qtbot.addWidget(hidden)
    ran: list[int] = []
    after_first_paint(hidden, lambda: ran.append(1), fallback_ms=10)
    qtbot.waitUntil(lambda: ran == [1])


def test_sidebar_counts_appear_after_the_window_is_painted(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = MainWindow(db, DataEvents(), background_counts=True)
    qtbot.addWidget(window)
    assert window.sidebar.counts() is None  # the window is built without them
    assert window.model.rowCount() == 4
    window.show()
    qtbot.waitUntil(lambda: window.sidebar.counts() is not None)
    counts = window.sidebar.counts()
    assert counts is not None and counts.total == 4
    assert "4 prospects" in window.status_label.text()


def test_editor_loads_the_current_prospect_after_the_first_paint(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = seed(db)
    window = MainWindow(db, DataEvents(), editor_after_paint=True)
    qtbot.addWidget(window)
    window.table.selectRow(0)  # as the table's focus does when the window shows
    current = window.table.current_id()
    assert current in ids
    assert window.editor.prospect_id() is None  # not before the paint
    window.show()
    qtbot.waitUntil(lambda: window.editor.prospect_id() == current)
    # Afterwards the editor follows the cursor at once.
    window.table.selectRow(1)
    assert window.editor.prospect_id() == window.table.current_id() != current
