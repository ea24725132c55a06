"""The weekly targets editor: this week's (or next week's) targets, past weeks untouched."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prospection.core.db import Database
from prospection.core.weekly_goals import METRICS, Counts, set_targets, targets_for
from prospection.core.weeks import Week
from prospection.ui.data_events import DataEvents
from prospection.ui.goals.goal_labels import metric_label, metric_tooltip, week_title

MAX_TARGET = 10_000


class TargetsDialog(QDialog):
    """Edit the targets of this week or the next; saving emits goals_changed."""

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        parent: QWidget | None = None,
        *,
        this_week: Week | None = None,
        initial: Counts | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._events = events
        self.this_week = this_week or Week.current()
        self.setWindowTitle(self.tr("Weekly targets"))
        self.week_choice = QComboBox(self)
        for week, label in (
            (self.this_week, self.tr("This week")),
            (self.this_week.next(), self.tr("Next week")),
        ):
            self.week_choice.addItem(f"{label} — {week_title(week)}", str(week))
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("&Week:"), self.week_choice)
        for metric in METRICS:
            spin = QSpinBox(self)
            spin.setRange(0, MAX_TARGET)
            spin.setToolTip(metric_tooltip(metric))
            self.spins[metric] = spin
            form.addRow(metric_label(metric), spin)
        explanation = QLabel(
            self.tr(
                "Past weeks keep their own targets. The weeks after this one start from "
                "these, until you change them again."
            ),
            self,
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(buttons)
        self.week_choice.currentIndexChanged.connect(self._load)
        self._load()
        if initial is not None:
            self.set_values(initial)

    @property
    def week(self) -> Week:
        """The week being edited."""
        return Week.parse(str(self.week_choice.currentData()))

    def _load(self) -> None:
        with self._db.session() as session:
            self.set_values(targets_for(session, self.week))

    def set_values(self, targets: Counts) -> None:
        """Fill the fields (the planner's "apply" goes through here)."""
        for metric, spin in self.spins.items():
            spin.setValue(targets.get(metric))

    def values(self) -> Counts:
        """The targets as typed."""
        return Counts(**{metric: spin.value() for metric, spin in self.spins.items()})

    def save(self) -> None:
        """Store the targets and tell every view."""
        with self._db.session() as session:
            set_targets(session, self.week, today_week=self.this_week, **self.values().as_dict())
        self._events.goals_changed.emit()
        self.accept()
