"""The table model: Qt's model checks, paging, SQL sorting, filtering, roles."""

from __future__ import annotations

from PySide6.QtCore import Qt

from prospection.core.db import Database
from prospection.core.enums import Stage
from prospection.core.prospects import ProspectFilter
from prospection.ui import prospect_table_model
from prospection.ui.prospect_table_model import (
    BLOCK_SIZE,
    ID_ROLE,
    OVERDUE_ROLE,
    ROW_ROLE,
    Column,
    ProspectTableModel,
)
from tests.ui.conftest import seed


def _names(model: ProspectTableModel) -> list[str]:
    return [model.index(row, Column.NAME).data() for row in range(model.rowCount())]


def test_model_passes_qt_model_checks(qtmodeltester, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db, n=30)
    model = ProspectTableModel(db)
    assert model.rowCount() == 34
    qtmodeltester.check(model, force_py=True)


def test_empty_model_passes_checks(qtmodeltester, db: Database) -> None:  # type: ignore[no-untyped-def]
    model = ProspectTableModel(db)
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_block_by_block(db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seed(db, n=2 * BLOCK_SIZE + 10)
    model = ProspectTableModel(db)
    fetched: list[int] = []
    original = model._fetch

    def spy(number: int):  # type: ignore[no-untyped-def]
        fetched.append(number)
        return original(number)

    monkeypatch.setattr(model, "_fetch", spy)
    assert model.rowCount() == 2 * BLOCK_SIZE + 14
    model.index(0, 0).data()
    model.index(1, 0).data()
    assert fetched == [0]
    model.index(model.rowCount() - 1, 0).data()
    assert fetched == [0, 2]


def test_sorting_is_done_in_sql(db: Database) -> None:
    seed(db)
    model = ProspectTableModel(db)
    assert _names(model)[0] == "Boulangeries Marchand"
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert _names(model)[0] == "Zénith Transports"
    model.sort(Column.CITY, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, Column.CITY).data() for r in range(4)] == [
        "Lille",
        "Lyon",
        "Montreuil",
        "Rezé",
    ]
    model.sort(Column.NEXT_ACTION, Qt.SortOrder.AscendingOrder)
    assert _names(model)[-1] == "Zénith Transports"  # no next action: last


def test_filter_and_roles(db: Database) -> None:
    ids = seed(db)
    model = ProspectTableModel(db)
    model.set_filter(ProspectFilter(stages=frozenset({Stage.REACHED})))
    assert _names(model) == ["Boulangeries Marchand"]
    index = model.index(0, Column.NEXT_ACTION)
    assert index.data(ID_ROLE) == ids[0]
    assert index.data(ROW_ROLE).city == "Lyon"
    assert index.data(OVERDUE_ROLE) is True
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, Column.STAGE).data() == "Reached"


def test_do_not_call_badge_and_hiding(db: Database) -> None:
    seed(db)
    model = ProspectTableModel(db)
    model.set_filter(ProspectFilter(text="zenith"))
    assert model.index(0, Column.NAME).data(Qt.ItemDataRole.DecorationRole) is not None
    model.set_filter(ProspectFilter(text="zenith", include_dnc=False))
    assert model.rowCount() == 0


def test_cache_is_bounded(db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(prospect_table_model, "BLOCK_SIZE", 2)
    monkeypatch.setattr(prospect_table_model, "MAX_BLOCKS", 3)
    seed(db, n=20)
    model = ProspectTableModel(db)
    for row in range(model.rowCount()):
        assert model.index(row, 0).data()
    assert len(model._blocks) == 3
