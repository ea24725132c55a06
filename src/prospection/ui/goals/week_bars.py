"""The week's progress bars ("32 / 40" calls ...): reusable on their own (call session, panel)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from prospection.core.db import Database
from prospection.core.weekly_goals import METRICS, MetricProgress, Pace, WeekStatus, week_status
from prospection.ui.data_events import DataEvents
from prospection.ui.first_paint import after_first_paint
from prospection.ui.goals.goal_labels import metric_label, metric_tooltip, number, pace_label

#: Green of a met target: readable on light and dark backgrounds.
MET_COLOUR = QColor(46, 160, 67)
#: Changes arriving together (an import, a session) cause one refresh, this much later.
REFRESH_DELAY_MS = 60


def track_palette(palette: QPalette) -> QPalette:
    """`palette` with a progress bar's empty part in a shade of the window, not the white
    of input boxes: an empty "0 / 40" bar looked like a field to type in."""
    result = QPalette(palette)
    window = palette.color(QPalette.ColorRole.Window)
    track = window.darker(112) if window.lightness() >= 128 else window.lighter(135)
    result.setColor(QPalette.ColorRole.Base, track)
    return result


class MetricBar(QWidget):
    """One metric: its name and a thin bar reading "actual / target"."""

    def __init__(self, metric: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metric_name = metric
        self.name = QLabel(metric_label(metric), self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(True)
        self.bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar.setMaximumHeight(self.fontMetrics().height() + 4)
        # Narrow enough for five bars and their names on a 1366-pixel screen in French.
        self.bar.setMinimumWidth(self.fontMetrics().horizontalAdvance("00 / 00") + 12)
        # A measure without a target is a plain count: an empty bar looked like an input box.
        self.count = QLabel(self)
        self.count.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.name)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.count, 1)
        self.progress: MetricProgress | None = None

    def show_progress(self, progress: MetricProgress) -> None:
        """Show one metric's numbers."""
        self.progress = progress
        target = progress.target
        # The bar fills to the target; beyond it stays full and the text tells the rest.
        self.bar.setRange(0, max(target, 1))
        self.bar.setValue(min(progress.actual, max(target, 1)) if target else 0)
        text = (
            f"{number(progress.actual)} / {number(target)}" if target else number(progress.actual)
        )
        self.bar.setFormat(text.replace("%", "%%"))
        self.count.setText(text)
        self.bar.setVisible(bool(target))
        self.count.setVisible(not target)
        palette = track_palette(self.palette())
        if progress.met:
            palette.setColor(QPalette.ColorRole.Highlight, MET_COLOUR)
        self.bar.setPalette(palette)
        expected = number(progress.expected_by_now)
        tip = self.tr(
            "{what}\n{actual} done, target {target}; an even pace would be at {expected} "
            "by now ({pace})."
        )
        self.setToolTip(
            tip.format(
                what=metric_tooltip(self.metric_name),
                actual=number(progress.actual),
                target=number(target),
                expected=expected,
                pace=pace_label(progress.pace),
            )
        )
        self.setAccessibleName(f"{metric_label(self.metric_name)}: {text}")

    @property
    def text(self) -> str:
        """What the bar reads, e.g. "32 / 40"."""
        return self.bar.format()


class _WeekJob(QRunnable):
    """The first read of the week, in a worker thread: the window is usable meanwhile."""

    def __init__(self, db: Database, now: datetime | None, done: SignalInstance) -> None:
        super().__init__()
        self._db = db
        self._now = now
        self._done = done

    def run(self) -> None:
        try:
            with self._db.session() as session:
                status = week_status(session, now=self._now)
        except Exception:  # the window closed and the database went away meanwhile
            return
        try:
            self._done.emit(status)
        except RuntimeError:  # the bars were deleted meanwhile
            return


class _Relay(QObject):
    """Carries the worker's result back to the GUI thread."""

    read = Signal(object)


class WeekBars(QWidget):
    """This week's bars, refreshed whenever calls, goals or prospects change.

    Usable on its own: give it the database and the application's DataEvents.
    `refreshed` carries the new WeekStatus to whoever shows more (the goal panel).
    """

    refreshed = Signal(object)

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        parent: QWidget | None = None,
        *,
        metrics: Sequence[str] = METRICS,
        clock: Callable[[], datetime] | None = None,
        deferred: bool = False,
    ) -> None:
        """`deferred`: the first read runs in a worker thread once the window has painted."""
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self.status: WeekStatus | None = None
        self.bars = {metric: MetricBar(metric, self) for metric in metrics}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for bar in self.bars.values():
            layout.addWidget(bar, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh_if_open)
        self._stale = False
        # The clock moves the even pace (and, on Monday, the week): refresh now and then.
        self._ticker = QTimer(self)
        self._ticker.setInterval(5 * 60 * 1000)
        self._ticker.timeout.connect(self._refresh_if_open)
        self._ticker.start()
        events.activities_changed.connect(self.schedule_refresh)
        events.goals_changed.connect(self.schedule_refresh)
        events.prospects_changed.connect(self.schedule_refresh)  # a new client
        events.database_reset.connect(self.schedule_refresh)
        if deferred:
            self._relay = _Relay(self)
            self._relay.read.connect(self._read_in_background)
            after_first_paint(self, self._start_background_read)
        else:
            self.refresh()

    def _start_background_read(self) -> None:
        now = self._clock() if self._clock is not None else None
        QThreadPool.globalInstance().start(_WeekJob(self._db, now, self._relay.read))

    def _read_in_background(self, status: WeekStatus) -> None:
        if self.status is None:  # a refresh on the GUI thread may have come first
            self.show_status(status)
            self.refreshed.emit(status)

    def schedule_refresh(self, *_: object) -> None:
        """Refresh soon, once for a burst of changes."""
        self._timer.start()

    def _refresh_if_open(self) -> None:
        # A closed window (a call session's, say) reads nothing until it is shown again:
        # it went on querying every few minutes, and on a team server after it was gone.
        window = self.window()
        if window.isHidden() and window.testAttribute(
            Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        ):
            self._stale = True
            return
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Read the week again and show it."""
        now = self._clock() if self._clock is not None else None
        with self._db.session() as session:
            status = week_status(session, now=now)
        self.show_status(status)
        self.refreshed.emit(status)

    def show_status(self, status: WeekStatus) -> None:
        """Show a WeekStatus computed elsewhere."""
        self.status = status
        for metric, bar in self.bars.items():
            bar.show_progress(status.metric(metric))

    def overall_pace(self) -> Pace:
        """The week's pace (that of calls), NO_TARGET before the first refresh."""
        return self.status.pace if self.status is not None else Pace.NO_TARGET
