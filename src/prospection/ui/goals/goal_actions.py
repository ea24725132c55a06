"""Plugs the weekly goals into the main window: the dock and the Calls menu entries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from prospection.ui.goals.goal_panel import WeeklyGoalDock

if TYPE_CHECKING:
    from prospection.ui.main_window import MainWindow

translate = QCoreApplication.translate


@dataclass
class GoalActions:
    """What `install_goals` added, for whoever wants to trigger it (tests, toolbars)."""

    dock: WeeklyGoalDock
    set_targets: QAction
    planner: QAction
    insights: QAction


def _action(window: MainWindow, text: str, tip: str, shortcut: str) -> QAction:
    action = QAction(text, window)
    action.setShortcut(QKeySequence(shortcut))
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setStatusTip(tip)
    action.setToolTip(f"{tip} ({keys})")
    window.addAction(action)
    return action


def install_goals(window: MainWindow) -> GoalActions:
    """Add the weekly-goal dock at the bottom, thin, and its entries to the Calls menu."""
    dock = WeeklyGoalDock(window.db, window.events, window)
    window.add_dock(dock, Qt.DockWidgetArea.BottomDockWidgetArea)
    panel = dock.panel
    set_targets = _action(
        window,
        translate("GoalActions", "Weekly &targets…"),
        translate("GoalActions", "Set this week's calls, conversations and meetings targets"),
        "Ctrl+Shift+G",
    )
    planner = _action(
        window,
        translate("GoalActions", "How much must I &prospect?…"),
        translate("GoalActions", "Work out weekly targets from your clients and your own rates"),
        "Ctrl+Shift+P",
    )
    insights = _action(
        window,
        translate("GoalActions", "&Insights…"),
        translate("GoalActions", "Your funnel, outcomes and the best times to call"),
        "Ctrl+Shift+I",
    )
    set_targets.triggered.connect(panel.open_targets)
    planner.triggered.connect(panel.open_planner)
    insights.triggered.connect(panel.open_insights)
    menu = window.menu_named("calls")
    menu.addSeparator()
    for action in (set_targets, planner, insights):
        menu.addAction(action)
    return GoalActions(dock, set_targets, planner, insights)
