"""Who the prospect is, their problems, how we help, why now, and what happened before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from prospection.core.call_cards import CallCard
from prospection.ui.call_session.call_labels import activity_line, reason_label, short_date_time
from prospection.ui.labels import priority_label, stage_label
from prospection.ui.qt_dates import with_zone


def _text_box(title: str, parent: QWidget) -> tuple[QGroupBox, QLabel]:
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    label = QLabel(box)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(label)
    return box, label


class ProspectBrief(QFrame):
    """The top of the call screen: everything to read before dialling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.name = QLabel(self)
        self.name.setObjectName("briefName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name.setFont(font)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.why_now = QLabel(self)
        self.why_now.setObjectName("whyNow")
        self.why_now.setWordWrap(True)
        self.why_now.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.name)
        header.addWidget(self.facts, 1)
        header.addWidget(self.why_now, 1)
        layout.addLayout(header)
        boxes = QHBoxLayout()
        self.pains_box, self.pains = _text_box(self.tr("Their problems"), self)
        self.pitch_box, self.pitch = _text_box(self.tr("How we help them"), self)
        boxes.addWidget(self.pains_box, 1)
        boxes.addWidget(self.pitch_box, 1)
        layout.addLayout(boxes)
        self.recent = QLabel(self)
        self.recent.setObjectName("recentActivities")
        self.recent.setWordWrap(True)
        layout.addWidget(self.recent)

    def show_card(self, card: CallCard) -> None:
        """Fill in the prospect's brief."""
        self.name.setText(card.name)
        facts = [part for part in (card.industry, card.size, card.city) if part]
        facts.append(stage_label(card.stage))
        if card.priority:
            facts.append(priority_label(card.priority))
        self.facts.setText(" · ".join(facts))
        why = self.tr("Why now: {reason}").format(reason=reason_label(card.reason))
        if card.next_action_text:
            why += f"\n{card.next_action_text}"
            if card.next_action_at is not None:
                when = short_date_time(card.next_action_at)
                why += f" ({with_zone(when, card.next_action_at)})"
        self.why_now.setText(why)
        self.pains.setText(
            card.pains or self.tr("Not written down yet: ask what worries them, and note it below.")
        )
        self.pitch.setText(
            card.pitch or self.tr("Not written down yet: what could you change for them?")
        )
        if card.recent:
            lines = " · ".join(activity_line(activity) for activity in card.recent)
            self.recent.setText(self.tr("Last: {activities}").format(activities=lines))
        else:
            self.recent.setText(self.tr("First contact: nothing recorded yet."))
