"""The app's main window on a data set, as a user has it open (for the memory measure)."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QThreadPool

from prospection.core.db import open_database
from prospection.ui.data_events import DataEvents
from prospection.ui.main_window import MainWindow
from tests.benchmarks.qt_session import HEIGHT, WIDTH, application

#: How long the window is given to finish its work after the first paint.
SETTLE_S = 30.0


def open_and_use(path: Path) -> None:
    """Open the main window as the app does, let its background work finish, scroll
    to the middle of the table and select a row (the editor loads it), then close it."""
    app = application()
    db = open_database(path)
    events = DataEvents()
    window = MainWindow(db, events, background_counts=True, editor_after_paint=True)
    try:
        window.resize(WIDTH, HEIGHT)
        window.show()
        _settle(app)
        model = window.model
        deadline = time.perf_counter() + SETTLE_S
        while not model.has_ids() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.01)
        row = model.rowCount() // 2
        window.table.scrollTo(model.index(row, 0))
        window.table.selectRow(row)
        _settle(app)
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        QThreadPool.globalInstance().waitForDone()
        db.dispose()


def _settle(app: object) -> None:
    # Until the window's worker threads (counts, week goals, ids) are done and their
    # results shown.
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    deadline = time.perf_counter() + SETTLE_S
    pool = QThreadPool.globalInstance()
    while time.perf_counter() < deadline:
        app.processEvents()
        if pool.activeThreadCount() == 0:
            app.processEvents()
            break
        time.sleep(0.01)
    for _round in range(20):  # timers fired just after the paint (editor, counts)
        app.processEvents()
        time.sleep(0.01)
