"""The sidebar of views: Today, Overdue, New, All, each stage and each tag, with counts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from prospection.core import prospects
from prospection.core.db import Database
from prospection.core.enums import Stage
from prospection.core.prospects import Due, ProspectFilter
from prospection.ui.first_paint import after_first_paint
from prospection.ui.labels import stage_labels
from prospection.ui.view_choice import ViewChoice

_CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SidebarCounts:
    """The numbers shown beside the views."""

    total: int
    due_now: int
    overdue: int
    stages: dict[Stage, int]
    tags: list[tuple[str, int]]


def load_counts(db: Database) -> SidebarCounts:
    """Count the prospects of every view (a handful of indexed queries)."""
    with db.session() as session:
        return SidebarCounts(
            total=prospects.count(session, ProspectFilter()),
            due_now=prospects.count(session, ProspectFilter(due=Due.NOW)),
            overdue=prospects.count(session, ProspectFilter(due=Due.OVERDUE)),
            stages=prospects.stage_counts(session),
            tags=prospects.all_tags(session),
        )


class _CountsJob(QRunnable):
    """Counts in a worker thread: with a million prospects they take a second."""

    def __init__(self, db: Database, done: SignalInstance) -> None:
        super().__init__()
        self._db = db
        self._done = done

    def run(self) -> None:
        try:
            counts = load_counts(self._db)
        except Exception:  # the window closed and the database went away meanwhile
            return
        try:
            self._done.emit(counts)
        except RuntimeError:  # the sidebar was deleted meanwhile
            return


class _Relay(QObject):
    """Carries the worker's result back to the GUI thread."""

    counted = Signal(object)


#: The sidebar grows to fit its views up to this many characters (tags may elide).
_MAX_WIDTH_CHARS = 30


class ViewSidebar(QTreeWidget):
    """Lists the views; choosing one emits the `ViewChoice` to show.

    With `background=True` the counts are made in a worker thread, so that the window
    shows at once on a large file; `counts_changed` says when they are in.
    """

    view_chosen = Signal(object)
    counts_changed = Signal()

    def __init__(
        self, db: Database, parent: QWidget | None = None, background: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("viewSidebar")
        self._db = db
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName(self.tr("Views"))
        self._current = ViewChoice()
        self._counts: SidebarCounts | None = None
        self._background = background
        self._running = False
        self._pending = False
        self._relay = _Relay(self)
        self._relay.counted.connect(self._counted)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        if background:
            # Counted once the window has shown: a million prospects take a second.
            after_first_paint(self, self.refresh)
        else:
            self.refresh()

    def counts(self) -> SidebarCounts | None:
        """The counts shown (None before the first refresh)."""
        return self._counts

    def refresh(self) -> None:
        """Count again and rebuild the list (after the data changed)."""
        if not self._background:
            self._counted(load_counts(self._db))
            return
        if self._running:
            self._pending = True  # one more count once this one is in
            return
        self._running = True
        QThreadPool.globalInstance().start(_CountsJob(self._db, self._relay.counted))

    def _counted(self, counts: SidebarCounts) -> None:
        self._running = False
        self._counts = counts
        self._rebuild(counts)
        self.counts_changed.emit()
        if self._pending:
            self._pending = False
            self.refresh()

    def _rebuild(self, counts: SidebarCounts) -> None:
        self.blockSignals(True)
        self.clear()
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(max(6.0, heading_font.pointSizeF() * 0.9))
        row_height = self.fontMetrics().height() + 6

        def group(title: str) -> QTreeWidgetItem:
            item = QTreeWidgetItem(self, [title])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setFont(0, heading_font)
            item.setSizeHint(0, QSize(10, row_height + 4))
            item.setExpanded(True)
            return item

        def entry(parent: QTreeWidgetItem, label: str, n: int, choice: ViewChoice) -> None:
            item = QTreeWidgetItem(parent, [self.tr("{label} ({n})").format(label=label, n=n)])
            item.setSizeHint(0, QSize(10, row_height))
            item.setData(0, _CHOICE_ROLE, choice)
            item.setToolTip(0, label)

        views = group(self.tr("Views"))
        entry(views, self.tr("Today"), counts.due_now, ViewChoice(due=Due.NOW))
        entry(views, self.tr("Overdue"), counts.overdue, ViewChoice(due=Due.OVERDUE))
        entry(views, self.tr("New"), counts.stages.get(Stage.NEW, 0), ViewChoice(stage=Stage.NEW))
        entry(views, self.tr("All"), counts.total, ViewChoice())
        stages = group(self.tr("Stages"))
        for stage, label in stage_labels().items():
            if stage == Stage.NEW:
                continue
            entry(stages, label, counts.stages.get(stage, 0), ViewChoice(stage=stage))
        if counts.tags:
            tags = group(self.tr("Tags"))
            for name, n in counts.tags:
                entry(tags, name, n, ViewChoice(tag=name))
        self.expandAll()
        self._fit_width()
        self.blockSignals(False)
        self.show_current(self._current)

    def _fit_width(self) -> None:
        # The splitter shares out the window before the counts are in: without a minimum
        # the views read "Aujourd'hui (…" on a laptop. Long tag names may still elide.
        metrics = self.fontMetrics()
        widest = 0
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is None:
                continue
            for child_index in range(top.childCount()):
                child = top.child(child_index)
                if child is not None:
                    widest = max(widest, metrics.horizontalAdvance(child.text(0)))
        chrome = (
            2 * self.indentation()
            + 2 * self.frameWidth()
            + self.verticalScrollBar().sizeHint().width()
            + metrics.averageCharWidth() * 2
        )
        cap = metrics.averageCharWidth() * _MAX_WIDTH_CHARS
        self.setMinimumWidth(min(widest + chrome, cap))

    def show_current(self, choice: ViewChoice) -> None:
        """Highlight the view matching `choice` (none when the filters match no view)."""
        self._current = choice
        match = None
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is None:
                continue
            for child_index in range(top.childCount()):
                child = top.child(child_index)
                if child is None:
                    continue
                candidate = child.data(0, _CHOICE_ROLE)
                if isinstance(candidate, ViewChoice) and candidate.same_view(choice):
                    match = child
                    break
            if match is not None:
                break
        self.blockSignals(True)
        self.clearSelection()
        if match is not None:
            match.setSelected(True)
            self.setCurrentItem(match)
        self.blockSignals(False)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        choice = item.data(0, _CHOICE_ROLE)
        if isinstance(choice, ViewChoice):
            self._current = choice
            self.view_chosen.emit(choice)
