"""The weekly goals in the main window: a thin dock at the bottom, entries in Calls."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from prospection.core.db import Database
from prospection.ui.data_events import DataEvents
from prospection.ui.main_window import MainWindow


def test_main_window_has_the_goal_dock_and_menu_entries(qtbot: QtBot, db: Database) -> None:
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    goals = window.goals
    assert goals.dock.objectName() == "weekly_goal_dock"
    assert window.dockWidgetArea(goals.dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert not goals.dock.panel.is_expanded()
    calls_menu = window.menu_named("calls").actions()
    assert {goals.set_targets, goals.planner, goals.insights} <= set(calls_menu)
    assert goals.dock.toggleViewAction() in window.menu_named("view").actions()
    assert "Ctrl+Shift+P" in goals.planner.toolTip()
    # The first read waits for the event loop, then the bars show the week.
    qtbot.waitUntil(lambda: goals.dock.panel.status is not None)
    assert goals.dock.panel.bars.bars["calls"].text == "0 / 40"
