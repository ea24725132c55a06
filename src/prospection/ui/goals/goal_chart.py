"""The last 12 weeks as charts (Qt Charts): calls and meetings, actual bars against targets."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QWidget

from prospection.core.weekly_goals import WeekSummary
from prospection.ui.goals.goal_labels import metric_label, short_week

ACTUAL_COLOUR = QColor(52, 120, 198)
TARGET_COLOUR = QColor(230, 140, 30)


def _is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


class MetricHistoryChart(QChartView):
    """One metric over the weeks: a bar per week for what was done, a line for the target."""

    def __init__(self, metric: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metric_name = metric
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = QChart()
        theme = QChart.ChartTheme
        chart.setTheme(theme.ChartThemeDark if _is_dark(self) else theme.ChartThemeLight)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitle(metric_label(metric))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.actual_set = QBarSet(self.tr("Done"))
        self.actual_set.setColor(ACTUAL_COLOUR)
        self.bars = QBarSeries()
        self.bars.append(self.actual_set)
        self.target_line = QLineSeries()
        self.target_line.setName(self.tr("Target"))
        pen = QPen(TARGET_COLOUR)
        pen.setWidth(2)
        self.target_line.setPen(pen)
        chart.addSeries(self.bars)
        chart.addSeries(self.target_line)
        self.weeks_axis = QBarCategoryAxis()
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        self.weeks_axis.setLabelsFont(small)
        self.count_axis = QValueAxis()
        self.count_axis.setLabelFormat("%d")
        chart.addAxis(self.weeks_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.count_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.bars, self.target_line):
            series.attachAxis(self.weeks_axis)
            series.attachAxis(self.count_axis)
        self.setChart(chart)
        self.setMinimumHeight(180)

    def set_history(self, weeks: Sequence[WeekSummary]) -> None:
        """Show `weeks`, oldest first."""
        actuals = [w.actuals.get(self.metric_name) for w in weeks]
        targets = [w.targets.get(self.metric_name) for w in weeks]
        if self.actual_set.count():
            self.actual_set.remove(0, self.actual_set.count())
        self.actual_set.append([float(v) for v in actuals])
        # On a category axis, category i sits at x = i.
        self.target_line.replace([QPointF(i, t) for i, t in enumerate(targets)])
        self.weeks_axis.clear()
        self.weeks_axis.append([short_week(w.week) for w in weeks])
        top = max([*actuals, *targets, 1])
        self.count_axis.setRange(0, top * 1.15)
        self.count_axis.applyNiceNumbers()

    def values(self) -> list[float]:
        """The bars' values, oldest week first (for tests)."""
        return [self.actual_set.at(i) for i in range(self.actual_set.count())]


class GoalHistoryCharts(QWidget):
    """Calls and meetings over the last 12 weeks, side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls = MetricHistoryChart("calls", self)
        self.meetings = MetricHistoryChart("meetings", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calls, 1)
        layout.addWidget(self.meetings, 1)

    def set_history(self, weeks: Sequence[WeekSummary]) -> None:
        """Show `weeks`, oldest first."""
        self.calls.set_history(weeks)
        self.meetings.set_history(weeks)
