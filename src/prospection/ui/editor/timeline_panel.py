"""The editor's activity timeline, newest first, with buttons to log a new one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prospection.core.enums import ActivityKind
from prospection.core.models import Activity
from prospection.ui.labels import activity_kind_label, outcome_label, stage_label
from prospection.ui.qt_dates import short_datetime

_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Entries shown at most (the oldest are summarised in one line).
MAX_SHOWN = 200


class TimelinePanel(QWidget):
    """Lists a prospect's activities and asks the editor to log or delete one."""

    log_requested = Signal(object)  # ActivityKind
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.log_buttons: dict[ActivityKind, QPushButton] = {}
        texts = {
            ActivityKind.CALL: self.tr("Log a call"),
            ActivityKind.EMAIL: self.tr("Email"),
            ActivityKind.MEETING: self.tr("Meeting"),
            ActivityKind.NOTE: self.tr("Note"),
        }
        for kind, text in texts.items():
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, k=kind: self.log_requested.emit(k))
            buttons.addWidget(button)
            self.log_buttons[kind] = button
        self.log_buttons[ActivityKind.CALL].setToolTip(self.tr("Log a call (Ctrl+L)"))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("History"))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 5)
        layout.addWidget(self.list)

    def set_activities(self, activities: Sequence[Activity]) -> None:
        """Show the activities, newest first."""
        self.list.clear()
        ordered = sorted(activities, key=lambda a: (a.occurred_at, a.id), reverse=True)
        if not ordered:
            item = QListWidgetItem(
                self.tr("Nothing yet. Calls, emails and notes you log will show here."),
                self.list,
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            return
        for activity in ordered[:MAX_SHOWN]:
            item = QListWidgetItem(self.describe(activity), self.list)
            item.setData(_ID_ROLE, activity.id)
        if len(ordered) > MAX_SHOWN:
            item = QListWidgetItem(
                self.tr("… and %n older entries", "", len(ordered) - MAX_SHOWN), self.list
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def describe(self, activity: Activity) -> str:
        """One entry: when, what, how it went, and the notes."""
        when = short_datetime(activity.occurred_at)
        if activity.kind == ActivityKind.STAGE_CHANGE:
            what = self.tr("Stage: {before} → {after}").format(
                before=stage_label(activity.stage_from) if activity.stage_from else "?",
                after=stage_label(activity.stage_to) if activity.stage_to else "?",
            )
        else:
            what = activity_kind_label(activity.kind)
            if activity.outcome is not None:
                what = self.tr("{kind}: {outcome}").format(
                    kind=what, outcome=outcome_label(activity.outcome)
                )
            if activity.inbound:
                what = self.tr("{what} (from them)").format(what=what)
        text = f"{when} · {what}"
        if activity.notes:
            text += "\n" + activity.notes
        return text

    def _menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is None or item.data(_ID_ROLE) is None:
            return
        menu = QMenu(self)
        activity_id = int(item.data(_ID_ROLE))
        menu.addAction(
            self.tr("Delete this entry"), lambda: self.delete_requested.emit(activity_id)
        )
        menu.exec(self.list.mapToGlobal(position))
