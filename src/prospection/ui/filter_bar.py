"""The row of filters above the table: stage, tag, next action, do-not-contact."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLayout, QLayoutItem, QWidget

from prospection.core.enums import Stage
from prospection.core.prospects import Due
from prospection.ui.labels import stage_labels
from prospection.ui.view_choice import ViewChoice


class FlowLayout(QLayout):
    """Widgets side by side at their natural width, going on to a new line when the row
    is full: on a narrow window (1280 pixels, French labels) the boxes keep their whole
    text instead of eliding, and never make the window wider."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        # One row: every widget side by side.
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        width = sum(size.width() for size in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((size.height() for size in shown), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        # The widest single widget: anything wider goes on to the next row.
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size.grownBy(margins)

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), max(area.width(), item.minimumSize().width()))
            if x > area.x() and x + width > area.x() + area.width():
                x, y = area.x(), y + row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


class FilterBar(QWidget):
    """Combo boxes narrowing the table; emits `changed` with the new `ViewChoice`."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        layout = FlowLayout(self)
        self._updating = False

        self.stage_box = QComboBox(self)
        self.stage_box.setAccessibleName(self.tr("Stage filter"))
        self.stage_box.addItem(self.tr("Any stage"), None)
        for stage, label in stage_labels().items():
            self.stage_box.addItem(label, stage.value)

        self.tag_box = QComboBox(self)
        self.tag_box.setAccessibleName(self.tr("Tag filter"))
        self.tag_box.addItem(self.tr("Any tag"), None)
        self.tag_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # The user's tags may be long: the closed box shows up to about 14 characters (or
        # "Any tag" whole), its list shows them whole, its tooltip the chosen one, so that
        # the filters stay on one row on a 1280-pixel screen in French.
        metrics = self.tag_box.fontMetrics()
        any_tag = self.tag_box.sizeHint().width()
        frame = any_tag - metrics.horizontalAdvance(self.tag_box.itemText(0))
        self.tag_box.setMaximumWidth(max(any_tag, frame + metrics.averageCharWidth() * 14))
        self.tag_box.currentTextChanged.connect(self.tag_box.setToolTip)

        self.due_box = QComboBox(self)
        self.due_box.setAccessibleName(self.tr("Next action filter"))
        self.due_box.addItem(self.tr("Any next action"), None)
        self.due_box.addItem(self.tr("Due now (today and overdue)"), Due.NOW.value)
        self.due_box.addItem(self.tr("Overdue"), Due.OVERDUE.value)
        self.due_box.addItem(self.tr("Due today"), Due.TODAY.value)
        self.due_box.addItem(self.tr("Due this week"), Due.THIS_WEEK.value)
        self.due_box.addItem(self.tr("No next action"), Due.NONE.value)

        self.dnc_box = QCheckBox(self.tr("Show do-not-call"), self)
        self.dnc_box.setChecked(True)
        self.dnc_box.setToolTip(
            self.tr("Show prospects where someone asked not to be called (marked with a badge)")
        )

        # Team mode only: whose prospects (hidden while one person uses the data).
        self.owner_box = QComboBox(self)
        self.owner_box.setAccessibleName(self.tr("Owner filter"))
        self.owner_box.addItem(self.tr("Everyone"), None)
        self.owner_box.addItem(self.tr("Mine"), "mine")
        self.owner_box.setToolTip(self.tr("Show every prospect, or only those you own"))
        self.owner_box.setVisible(False)
        self._user_id: int | None = None

        filter_label = QLabel(self.tr("Filter:"), self)
        layout.addWidget(filter_label)
        for widget in (self.owner_box, self.stage_box, self.tag_box, self.due_box, self.dnc_box):
            layout.addWidget(widget)
        # The boxes keep their whole text and go on to a second row when the window is
        # narrow (FlowLayout); only a box wider than the whole row elides its text, so
        # that French labels never push a 1280-pixel screen's window off the edge.
        narrowest = self.fontMetrics().averageCharWidth() * 12
        for box in (self.stage_box, self.tag_box, self.due_box):
            box.setMinimumWidth(narrowest)
        # As tall as the boxes, so that their text lines up on the row.
        filter_label.setMinimumHeight(self.stage_box.sizeHint().height())
        self.dnc_box.setMinimumHeight(self.stage_box.sizeHint().height())

        self.stage_box.currentIndexChanged.connect(self._emit)
        self.tag_box.currentIndexChanged.connect(self._emit)
        self.due_box.currentIndexChanged.connect(self._emit)
        self.dnc_box.toggled.connect(self._emit)
        self.owner_box.currentIndexChanged.connect(self._emit)

    def set_team(self, user_id: int | None) -> None:
        """Offer "Mine / Everyone" for `user_id` (None: one user, the box is hidden)."""
        self._user_id = user_id
        self.owner_box.setVisible(user_id is not None)
        if user_id is None and self.owner_box.currentIndex() != 0:
            self.owner_box.setCurrentIndex(0)  # emits: everyone's prospects again

    def choice(self) -> ViewChoice:
        """The view the filters describe."""
        stage = self.stage_box.currentData()
        due = self.due_box.currentData()
        tag = self.tag_box.currentData()
        return ViewChoice(
            stage=Stage(stage) if stage else None,
            tag=str(tag) if tag else None,
            due=Due(due) if due else None,
            include_dnc=self.dnc_box.isChecked(),
            owner_id=self._user_id if self.owner_box.currentData() == "mine" else None,
        )

    def set_choice(self, choice: ViewChoice) -> None:
        """Show `choice` in the combo boxes (one `changed` signal at the end)."""
        self._updating = True
        try:
            self._select(self.stage_box, choice.stage.value if choice.stage else None)
            if choice.tag and self.tag_box.findData(choice.tag) < 0:
                self.tag_box.addItem(choice.tag, choice.tag)
            self._select(self.tag_box, choice.tag)
            self._select(self.due_box, choice.due.value if choice.due else None)
            self.dnc_box.setChecked(choice.include_dnc)
            self.owner_box.setCurrentIndex(1 if choice.owner_id is not None else 0)
        finally:
            self._updating = False
        self._emit()

    def set_tags(self, names: list[str]) -> None:
        """Offer these tags (keeping the chosen one)."""
        chosen = self.tag_box.currentData()
        self._updating = True
        try:
            self.tag_box.clear()
            self.tag_box.addItem(self.tr("Any tag"), None)
            for name in names:
                self.tag_box.addItem(name, name)
            if chosen and self.tag_box.findData(chosen) < 0:
                self.tag_box.addItem(chosen, chosen)
            self._select(self.tag_box, chosen)
        finally:
            self._updating = False

    @staticmethod
    def _select(box: QComboBox, value: object) -> None:
        index = box.findData(value) if value is not None else 0
        box.setCurrentIndex(max(0, index))

    def _emit(self, *_args: object) -> None:
        if not self._updating:
            self.changed.emit(self.choice())
