"""The table model: Qt's model checks, paging, SQL sorting, filtering, roles."""

from __future__ import annotations

from array import array

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from prospection.core import prospects
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
    assert fetched == [0, (model.rowCount() - 1) // BLOCK_SIZE]


def _ordered_ids(db: Database) -> array[int] | None:
    with db.session() as session:
        return prospects.ordered_ids(session, ProspectFilter())


def test_prefetch_reads_the_missing_blocks_in_one_query(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    seed(db, n=60)
    monkeypatch.setattr(prospect_table_model, "BLOCK_SIZE", 4)
    # Pages by OFFSET, then by ids: the worker never reads the ids by itself here.
    monkeypatch.setattr(prospect_table_model, "SYNC_IDS_LIMIT", 0)
    monkeypatch.setattr(prospect_table_model, "IDS_DELAY_MS", 600_000)
    for ids_known in (False, True):
        model = ProspectTableModel(db)
        if ids_known:
            model._ids = _ordered_ids(db)
        expected = [model.id_at(row) for row in range(model.rowCount())]
        model.reload(count=model.rowCount())
        if ids_known:
            model._ids = _ordered_ids(db)
        ranges: list[tuple[int, int]] = []
        original = model._fetch_range

        def spy(first: int, last: int, original=original, ranges=ranges):  # type: ignore[no-untyped-def]
            ranges.append((first, last))
            return original(first, last)

        monkeypatch.setattr(model, "_fetch_range", spy)
        model.prefetch(5, 21)  # blocks 1 to 5
        assert ranges == [(1, 5)]
        assert model.has_ids() == ids_known
        model.prefetch(6, 20)  # all cached: no query
        model.prefetch(0, 1)  # one block: fetched when painted, as before
        assert ranges == [(1, 5)]
        assert [model.id_at(row) for row in range(4, 24)] == expected[4:24]
        assert ranges == [(1, 5)]
        model.prefetch(model.rowCount() - 6, model.rowCount() + 50)  # clipped at the end
        assert ranges[-1] == ((model.rowCount() - 6) // 4, (model.rowCount() - 1) // 4)
        assert [model.id_at(row) for row in range(model.rowCount())] == expected


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


def _all_rows(model: ProspectTableModel) -> list[int]:
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def test_rows_read_by_ids_are_the_sql_pages_for_every_sort(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    seed(db, n=70)
    monkeypatch.setattr(prospect_table_model, "BLOCK_SIZE", 8)
    monkeypatch.setattr(prospect_table_model, "SYNC_IDS_LIMIT", 0)  # a "large" table
    monkeypatch.setattr(prospect_table_model, "IDS_DELAY_MS", 0)
    model = ProspectTableModel(db)
    for column in prospect_table_model.SORT_KEYS:  # the team columns do not sort
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(int(column), order)
            assert not model.has_ids()  # pages come with OFFSET until the ids are read
            by_offset = _all_rows(model)
            with qtbot.waitSignal(model.ids_ready, timeout=10_000):
                pass
            assert model.has_ids()
            model.reload(count=model.rowCount())  # drop the blocks, keep nothing else
            qtbot.waitUntil(model.has_ids, timeout=10_000)
            assert _all_rows(model) == by_offset, (column, order)
            assert model.ids_in_rows(3, 20) == by_offset[3:21]


def test_ids_of_an_older_reset_are_dropped(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seed(db, n=10)
    monkeypatch.setattr(prospect_table_model, "SYNC_IDS_LIMIT", 0)
    model = ProspectTableModel(db)
    stale_generation = model._generation
    model.set_filter(ProspectFilter(text="zenith"))
    model._ids_read(stale_generation, array("q", range(14)))
    assert not model.has_ids()
    assert model.rowCount() == 1


def test_small_tables_know_their_ids_at_once(db: Database) -> None:
    seed(db, n=5)
    model = ProspectTableModel(db)
    assert model.has_ids()
    assert model.row_of(model.ids_in_rows(7, 7)[0]) == 7


def test_typing_that_keeps_the_same_rows_does_not_reload(db: Database) -> None:
    seed(db, n=3)
    model = ProspectTableModel(db)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.set_filter(ProspectFilter(text="bou"))
    assert resets == [1]
    # A one-letter word and a space do not filter; a longer word with the same matches
    # refines the search without changing its rows.
    for typed in ("boul", "boulangeries", "boulangeries ", "boulangeries l", "boulangeries ly"):
        model.set_filter(ProspectFilter(text=typed))
    assert resets == [1]
    assert model.prospect_filter().text == "boulangeries ly"
    assert _names(model) == ["Boulangeries Marchand"]
    model.set_filter(ProspectFilter(text="boulangeries lille"))  # fewer rows: reloads
    assert resets == [1, 0]
    model.set_filter(ProspectFilter(text="boulangeries"))  # wider: reloads
    assert resets == [1, 0, 1]
    model.set_filter(ProspectFilter(text="zen"))  # another search, same count: reloads
    assert resets == [1, 0, 1, 1]
    assert _names(model) == ["Zénith Transports"]


def test_a_narrower_search_reads_from_the_first_row_shown(db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seed(db, n=80)
    monkeypatch.setattr(prospect_table_model, "SYNC_IDS_LIMIT", 0)  # pages by SQL
    starts: list[str | None] = []
    original = prospects.page

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        starts.append(kwargs.get("name_from"))
        return original(*args, **kwargs)

    monkeypatch.setattr(prospects, "page", spy)
    model = ProspectTableModel(db)
    model.set_filter(ProspectFilter(text="so"))
    assert model.index(0, Column.NAME).data() == "Société 0000"  # the first rows only
    # Narrower, its matches past the rows read so far: starts at "Société 0000".
    model.set_filter(ProspectFilter(text="soc 007"))
    narrower = _names(model)
    assert starts[-1] == "Société 0000"
    fresh = ProspectTableModel(db)
    fresh.set_filter(ProspectFilter(text="soc 007"))
    assert narrower == _names(fresh) == [f"Société 007{i}" for i in range(10)]
    model.set_filter(ProspectFilter(text="so"))  # wider: from the top again
    assert _names(model)[:2] == ["Société 0000", "Société 0001"]
    assert starts[-1] is None


def test_a_narrower_search_keeps_the_first_rows_that_still_match(  # type: ignore[no-untyped-def]
    db: Database, monkeypatch
) -> None:
    # Every row of a narrower search is among the rows shown, in the same order: the
    # first rows read that still match are its first rows, checked without a new page.
    seed(db, n=80)
    monkeypatch.setattr(prospect_table_model, "SYNC_IDS_LIMIT", 0)  # pages by SQL
    pages: list[str] = []
    original = prospects.page

    def spy(session, flt, *args, **kwargs):  # type: ignore[no-untyped-def]
        pages.append(flt.text)
        return original(session, flt, *args, **kwargs)

    monkeypatch.setattr(prospects, "page", spy)
    model = ProspectTableModel(db)
    model.set_filter(ProspectFilter(text="so"))
    assert pages[-1] == "so"
    read = len(pages)
    model.set_filter(ProspectFilter(text="soc 001"))  # 10 matches, all among rows read
    assert len(pages) == read
    assert _names(model) == [f"Société 001{i}" for i in range(10)]
    model.set_filter(ProspectFilter(text="soc 0"))  # wider: searched again
    assert pages[-1] == "soc 0"
    read = len(pages)
    # 20 of the 50 rows read match; the view's first blocks need more: read after them.
    model.set_filter(ProspectFilter(text="soc 00"))
    assert _names(model)[:3] == ["Société 0000", "Société 0001", "Société 0002"]
    assert len(_names(model)) == 80
    fresh = ProspectTableModel(db)
    fresh.set_filter(ProspectFilter(text="soc 00"))
    assert _names(model) == _names(fresh)
    assert len(pages) > read


@pytest.mark.parametrize("language", ["en_US", "fr_FR", "de_DE", "ja_JP"])
def test_dates_are_written_as_qlocale_writes_them(db: Database, language: str) -> None:
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import QLocale

    from prospection.ui.qt_dates import to_qdatetime

    before = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        model = ProspectTableModel(db)
        start = datetime(2026, 3, 28, 23, 59, tzinfo=UTC)  # across a DST change in Europe
        for hours in range(0, 24 * 40, 7):
            moment = start + timedelta(hours=hours, minutes=hours % 60)
            short = QLocale.FormatType.ShortFormat
            expected = QLocale().toString(to_qdatetime(moment), short)
            assert model._date_text(moment, with_time=True) == expected
            day = QLocale().toString(to_qdatetime(moment).date(), short)
            assert model._date_text(moment, with_time=False) == day
    finally:
        QLocale.setDefault(before)


def test_a_number_flagged_wrong_is_struck_through_in_the_table(db: Database) -> None:
    from prospection.core.calls import log_call
    from prospection.core.enums import Outcome
    from prospection.core.models import Phone
    from tests.call_factories import NOW, add_prospect

    only = add_prospect(db, "Un seul numéro", phones=("+33465712010",))
    two = add_prospect(db, "Deux numéros", phones=("+33465712011", "+33639981234"))
    with db.session() as session:
        for prospect_id in (only, two):
            log_call(session, prospect_id, Outcome.WRONG_NUMBER, at=NOW, next_text="Find")
    model = ProspectTableModel(db)
    model.set_filter(ProspectFilter(ids=frozenset({only, two})))
    cells = {
        model.index(row, Column.NAME).data(): model.index(row, Column.PHONE)
        for row in range(model.rowCount())
    }
    struck = cells["Un seul numéro"]
    font = struck.data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.strikeOut()
    assert "wrong number" in struck.data(Qt.ItemDataRole.ToolTipRole)
    assert "wrong number" in struck.data(Qt.ItemDataRole.AccessibleTextRole)
    look = model.cell_look(struck.row(), Column.PHONE)
    assert look is not None and look[1] is not None and look[1].strikeOut()
    # The other prospect shows its second number, which is not wrong.
    other = cells["Deux numéros"]
    assert other.data(Qt.ItemDataRole.FontRole) is None
    assert "39" in other.data()
    # Mended in the editor (not wrong any more): no longer struck through.
    with db.session() as session:
        for phone in session.query(Phone).filter(Phone.is_wrong.is_(True)):
            phone.is_wrong = False
    model.set_filter(ProspectFilter(ids=frozenset({only})))
    assert model.index(0, Column.PHONE).data(Qt.ItemDataRole.FontRole) is None


def test_phones_are_shown_as_dialled_from_the_default_country(db: Database) -> None:
    """A British number reads "020 7946 0828" for a user whose default country is the
    United Kingdom (Preferences), "+44 20 7946 0828" for one in France."""
    from prospection.ui.preferences import Preferences
    from tests.call_factories import add_prospect

    london = add_prospect(db, "Abbey Garage", phones=("+442079460828",), country="GB")
    paris = add_prospect(db, "Atelier Brun", phones=("+33465712010",))
    shown = {}
    for region in ("FR", "GB"):
        Preferences().set_phone_region(region)
        model = ProspectTableModel(db)
        model.set_filter(ProspectFilter(ids=frozenset({london, paris})))
        shown[region] = {
            model.index(row, Column.NAME).data(): model.index(row, Column.PHONE).data()
            for row in range(model.rowCount())
        }
    assert shown["FR"] == {"Abbey Garage": "+44 20 7946 0828", "Atelier Brun": "04 65 71 20 10"}
    assert shown["GB"] == {"Abbey Garage": "020 7946 0828", "Atelier Brun": "+33 4 65 71 20 10"}


@pytest.fixture
def server_db(pg_url: str, tmp_path):  # type: ignore[no-untyped-def]
    from prospection.core.db import open_database

    database = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    yield database
    database.dispose()


@pytest.mark.parametrize("estimate", [60, 12])
def test_a_large_search_on_a_server_shows_its_estimate_then_the_exact_count(  # type: ignore[no-untyped-def]
    qtbot, server_db: Database, monkeypatch, estimate: int
) -> None:
    # The server's estimate above the real count (rows taken away at the end when the
    # count arrives) and below it (rows added): the first rows are right meanwhile.
    seed(server_db, n=30)
    monkeypatch.setattr(prospects, "QUICK_COUNT_LIMIT", 10)
    monkeypatch.setattr(prospects, "_estimated_rows", lambda session, query: estimate)
    model = ProspectTableModel(server_db)
    changes: list[tuple[str, int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: changes.append(("added", first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: changes.append(("removed", first, last)))
    model.set_filter(ProspectFilter(text="soc"))
    assert not model.count_is_exact
    assert model.rowCount() == estimate
    assert _names(model)[:3] == ["Société 0000", "Société 0001", "Société 0002"]
    with qtbot.waitSignal(model.count_changed, timeout=5000):
        pass
    assert model.count_is_exact and model.rowCount() == 30
    assert changes == (
        [("removed", 30, estimate - 1)] if estimate > 30 else [("added", estimate, 29)]
    )
    assert _names(model) == [f"Société {i:04d}" for i in range(30)]


def test_an_estimate_of_an_older_search_is_not_made_exact_by_its_count(  # type: ignore[no-untyped-def]
    qtbot, server_db: Database, monkeypatch
) -> None:
    seed(server_db, n=30)
    monkeypatch.setattr(prospects, "QUICK_COUNT_LIMIT", 10)
    monkeypatch.setattr(prospects, "_estimated_rows", lambda session, query: 40)
    model = ProspectTableModel(server_db)
    model.set_filter(ProspectFilter(text="soc"))
    stale = model._generation
    model.set_filter(ProspectFilter(text="prénom1"))  # 11 matches: estimated at 40 too
    model._count_read(stale, 30)
    assert not model.count_is_exact and model.rowCount() == 40
    with qtbot.waitSignal(model.count_changed, timeout=5000):
        pass
    assert model.rowCount() == 11


def test_a_small_search_on_a_server_is_counted_at_once(server_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seed(server_db, n=30)
    with server_db.session() as session:  # the planner's statistics (autovacuum's, later)
        session.execute(text("ANALYZE prospect_search"))
    monkeypatch.setattr(prospects, "QUICK_COUNT_LIMIT", 10)
    model = ProspectTableModel(server_db)
    model.set_filter(ProspectFilter(text="boulangeries"))
    assert model.count_is_exact and _names(model) == ["Boulangeries Marchand"]
