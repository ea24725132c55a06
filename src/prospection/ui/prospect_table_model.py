"""The prospect table's model: rows fetched from SQL a block at a time, sorted in SQL.

The model never loads the whole table and never holds a session: it counts the
matching prospects once per reset, then fetches the blocks of rows the view asks for,
each in a short session of its own, keeping only the most recently used blocks.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QIcon, QPainter, QPen, QPixmap

from prospection.core import prospects
from prospection.core.db import Database
from prospection.core.models import utcnow
from prospection.core.prospects import ProspectFilter, ProspectRow, SortKey, day_bounds
from prospection.ui.labels import priority_label, stage_label
from prospection.ui.qt_dates import to_qdatetime

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The table's columns, in their default order."""

    NAME = 0
    CONTACT = 1
    PHONE = 2
    CITY = 3
    STAGE = 4
    PRIORITY = 5
    NEXT_ACTION = 6
    LAST_CONTACT = 7
    TAGS = 8


#: The SQL sort behind each column.
SORT_KEYS: dict[Column, SortKey] = {
    Column.NAME: SortKey.NAME,
    Column.CONTACT: SortKey.CONTACT,
    Column.PHONE: SortKey.PHONE,
    Column.CITY: SortKey.CITY,
    Column.STAGE: SortKey.STAGE,
    Column.PRIORITY: SortKey.PRIORITY,
    Column.NEXT_ACTION: SortKey.NEXT_ACTION,
    Column.LAST_CONTACT: SortKey.LAST_CONTACT,
    Column.TAGS: SortKey.TAGS,
}

#: The prospect id of a row (int).
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: A value to compare cells on (what SQL sorts by), for proxies and tests.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: The whole `ProspectRow` of a row.
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
#: Whether the row's next action is overdue (bool).
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 4

BLOCK_SIZE = 100
MAX_BLOCKS = 30

#: The roles `data` answers; the view asks for more (alignment, size hints ...).
_ANSWERED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.AccessibleTextRole,
        ID_ROLE,
        SORT_ROLE,
        ROW_ROLE,
        OVERDUE_ROLE,
    )
)


def overdue_colour() -> QColor:
    """A warning colour readable on the current palette (light or dark)."""
    palette = QGuiApplication.palette()
    dark = palette.color(palette.ColorRole.Base).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b3261e")


def dnc_icon() -> QIcon:
    """A small "no entry" badge for prospects with a contact who asked not to be called."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = overdue_colour()
    painter.setBrush(QBrush(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(3, 3, 26, 26)
    painter.setPen(QPen(QColor("white"), 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(10, 16, 22, 16)
    painter.end()
    return QIcon(pixmap)


class ProspectTableModel(QAbstractTableModel):
    """Prospects matching a filter, in SQL order, fetched block by block."""

    #: Emitted after the rows were reloaded (filter, sort or data changed).
    reloaded = Signal()

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock or (lambda: utcnow().astimezone())
        self._filter = ProspectFilter()
        self._sort_column = Column.NAME
        self._descending = False
        self._count = 0
        self._blocks: OrderedDict[int, list[ProspectRow]] = OrderedDict()
        # Display texts per prospect id, with the row they were made from.
        self._text_cache: dict[int, tuple[ProspectRow, tuple[str, ...]]] = {}
        self._today_start = datetime.min
        self._today_end = datetime.min
        self._dnc_icon: QIcon | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._reload_counts()

    # --- what is shown --------------------------------------------------------------

    def prospect_filter(self) -> ProspectFilter:
        """The filter the rows match."""
        return self._filter

    def set_filter(self, flt: ProspectFilter) -> None:
        """Show the prospects matching `flt`."""
        if flt == self._filter:
            return
        self._filter = flt
        self.reload()

    def sort_order(self) -> tuple[Column, Qt.SortOrder]:
        """The current sort column and order."""
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return self._sort_column, order

    def reload(self) -> None:
        """Count again and drop every cached block (after a change to the data)."""
        self.beginResetModel()
        self._reload_counts()
        self.endResetModel()
        self.reloaded.emit()

    def _reload_counts(self) -> None:
        self._blocks.clear()
        self._text_cache.clear()
        now = self._clock()
        start, end = day_bounds(now)
        self._today_start, self._today_end = start, end
        with self._db.session() as session:
            self._count = prospects.count(session, self._filter, now=now)

    # --- rows -----------------------------------------------------------------------

    def row_at(self, row: int) -> ProspectRow | None:
        """The prospect shown at `row` (fetching its block if needed)."""
        if row < 0 or row >= self._count:
            return None
        number = row // BLOCK_SIZE
        block = self._blocks.get(number)
        if block is None:
            block = self._fetch(number)
        else:
            self._blocks.move_to_end(number)
        offset = row - number * BLOCK_SIZE
        return block[offset] if offset < len(block) else None

    def id_at(self, row: int) -> int | None:
        """The id of the prospect at `row`."""
        found = self.row_at(row)
        return found.id if found is not None else None

    def ids_in_rows(self, first: int, last: int) -> list[int]:
        """Ids of the prospects shown from row `first` to `last` included."""
        first, last = max(0, first), min(last, self._count - 1)
        if last < first:
            return []
        numbers = range(first // BLOCK_SIZE, last // BLOCK_SIZE + 1)
        if all(n in self._blocks for n in numbers):
            found = [self.id_at(row) for row in range(first, last + 1)]
            return [i for i in found if i is not None]
        with self._db.session() as session:
            return prospects.page_ids(
                session,
                self._filter,
                sort=SORT_KEYS[self._sort_column],
                descending=self._descending,
                offset=first,
                limit=last - first + 1,
                now=self._clock(),
            )

    def cached_row_of(self, prospect_id: int) -> int | None:
        """The row showing `prospect_id`, if it is in a block already fetched."""
        for number, block in self._blocks.items():
            for offset, item in enumerate(block):
                if item.id == prospect_id:
                    return number * BLOCK_SIZE + offset
        return None

    def _fetch(self, number: int) -> list[ProspectRow]:
        with self._db.session() as session:
            block = prospects.page(
                session,
                self._filter,
                sort=SORT_KEYS[self._sort_column],
                descending=self._descending,
                offset=number * BLOCK_SIZE,
                limit=BLOCK_SIZE,
                now=self._clock(),
            )
        self._blocks[number] = block
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        return block

    # --- Qt model interface ---------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[Column(section)]
        return None

    def column_titles(self) -> dict[Column, str]:
        """The header title of every column."""
        return {
            Column.NAME: self.tr("Prospect"),
            Column.CONTACT: self.tr("Contact"),
            Column.PHONE: self.tr("Phone"),
            Column.CITY: self.tr("City"),
            Column.STAGE: self.tr("Stage"),
            Column.PRIORITY: self.tr("Priority"),
            Column.NEXT_ACTION: self.tr("Next action"),
            Column.LAST_CONTACT: self.tr("Last contact"),
            Column.TAGS: self.tr("Tags"),
        }

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for every visible cell and every role at each paint (a thousand calls and
        # more): roles never answered return at once, and a row's texts are formatted
        # once, not at every paint.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(item)[index.column()]
        column = Column(index.column())
        if role == ID_ROLE:
            return item.id
        if role == ROW_ROLE:
            return item
        if role == SORT_ROLE:
            return self._sort_value(item, column)
        if role == OVERDUE_ROLE:
            return self._overdue(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.NEXT_ACTION and self._overdue(item):
                return QBrush(overdue_colour())
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == Column.NEXT_ACTION and self._due_today_or_before(item):
                return self._bold
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == Column.NAME and item.do_not_contact:
                if self._dnc_icon is None:
                    self._dnc_icon = dnc_icon()
                return self._dnc_icon
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._texts(item)[column]
        return None

    def _texts(self, item: ProspectRow) -> tuple[str, ...]:
        cached = self._text_cache.get(item.id)
        if cached is not None and cached[0] is item:
            return cached[1]
        if len(self._text_cache) > MAX_BLOCKS * BLOCK_SIZE:
            self._text_cache.clear()
        texts = tuple(self._display(item, column) for column in Column)
        self._text_cache[item.id] = (item, texts)
        return texts

    def _display(self, item: ProspectRow, column: Column) -> str:
        locale = QLocale()
        if column == Column.NAME:
            return item.name
        if column == Column.CONTACT:
            return item.contact
        if column == Column.PHONE:
            return item.phone
        if column == Column.CITY:
            return item.city
        if column == Column.STAGE:
            return stage_label(item.stage)
        if column == Column.PRIORITY:
            return priority_label(item.priority) if item.priority else ""
        if column == Column.NEXT_ACTION:
            if item.next_action_at is None:
                return ""
            return locale.toString(
                to_qdatetime(item.next_action_at), QLocale.FormatType.ShortFormat
            )
        if column == Column.LAST_CONTACT:
            if item.last_contact_at is None:
                return ""
            return locale.toString(
                to_qdatetime(item.last_contact_at).date(), QLocale.FormatType.ShortFormat
            )
        return ", ".join(item.tags)

    def _sort_value(self, item: ProspectRow, column: Column) -> Any:
        if column == Column.STAGE:
            return list(type(item.stage)).index(item.stage)
        if column == Column.PRIORITY:
            return item.priority
        if column == Column.NEXT_ACTION:
            return item.next_action_at.timestamp() if item.next_action_at else None
        if column == Column.LAST_CONTACT:
            return item.last_contact_at.timestamp() if item.last_contact_at else None
        return self._display(item, column).casefold()

    def _overdue(self, item: ProspectRow) -> bool:
        when = item.next_action_at
        return when is not None and when < self._today_start

    def _due_today_or_before(self, item: ProspectRow) -> bool:
        when = item.next_action_at
        return when is not None and when < self._today_end

    def _tooltip(self, item: ProspectRow, column: Column) -> str | None:
        if column == Column.NAME and item.do_not_contact:
            return self.tr("{name}: someone here asked not to be called.").format(name=item.name)
        if column == Column.NEXT_ACTION and item.next_action_at is not None:
            text = item.next_action_text or self.tr("Follow up")
            if self._overdue(item):
                return self.tr("Overdue: {what}").format(what=text)
            return text
        if column == Column.PRIORITY and item.priority:
            return self.tr("Priority {level} of 3").format(level=item.priority)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if Column(column) == self._sort_column and descending == self._descending:
            return
        self._sort_column = Column(column)
        self._descending = descending
        self.reload()
