"""The prospect table's model: rows fetched from SQL a block at a time, sorted in SQL.

The model never loads the whole table and never holds a session: it counts the
matching prospects once per reset, then fetches the blocks of rows the view asks for,
each in a short session of its own, keeping only the most recently used blocks.

A search or a sort reads what it shows in ONE session (the count, the ordered ids of a
small result, the first rows): on a team server every session is a pool checkout, a
BEGIN and a COMMIT, each a round trip, and a keystroke is a burst of them. The users'
names (owner columns) are read at a reload (after a change to the data, which a
colleague joining is: the change feed says so), not at every keystroke.

On a server a large result is first counted by the server's estimate (see
`prospects.quick_count`): its first rows show at once, and the exact number follows
from a worker thread a moment later (`count_changed`).

It also keeps the ordered ids of the rows (8 bytes each): read at once for a small
result, and in a worker thread, once sorting and typing pause, for a large one. With
them any block is read by its ids; until then, with OFFSET (which steps through the
sort's index up to the block: tens of milliseconds deep in a million rows).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    QTime,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QIcon, QPainter, QPen, QPixmap
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from prospection.core import prospects, search, users
from prospection.core.db import Database
from prospection.core.integrity import ReadOnly
from prospection.core.models import utcnow
from prospection.core.prospects import ProspectFilter, ProspectRow, SortKey, day_bounds
from prospection.core.search import match_expression, refines
from prospection.ui.labels import priority_label, stage_label
from prospection.ui.preferences import Preferences
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
    # Team mode (several users): read from the prospect row, names from `_user_labels`.
    OWNER = 9
    LAST_CALLER = 10


#: The columns that only mean something when several people share the data.
TEAM_COLUMNS = (Column.OWNER, Column.LAST_CALLER)


_COLUMN_COUNT = len(Column)
_COLUMNS = tuple(Column)  # by position: faster than Column(position) at every cell
_NAME = int(Column.NAME)
_NEXT_ACTION = int(Column.NEXT_ACTION)
_PHONE = int(Column.PHONE)

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

#: Rows per cached block. Small, so that a jump far into the table reads about the
#: rows the view shows (the view asks for them in one statement, see `prefetch`):
#: at a million prospects a row's pages are often not in memory yet.
BLOCK_SIZE = 10
MAX_BLOCKS = 300
#: Blocks read together by a page with OFFSET (before the ordered ids are known).
OFFSET_BLOCKS = 5
#: Up to this many rows, the ordered ids are read with the count (a few milliseconds).
SYNC_IDS_LIMIT = 2_000
#: Above it, they are read in a worker thread once sorting or typing pauses this long.
IDS_DELAY_MS = 300
#: Blocks read with the count of a new search or sort: about the rows a window shows
#: at the top (the view reads the others when it paints them).
FIRST_BLOCKS = OFFSET_BLOCKS
#: An estimated count is made exact in a worker thread once typing pauses this long (a
#: count a further keystroke makes useless would only slow the next one down).
COUNT_DELAY_MS = 150

# Plain ints: `data` compares them at every call, faster than enum members.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)

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


#: A fetched row and its display texts (None until first painted).
_Entry = tuple[ProspectRow, list[str | None]]


class _IdsJob(QRunnable):
    """Reads the ordered ids of a large result in a worker thread."""

    def __init__(
        self,
        model: ProspectTableModel,
        query: tuple[ProspectFilter, SortKey, bool, datetime],
        generation: int,
        done: SignalInstance,
    ) -> None:
        super().__init__()
        self._db = model._db
        self._model = model
        self._query = query
        self._generation = generation
        self._done = done

    def _stale(self) -> bool:
        # Read without a lock: an int written by the GUI thread (a newer reset).
        return self._model._generation != self._generation

    def run(self) -> None:
        flt, sort, descending, now = self._query
        try:
            with self._db.session() as session:
                ids = prospects.ordered_ids(
                    session, flt, sort, descending, now, should_stop=self._stale
                )
        except Exception:  # the window closed and the database went away meanwhile
            return
        if ids is None:
            return
        try:
            self._done.emit(self._generation, ids)
        except RuntimeError:  # the model was deleted meanwhile
            return


def _ids_at_once(count: prospects.Count) -> bool:
    """Whether the ordered ids of a result of `count` rows are read with the count."""
    return count.exact and count.value <= SYNC_IDS_LIMIT


class _CountJob(QRunnable):
    """Counts a large result exactly in a worker thread (its estimate is shown)."""

    def __init__(
        self,
        db: Database,
        query: tuple[ProspectFilter, datetime],
        generation: int,
        done: SignalInstance,
    ) -> None:
        super().__init__()
        self._db = db
        self._query = query
        self._generation = generation
        self._done = done

    def run(self) -> None:
        flt, now = self._query
        try:
            with self._db.session() as session:
                found = prospects.count(session, flt, now=now, background=True)
        except Exception:  # the window closed, or the server went away meanwhile
            return
        try:
            self._done.emit(self._generation, found)
        except RuntimeError:  # the model was deleted meanwhile
            return


class _Relay(QObject):
    """Carries the workers' results back to the GUI thread."""

    ids_read = Signal(int, object)
    count_read = Signal(int, int)


class ProspectTableModel(QAbstractTableModel):
    """Prospects matching a filter, in SQL order, fetched block by block."""

    #: Emitted after the rows were reloaded (filter, sort or data changed).
    reloaded = Signal()
    #: Emitted when the ordered ids of the rows are known (any block is then one query).
    ids_ready = Signal()
    #: Emitted when an estimated count became exact (rows added or removed at the end).
    count_changed = Signal()

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
        # False while `_count` is the server's estimate (the exact count is on its way).
        self._count_exact = True
        # Each block: its rows, each with its display texts (formatted when first
        # painted, then kept: `data` is asked for every visible cell at each paint).
        self._blocks: OrderedDict[int, list[_Entry]] = OrderedDict()
        self._last_block: tuple[int, list[_Entry]] = (-1, [])
        self._labels: dict[tuple[Column, object], str] = {}
        self._day_texts: dict[tuple[int, int, int], str] = {}
        self._time_texts: dict[tuple[int, int], str] = {}
        self._joined: bool | None = None
        self._ids: array[int] | None = None
        self._name_from: str | None = None
        # Bumped at every reset: a worker's ids for an older one are dropped.
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.ids_read.connect(self._ids_read)
        self._relay.count_read.connect(self._count_read)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_in_background)
        self._ids_timer = QTimer(self)
        self._ids_timer.setSingleShot(True)
        self._ids_timer.setInterval(IDS_DELAY_MS)
        self._ids_timer.timeout.connect(self._read_ids_in_background)
        self._today_start = datetime.min
        self._today_end = datetime.min
        self._dnc_icon: QIcon | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        #: A number flagged wrong by a call, struck through.
        self._struck = QFont()
        self._struck.setStrikeOut(True)
        #: Users' names by id (the owner and last-caller columns) and the current user.
        self._user_labels: dict[int, str] = {}
        self._current_user_id: int | None = None
        with self._db.session() as session:
            self._load_users(session)
            self._reload_counts(session, first_rows=False)

    def _load_users(self, session: Session) -> None:
        self._user_labels = users.user_labels(session)
        self._current_user_id = users.current_user_id(session)

    @property
    def team(self) -> bool:
        """Whether several people share the data (team columns and filter shown)."""
        return len(self._user_labels) > 1

    @property
    def current_user_id(self) -> int | None:
        return self._current_user_id

    # --- what is shown --------------------------------------------------------------

    def prospect_filter(self) -> ProspectFilter:
        """The filter the rows match."""
        return self._filter

    def set_filter(self, flt: ProspectFilter) -> None:
        """Show the prospects matching `flt`.

        Typing often leaves the rows as they are: a one-letter word or a space does not
        filter, and a longer word or one more word that keeps the same number of matches
        keeps the same matches (the new search refines the old one). The view then stays
        as it is, without querying the rows again.
        """
        if flt == self._filter:
            return
        old = self._filter
        same_otherwise = replace(old, text="") == replace(flt, text="")
        if same_otherwise and match_expression(old.text) == match_expression(flt.text):
            self._filter = flt
            return
        # One session for the count and, when the rows change, what is shown of them.
        with self._db.session() as session:
            count = prospects.quick_count(session, flt, now=self._clock())
            if (
                count.exact
                and self._count_exact
                and count.value == self._count
                and self._narrows(flt)
            ):
                self._filter = flt
                return
            name_from = self._first_name_if_refined(flt)
            # A small result's ids are read with its count: its first rows by them.
            kept = None if _ids_at_once(count) else self._first_rows_still_matching(session, flt)
            self._filter = flt
            self._reset(session, count, name_from, first_rows=True, kept=kept)
        self._announce_reset()

    def _first_rows_still_matching(
        self, session: Session, flt: ProspectFilter
    ) -> list[ProspectRow] | None:
        """The first rows shown that `flt` keeps, when it narrows the search shown.

        Every row of the narrower search is among the rows shown, in the same order: so
        the first rows read (the top of the table) that still match are the first rows
        of the new search, checked one by one against their documents (a few
        milliseconds) instead of searched again (a page of a search held by 4% of a
        million prospects: 150-250 ms on a team server).
        """
        if not self._narrows(flt):
            return None
        first: list[ProspectRow] = []
        number = 0
        while (block := self._blocks.get(number)) is not None:
            first.extend(item for item, _texts in block)
            if len(block) < BLOCK_SIZE:
                break
            number += 1
        if not first:
            return None
        matching = search.matches_among(session, [item.id for item in first], flt.text)
        return [item for item in first if item.id in matching]

    def _first_name_if_refined(self, flt: ProspectFilter) -> str | None:
        """The first row's name when `flt` narrows the search shown, in the name order.

        Every row of the narrower search is among the rows shown, so none comes before
        the first one: the next pages read along the name index start at its name.
        """
        if self._sort_column != Column.NAME or not self._narrows(flt):
            return None
        first = self._blocks.get(0)
        return first[0][0].name if first else None

    def _narrows(self, flt: ProspectFilter) -> bool:
        """Whether `flt` is the filter shown with a search that refines its search."""
        old = self._filter
        return replace(old, text="") == replace(flt, text="") and refines(flt.text, old.text)

    def sort_order(self) -> tuple[Column, Qt.SortOrder]:
        """The current sort column and order."""
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return self._sort_column, order

    def reload(
        self, count: prospects.Count | int | None = None, name_from: str | None = None
    ) -> None:
        """Count again and drop every cached block (after a change to the data).

        The users' names are read again too: a colleague may have joined (their names
        in the owner columns, the team filter). `count`: the number of matching rows,
        when the caller has just counted them; `name_from`: a name no matching row comes
        before (see `prospects.page_ids`).
        """
        with self._db.session() as session:
            self._load_users(session)
            # Not the first rows: the caller may put the view back where it was.
            self._reset(session, count, name_from, first_rows=False)
        self._announce_reset()

    def _reset(
        self,
        session: Session,
        count: prospects.Count | int | None,
        name_from: str | None,
        *,
        first_rows: bool,
        kept: list[ProspectRow] | None = None,
    ) -> None:
        self._name_from = name_from
        self.beginResetModel()
        known = prospects.Count(count) if isinstance(count, int) else count
        self._reload_counts(session, known, first_rows=first_rows, kept=kept)
        self.endResetModel()

    def _announce_reset(self) -> None:
        # After the session: what the signals start reads in sessions of its own.
        self.reloaded.emit()
        if self._ids is not None:
            self.ids_ready.emit()

    def _reload_counts(
        self,
        session: Session,
        count: prospects.Count | None = None,
        *,
        first_rows: bool,
        kept: list[ProspectRow] | None = None,
    ) -> None:
        """Count (unless given) and read the ids of a small result in `session`; with
        `first_rows`, the first `FIRST_BLOCKS` blocks too (the view opens at the top)."""
        self._blocks.clear()
        self._last_block = (-1, [])
        self._ids = None
        self._generation += 1
        self._ids_timer.stop()
        self._count_timer.stop()
        now = self._clock()
        start, end = day_bounds(now)
        self._today_start, self._today_end = start, end
        if count is None:
            count = prospects.quick_count(session, self._filter, now=now)
        value = count.value
        if _ids_at_once(count):
            ids = prospects.ordered_ids(session, *self._ids_query(now), small=True)
            self._ids = ids
            value = len(ids) if ids is not None else value
        self._count = value
        self._count_exact = count.exact
        if not count.exact:
            self._count_timer.start()
        if first_rows and value:
            shown = min(FIRST_BLOCKS * BLOCK_SIZE, value)
            if kept is None:
                rows = self._read_rows(session, 0, shown)
            else:
                # `kept`: the first rows already known (see `_first_rows_still_matching`).
                rows = kept[:shown]
                if len(rows) < shown:
                    rows += self._read_rows(session, len(rows), shown)
            self._store_blocks(0, shown, rows)
        if self._ids is None:
            self._ids_timer.start()

    def _ids_query(self, now: datetime) -> tuple[ProspectFilter, SortKey, bool, datetime]:
        return self._filter, SORT_KEYS[self._sort_column], self._descending, now

    def _read_ids_in_background(self) -> None:
        job = _IdsJob(self, self._ids_query(self._clock()), self._generation, self._relay.ids_read)
        QThreadPool.globalInstance().start(job)

    def _ids_read(self, generation: int, ids: array[int]) -> None:
        if generation != self._generation or self._ids is not None:
            return  # a reset came meanwhile: these ids describe other rows
        if not self._count_exact:
            # Read after the count's estimate: the ids are the exact rows.
            self._set_exact_count(len(ids))
        if len(ids) != self._count:
            # The data changed between the count and the read: a reload is on its way
            # (DataEvents), so keep paging with OFFSET until then.
            return
        self._ids = ids
        self.ids_ready.emit()

    def _forget_blocks_from(self, row: int) -> None:
        first = row // BLOCK_SIZE
        for number in [n for n in self._blocks if n >= first]:
            del self._blocks[number]
        self._last_block = (-1, [])

    @property
    def count_is_exact(self) -> bool:
        """Whether `rowCount` is the exact number of matches (not the server's estimate)."""
        return self._count_exact

    def _count_in_background(self) -> None:
        job = _CountJob(
            self._db, (self._filter, self._clock()), self._generation, self._relay.count_read
        )
        QThreadPool.globalInstance().start(job)

    def _count_read(self, generation: int, found: int) -> None:
        if generation != self._generation or self._count_exact:
            return  # a reset came meanwhile: this count is of other rows
        self._set_exact_count(found)

    def _set_exact_count(self, found: int) -> None:
        """Replace the estimated count by `found`: rows added or removed at the end."""
        shown = self._count
        # The block at the old end was cut there (or came back short, read by OFFSET
        # past the real end): read it again when asked.
        self._forget_blocks_from(min(found, shown))
        if found > shown:
            self.beginInsertRows(QModelIndex(), shown, found - 1)
            self._count = found
            self.endInsertRows()
        elif found < shown:
            self.beginRemoveRows(QModelIndex(), found, shown - 1)
            self._count = found
            self.endRemoveRows()
        self._count_exact = True
        self._count_timer.stop()
        self.count_changed.emit()

    def has_ids(self) -> bool:
        """Whether the ordered ids of the rows are known (any block is one query)."""
        return self._ids is not None

    # --- rows -----------------------------------------------------------------------

    def row_at(self, row: int) -> ProspectRow | None:
        """The prospect shown at `row` (fetching its block if needed)."""
        found = self._entry(row)
        return found[0] if found is not None else None

    def _entry(self, row: int) -> _Entry | None:
        if row < 0 or row >= self._count:
            return None
        number, offset = divmod(row, BLOCK_SIZE)
        last_number, block = self._last_block
        if number != last_number:  # a paint asks for the same block many times in a row
            found = self._blocks.get(number)
            if found is None:
                block = self._fetch(number)
            else:
                block = found
                self._blocks.move_to_end(number)
            # Not an empty block (unreadable while the team server is away): read again.
            self._last_block = (number, block) if block else (-1, [])
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
        if self._ids is not None:
            return list(self._ids[first : last + 1])
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
            for offset, (item, _texts) in enumerate(block):
                if item.id == prospect_id:
                    return number * BLOCK_SIZE + offset
        return None

    def row_of(self, prospect_id: int) -> int | None:
        """The row showing `prospect_id`: in a fetched block, or from the ordered ids."""
        row = self.cached_row_of(prospect_id)
        if row is None and self._ids is not None:
            try:
                row = self._ids.index(prospect_id)
            except ValueError:
                return None
        return row

    def prefetch(self, first: int, last: int) -> None:
        """Fetch the blocks of rows `first` to `last` not cached yet, with one statement.

        The view calls it before painting: a jump far into the table then reads the
        rows it shows in one query, rather than one query per block.
        """
        first, last = max(0, first), min(last, self._count - 1)
        if last < first:
            return
        numbers = range(first // BLOCK_SIZE, last // BLOCK_SIZE + 1)
        missing = [n for n in numbers if n not in self._blocks]
        if len(missing) > 1:
            # From the first missing block to the last (cached ones in between are few).
            self._fetch_range(missing[0], missing[-1])

    def _fetch(self, number: int) -> list[_Entry]:
        if self._ids is None:
            # A page by OFFSET costs about the same for 10 rows or 50 (a searched one
            # most of all): read the following blocks with it, as the view will ask.
            return self._fetch_range(number, number + OFFSET_BLOCKS - 1)
        return self._fetch_range(number, number)

    def _fetch_range(self, first_number: int, last_number: int) -> list[_Entry]:
        """Read blocks `first_number` to `last_number`, cache them; the first one's rows."""
        first = first_number * BLOCK_SIZE
        end = min((last_number + 1) * BLOCK_SIZE, self._count)
        try:
            with self._db.session() as session:
                rows = self._read_rows(session, first, end)
        except SQLAlchemyError:
            if self._db.read_only is not ReadOnly.SERVER:
                raise
            # Team server known unreachable (its banner is up): rows not read yet stay
            # blank, not a message per paint; everything reloads once it is back.
            return []
        return self._store_blocks(first_number, end, rows)

    def _read_rows(self, session: Session, first: int, end: int) -> list[ProspectRow]:
        """Rows `first` to `end` (excluded) as shown: by their ids when known, else a page."""
        # Read at each block: a default country changed in Preferences shows at the next.
        home = Preferences().phone_region()
        if self._ids is not None:
            return prospects.rows_for(session, self._ids[first:end], home_region=home)
        return prospects.page(
            session,
            self._filter,
            sort=SORT_KEYS[self._sort_column],
            descending=self._descending,
            offset=first,
            limit=end - first,
            now=self._clock(),
            name_from=self._name_from,
            home_region=home,
        )

    def _store_blocks(self, first_number: int, end: int, rows: list[ProspectRow]) -> list[_Entry]:
        """Cache `rows` (from block `first_number` to row `end`); the first block's rows."""
        first = first_number * BLOCK_SIZE
        entries: list[_Entry] = [(item, [None] * _COLUMN_COUNT) for item in rows]
        # rows_for leaves out a prospect deleted meanwhile (a reload follows): the
        # blocks are cut from the rows read, in order.
        blocks = [
            entries[start : start + BLOCK_SIZE] for start in range(0, end - first, BLOCK_SIZE)
        ]
        for number, block in enumerate(blocks, start=first_number):
            self._blocks[number] = block
            self._blocks.move_to_end(number)
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        return blocks[0] if blocks else []

    # --- Qt model interface ---------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        # The tooltip too: on a laptop a narrowed column elides its title.
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
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
            Column.OWNER: self.tr("Owner"),
            Column.LAST_CALLER: self.tr("Last called by"),
        }

    # flags(): Qt's own (enabled, selectable, no children), answered without a call
    # into Python for each painted cell.

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for every visible cell and seven roles at each paint (over a thousand
        # calls): the display text first, kept once formatted; roles that matter for one
        # column only are answered from the column before the row is looked up; roles
        # never answered return at once. An invalid index has row -1: no entry.
        if role == _DISPLAY:
            found = self._entry(index.row())
            return None if found is None else self._text(found, index.column())
        if role not in _ANSWERED_ROLES:
            return None
        column = index.column()
        if role in (_FONT, _FOREGROUND):
            if column != _NEXT_ACTION and not (role == _FONT and column == _PHONE):
                return None
        elif role == _DECORATION and column != _NAME:
            return None
        found = self._entry(index.row())
        if found is None:
            return None
        item = found[0]
        if role == _FOREGROUND:
            return self._foreground(item)
        if role == _FONT:
            if column == _PHONE:
                return self._struck if item.phone_wrong else None
            return self._font(item)
        if role == _DECORATION:
            if not item.do_not_contact:
                return None
            if self._dnc_icon is None:
                self._dnc_icon = dnc_icon()
            return self._dnc_icon
        if role == ID_ROLE:
            return item.id
        if role == ROW_ROLE:
            return item
        if role == SORT_ROLE:
            return self._sort_value(item, Column(column))
        if role == OVERDUE_ROLE:
            return self._overdue(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, Column(column))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == _PHONE and item.phone_wrong:
                return self.tr("{phone} (wrong number)").format(phone=item.phone)
            return self.data(index, _DISPLAY)
        return None

    def cell_look(self, row: int, column: int) -> tuple[str, QFont | None, QBrush | None] | None:
        """What cell (`row`, `column`) shows, for the table's delegate: its text, its font
        (bold when due) and text colour (overdue), or None; None when the cell has an
        icon (the do-not-call badge) or no row, for Qt's own path. The same answers as
        `data` for the display, font and foreground roles."""
        found = self._entry(row)
        if found is None:
            return None
        item = found[0]
        if column == _NAME and item.do_not_contact:
            return None
        text = self._text(found, column)
        if column == _PHONE and item.phone_wrong:
            return text, self._struck, None
        if column != _NEXT_ACTION:
            return text, None, None
        return text, self._font(item), self._foreground(item)

    def _text(self, found: _Entry, column: int) -> str:
        # A cell's text, formatted when first asked for, then kept with its row.
        texts = found[1]
        text = texts[column]
        if text is None:
            text = texts[column] = self._display(found[0], _COLUMNS[column])
        return text

    def _font(self, item: ProspectRow) -> QFont | None:
        # The next action's cell: bold when due today or before.
        return self._bold if self._due_today_or_before(item) else None

    def _foreground(self, item: ProspectRow) -> QBrush | None:
        # The next action's cell: in the warning colour once overdue.
        return QBrush(overdue_colour()) if self._overdue(item) else None

    def _display(self, item: ProspectRow, column: Column) -> str:
        if column == Column.NAME:
            return item.name
        if column == Column.CONTACT:
            return item.contact
        if column == Column.PHONE:
            return item.phone
        if column == Column.CITY:
            return item.city
        if column == Column.STAGE:
            return self._label(column, item.stage)
        if column == Column.PRIORITY:
            return self._label(column, item.priority) if item.priority else ""
        if column == Column.NEXT_ACTION:
            if item.next_action_at is None:
                return ""
            return self._date_text(item.next_action_at, with_time=True)
        if column == Column.LAST_CONTACT:
            if item.last_contact_at is None:
                return ""
            return self._date_text(item.last_contact_at, with_time=False)
        if column == Column.OWNER:
            return self._user_label(item.owner_id)
        if column == Column.LAST_CALLER:
            return self._user_label(item.last_caller_id)
        return ", ".join(item.tags)

    def _user_label(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        label = self._user_labels.get(user_id)
        if label is None:
            return self.tr("User {number}").format(number=user_id)
        return label or self.tr("Me")

    def _date_text(self, moment: datetime, *, with_time: bool) -> str:
        # Many rows share a day, and next actions a time of day: each local day and each
        # minute is formatted by QLocale once, not at every row scrolled into view (a
        # QDateTime costs about 30 us to build, a date or a time far less).
        local = moment.astimezone()
        day_key = (local.year, local.month, local.day)
        day = self._day_texts.get(day_key)
        if day is None:
            if len(self._day_texts) > 20_000:
                self._day_texts.clear()
            day = QLocale().toString(QDate(*day_key), QLocale.FormatType.ShortFormat)
            self._day_texts[day_key] = day
        if not with_time:
            return day
        if not self._date_then_time():
            return QLocale().toString(to_qdatetime(local), QLocale.FormatType.ShortFormat)
        time_key = (local.hour, local.minute)
        clock = self._time_texts.get(time_key)
        if clock is None:
            clock = QLocale().toString(QTime(*time_key), QLocale.FormatType.ShortFormat)
            self._time_texts[time_key] = clock
        return f"{day} {clock}"

    def _date_then_time(self) -> bool:
        # Whether the locale writes a short date and time as the date, a space, the time
        # (English, French and most others): then it is composed from the two caches.
        if self._joined is None:
            locale, short = QLocale(), QLocale.FormatType.ShortFormat
            joined = f"{locale.dateFormat(short)} {locale.timeFormat(short)}"
            self._joined = locale.dateTimeFormat(short) == joined
        return self._joined

    def _label(self, column: Column, value: object) -> str:
        # Stage and priority names, looked up in the translations once per model.
        key = (column, value)
        text = self._labels.get(key)
        if text is None:
            labels: Callable[[Any], str] = stage_label if column == Column.STAGE else priority_label
            text = labels(value)
            self._labels[key] = text
        return text

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
        if column == Column.PHONE and item.phone_wrong:
            return self.tr("{phone}: wrong number (flagged during a call)").format(phone=item.phone)
        if column == Column.NAME and item.do_not_contact:
            return self.tr("{name}: someone here asked not to be called.").format(name=item.name)
        if column == Column.NEXT_ACTION and item.next_action_at is not None:
            text = item.next_action_text or self.tr("Follow up")
            if self._overdue(item):
                return self.tr("Overdue: {what}").format(what=text)
            return text
        if column == Column.PRIORITY and item.priority:
            return self.tr("Priority {level} of 3").format(level=item.priority)
        if column in TEAM_COLUMNS and (item.owner_id or item.last_caller_id):
            # Whole names (the columns are narrow), and who called last even when its
            # column is not shown.
            lines = []
            if item.owner_id:
                lines.append(self.tr("Owner: {name}").format(name=self._user_label(item.owner_id)))
            if item.last_caller_id:
                lines.append(
                    self.tr("Last called by: {name}").format(
                        name=self._user_label(item.last_caller_id)
                    )
                )
            return "\n".join(lines)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column) or Column(column) not in SORT_KEYS:
            return  # the team columns are not sorted (no index)
        descending = order == Qt.SortOrder.DescendingOrder
        if Column(column) == self._sort_column and descending == self._descending:
            return
        self._sort_column = Column(column)
        self._descending = descending
        # The same rows in another order: the count stands (a change to the data
        # reloads the model anyway), and so do the users' names.
        with self._db.session() as session:
            count = prospects.Count(self._count, self._count_exact)
            self._reset(session, count, None, first_rows=True)
        self._announce_reset()
