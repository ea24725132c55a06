"""The planner dialog, "How much must I prospect?": inputs, the arithmetic, portfolio risk."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prospection.core.db import Database
from prospection.core.planner import (
    LARGEST_SHARE_WARNING,
    MEASURE_DAYS,
    MIN_EVENTS,
    RATE_KEYS,
    Plan,
    PlannerInputs,
    PlanStep,
    Rate,
    RateSource,
    gather_inputs,
    plan,
    save_choices,
)
from prospection.core.weekly_goals import Counts, set_targets, targets_for
from prospection.core.weeks import Week
from prospection.ui.data_events import DataEvents
from prospection.ui.goals.goal_labels import number, percent, rate_label, rate_reference


class RateRow:
    """One funnel rate: its spin box and the badge saying where the value comes from."""

    def __init__(self, key: str, parent: QWidget) -> None:
        self.key = key
        self.label = QLabel(rate_label(key), parent)
        self.spin = QDoubleSpinBox(parent)
        self.spin.setDecimals(1)
        self.spin.setRange(0.0, 100.0)
        self.spin.setSingleStep(0.5)
        self.spin.setSuffix(parent.tr("%", "percent sign after a number in a spin box"))
        self.badge = QLabel(parent)
        self.badge.setWordWrap(True)
        self.rate: Rate | None = None


class PlannerDialog(QDialog):
    """Work back from the client portfolio to weekly calls, and apply them as targets."""

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
        self._events = events
        self._today = today or date.today()
        self._filling = False
        self.setWindowTitle(self.tr("How much must I prospect?"))
        with db.session() as session:
            self.inputs = gather_inputs(session, self._today)
        self.plan_result: Plan = plan(self.inputs)

        self.clients = QSpinBox(self)
        self.clients.setRange(0, 100_000)
        self.clients.setToolTip(self.tr("Counted from your prospects at stage Client."))
        self.revenue = QLabel(self)
        self.attrition = QDoubleSpinBox(self)
        self.attrition.setDecimals(1)
        self.attrition.setRange(0.0, 100.0)
        self.attrition.setSuffix(self.tr("%", "percent sign after a number in a spin box"))
        self.attrition.setToolTip(
            self.tr(
                "The share of clients you lose in a year (they close, move, or go "
                "elsewhere). 15% is a common figure for small businesses."
            )
        )
        self.growth = QDoubleSpinBox(self)
        self.growth.setDecimals(0)
        self.growth.setRange(0, 10_000)
        self.growth.setToolTip(self.tr("New clients a year wanted on top of replacing losses."))
        self.working_weeks = QSpinBox(self)
        self.working_weeks.setRange(1, 52)
        self.working_weeks.setToolTip(self.tr("Weeks in the year you prospect (52 less leave)."))

        portfolio = QGroupBox(self.tr("Your clients"), self)
        form = QFormLayout(portfolio)
        form.addRow(self.tr("Current &clients:"), self.clients)
        form.addRow(self.tr("Their yearly revenue:"), self.revenue)
        form.addRow(self.tr("Clients lost each &year:"), self.attrition)
        form.addRow(self.tr("&Growth wanted (new clients a year):"), self.growth)
        form.addRow(self.tr("&Working weeks a year:"), self.working_weeks)

        funnel = QGroupBox(self.tr("Your funnel"), self)
        grid = QGridLayout(funnel)
        self.rates: dict[str, RateRow] = {}
        for row, key in enumerate(RATE_KEYS):
            rate_row = RateRow(key, self)
            grid.addWidget(rate_row.label, row * 2, 0)
            grid.addWidget(rate_row.spin, row * 2, 1)
            grid.addWidget(rate_row.badge, row * 2 + 1, 0, 1, 2)
            rate_row.spin.valueChanged.connect(lambda _v, k=key: self._rate_edited(k))
            self.rates[key] = rate_row
        funnel_note = QLabel(
            self.tr(
                "Rates are measured on your own calls of the last {days} days once there are "
                "{events} or more; until then, published benchmarks stand in. Type your own "
                "figure to replace any of them."
            ).format(days=MEASURE_DAYS, events=MIN_EVENTS),
            funnel,
        )
        funnel_note.setWordWrap(True)
        grid.addWidget(funnel_note, len(RATE_KEYS) * 2, 0, 1, 2)

        left = QVBoxLayout()
        left.addWidget(portfolio)
        left.addWidget(funnel)
        left.addStretch(1)

        self.headline = QLabel(self)
        big = QFont(self.headline.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.headline.setFont(big)
        self.headline.setWordWrap(True)
        self.steps = QLabel(self)
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        answer = QGroupBox(self.tr("What it takes"), self)
        answer_layout = QVBoxLayout(answer)
        answer_layout.addWidget(self.headline)
        answer_layout.addWidget(self.steps)

        self.risk = QLabel(self)
        self.risk.setWordWrap(True)
        self.risk.setTextFormat(Qt.TextFormat.RichText)
        risk_box = QGroupBox(self.tr("Portfolio risk"), self)
        risk_layout = QVBoxLayout(risk_box)
        risk_layout.addWidget(self.risk)

        right = QVBoxLayout()
        right.addWidget(answer)
        right.addWidget(risk_box)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        content = QWidget(self)
        content.setLayout(columns)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        self.apply_button = QPushButton(self.tr("&Apply as this week's targets"), self)
        self.apply_button.setToolTip(
            self.tr("Sets this week's calls, reached, conversations and meetings targets.")
        )
        self.apply_button.clicked.connect(self.apply)
        reset = QPushButton(self.tr("&Reset"), self)
        reset.setToolTip(self.tr("Back to the figures measured or saved"))
        reset.clicked.connect(self.reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

        for spin in (self.clients, self.working_weeks):
            spin.valueChanged.connect(self._inputs_edited)
        for double in (self.attrition, self.growth):
            double.valueChanged.connect(self._inputs_edited)
        self._fill(self.inputs)
        self.resize(1000, 640)

    # ------------------------------------------------------------ inputs

    def _fill(self, inputs: PlannerInputs) -> None:
        self._filling = True
        try:
            self.clients.setValue(inputs.clients)
            self.attrition.setValue(inputs.attrition * 100)
            self.growth.setValue(inputs.growth)
            self.working_weeks.setValue(inputs.working_weeks)
            for key, row in self.rates.items():
                rate = inputs.rates[key]
                row.rate = rate
                row.spin.setValue(rate.value * 100)
                self._show_badge(row, rate)
        finally:
            self._filling = False
        self.inputs = inputs
        self._recompute()

    def _show_badge(self, row: RateRow, rate: Rate) -> None:
        if rate.source == RateSource.MEASURED:
            text = self.tr("Measured: {successes} of {events} in the last {days} days").format(
                successes=number(rate.successes), events=number(rate.events), days=MEASURE_DAYS
            )
            tip = self.tr("From your own calls.")
        elif rate.source == RateSource.USER:
            text = self.tr("Your figure")
            tip = self.tr("Typed in by you; it stays until your own calls are enough to measure.")
        else:
            text = self.tr("Default (only {events} of {needed} events measured so far)").format(
                events=number(rate.events), needed=MIN_EVENTS
            )
            tip = rate_reference(row.key)
            text = f"{text}. {tip}"
        row.badge.setText(text)
        row.badge.setToolTip(tip)
        row.spin.setToolTip(tip)
        row.badge.setProperty("source", rate.source.value)

    def _rate_edited(self, key: str) -> None:
        if self._filling:
            return
        row = self.rates[key]
        self.inputs = self.inputs.with_rate(key, row.spin.value() / 100)
        row.rate = self.inputs.rates[key]
        self._show_badge(row, row.rate)
        self._recompute()

    def _inputs_edited(self, *_: object) -> None:
        if self._filling:
            return
        self.inputs = replace(
            self.inputs,
            clients=self.clients.value(),
            attrition=self.attrition.value() / 100,
            growth=self.growth.value(),
            working_weeks=self.working_weeks.value(),
        )
        self._recompute()

    def reset(self) -> None:
        """Back to the measured and saved figures."""
        with self._db.session() as session:
            self._fill(gather_inputs(session, self._today))

    # ------------------------------------------------------------ output

    def _recompute(self) -> None:
        self.plan_result = plan(self.inputs)
        total = sum(self.inputs.revenues)
        self.revenue.setText(
            self.tr("{total} (clients with a revenue entered: {count})").format(
                total=number(total), count=number(len(self.inputs.revenues))
            )
        )
        weekly = self.plan_result.weekly
        if weekly is None:
            self.headline.setText(
                self.tr("No plan: one of your rates is zero, so no number of calls gets there.")
            )
            self.apply_button.setEnabled(False)
        else:
            self.headline.setText(
                (
                    self.tr("Each week: {calls} calls, {conversations} conversations, 1 meeting")
                    if weekly["meetings"] == 1
                    else self.tr(
                        "Each week: {calls} calls, {conversations} conversations, "
                        "{meetings} meetings"
                    )
                ).format(
                    calls=number(weekly["calls"]),
                    conversations=number(weekly["conversations"]),
                    meetings=number(weekly["meetings"]),
                )
            )
            self.apply_button.setEnabled(True)
        lines = [self._step_text(step) for step in self.plan_result.steps]
        html = "<ol>" + "".join(f"<li>{line}</li>" for line in lines) + "</ol>"
        # Qt's rich text breaks lines at the narrow spaces grouping French digits.
        self.steps.setText(html.replace("\u202f", "\u00a0"))
        self.risk.setText(self._risk_text().replace("\u202f", "\u00a0"))

    def _step_text(self, step: PlanStep) -> str:
        a, b = step.operands
        result = step.result
        if step.key == "lost":
            return self.tr("{clients} clients × {rate} lost a year = {result} to replace").format(
                clients=number(a), rate=percent(b, 1), result=number(result, 1)
            )
        if step.key == "new_clients":
            text = self.tr("{lost} to replace + {growth} growth = {result} new clients a year")
            return text.format(lost=number(a, 1), growth=number(b, 1), result=number(result, 1))
        if step.key == "weekly":
            return self.tr(
                "{calls} calls ÷ {weeks} working weeks = <b>{result} calls a week</b> "
                "(rounded up, as are the other weekly figures)"
            ).format(calls=number(a), weeks=number(b), result=number(result))
        templates = {
            "meetings": self.tr("{value} new clients ÷ {rate} = {result} meetings a year"),
            "conversations": self.tr("{value} meetings ÷ {rate} = {result} conversations a year"),
            "reached": self.tr("{value} conversations ÷ {rate} = {result} people reached a year"),
            "calls": self.tr("{value} people reached ÷ {rate} = {result} calls a year"),
        }
        return templates[step.key].format(
            value=number(a, 1), rate=percent(b, 1), result=number(result, 1)
        )

    def _risk_text(self) -> str:
        risk = self.plan_result.concentration
        if risk.largest_share is None:
            return self.tr(
                "Enter your clients' yearly revenue (in each client's record) to see how much "
                "your revenue depends on a few of them."
            )
        parts = [
            self.tr("Largest client: {share} of your revenue.").format(
                share=percent(risk.largest_share)
            ),
            self.tr("Three largest: {share}.").format(share=percent(risk.top3_share)),
            self.tr(
                "Concentration (Herfindahl index): {hhi} points of 10,000, as if you had "
                "{equivalent} clients of the same size."
            ).format(
                hhi=number(risk.herfindahl or 0),
                equivalent=number(risk.equivalent_clients or 0, 1),
            ),
        ]
        if risk.warning:
            parts.append(
                "<b>"
                + self.tr(
                    "One client weighs more than {threshold} of your revenue: losing it would "
                    "hurt. New clients spread that risk."
                ).format(threshold=percent(LARGEST_SHARE_WARNING))
                + "</b>"
            )
        if risk.replace_largest_clients is not None:
            if risk.replace_largest_weeks is not None:
                parts.append(
                    self.tr(
                        "Losing your largest client would take new clients to replace it: "
                        "{clients}, about {weeks} weeks of prospecting at your current pace "
                        "({calls} calls a week)."
                    ).format(
                        clients=number(risk.replace_largest_clients),
                        weeks=number(risk.replace_largest_weeks),
                        calls=number(self.inputs.weekly_calls_now),
                    )
                )
            else:
                parts.append(
                    self.tr(
                        "Losing your largest client would take new clients to replace it: "
                        "{clients}. Log some calls to see how long that would take."
                    ).format(clients=number(risk.replace_largest_clients))
                )
        if risk.clients_without_revenue:
            parts.append(
                self.tr("Clients without a yearly revenue entered: {count}.").format(
                    count=number(risk.clients_without_revenue)
                )
            )
        return "<br>".join(parts)

    # ------------------------------------------------------------ apply

    def planned_targets(self, current: Counts) -> Counts | None:
        """This week's targets with the plan's weekly numbers, None without a plan."""
        weekly = self.plan_result.weekly
        if weekly is None:
            return None
        return replace(
            current,
            calls=weekly["calls"],
            reached=weekly["reached"],
            conversations=weekly["conversations"],
            meetings=weekly["meetings"],
        )

    def apply(self) -> None:
        """Set this week's targets from the plan and remember the choices."""
        week = Week.of(self._today)
        with self._db.session() as session:
            targets = self.planned_targets(targets_for(session, week))
            if targets is None:
                return
            save_choices(session, self.inputs)
            set_targets(session, week, today_week=week, **targets.as_dict())
        self._events.goals_changed.emit()
        self.accept()
