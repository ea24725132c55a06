"""The weekly-goal dock: a thin strip of bars, expandable to the 12-week charts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospection.core.db import Database
from prospection.core.weekly_goals import METRICS, Pace, WeekStatus, history
from prospection.ui.data_events import DataEvents
from prospection.ui.elided_label import ElidedLabel
from prospection.ui.goals.goal_labels import metric_label, pace_label, pace_symbol, week_title
from prospection.ui.goals.week_bars import WeekBars

if TYPE_CHECKING:
    # Imported when the charts are first shown: not needed for the first paint.
    from prospection.ui.goals.goal_chart import GoalHistoryCharts

#: How long the "target met" note stays (it then fades away by itself).
ACKNOWLEDGE_MS = 8000


class WeeklyGoalPanel(QWidget):
    """This week at a glance; "More" shows the 12-week charts and the tools.

    Opening the targets editor, the planner and the insights goes through the panel, so
    the main window's menu entries call `open_targets`, `open_planner`, `open_insights`.
    """

    expandedChanged = Signal(bool)

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        deferred: bool = False,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._events = events
        self._previous: WeekStatus | None = None

        self.title = QLabel(self.tr("This week"), self)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        # These may elide: a longer text (the note when a target is met during a call
        # session, French words) must not make the main window wider than the screen.
        self.pace = ElidedLabel(self)
        self.days_left = ElidedLabel(self)
        self.streak = ElidedLabel(self)
        self.acknowledgement = ElidedLabel(self)
        self.acknowledgement.setVisible(False)
        self._ack_timer = QTimer(self)
        self._ack_timer.setSingleShot(True)
        self._ack_timer.setInterval(ACKNOWLEDGE_MS)
        self._ack_timer.timeout.connect(self._end_acknowledgement)
        self.more = QToolButton(self)
        self.more.setCheckable(True)
        self.more.setAutoRaise(True)
        self.more.toggled.connect(self.set_expanded)

        # The bars come last: their first refresh fills the labels above.
        self.bars = WeekBars(db, events, self, clock=clock, deferred=deferred)
        self.bars.refreshed.connect(self._on_refreshed)

        strip = QHBoxLayout()
        strip.setContentsMargins(6, 2, 6, 2)
        strip.setSpacing(10)
        strip.addWidget(self.title)
        strip.addWidget(self.bars, 1)
        strip.addWidget(self.pace)
        strip.addWidget(self.days_left)
        strip.addWidget(self.streak)
        strip.addWidget(self.acknowledgement)
        strip.addWidget(self.more)

        self.details = QWidget(self)
        self.week_label = QLabel(self.details)
        self.days_prospected = QLabel(self.details)
        self.charts: GoalHistoryCharts | None = None  # built when first shown
        self.targets_button = QPushButton(self.tr("Set &targets…"), self.details)
        self.planner_button = QPushButton(self.tr("How much must I &prospect?…"), self.details)
        self.insights_button = QPushButton(self.tr("&Insights…"), self.details)
        self.targets_button.clicked.connect(self.open_targets)
        self.planner_button.clicked.connect(self.open_planner)
        self.insights_button.clicked.connect(self.open_insights)
        side = QVBoxLayout()
        side.addWidget(self.week_label)
        side.addWidget(self.days_prospected)
        side.addStretch(1)
        side.addWidget(self.targets_button)
        side.addWidget(self.planner_button)
        side.addWidget(self.insights_button)
        self._details_layout = QHBoxLayout(self.details)
        self._details_layout.setContentsMargins(6, 0, 6, 6)
        self._details_layout.addLayout(side)
        self.details.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(strip)
        layout.addWidget(self.details, 1)
        self._update_more_button()
        if self.bars.status is not None:
            self._on_refreshed(self.bars.status)

    # ------------------------------------------------------------ showing

    def _on_refreshed(self, status: WeekStatus) -> None:
        symbol = pace_symbol(status.pace)
        # The overall pace is that of the first measure with a target (calls, normally):
        # name it, so "met" is not read as said of the bar next to it.
        paced = next((m.metric for m in status.metrics if m.target > 0), None)
        pace = f"{symbol} {pace_label(status.pace)}".strip()
        self.pace.setText(
            self.tr("{metric}: {pace}").format(metric=metric_label(paced), pace=pace)
            if paced is not None
            else pace
        )
        self.pace.setToolTip(
            self.tr("Your calls against an even pace over this week's working days.")
        )
        left = status.days_left
        if left == 1:
            days_text = self.tr("{n} working day left")
        elif left == 0:
            # Its own message: French writes 0 in the singular ("0 jour restant").
            days_text = self.tr("{n} working days left", "none left")
        else:
            days_text = self.tr("{n} working days left")
        self.days_left.setText(days_text.format(n=left))
        weeks = status.streak_weeks
        if status.streak_capped:
            text = self.tr("Streak: {n}+ weeks")
        elif weeks == 1:
            text = self.tr("Streak: {n} week")
        else:
            text = self.tr("Streak: {n} weeks")
        self.streak.setText(text.format(n=weeks))
        self.streak.setToolTip(
            self.tr("Weeks in a row with your calls target met. This week counts once met.")
        )
        self.title.setToolTip(week_title(status.week))
        self.week_label.setText(week_title(status.week))
        days = status.days_prospected
        self.days_prospected.setText(
            (
                self.tr("Prospected on {n} day this week")
                if days == 1
                else self.tr("Prospected on {n} days this week")
            ).format(n=days)
        )
        self._acknowledge(status)
        self._previous = status
        if self.details.isVisible():
            self._refresh_history()

    def _acknowledge(self, status: WeekStatus) -> None:
        """A short note when a target is met by what was just logged (not at start-up)."""
        before = self._previous
        if before is None or before.week != status.week:
            return
        newly = [
            m
            for m in METRICS
            if status.metric(m).met and not before.metric(m).met and m != "reached"
        ]
        if status.goal_met and not before.goal_met:
            text = self.tr("✓ Week's goal met. Well done.")
        elif newly:
            text = self.tr("✓ {metric} target met.").format(metric=metric_label(newly[0]))
        else:
            return
        self.show_note(text)

    def show_note(self, text: str) -> None:
        """Show `text` in the strip for a few seconds ("target met")."""
        self.acknowledgement.setText(text)
        # The note takes the place of the days left and the streak for a few seconds:
        # the strip keeps its width (a wider strip would widen the main window).
        self.days_left.hide()
        self.streak.hide()
        self.acknowledgement.show()
        self._ack_timer.start()

    def _end_acknowledgement(self) -> None:
        self.acknowledgement.hide()
        self.days_left.show()
        self.streak.show()

    def _refresh_history(self) -> None:
        status = self.bars.status
        if status is None or self.charts is None:
            return
        with self._db.session() as session:
            weeks = history(session, status.week)
        self.charts.set_history(weeks)

    # ------------------------------------------------------------ expanding

    def set_expanded(self, expanded: bool) -> None:
        """Show or hide the charts and the tools."""
        if expanded and self.charts is None:
            from prospection.ui.goals.goal_chart import GoalHistoryCharts

            self.charts = GoalHistoryCharts(self.details)
            self._details_layout.insertWidget(0, self.charts, 1)
        self.details.setVisible(expanded)
        if self.more.isChecked() != expanded:
            self.more.setChecked(expanded)
        if expanded:
            self._refresh_history()
        self._update_more_button()
        self.expandedChanged.emit(expanded)

    def is_expanded(self) -> bool:
        return self.details.isVisible()

    def _update_more_button(self) -> None:
        expanded = self.more.isChecked()
        self.more.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.UpArrow)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setText(self.tr("Less") if expanded else self.tr("More"))
        self.more.setToolTip(
            self.tr("Hide the 12-week history")
            if expanded
            else self.tr("Show the last 12 weeks, the planner and the insights")
        )

    # ------------------------------------------------------------ tools

    def open_targets(self) -> None:
        """The weekly targets editor."""
        from prospection.ui.goals.targets_dialog import TargetsDialog

        TargetsDialog(self._db, self._events, self.window()).exec()

    def open_planner(self) -> None:
        """The planner: how much must I prospect?"""
        from prospection.ui.goals.planner_dialog import PlannerDialog

        PlannerDialog(self._db, self._events, self.window()).exec()

    def open_insights(self) -> None:
        """The insights window (not modal: it can stay open beside the calls)."""
        from prospection.ui.goals.insights_window import InsightsWindow

        window = InsightsWindow(self._db, self._events, self.window())
        window.show()

    @property
    def status(self) -> WeekStatus | None:
        return self.bars.status

    def pace_value(self) -> Pace:
        return self.bars.overall_pace()


class WeeklyGoalDock(QDockWidget):
    """The panel in a dock (bottom of the main window, thin until expanded)."""

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(self.tr("This week"), parent)
        self.setObjectName("weekly_goal_dock")
        # The first read waits for the event loop: the main window paints first.
        self.panel = WeeklyGoalPanel(db, events, self, clock=clock, deferred=True)
        self.setWidget(self.panel)
        # The panel names itself ("This week"): a title bar would only make it thicker.
        # The View menu's toggleViewAction() still shows and hides the dock.
        self.setTitleBarWidget(QWidget(self))
        self.panel.expandedChanged.connect(self._fit)

    def _fit(self, expanded: bool) -> None:
        """Give the dock the height its content now wants."""
        window = self.parentWidget()
        if isinstance(window, QMainWindow) and not self.isFloating():
            height = 300 if expanded else self.panel.sizeHint().height()
            window.resizeDocks([self], [height], Qt.Orientation.Vertical)
