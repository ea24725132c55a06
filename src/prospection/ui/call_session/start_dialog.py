"""The small dialog before a session: whom to call (the queue's source) and how much."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from prospection.core import call_sessions
from prospection.core.call_queue import (
    DEFAULT_SIZE,
    CallQueue,
    QueueSource,
    QueueSpec,
    build_queue,
)
from prospection.core.db import Database
from prospection.core.models import Tag
from prospection.core.users import user_labels
from prospection.ui.call_session.call_labels import left_out_label
from prospection.ui.calling_rule_labels import calling_rules_help

DEFAULT_TIME_BOX_MINUTES = 45
#: Names of left-out prospects listed in the dialog (the rest are counted).
LEFT_OUT_SHOWN = 5


class StartCallingDialog(QDialog):
    """Choose the queue and its size (or a time box); creates the session on accept."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        filter_ids: Sequence[int] = (),
        selected_ids: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startCallingDialog")
        self.db = db
        self.filter_ids = tuple(filter_ids)
        self.selected_ids = tuple(selected_ids)
        self.created_session_id: int | None = None
        self._queue = CallQueue()
        self.setWindowTitle(self.tr("Start calling"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)

        who = QGroupBox(self.tr("Whom to call"), self)
        grid = QGridLayout(who)
        self.sources = QButtonGroup(self)
        self.due_radio = QRadioButton(self.tr("&Follow-ups due today and overdue"), who)
        self.new_radio = QRadioButton(self.tr("&Never contacted prospects"), who)
        self.tag_radio = QRadioButton(self.tr("Prospects with the &tag:"), who)
        self.filter_radio = QRadioButton(
            self.tr("The list as &filtered ({n} prospects)").format(n=len(self.filter_ids)), who
        )
        self.selection_radio = QRadioButton(
            self.tr("The &selected prospects ({n})").format(n=len(self.selected_ids)), who
        )
        self.tag_box = QComboBox(who)
        with db.session() as session:
            tags = session.scalars(select(Tag.name).order_by(Tag.name)).all()
        self.tag_box.addItems(list(tags))
        self.tag_radio.setEnabled(bool(tags))
        self.tag_box.setEnabled(bool(tags))
        self.filter_radio.setEnabled(bool(self.filter_ids))
        self.selection_radio.setEnabled(bool(self.selected_ids))
        self.filter_radio.setToolTip(
            self.tr("Clients and lost prospects shown in the list are called too")
        )
        for row, (radio, source) in enumerate(
            (
                (self.due_radio, QueueSource.DUE),
                (self.new_radio, QueueSource.NEW),
                (self.tag_radio, QueueSource.TAG),
                (self.filter_radio, QueueSource.FILTER),
                (self.selection_radio, QueueSource.SELECTION),
            )
        ):
            self.sources.addButton(radio, row)
            radio.setProperty("source", source.value)
            grid.addWidget(radio, row, 0)
        grid.addWidget(self.tag_box, 2, 1)
        layout.addWidget(who)

        how = QGroupBox(self.tr("How much"), self)
        how_layout = QGridLayout(how)
        self.size_radio = QRadioButton(self.tr("A &number of calls:"), how)
        self.size_box = QSpinBox(how)
        self.size_box.setRange(1, 200)
        self.size_box.setValue(DEFAULT_SIZE)
        self.time_radio = QRadioButton(self.tr("A time &box:"), how)
        self.time_box = QSpinBox(how)
        self.time_box.setRange(5, 240)
        self.time_box.setSingleStep(5)
        self.time_box.setValue(DEFAULT_TIME_BOX_MINUTES)
        self.time_box.setSuffix(self.tr(" min"))
        self.size_radio.setChecked(True)
        how_layout.addWidget(self.size_radio, 0, 0)
        how_layout.addWidget(self.size_box, 0, 1)
        how_layout.addWidget(self.time_radio, 1, 0)
        how_layout.addWidget(self.time_box, 1, 1)
        layout.addWidget(how)

        self.preview = QLabel(self)
        self.preview.setObjectName("queuePreview")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        self.left_out = QLabel(self)
        self.left_out.setObjectName("leftOut")
        self.left_out.setWordWrap(True)
        self.left_out.setToolTip(calling_rules_help())
        layout.addWidget(self.left_out)

        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(
            self.tr("Start calling"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._choose_default_source()
        self.sources.idToggled.connect(self._source_toggled)
        self.tag_box.currentIndexChanged.connect(self._tag_chosen)
        self.size_box.valueChanged.connect(self.update_preview)
        self.size_radio.toggled.connect(self.update_preview)
        self.time_box.valueChanged.connect(self.update_preview)
        self.update_preview()

    def _choose_default_source(self) -> None:
        if self.selected_ids and len(self.selected_ids) > 1:
            self.selection_radio.setChecked(True)
            return
        with self.db.session() as session:
            due = build_queue(session, QueueSpec(QueueSource.DUE, size=1))
        (self.due_radio if due.entries else self.new_radio).setChecked(True)

    def _source_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.update_preview()

    def _tag_chosen(self) -> None:
        if self.tag_radio.isEnabled():
            self.tag_radio.setChecked(True)
        self.update_preview()

    def spec(self) -> QueueSpec:
        """The queue the dialog describes."""
        checked = self.sources.checkedButton()
        source = QueueSource(str(checked.property("source"))) if checked else QueueSource.DUE
        size = self.size_box.value() if self.size_radio.isChecked() else None
        if source == QueueSource.TAG:
            return QueueSpec(source, tag=self.tag_box.currentText(), size=size)
        if source == QueueSource.FILTER:
            return QueueSpec(source, ids=self.filter_ids, size=size)
        if source == QueueSource.SELECTION:
            return QueueSpec(source, ids=self.selected_ids, size=size)
        return QueueSpec(source, size=size)

    def time_box_minutes(self) -> int | None:
        """The time box, when one was chosen."""
        return self.time_box.value() if self.time_radio.isChecked() else None

    def update_preview(self) -> None:
        """Count the queue and what was left out of it."""
        with self.db.session() as session:
            self._queue = build_queue(session, self.spec())
            names = user_labels(session) if self._queue.left_out else {}
        count = len(self._queue.entries)
        if count:
            self.preview.setText(
                self.tr("{n} prospects to call, most urgent first.").format(n=count)
            )
        else:
            self.preview.setText(
                self.tr("Nobody to call from here. Choose another source, or add prospects.")
            )
        self.start_button.setEnabled(count > 0)
        left = self._queue.left_out
        if left:
            shown = ", ".join(
                f"{item.name} ({left_out_label(item, names)})" for item in left[:LEFT_OUT_SHOWN]
            )
            more = len(left) - LEFT_OUT_SHOWN
            text = self.tr("Left out: {names}").format(names=shown)
            if more > 0:
                text += " " + self.tr("and {n} more").format(n=more)
            if self._queue.without_phone:
                text += "\n" + self.tr("Add their numbers in the list to call them next time.")
            self.left_out.setText(text)
        else:
            self.left_out.clear()
        self.left_out.setVisible(bool(left))

    def accept(self) -> None:
        """Store the session over the queue as previewed."""
        spec = self.spec()
        with self.db.session() as session:
            queue = build_queue(session, spec)
            if not queue.entries:
                self.update_preview()
                return
            state = call_sessions.start_session(
                session, spec, queue, time_box_minutes=self.time_box_minutes()
            )
        self.created_session_id = state.id
        super().accept()
