"""The main window: search as you type, views, filters, empty states, status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt

from prospection.core import prospects
from prospection.core.db import Database
from prospection.core.prospects import Due
from prospection.ui.data_events import DataEvents
from prospection.ui.main_window import MainWindow
from prospection.ui.prospect_table_model import Column
from prospection.ui.view_choice import ViewChoice
from tests.ui.conftest import seed


def _window(qtbot, db: Database) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    return window


def _names(window: MainWindow) -> list[str]:
    model = window.model
    return [model.index(r, Column.NAME).data() for r in range(model.rowCount())]


def test_typing_in_the_search_box_filters_rows(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    assert window.model.rowCount() == 4
    qtbot.keyClicks(window.search_box, "lefev")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert _names(window) == ["Menuiserie Lefèvre"]
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)


def test_search_with_no_match_shows_a_helpful_empty_state(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    window.search_box.setText("nothing-like-this")
    window.apply_filters()
    assert window.table_stack.currentWidget() is window.empty_state
    assert window.empty_state.buttons[0].isVisibleTo(window.empty_state)
    window.empty_state.buttons[0].click()  # "Show all prospects"
    assert window.model.rowCount() == 4
    assert window.search_box.text() == ""


def test_empty_database_says_what_to_do(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db)
    assert window.table_stack.currentWidget() is window.empty_state
    assert "first" in window.empty_state.title.text()
    assert window.empty_state.buttons[0].text() == "+ Add a prospect"
    assert "0 prospects" in window.status_label.text()


def test_views_and_filters(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    window.show_view(ViewChoice(due=Due.NOW))
    assert sorted(_names(window)) == ["Boulangeries Marchand", "Menuiserie Lefèvre"]
    window.action_view_overdue.trigger()
    assert _names(window) == ["Boulangeries Marchand"]
    window.show_view(ViewChoice(tag="bakery"))
    assert _names(window) == ["Boulangeries Marchand"]
    assert window.filter_bar.tag_box.currentText() == "bakery"
    window.filter_bar.dnc_box.setChecked(False)
    window.action_view_all.trigger()
    assert "Zénith Transports" not in _names(window)
    assert len(_names(window)) == 3


def test_sidebar_counts_and_click(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    texts = []
    for i in range(window.sidebar.topLevelItemCount()):
        top = window.sidebar.topLevelItem(i)
        texts += [top.child(j).text(0) for j in range(top.childCount())]
    assert "Today (2)" in texts
    assert "All (4)" in texts
    assert "bakery (1)" in texts
    reached = window.sidebar.findItems("Reached (1)", Qt.MatchFlag.MatchRecursive)[0]
    window.sidebar.itemClicked.emit(reached, 0)
    assert _names(window) == ["Boulangeries Marchand"]
    assert window.filter_bar.stage_box.currentText() == "Reached"


def test_status_bar_counts(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    window.show_view(ViewChoice(due=Due.OVERDUE))
    assert window.status_label.text() == "1 shown / 4 prospects · 2 due today"


def test_a_count_still_estimated_says_so(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A large search on the team server shows the server's estimate first (the core
    # decides; here a file, made to answer as a server would).
    seed(db, n=30)
    window = _window(qtbot, db)
    qtbot.waitUntil(lambda: window.sidebar.counts() is not None)

    def estimated(session, flt, now=None):  # type: ignore[no-untyped-def]
        return prospects.Count(40, exact=False) if flt.text else prospects.count(session, flt, now)

    monkeypatch.setattr(prospects, "quick_count", estimated)
    window.search_box.setText("soc")
    window.apply_filters()
    assert window.status_label.text() == "about 40 shown / 34 prospects · 2 due today"
    qtbot.waitUntil(lambda: window.model.count_is_exact)
    assert window.status_label.text() == "30 shown / 34 prospects · 2 due today"


def test_data_events_refresh_the_table(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db)
    assert window.model.rowCount() == 0
    seed(db)
    window.events.prospects_changed.emit([])
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    assert window.table_stack.currentWidget() is window.table


def test_every_frequent_action_has_a_shortcut(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db)
    for action in (
        window.action_new_prospect,
        window.action_find,
        window.action_save,
        window.action_undo,
        window.action_redo,
        window.action_view_today,
    ):
        assert not action.shortcut().isEmpty(), action.text()
    assert "Ctrl+F" in window.action_find.toolTip()


def test_column_layout_is_remembered(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    header = window.table.horizontalHeader()
    assert not header.isSectionHidden(Column.CITY)
    window.table._set_column_shown(Column.CITY, False)
    header.moveSection(header.visualIndex(Column.STAGE), 0)
    again = _window(qtbot, db)
    header = again.table.horizontalHeader()
    assert header.isSectionHidden(Column.CITY)
    assert header.logicalIndex(0) == Column.STAGE
    again.table.reset_layout()
    assert not header.isSectionHidden(Column.CITY)
    assert header.logicalIndex(0) == Column.NAME


def test_preferences_dialog_saves_language_and_country(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from prospection.ui.preferences import Preferences
    from prospection.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("fr"))
    assert dialog.language_note.isVisibleTo(dialog)  # "applies the next time you start"
    dialog.region_box.setCurrentIndex(dialog.region_box.findData("BE"))
    dialog.accept()
    assert Preferences().language() == "fr"
    assert Preferences().phone_region() == "BE"
    window = _window(qtbot, db)
    window.action_new_prospect.trigger()
    assert window.editor.form.country.text() == "BE"


def test_keyboard_shortcuts_dialog_lists_the_menus(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from prospection.ui.call_session.session_keys import session_key_rows
    from prospection.ui.help_dialogs import ShortcutsDialog, shortcut_rows

    window = _window(qtbot, db)
    rows = shortcut_rows(window.menuBar())
    assert ("Edit", "Find…", "Ctrl+F") in rows
    assert ("Prospects", "Log a call…", "Ctrl+L") in rows
    assert any(keys == "Ctrl+Q" for _menu, _action, keys in rows)
    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    # The menus' keys, then the call session's (issue 15 item 9).
    assert dialog.table.rowCount() == len(rows) + len(session_key_rows())


def test_search_box_keys(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    qtbot.keyClicks(window.search_box, "marchand")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)  # searches now, goes to the list
    assert window.model.rowCount() == 1
    assert window.table.current_id() is not None
    assert window.editor.prospect_id() == window.table.current_id()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""


def test_database_reset_clears_undo(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    window.table.selectRow(0)
    window.bulk.add_tag("x")
    assert window.undo_stack.canUndo()
    window.events.database_reset.emit()
    assert not window.undo_stack.canUndo()


def test_empty_state_offers_import_once_the_import_action_is_shown(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from prospection.ui.import_wizard.wizard import ImportWizard

    window = _window(qtbot, db)
    window.action_import.setVisible(False)
    assert not window.empty_state.buttons[1].isVisibleTo(window.empty_state)
    triggered: list[bool] = []
    window.action_import.triggered.connect(lambda: triggered.append(True))
    window.action_import.setVisible(True)  # as the import feature does when installed
    assert window.empty_state.buttons[1].text() == "Import a file…"
    window.empty_state.buttons[1].click()
    assert triggered == [True]
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ImportWizard):
            widget.close()


def test_french_window_fits_a_laptop_screen_with_nothing_cut(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from prospection.ui.i18n import install_translators, remove_translators

    seed(db)
    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translators(app, "fr")
    try:
        window = _window(qtbot, db)
        window.table.selectRow(0)
        # French labels are the longest: the window must still fit 1366 pixels...
        assert window.minimumSizeHint().width() <= 1366
        # ...the editor's form is never cut at the right (it has no sideways scroll bar)...
        assert window.editor.minimumWidth() >= window.editor.sizeHint().width() - 40
        # ...and every view of the sidebar reads in full.
        sidebar = window.sidebar
        metrics = sidebar.fontMetrics()
        top = sidebar.topLevelItem(0)
        assert top is not None and top.childCount() > 0
        for index in range(top.childCount()):
            child = top.child(index)
            assert child is not None
            assert metrics.horizontalAdvance(child.text(0)) < sidebar.minimumWidth()
    finally:
        remove_translators(app, translators)
