"""Bulk actions on the selection: stage, tags, delete with confirmation; all undoable."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from prospection.core import prospects
from prospection.core.db import Database
from prospection.core.enums import Stage
from prospection.core.prospects import ProspectFilter
from prospection.ui import bulk_actions
from prospection.ui.data_events import DataEvents
from prospection.ui.main_window import MainWindow
from tests.ui.conftest import seed


def _window(qtbot, db: Database) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    return window


def _select_rows(window: MainWindow, rows: list[int]) -> None:
    selection = window.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(window.model.index(row, 0), flags)


def _stages(db: Database) -> dict[str, Stage]:
    with db.session() as session:
        return {r.name: r.stage for r in prospects.page(session, ProspectFilter(), limit=1000)}


def test_selected_ids_follow_the_selection(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db, n=250)
    window = _window(qtbot, db)
    _select_rows(window, [0, 1, 3])
    assert len(window.table.selected_ids()) == 3
    window.table.selectAll()
    assert len(window.table.selected_ids()) == 254
    assert window.table.selected_count() == 254


def test_bulk_stage_then_undo_and_redo(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    _select_rows(window, [0, 1])  # Boulangeries Marchand, DataForge (sorted by name)
    assert window.bulk.stage_actions[Stage.PROPOSAL].isEnabled()
    window.bulk.stage_actions[Stage.PROPOSAL].trigger()
    stages = _stages(db)
    assert stages["Boulangeries Marchand"] == Stage.PROPOSAL
    assert stages["DataForge"] == Stage.PROPOSAL
    assert stages["Zénith Transports"] == Stage.CLIENT
    window.action_undo.trigger()
    stages = _stages(db)
    assert stages["Boulangeries Marchand"] == Stage.REACHED
    assert stages["DataForge"] == Stage.ATTEMPTED
    window.action_redo.trigger()
    assert _stages(db)["DataForge"] == Stage.PROPOSAL


def test_bulk_tags(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    _select_rows(window, [1, 2])
    assert window.bulk.add_tag("  trade   fair ") == 2
    with db.session() as session:
        assert ("trade fair", 2) in prospects.all_tags(session)
    _select_rows(window, [0, 1, 2, 3])
    window.bulk.remove_tag("bakery")
    with db.session() as session:
        assert ("bakery", 0) in prospects.all_tags(session)
    window.action_undo.trigger()
    with db.session() as session:
        assert ("bakery", 1) in prospects.all_tags(session)


def test_delete_asks_first_and_can_be_undone(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    answers = [False, True]
    asked: list[int] = []

    def confirm(_parent: object, count: int) -> bool:
        asked.append(count)
        return answers.pop(0)

    monkeypatch.setattr(bulk_actions, "confirm_delete", confirm)
    _select_rows(window, [0, 3])
    window.bulk.delete_action.trigger()
    assert asked == [2]
    assert len(_stages(db)) == 4  # the user said no
    window.bulk.delete_action.trigger()
    assert sorted(_stages(db)) == ["DataForge", "Menuiserie Lefèvre"]
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    window.action_undo.trigger()
    restored = _stages(db)
    assert sorted(restored) == sorted(
        ["Boulangeries Marchand", "DataForge", "Menuiserie Lefèvre", "Zénith Transports"]
    )
    with db.session() as session:
        zenith = prospects.page(session, ProspectFilter(text="zenith"))[0]
        assert zenith.contact == "Agnès Nom3" and zenith.do_not_contact
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)


def test_huge_selections_ask_and_skip_the_undo_copy(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    window = _window(qtbot, db)
    monkeypatch.setattr(bulk_actions, "UNDO_LIMIT", 2)
    answers = [False, True]
    monkeypatch.setattr(bulk_actions, "confirm_without_undo", lambda _p, _n: answers.pop(0))
    window.table.selectAll()
    window.bulk.stage_actions[Stage.LOST].trigger()
    assert Stage.LOST not in _stages(db).values()  # declined
    window.bulk.stage_actions[Stage.LOST].trigger()
    assert set(_stages(db).values()) == {Stage.LOST}
    assert not window.undo_stack.canUndo()
