"""The eight outcome buttons, each showing its key, and Skip."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from prospection.core.call_outcomes import OUTCOME_RULES, FollowUp
from prospection.core.enums import Outcome
from prospection.ui.labels import outcome_labels


class OutcomeBar(QWidget):
    """Buttons 1-8 (the keys do the same) and S to skip."""

    outcome_chosen = Signal(str)
    skip_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[Outcome, QPushButton] = {}
        for index, (outcome, label) in enumerate(outcome_labels().items()):
            rule = OUTCOME_RULES[outcome]
            asks = rule.follow_up in (FollowUp.REQUIRED, FollowUp.OPTIONAL)
            text = f"{rule.key}  {label}{'…' if asks else ''}"
            button = QPushButton(text, self)
            button.setObjectName(f"outcome_{outcome.value}")
            button.setAutoDefault(False)
            # The keys are the way in; buttons must not steal Enter from the dialog.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(self.tr("{label} (key {key})").format(label=label, key=rule.key))
            button.clicked.connect(lambda _=False, o=outcome: self.outcome_chosen.emit(o.value))
            layout.addWidget(button, index // 4, index % 4)
            self.buttons[outcome] = button
        self.skip_button = QPushButton(self.tr("S  Skip"), self)
        self.skip_button.setAutoDefault(False)
        self.skip_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.skip_button.setToolTip(self.tr("Move on without calling (key S)"))
        self.skip_button.clicked.connect(self.skip_requested)
        layout.addWidget(self.skip_button, 1, 4)
