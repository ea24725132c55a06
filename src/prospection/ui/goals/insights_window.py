"""The insights window: funnel, outcomes, calls per day, and when calls reach people."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, QLocale, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospection.core.db import Database
from prospection.core.insights import MIN_CALLS_PER_CELL, Insights, insights
from prospection.ui.data_events import DataEvents
from prospection.ui.goals.goal_labels import (
    metric_label,
    number,
    outcome_label,
    percent,
    weekday_label,
)

#: Periods offered, in days back from today.
PERIODS = (30, 90, 365)
#: Hours shown in the heat map (earlier and later calls are rare; they still count).
FIRST_HOUR, LAST_HOUR = 8, 19


def _blend(low: QColor, high: QColor, share: float) -> QColor:
    share = max(0.0, min(1.0, share))
    return QColor(
        round(low.red() + (high.red() - low.red()) * share),
        round(low.green() + (high.green() - low.green()) * share),
        round(low.blue() + (high.blue() - low.blue()) * share),
    )


class InsightsWindow(QDialog):
    """What works, from the user's own calls over a chosen period."""

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today or date.today()
        self.data: Insights | None = None
        self.setWindowTitle(self.tr("Insights"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.period = QComboBox(self)
        for days in PERIODS:
            self.period.addItem(self.tr("Last {n} days").format(n=days), days)
        self.period.setCurrentIndex(1)
        self.period_dates = QLabel(self)
        period_label = QLabel(self.tr("&Period:"), self)
        period_label.setBuddy(self.period)
        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.period)
        top.addWidget(self.period_dates, 1)

        self.funnel = QLabel(self)
        self.funnel.setTextFormat(Qt.TextFormat.RichText)
        self.funnel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        funnel_box = QGroupBox(self.tr("Funnel"), self)
        QVBoxLayout(funnel_box).addWidget(self.funnel)

        self.outcomes = QLabel(self)
        self.outcomes.setTextFormat(Qt.TextFormat.RichText)
        self.outcomes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        outcomes_box = QGroupBox(self.tr("Outcomes"), self)
        QVBoxLayout(outcomes_box).addWidget(self.outcomes)

        self.per_day_set = QBarSet(self.tr("Calls"))
        self.per_day_axis = QBarCategoryAxis()
        self.per_day_values = QValueAxis()
        self.per_day_values.setLabelFormat("%d")
        self.per_day_values.setTitleText(self.tr("Calls"))
        self.per_day_axis.setTitleText(self.tr("Day"))
        self.per_day_axis.setLabelsAngle(-90)  # a month of dates side by side
        per_day_series = QBarSeries()
        per_day_series.append(self.per_day_set)
        self.per_day_set.hovered.connect(self._bar_hovered)
        chart = QChart()
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        theme = QChart.ChartTheme
        chart.setTheme(theme.ChartThemeDark if dark else theme.ChartThemeLight)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.legend().hide()
        chart.addSeries(per_day_series)
        chart.addAxis(self.per_day_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.per_day_values, Qt.AlignmentFlag.AlignLeft)
        per_day_series.attachAxis(self.per_day_axis)
        per_day_series.attachAxis(self.per_day_values)
        self.per_day_chart = QChartView(chart, self)
        self.per_day_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.per_day_chart.setMinimumHeight(160)
        per_day_box = QGroupBox(self.tr("Calls per day"), self)
        QVBoxLayout(per_day_box).addWidget(self.per_day_chart)

        hours = list(range(FIRST_HOUR, LAST_HOUR + 1))
        self.heat = QTableWidget(5, len(hours), self)
        self.heat.setHorizontalHeaderLabels([f"{h:02d}" for h in hours])
        self.heat.setVerticalHeaderLabels([weekday_label(d) for d in range(5)])
        self.heat.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.heat.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.heat.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.heat.setMinimumHeight(170)
        self.best = QLabel(self)
        self.best.setWordWrap(True)
        heat_box = QGroupBox(
            self.tr("Best time to call: share of calls that reached someone"), self
        )
        heat_layout = QVBoxLayout(heat_box)
        heat_layout.addWidget(self.heat)
        legend = QLabel(
            self.tr(
                "Each cell: the reach rate and, in brackets, the calls behind it. Cells with "
                "fewer than {count} calls show no rate: too few to tell."
            ).format(count=MIN_CALLS_PER_CELL),
            heat_box,
        )
        legend.setWordWrap(True)
        heat_layout.addWidget(legend)
        heat_layout.addWidget(self.best)

        grid = QGridLayout()
        grid.addWidget(funnel_box, 0, 0)
        grid.addWidget(outcomes_box, 0, 1)
        grid.addWidget(per_day_box, 1, 0, 1, 2)
        grid.addWidget(heat_box, 2, 0, 1, 2)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)

        self.period.currentIndexChanged.connect(self.refresh)
        events.activities_changed.connect(self.refresh)
        events.database_reset.connect(self.refresh)
        self.resize(1000, 700)
        self.refresh()

    def days(self) -> int:
        """The length of the chosen period."""
        return int(self.period.currentData())

    def refresh(self) -> None:
        """Compute and show the insights of the chosen period."""
        start = self._today - timedelta(days=self.days() - 1)
        with self._db.session() as session:
            self.data = insights(session, start, self._today)
        locale = QLocale()
        short = QLocale.FormatType.ShortFormat
        first = QDate(start.year, start.month, start.day)
        last = QDate(self._today.year, self._today.month, self._today.day)
        self.period_dates.setText(
            self.tr("{first} to {last}").format(
                first=locale.toString(first, short), last=locale.toString(last, short)
            )
        )
        self._show_funnel(self.data)
        self._show_outcomes(self.data)
        self._show_per_day(self.data)
        self._show_heat(self.data)

    def _show_funnel(self, data: Insights) -> None:
        f = data.funnel
        steps = [
            ("calls", f.calls, None),
            ("reached", f.reached, f.reach_rate),
            ("conversations", f.conversations, f.conversation_rate),
            ("meetings", f.meetings, f.meeting_rate),
            ("new_clients", f.new_clients, f.close_rate),
        ]
        rows = []
        for metric, count, rate in steps:
            share = (
                ""
                if metric == "calls"
                else self.tr("{rate} of the step before").format(rate=percent(rate))
            )
            rows.append(
                f"<tr><td>{metric_label(metric)}</td>"
                f"<td align='right'><b>{number(count)}</b></td><td>{share}</td></tr>"
            )
        self.funnel.setText("<table cellspacing='4'>" + "".join(rows) + "</table>")

    def _show_outcomes(self, data: Insights) -> None:
        total = sum(data.outcomes.values())
        rows = [
            f"<tr><td>{outcome_label(outcome)}</td>"
            f"<td align='right'><b>{number(count)}</b></td>"
            f"<td align='right'>{percent(count / total if total else None)}</td></tr>"
            for outcome, count in data.outcomes.items()
        ]
        if data.calls_without_outcome:
            missing = self.tr("No outcome logged")
            rows.append(
                f"<tr><td><i>{missing}</i></td>"
                f"<td align='right'>{number(data.calls_without_outcome)}</td><td></td></tr>"
            )
        self.outcomes.setText("<table cellspacing='3'>" + "".join(rows) + "</table>")

    def _show_per_day(self, data: Insights) -> None:
        if self.per_day_set.count():
            self.per_day_set.remove(0, self.per_day_set.count())
        self.per_day_set.append([float(count) for _, count in data.calls_per_day])
        self.per_day_axis.clear()
        # Dates ("5 Dec") fit under a month of bars; beyond, they are in the tooltips.
        few = len(data.calls_per_day) <= 31
        locale = QLocale()
        self.per_day_axis.append(
            [
                locale.toString(QDate(day.year, day.month, day.day), "d MMM")
                if few
                else day.isoformat()
                for day, _ in data.calls_per_day
            ]
        )
        self.per_day_axis.setLabelsVisible(few)
        days = data.calls_per_day
        if few or not days:
            self.per_day_axis.setTitleText(self.tr("Day"))
        else:  # too many bars for their dates: the axis says where it starts and ends
            first, last = (QDate(d.year, d.month, d.day) for d in (days[0][0], days[-1][0]))
            self.per_day_axis.setTitleText(
                self.tr("Day, {first} to {last}").format(
                    first=locale.toString(first, "d MMM yyyy"),
                    last=locale.toString(last, "d MMM yyyy"),
                )
            )
        top = max([count for _, count in data.calls_per_day] + [1])
        self.per_day_values.setRange(0, top)
        self.per_day_values.applyNiceNumbers()

    def _bar_hovered(self, status: bool, index: int) -> None:
        if not status or self.data is None or index >= len(self.data.calls_per_day):
            self.per_day_chart.setToolTip("")
            return
        day, count = self.data.calls_per_day[index]
        when = QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM")
        self.per_day_chart.setToolTip(
            self.tr("{day}: {count} calls").format(day=when, count=number(count))
        )

    def _show_heat(self, data: Insights) -> None:
        cells = {(c.weekday, c.hour): c for c in data.heat_map}
        base = self.palette().color(QPalette.ColorRole.Base)
        good = QColor(46, 160, 67)
        for weekday in range(5):
            for column, hour in enumerate(range(FIRST_HOUR, LAST_HOUR + 1)):
                cell = cells.get((weekday, hour))
                if cell is None:
                    item = self._item("")
                elif cell.reach_rate is None:
                    item = self._item(f"– ({number(cell.calls)})")
                    # Half-way between text and background: readable, clearly secondary,
                    # in light and dark palettes alike.
                    text = self.palette().color(QPalette.ColorRole.Text)
                    item.setForeground(_blend(base, text, 0.55))
                else:
                    item = self._item(f"{percent(cell.reach_rate)} ({number(cell.calls)})")
                    item.setBackground(QBrush(_blend(base, good, cell.reach_rate * 2)))
                if cell is not None:
                    tip = self.tr("{day} {hour}:00. Calls: {calls}; reached someone: {reached}")
                    item.setToolTip(
                        tip.format(
                            day=weekday_label(weekday),
                            hour=f"{hour:02d}",
                            calls=number(cell.calls),
                            reached=number(cell.reached),
                        )
                    )
                self.heat.setItem(weekday, column, item)
        best = data.best_slots()
        if not best:
            self.best.setText(
                self.tr(
                    "Not enough calls yet to say when people answer best: each hour of the "
                    "week needs {count} calls first."
                ).format(count=MIN_CALLS_PER_CELL)
            )
            return
        slots = ", ".join(
            self.tr("{day} {hour}:00 ({rate} of {calls} calls)").format(
                day=weekday_label(c.weekday),
                hour=f"{c.hour:02d}",
                rate=percent(c.reach_rate),
                calls=number(c.calls),
            )
            for c in best
        )
        self.best.setText(self.tr("Best so far: {slots}.").format(slots=slots))

    @staticmethod
    def _item(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return item
