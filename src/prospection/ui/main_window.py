"""The main window: views, filters and search on the left and top, the table, the editor.

Other features plug into it with small local edits: add an action to one of the menus
(`file_menu`, `edit_menu`, `view_menu`, `prospects_menu`, `calls_menu`, `help_menu`), to
the `main_toolbar`, or add a dock (its toggle goes into `view_menu`). Undoable actions
push onto `undo_stack`. After writing data, emit on `events` (DataEvents): the table,
the counts and the editor refresh themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Stage
from prospection.core.integrity import ReadOnly
from prospection.core.prospects import Due, ProspectFilter
from prospection.ui.bulk_actions import BulkActions
from prospection.ui.data_events import DataEvents
from prospection.ui.editor.prospect_editor import ProspectEditor
from prospection.ui.empty_state import EmptyState
from prospection.ui.filter_bar import FilterBar
from prospection.ui.first_paint import after_first_paint
from prospection.ui.folder_settings import folder_group, folder_key
from prospection.ui.prospect_table import ProspectTable
from prospection.ui.prospect_table_model import ProspectTableModel
from prospection.ui.view_choice import ViewChoice
from prospection.ui.view_sidebar import ViewSidebar

if TYPE_CHECKING:
    from prospection.ui.offline_copy_ui import OfflineCopy
    from prospection.ui.read_only_banner import ReadOnlyBanner

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
SPLITTER_KEY = "main_window/splitter"
#: Milliseconds between the last key typed in the search box and the query.
SEARCH_DELAY_MS = 180
#: At most this many selected rows are selected again after a reload.
KEPT_SELECTION = 2000


def shortcut_hint(text: str, action: QAction) -> str:
    """`text` followed by the action's shortcut in the platform's notation."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({keys})" if keys else text


class MainWindow(QMainWindow):
    """Prospection's main window."""

    #: The prospect shown in the editor changed (its id, or 0 for none).
    current_prospect_changed = Signal(int)

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        parent: QWidget | None = None,
        background_counts: bool = False,
        editor_after_paint: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.db = db
        self.events = events
        self.undo_stack = QUndoStack(self)
        self._state_restored = False
        # At start-up the table shows its first rows at the first paint; the editor (an
        # ORM read, and the mappers' configuration) loads the current prospect just after.
        self._editor_waits_for_paint = editor_after_paint
        self.setWindowTitle(self.tr("Prospection"))
        self.setWindowIcon(QIcon.fromTheme("prospection", self.windowIcon()))

        self.model = ProspectTableModel(db, self)
        #: Layout settings of this data folder (a new folder starts with the defaults).
        self.settings_group = folder_group(db.path)
        self.table = ProspectTable(self.model, self, settings_group=self.settings_group)
        self.sidebar = ViewSidebar(db, self, background=background_counts)
        self.filter_bar = FilterBar(self)
        self._update_team()
        self.empty_state = EmptyState(self)
        self.editor = ProspectEditor(db, events, self.undo_stack, self)
        self.search_box = QLineEdit(self)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_layout()
        self._create_status_bar()
        self._connect()
        self._counts_changed()
        self._install_features()
        from prospection.ui.focus_ring import FocusRings

        # A visible frame around the focused sidebar, table or text box (any style).
        self.focus_rings = FocusRings(self)
        if editor_after_paint:
            after_first_paint(self, self._load_editor_after_paint)

    def _install_features(self) -> None:
        """Features that plug in their own docks and menu entries."""
        from prospection.ui.call_session.launcher import install_call_actions
        from prospection.ui.goals.goal_actions import install_goals

        self.call_actions = install_call_actions(self)
        self.goals = install_goals(self)
        from prospection.ui.safety_actions import install_safety

        self.safety = install_safety(self)
        from prospection.ui.transfer_actions import install_transfer

        self.transfer = install_transfer(self)
        from prospection.ui.live_refresh import install_live_refresh

        # Team mode: colleagues' changes appear, a lost server is said (none on SQLite).
        self.live = install_live_refresh(self)
        if self.live is not None:
            self.editor.refuse_writes = self.live.refuse_if_offline
        self.offline_copy: OfflineCopy | None = None
        if self.db.read_only is ReadOnly.COPY:  # team server unreachable at start: its copy
            from prospection.ui.offline_copy_ui import install_offline_copy

            self.offline_copy = install_offline_copy(self)

    # --- building -------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object = None,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip is not None:
            action.setStatusTip(tip)
        action.setToolTip(shortcut_hint(tip or text.replace("&", "").rstrip("…"), action))
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.action_new_prospect = self._action(
            self.tr("&New prospect…"),
            self.new_prospect,
            QKeySequence.StandardKey.New,
            self.tr("Add a prospect"),
        )
        self.action_new_prospect.setIconText(self.tr("+ Prospect"))
        # The import feature connects this action and makes it visible.
        self.action_import = self._action(
            self.tr("&Import…"), None, "Ctrl+I", self.tr("Import prospects from a file")
        )
        self.action_import.setVisible(False)
        self.action_preferences = self._action(
            self.tr("&Preferences…"),
            self.show_preferences,
            QKeySequence.StandardKey.Preferences
            if not QKeySequence(QKeySequence.StandardKey.Preferences).isEmpty()
            else "Ctrl+,",
            self.tr("Language and phone region"),
        )
        self.action_quit = self._action(
            self.tr("&Quit"),
            self.close,
            QKeySequence.StandardKey.Quit
            if not QKeySequence(QKeySequence.StandardKey.Quit).isEmpty()
            else "Ctrl+Q",
            self.tr("Quit Prospection"),
        )
        self.action_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.action_undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.action_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.action_redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.action_find = self._action(
            self.tr("&Find…"),
            self.focus_search,
            QKeySequence.StandardKey.Find,
            self.tr("Search prospects, contacts, phones, emails, cities, notes"),
        )
        self.action_save = self._action(
            self.tr("&Save prospect"),
            self.save_prospect,
            QKeySequence.StandardKey.Save,
            self.tr("Save the prospect's changes"),
        )
        self.action_refresh = self._action(
            self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh
        )
        self.action_show_sidebar = self._action(
            self.tr("&Views sidebar"), None, "Ctrl+B", self.tr("Show or hide the views")
        )
        self.action_show_sidebar.setCheckable(True)
        self.action_show_sidebar.setChecked(True)
        self.action_view_today = self._action(
            self.tr("&Today"),
            lambda: self.show_view(ViewChoice(due=Due.NOW)),
            "Ctrl+1",
            self.tr("Follow-ups due today and overdue"),
        )
        self.action_view_overdue = self._action(
            self.tr("&Overdue"), lambda: self.show_view(ViewChoice(due=Due.OVERDUE)), "Ctrl+2"
        )
        self.action_view_new = self._action(
            self.tr("&New prospects"),
            lambda: self.show_view(ViewChoice(stage=Stage.NEW)),
            "Ctrl+3",
        )
        self.action_view_all = self._action(
            self.tr("&All prospects"), lambda: self.show_view(ViewChoice()), "Ctrl+4"
        )
        self.action_clear_filters = self._action(
            self.tr("&Clear search and filters"), self.clear_filters, "Ctrl+Shift+F"
        )
        self.action_reset_columns = self._action(self.tr("Reset &columns"), self.table.reset_layout)
        self.action_focus_table = self._action(
            self.tr("Go to the &list"), self.table.setFocus, "Ctrl+Shift+L"
        )
        self.action_shortcuts = self._action(
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
        )
        self.action_about = self._action(self.tr("&About Prospection"), self.show_about)
        self.action_licences = self._action(self.tr("&Licences…"), self.show_licences)
        self.action_log_call = self._action(
            self.tr("&Log a call…"),
            lambda: self.editor.log_activity(ActivityKind.CALL),
            "Ctrl+L",
            self.tr("Log a call, an email, a meeting or a note for this prospect"),
        )
        self.action_add_contact = self._action(
            self.tr("Add a &contact…"), self.editor.add_contact, "Ctrl+Shift+K"
        )
        self.bulk = BulkActions(
            self.db, self.events, self.undo_stack, self.table.selected_ids, self
        )
        self.bulk.set_enabled(False)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.action_new_prospect)
        self.file_menu.addAction(self.action_import)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.action_preferences)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.action_quit)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.action_undo)
        self.edit_menu.addAction(self.action_redo)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.action_find)
        self.edit_menu.addAction(self.action_clear_filters)

        self.view_menu = bar.addMenu(self.tr("&View"))
        for action in (
            self.action_view_today,
            self.action_view_overdue,
            self.action_view_new,
            self.action_view_all,
        ):
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.action_show_sidebar)
        self.view_menu.addAction(self.action_focus_table)
        self.view_menu.addAction(self.action_reset_columns)
        self.view_menu.addAction(self.action_refresh)
        self.view_menu.addSeparator()  # docks add their toggles below

        self.prospects_menu = bar.addMenu(self.tr("&Prospects"))
        self.prospects_menu.addAction(self.action_new_prospect)
        self.prospects_menu.addAction(self.action_save)
        self.prospects_menu.addAction(self.action_log_call)
        self.prospects_menu.addAction(self.action_add_contact)
        self.prospects_menu.addSeparator()
        self.bulk.add_to_menu(self.prospects_menu)
        self.prospects_menu.addSeparator()

        self.calls_menu = bar.addMenu(self.tr("&Calls"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.action_shortcuts)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.action_about)
        self.help_menu.addAction(self.action_licences)

    def _create_toolbar(self) -> None:
        self.main_toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.main_toolbar.setObjectName("mainToolbar")
        self.main_toolbar.setMovable(False)
        self.main_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.main_toolbar)
        self.main_toolbar.addAction(self.action_new_prospect)
        self.main_toolbar.addAction(self.action_import)
        spacer = QWidget(self.main_toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.main_toolbar.addWidget(spacer)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("Search names, contacts, phones, cities… ({keys})").format(
                keys=self.action_find.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.search_box.setToolTip(self.action_find.toolTip())
        self.search_box.setAccessibleName(self.tr("Search"))
        self.search_box.setMinimumWidth(260)
        self.search_box.setMaximumWidth(420)
        self.main_toolbar.addWidget(self.search_box)
        self.main_toolbar.addAction(self.action_preferences)
        self.action_preferences.setIconText(self.tr("Preferences"))

    def _create_layout(self) -> None:
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(4, 4, 4, 0)
        self._centre_layout = centre_layout
        self.read_only_banner: QWidget | None = None
        self.server_banner: ReadOnlyBanner | None = None
        # The server banner's row and its button (team mode: "Show my copy…").
        self._server_row: QWidget | None = None
        self.server_action: QPushButton | None = None
        if self.db.read_only is ReadOnly.OWNER:  # chmod a-w: shown, respected, never undone
            from prospection.ui.read_only_banner import ReadOnlyBanner

            self.read_only_banner = ReadOnlyBanner(centre)
            centre_layout.addWidget(self.read_only_banner)
        # Open for reading only for the whole run (the owner's folder, or no lock: the
        # lock's own notice says why, after the first paint; not the owner's banner).
        if self.db.read_only in (ReadOnly.OWNER, ReadOnly.LOCK):
            self.action_new_prospect.setEnabled(False)
        centre_layout.addWidget(self.filter_bar)
        self.table_stack = QStackedWidget(centre)
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_state)
        centre_layout.addWidget(self.table_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.editor)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([170, 760, 420])
        self.setCentralWidget(self.splitter)
        self.resize(1280, 720)

    def _create_status_bar(self) -> None:
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.status_label)

    def _connect(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self._search_now_and_go_to_table)
        self.filter_bar.changed.connect(self._filters_changed)
        self.sidebar.view_chosen.connect(self.show_view)
        self.sidebar.counts_changed.connect(self._counts_changed)
        self.table.current_prospect_changed.connect(self._current_changed)
        self.table.selection_changed.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.bulk.done.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.events.change_refused.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.editor.saved.connect(self._prospect_saved)
        self.model.reloaded.connect(self._update_view_state)
        self.model.count_changed.connect(self._update_view_state)
        self.model.reloaded.connect(self._update_team)
        self.action_show_sidebar.toggled.connect(self.sidebar.setVisible)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(50)
        self._refresh_timer.timeout.connect(self.refresh)
        self.events.prospects_changed.connect(self._refresh_timer.start)
        self.events.activities_changed.connect(self._refresh_timer.start)
        self.events.database_reset.connect(self._refresh_timer.start)
        # After a restore or an undone import, the snapshots on the stack describe
        # another database: undoing them would write stale rows.
        self.events.database_reset.connect(self.undo_stack.clear)
        # The import feature shows its action later: the empty state then offers it.
        self.action_import.changed.connect(self._update_view_state)
        self.search_box.installEventFilter(self)
        self.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keyboard paths between the search box, the table and the editor.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_box:
                if key == Qt.Key.Key_Escape and self.search_box.text():
                    self.search_box.clear()
                    return True
                if key == Qt.Key.Key_Down and self.model.rowCount() > 0:
                    self._search_now_and_go_to_table()
                    return True
            elif (
                watched is self.table
                and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self.editor.prospect_id() is not None
            ):
                self.editor.form.name.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return super().eventFilter(watched, event)

    # --- views, filters, search -----------------------------------------------------

    def current_filter(self) -> ProspectFilter:
        """The filter the table shows (for exports and call queues built from the view)."""
        return self.model.prospect_filter()

    def selected_ids(self) -> list[int]:
        """Ids of the prospects selected in the table."""
        return self.table.selected_ids()

    def current_prospect_id(self) -> int | None:
        """The prospect shown in the editor."""
        return self.editor.prospect_id()

    def show_view(self, choice: ViewChoice) -> None:
        """Show a view (Today, a stage, a tag ...), keeping the do-not-call choice."""
        kept = self.filter_bar.choice()
        self.filter_bar.set_choice(
            ViewChoice(
                stage=choice.stage,
                tag=choice.tag,
                due=choice.due,
                include_dnc=kept.include_dnc,
                owner_id=kept.owner_id,
            )
        )

    def _update_team(self) -> None:
        # Team mode (several users): the "Mine / Everyone" filter and the team columns.
        team = self.model.team
        self.filter_bar.set_team(self.model.current_user_id if team else None)
        if not team:
            self.table.hide_team_columns_if_alone()

    def clear_filters(self) -> None:
        """Show every prospect again."""
        self.search_box.clear()
        self.filter_bar.set_choice(ViewChoice())
        self.apply_filters()

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _filters_changed(self, choice: ViewChoice) -> None:
        self.sidebar.show_current(choice)
        self.apply_filters()

    def _search_now_and_go_to_table(self) -> None:
        self.apply_filters()
        if self.model.rowCount() > 0:
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)

    def apply_filters(self) -> None:
        """Query again with the search text and filters as they are now."""
        self._search_timer.stop()
        flt = self.filter_bar.choice().to_filter(self.search_box.text().strip())
        self.model.set_filter(flt)

    def refresh(self) -> None:
        """Reload the table, counts and editor after the data changed.

        The cursor, the selected rows (up to `KEPT_SELECTION`) and the scroll position
        are kept: a colleague's change (team mode) must not move what the user looks at.
        """
        current_row = self.table.currentIndex().row()
        current_id = self.table.current_id()
        selected = (
            self.table.selected_ids() if self.table.selected_count() <= KEPT_SELECTION else []
        )
        scroll = self.table.verticalScrollBar().value()
        self.sidebar.refresh()
        self.model.reload()
        self.restore_position(current_row, current_id, selected, scroll)

    def restore_position(
        self, current_row: int, current_id: int | None, selected: list[int], scroll: int
    ) -> None:
        """Put the cursor, the selection and the scroll position back after a reload
        (or in another window on the same data: the team's local copy)."""
        if current_id is not None and current_row >= 0:
            self.model.row_at(current_row)  # fetch the block where it was
            self.table.select_prospect(current_id)
        if len(selected) > 1:
            self._select_again(selected)
        self.table.verticalScrollBar().setValue(scroll)

    def _select_again(self, ids: list[int]) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        selection = QItemSelection()
        for prospect_id in ids:
            row = self.model.row_of(prospect_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(selection, flags)

    # --- team mode: the server gone -------------------------------------------------

    def show_server_banner(self, shown: bool) -> None:
        """Show (or hide) "team server unreachable — reconnecting…" over the table.

        Its row has a button, hidden until a feature gives it a use (the local copy of
        the team's data: `offline_copy_ui.CopyOffer`).
        """
        if shown and self._server_row is None:
            from prospection.ui.read_only_banner import ReadOnlyBanner

            row = QWidget(self)
            row.setObjectName("serverBannerRow")
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            self.server_banner = ReadOnlyBanner(row, ReadOnly.SERVER)
            self.server_banner.setObjectName("serverBanner")
            layout.addWidget(self.server_banner, 1)
            self.server_action = QPushButton(row)
            self.server_action.setObjectName("serverBannerAction")
            self.server_action.hide()
            layout.addWidget(self.server_action)
            self._server_row = row
            self._centre_layout.insertWidget(0, row)
        if self._server_row is not None:
            self._server_row.setVisible(shown)
        self._selection_changed()

    def writing_actions(self) -> list[QAction]:
        """The actions that change data (disabled while the team server is unreachable)."""
        actions = [
            self.action_new_prospect,
            self.action_import,
            self.action_save,
            self.action_log_call,
            self.action_add_contact,
            self.action_undo,
            self.action_redo,
        ]
        calls = getattr(self, "call_actions", None)
        if calls is not None:
            actions += [calls.start, calls.talk_tracks, calls.settings]
        return actions

    def _offline(self) -> bool:
        if self.db.read_only is ReadOnly.COPY:
            return True
        live = getattr(self, "live", None)  # None until the features are installed
        return live is not None and not live.online

    def _refused_offline(self) -> bool:
        copy = getattr(self, "offline_copy", None)
        if copy is not None:
            return bool(copy.refuse())
        live = getattr(self, "live", None)
        return live is not None and bool(live.refuse_if_offline())

    def _counts_changed(self) -> None:
        self.filter_bar.set_tags([name for name, _n in self._sidebar_tags()])
        self._update_view_state()

    def _sidebar_tags(self) -> list[tuple[str, int]]:
        counts = self.sidebar.counts()
        return counts.tags if counts is not None else []

    def _update_view_state(self) -> None:
        shown = self.model.rowCount()
        counts = self.sidebar.counts()
        locale = self.locale()
        # A large search on the team server is first the server's estimate: said so
        # until the exact number arrives, a moment later.
        shown_text = (
            locale.toString(shown)
            if self.model.count_is_exact
            else self.tr("about {shown}").format(shown=locale.toString(shown))
        )
        if counts is None:  # still counting in the background
            self.status_label.setText(self.tr("{shown} shown").format(shown=shown_text))
            total = shown if self.current_filter() == ProspectFilter() else 1
        else:
            total = counts.total
            self.status_label.setText(
                self.tr("{shown} shown / {total} prospects · {due} due today").format(
                    shown=shown_text,
                    total=locale.toString(total),
                    due=locale.toString(counts.due_now),
                )
            )
        if shown > 0:
            self.table_stack.setCurrentWidget(self.table)
            return
        if total == 0:
            buttons = [(self.tr("+ Add a prospect"), self.new_prospect)]
            if self.action_import.isVisible():
                buttons.append((self.tr("Import a file…"), self.action_import.trigger))
            self.empty_state.show_message(
                self.tr("Your prospect list is waiting for its first name"),
                self.tr(
                    "Every client you have today started as a prospect. Add someone you "
                    "would like to help, or import a list you already have: "
                    "a spreadsheet or a CSV file."
                ),
                buttons,
            )
        else:
            self.empty_state.show_message(
                self.tr("Nobody matches, yet"),
                self.tr(
                    "No prospect fits this search and these filters. Try fewer words, "
                    "or show everyone again."
                ),
                [(self.tr("Show all prospects"), self.clear_filters)],
            )
        self.table_stack.setCurrentWidget(self.empty_state)

    # --- the prospect under the cursor ----------------------------------------------

    def _leave_editor(self) -> bool:
        """Save the editor's edits before it shows something else; False to stay."""
        if not self.editor.has_changes() or self.editor.save():
            return True
        return self.editor.confirm_discard()

    def _current_changed(self, prospect_id: int) -> None:
        if self._editor_waits_for_paint:
            return  # see _load_editor_after_paint
        if prospect_id == (self.editor.prospect_id() or 0) and not self.editor.is_new():
            return
        if not self._leave_editor():
            # The editor shows what to correct; the cursor goes back to its prospect.
            previous = self.editor.prospect_id()
            if previous is not None:
                self.table.blockSignals(True)
                self.table.select_prospect(previous)
                self.table.blockSignals(False)
            return
        self.editor.show_prospect(prospect_id or None)
        self.current_prospect_changed.emit(prospect_id)

    def _load_editor_after_paint(self) -> None:
        self._editor_waits_for_paint = False
        current = self.table.current_id()
        if current is not None:
            self._current_changed(current)

    def _selection_changed(self) -> None:
        self.bulk.set_enabled(
            bool(self.table.selectionModel().hasSelection()) and not self._offline()
        )

    def _table_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.action_new_prospect)
        menu.addAction(self.action_log_call)
        menu.addSeparator()
        self.bulk.add_to_menu(menu)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _prospect_saved(self, prospect_id: int) -> None:
        # A new prospect: put the cursor on it once the table has reloaded.
        # Tied to the table: dropped if the window is closed first (a fast reload and
        # undo can come and go within the delay).
        QTimer.singleShot(120, self.table, lambda: self.table.select_prospect(prospect_id))

    def new_prospect(self) -> None:
        """Start a new prospect in the editor (Ctrl+N)."""
        if self._refused_offline() or not self._leave_editor():
            return
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.editor.start_new()

    def save_prospect(self) -> None:
        """Save the editor's changes."""
        self.editor.save()

    # --- dialogs (imported when first used: start-up stays lean) --------------------

    def show_preferences(self) -> None:
        """Open the Preferences dialog."""
        from prospection.ui.preferences_dialog import PreferencesDialog

        connected_as = None
        from prospection.core import dialects

        team_db = None
        if not dialects.is_sqlite(self.db.engine):  # a team server: who you work as there
            from prospection.core.users import current_user

            with self.db.session() as session:
                connected_as = current_user(session).label
            team_db = self.db  # and its people, managed on the Team page
        dialog = PreferencesDialog(
            self, data_dir=self.db.path.parent, connected_as=connected_as, db=team_db
        )
        changed: list[bool] = []
        dialog.team_page.people_changed.connect(lambda: changed.append(True))
        was_team = self.model.team
        dialog.exec()
        if changed:  # owners' names, the team columns and "Mine" follow
            self.refresh()
            if self.model.team and not was_team:  # a first colleague: their columns
                self.table.show_team_columns()
            self._update_team()

    def show_shortcuts(self) -> None:
        """List the keyboard shortcuts."""
        from prospection.ui.help_dialogs import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def show_about(self) -> None:
        """Version and licence."""
        from prospection.ui.help_dialogs import show_about

        show_about(self)

    def show_licences(self) -> None:
        """The licences of everything shipped with the app."""
        from prospection.ui.licences_dialog import LicencesDialog

        LicencesDialog(self).exec()

    # --- window state ---------------------------------------------------------------

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        """Add a dock (it needs an objectName) and its toggle to the View menu."""
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())

    def showEvent(self, event: QShowEvent) -> None:
        # Restored at the first show, once every feature has added its docks.
        if not self._state_restored:
            self._state_restored = True
            settings = QSettings()
            geometry = settings.value(self._key(GEOMETRY_KEY))
            if isinstance(geometry, QByteArray | bytes):
                self.restoreGeometry(QByteArray(geometry))
            state = settings.value(self._key(STATE_KEY))
            if isinstance(state, QByteArray | bytes):
                self.restoreState(QByteArray(state))
            sizes = settings.value(self._key(SPLITTER_KEY))
            if isinstance(sizes, QByteArray | bytes):
                self.splitter.restoreState(QByteArray(sizes))
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave_editor():
            event.ignore()
            return
        self.stop_listening()
        self.save_layout()
        super().closeEvent(event)

    def stop_listening(self) -> None:
        """Team mode: close the connection that hears colleagues' changes."""
        live = getattr(self, "live", None)
        if live is not None:
            live.stop()

    def _key(self, key: str) -> str:
        return folder_key(self.settings_group, key)

    def save_layout(self) -> None:
        """Remember geometry, docks, splitter, columns and sort for this data folder."""
        settings = QSettings()
        settings.setValue(self._key(GEOMETRY_KEY), self.saveGeometry())
        settings.setValue(self._key(STATE_KEY), self.saveState())
        settings.setValue(self._key(SPLITTER_KEY), self.splitter.saveState())
        self.table.save_layout()

    def menu_named(self, name: str) -> QMenu:
        """One of the menus by its short name: file, edit, view, prospects, calls, help."""
        menus = {
            "file": self.file_menu,
            "edit": self.edit_menu,
            "view": self.view_menu,
            "prospects": self.prospects_menu,
            "calls": self.calls_menu,
            "help": self.help_menu,
        }
        return menus[name]
