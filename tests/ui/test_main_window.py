"""The main window: search as you type, views, filters, empty states, status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
