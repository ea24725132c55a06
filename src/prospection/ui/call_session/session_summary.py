"""The end of a session: calls, people reached, conversations, meetings, the week."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prospection.core.call_sessions import SessionSummary
from prospection.core.weekly_goals import WeekStatus
from prospection.ui.call_session.call_labels import duration_text, short_date_time
from prospection.ui.goals.goal_labels import percent


class SessionSummaryDialog(QDialog):
    """What the session came to, and where the week's goal stands."""

    #: "See follow-ups" was chosen: show the due follow-ups once the dialog closes.
    follow_ups_requested = Signal()

    def __init__(
        self,
        summary: SessionSummary,
        week: WeekStatus | None,
        parent: QWidget | None = None,
        *,
        average_reach: float | None = None,
        undo_name: str | None = None,
    ) -> None:
        """`average_reach`: the user's reach rate before this session, to compare with.

        `undo_name`: the prospect of the last call, when it can still be taken back.
        """
        super().__init__(parent)
        #: "Undo last call" was chosen (the session takes it back and goes on).
        self.undo_chosen = False
        self.setObjectName("sessionSummary")
        tally = summary.tally
        self.setWindowTitle(self.tr("Well done") if tally.calls else self.tr("Session ended"))
        self.setMinimumWidth(520)
        self._layout = QVBoxLayout(self)
        layout = self._layout
        self.lines: list[QLabel] = []
        minutes = max(0, int(summary.elapsed.total_seconds() // 60))
        heading = QLabel(self.windowTitle(), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self._line(
            " · ".join(
                (
                    self.tr("Calls: {n} in {minutes} min").format(n=tally.calls, minutes=minutes),
                    self.tr("people reached: {n}").format(n=tally.reached),
                    self.tr("conversations: {n}").format(n=tally.conversations),
                )
            ),
            bold=True,
        )
        meetings = self.tr("Meetings booked: {n}").format(n=tally.meetings)
        if summary.meeting_times:
            meetings += " (" + ", ".join(short_date_time(m) for m in summary.meeting_times) + ")"
        self._line(meetings)
        rate = percent(tally.reach_rate)
        if tally.reach_rate is not None and average_reach is not None:
            rate = self.tr("{rate} (your average: {average})").format(
                rate=rate, average=percent(average_reach)
            )
        self._line(
            " · ".join(
                (
                    self.tr("Follow-ups scheduled: {n}").format(n=summary.follow_ups),
                    self.tr("reach rate {rate}").format(rate=rate),
                    self.tr("talk time {talk}").format(talk=duration_text(tally.talk_seconds)),
                )
            )
        )
        if summary.state.skipped:
            self._line(self.tr("Skipped: {n}").format(n=summary.state.skipped))
        if week is not None:
            self._line(self.week_line(week))
        if tally.calls == 0:
            self._line(self.tr("No call this time. The next session starts with one number."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.follow_ups_button = buttons.addButton(
            self.tr("See &follow-ups"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.follow_ups_button.clicked.connect(self._see_follow_ups)
        self.undo_button: QPushButton | None = None
        if undo_name is not None:
            self.undo_button = buttons.addButton(
                self.tr("&Undo last call ({name})").format(name=undo_name),
                QDialogButtonBox.ButtonRole.ResetRole,
            )
            self.undo_button.setToolTip(
                self.tr("Take back the last call and go back to this prospect")
            )
            self.undo_button.clicked.connect(self._undo_last_call)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _undo_last_call(self) -> None:
        self.undo_chosen = True
        self.accept()

    def _see_follow_ups(self) -> None:
        self.accept()
        self.follow_ups_requested.emit()

    def week_line(self, week: WeekStatus) -> str:
        """Where the week stands: calls, conversations, meetings against their targets."""

        def part(label: str, actual: int, target: int) -> str:
            mark = " ✓" if target and actual >= target else ""
            return f"{label} {actual}/{target}{mark}" if target else f"{label} {actual}"

        parts = [
            part(self.tr("calls"), week.actuals.calls, week.targets.calls),
            part(self.tr("conversations"), week.actuals.conversations, week.targets.conversations),
            part(self.tr("meetings"), week.actuals.meetings, week.targets.meetings),
        ]
        text = self.tr("This week: {parts}").format(parts=" · ".join(parts))
        if week.streak_weeks:
            text += " · " + self.tr("streak {n} wk").format(n=week.streak_weeks)
        return text

    def _line(self, text: str, *, bold: bool = False) -> None:
        label = QLabel(text, self)
        label.setWordWrap(True)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        self._layout.addWidget(label)
        self.lines.append(label)

    def text(self) -> str:
        """Every line, for tests and screen readers."""
        return "\n".join(label.text() for label in self.lines)
