"""The prospect table view: multi-selection, SQL sorting, remembered column layout."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from prospection.ui.folder_settings import folder_key
from prospection.ui.prospect_table_delegate import ProspectCellDelegate
from prospection.ui.prospect_table_model import (
    ID_ROLE,
    TEAM_COLUMNS,
    Column,
    ProspectTableModel,
)

HEADER_STATE_KEY = "table/header_state"
#: True once the user sized a column by hand: the widths then stay as they are.
SIZED_BY_USER_KEY = "table/sized_by_user"

#: Starting widths, in average character widths (a 1366x768 screen fits the main ones).
_DEFAULT_WIDTHS = {
    Column.NAME: 24,
    Column.CONTACT: 17,
    Column.PHONE: 17,  # "05 36 49 22 54": digits run wider than the average
    Column.CITY: 12,
    Column.STAGE: 11,
    Column.PRIORITY: 7,
    Column.NEXT_ACTION: 19,
    Column.LAST_CONTACT: 11,
    Column.TAGS: 18,
    Column.OWNER: 14,
    Column.LAST_CALLER: 14,
}
#: Hidden until the user shows them (the window is narrow on a laptop). The team
#: columns are shown by default once several people share the data, and never offered
#: to a single user.
_HIDDEN_BY_DEFAULT = (Column.LAST_CONTACT, Column.TAGS)
#: Until the user sizes columns by hand, these give up width (first the first ones, down
#: to these many average characters) so that every shown column fits the table's width:
#: on a 1280x720 screen the Next action column is otherwise cut off.
_SHRINKABLE = (
    (Column.CITY, 8),
    (Column.NAME, 18),
    (Column.CONTACT, 11),
    (Column.TAGS, 10),
    (Column.LAST_CONTACT, 9),
    (Column.NAME, 14),
    (Column.CONTACT, 9),
    # A team's columns on a laptop: a first name reads whole, the rest is elided (the
    # tooltip has it all), before a phone number is cut.
    (Column.OWNER, 9),
    (Column.LAST_CALLER, 9),
    (Column.PRIORITY, 6),
    (Column.PHONE, 14),
    (Column.STAGE, 9),
)
#: The team column a team sees at first; "Last called by" is one click away in the
#: header's menu and in the owner's tooltip: with the editor beside it, a 1280-pixel
#: table has no room for both without cutting the prospects' names.
_TEAM_SHOWN_BY_DEFAULT = (Column.OWNER,)


class ProspectTable(QTableView):
    """A table of prospects; emits the ids the user selects or opens."""

    #: The prospect under the cursor changed (its id, or 0 when none).
    current_prospect_changed = Signal(int)
    #: The selection changed (the selected ids are read with `selected_ids`).
    selection_changed = Signal()

    def __init__(
        self,
        model: ProspectTableModel,
        parent: QWidget | None = None,
        settings_group: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("prospectTable")
        #: QSettings group of the data folder (see folder_settings): its own layout.
        self._settings_group = settings_group
        #: Whether the user sized columns by hand (else they fit the width, see _fit).
        self._sized_by_user = False
        self._fitting = False
        self._header_pressed = False
        self.setModel(model)
        self.setItemDelegate(ProspectCellDelegate(model, self))
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: Qt never measures a million rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setToolTip(self.tr("Click to sort; right-click to choose the columns"))
        column, order = model.sort_order()
        header.setSortIndicator(int(column), order)
        self._apply_default_layout()
        self.restore_layout()
        # Sorts the model by the (possibly restored) indicator: one SQL query.
        self.setSortingEnabled(True)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_layout)
        header.sectionMoved.connect(self.save_layout)
        header.sectionResized.connect(self._section_resized)
        header.sectionHandleDoubleClicked.connect(self._user_sized)
        header.viewport().installEventFilter(self)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        header.sortIndicatorChanged.connect(self._layout_changed)
        selection = self.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        selection.selectionChanged.connect(self.selection_changed)
        model.modelReset.connect(self.selection_changed)

    def paintEvent(self, event: QPaintEvent) -> None:
        # The rows about to be painted, fetched in one query (see ProspectTableModel.prefetch).
        first = self.rowAt(0)
        if first >= 0:
            last = self.rowAt(self.viewport().height() - 1)
            self._model.prefetch(first, last if last >= 0 else first + 100)
        super().paintEvent(event)

    # --- selection ------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Ids of the selected prospects, in table order.

        Read from the selection's row ranges, so that selecting a million rows (Ctrl+A)
        costs one SQL query, not a million index objects.
        """
        spans = sorted(self._row_spans())
        merged: list[list[int]] = []
        for top, bottom in spans:
            if merged and top <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], bottom)
            else:
                merged.append([top, bottom])
        ids: list[int] = []
        for top, bottom in merged:
            ids.extend(self._model.ids_in_rows(top, bottom))
        return ids

    def _row_spans(self) -> list[tuple[int, int]]:
        selection = self.selectionModel().selection()
        spans = []
        for index in range(selection.size()):
            span = selection.at(index)
            spans.append((span.top(), span.bottom()))
        return spans

    def selected_count(self) -> int:
        """How many rows are selected (without fetching them)."""
        spans = set(self._row_spans())
        rows: set[int] = set()
        total = 0
        for top, bottom in sorted(spans):
            if bottom - top > 10_000:
                total += bottom - top + 1  # big ranges from Ctrl+A do not overlap
            else:
                rows.update(range(top, bottom + 1))
        return total + len(rows)

    def current_id(self) -> int | None:
        """Id of the prospect under the cursor."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        value = index.data(ID_ROLE)
        return int(value) if value is not None else None

    def select_prospect(self, prospect_id: int) -> bool:
        """Put the cursor on `prospect_id` if it is among the rows already fetched.

        Or anywhere in the rows once the model knows their ordered ids.
        """
        row = self._model.row_of(prospect_id)
        if row is None:
            return False
        self.selectRow(row)
        self.scrollTo(self._model.index(row, 0))
        return True

    def _current_changed(self, current: object, _previous: object) -> None:
        found = self.current_id()
        self.current_prospect_changed.emit(found or 0)

    # --- column layout --------------------------------------------------------------

    def _apply_default_layout(self) -> None:
        width = self.fontMetrics().averageCharWidth()
        header = self.horizontalHeader()
        for column, chars in _DEFAULT_WIDTHS.items():
            header.resizeSection(int(column), chars * width + 12)
        for column in _HIDDEN_BY_DEFAULT:
            header.setSectionHidden(int(column), True)
        for column in TEAM_COLUMNS:
            shown = self._model.team and column in _TEAM_SHOWN_BY_DEFAULT
            header.setSectionHidden(int(column), not shown)

    def _key(self, key: str) -> str:
        return folder_key(self._settings_group, key)

    def restore_layout(self) -> None:
        """Column order, widths, visibility and sort as the user left them."""
        settings = QSettings()
        state = settings.value(self._key(HEADER_STATE_KEY))
        if isinstance(state, QByteArray | bytes) and state:
            self.horizontalHeader().restoreState(QByteArray(state))
            self._sized_by_user = settings.value(self._key(SIZED_BY_USER_KEY)) in (True, "true")
        self.hide_team_columns_if_alone()
        self._fit()

    def hide_team_columns_if_alone(self) -> None:
        """A single user never sees the owner and last-caller columns."""
        if not self._model.team:
            for column in TEAM_COLUMNS:
                self.horizontalHeader().setSectionHidden(int(column), True)

    def show_team_columns(self) -> None:
        """The owner column, shown when the data becomes a team's."""
        for column in _TEAM_SHOWN_BY_DEFAULT:
            self.horizontalHeader().setSectionHidden(int(column), False)
        self._fit()

    def save_layout(self) -> None:
        """Remember column order, widths, visibility and sort (for this data folder)."""
        settings = QSettings()
        settings.setValue(self._key(HEADER_STATE_KEY), self.horizontalHeader().saveState())
        settings.setValue(self._key(SIZED_BY_USER_KEY), self._sized_by_user)

    def columns_sized_by_user(self) -> bool:
        """Whether the user sized a column by hand (the widths no longer follow the table)."""
        return self._sized_by_user

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A section resized while the header is pressed is a column edge the user drags.
        if event.type() == QEvent.Type.MouseButtonPress:
            self._header_pressed = True
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._header_pressed = False
        return super().eventFilter(watched, event)

    def _section_resized(self, *_args: object) -> None:
        if self._header_pressed and not self._fitting:
            self._user_sized()
        self._layout_changed()

    def _user_sized(self, *_args: object) -> None:
        self._sized_by_user = True
        self._layout_changed()

    def _fit(self) -> None:
        """Default widths, narrowed where needed so every shown column is seen whole.

        Only while the user has not sized columns by hand. The last column stretches
        over what is left.
        """
        if self._sized_by_user or self._fitting:
            return
        header = self.horizontalHeader()
        available = self.viewport().width()
        if available <= 0:
            return
        char = self.fontMetrics().averageCharWidth()
        widths = {
            column: chars * char + 12
            for column, chars in _DEFAULT_WIDTHS.items()
            if not header.isSectionHidden(int(column))
        }
        excess = sum(widths.values()) - available
        for column, narrowest in _SHRINKABLE:
            if excess <= 0:
                break
            if column not in widths:
                continue
            give = min(excess, max(0, widths[column] - (narrowest * char + 12)))
            widths[column] -= give
            excess -= give
        self._fitting = True
        try:
            for column, width in widths.items():
                if header.sectionSize(int(column)) != width:
                    header.resizeSection(int(column), width)
        finally:
            self._fitting = False

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        # The team columns do not sort (the model ignores them): the arrow stays on the
        # column the rows are sorted by.
        if column in TEAM_COLUMNS:
            sorted_by, order = self._model.sort_order()
            self.horizontalHeader().setSortIndicator(int(sorted_by), order)

    def _layout_changed(self, *_args: object) -> None:
        # Written a moment later, once: QSettings writes its file at each save, and a
        # sort or a dragged column edge would otherwise wait for the disk every time.
        self._save_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self.save_layout()
        super().hideEvent(event)

    def reset_layout(self) -> None:
        """Back to the default columns."""
        header = self.horizontalHeader()
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
            header.setSectionHidden(logical, False)
        self._apply_default_layout()
        self._sized_by_user = False
        self._fit()
        self.save_layout()

    def _header_menu(self, position: QPoint) -> None:
        header = self.horizontalHeader()
        menu = QMenu(self)
        titles = self._model.column_titles()
        for column in Column:
            if column in TEAM_COLUMNS and not self._model.team:
                continue
            action = menu.addAction(titles[column])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(int(column)))
            # The prospect's name always stays: without it rows mean nothing.
            action.setEnabled(column != Column.NAME)
            action.toggled.connect(lambda shown, c=int(column): self._set_column_shown(c, shown))
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self.reset_layout)
        menu.exec(header.mapToGlobal(position))

    def _set_column_shown(self, column: int, shown: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, not shown)
        self._fit()
        self.save_layout()
