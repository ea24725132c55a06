"""A closed window's week bars stop reading the database, and read again when shown."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from prospection.core.db import Database
from prospection.ui.data_events import DataEvents
from prospection.ui.goals.week_bars import REFRESH_DELAY_MS, WeekBars


def test_closed_window_bars_do_not_read_until_shown_again(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    events = DataEvents()
    window = QWidget()
    qtbot.addWidget(window)
    bars = WeekBars(db, events, window)
    QVBoxLayout(window).addWidget(bars)
    window.show()
    qtbot.waitExposed(window)
    reads: list[object] = []
    bars.refreshed.connect(reads.append)
    events.activities_changed.emit()
    qtbot.waitUntil(lambda: len(reads) == 1)
    window.close()
    # A call session's dialog, closed: a change elsewhere must not make it query (on a
    # team server its schema may be gone by then: the error reached the event loop).
    events.activities_changed.emit()
    qtbot.wait(REFRESH_DELAY_MS * 5)
    assert len(reads) == 1
    window.show()
    qtbot.waitUntil(lambda: len(reads) == 2)
