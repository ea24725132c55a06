"""The table's round trips per keystroke (issue #17): one session, no users' names re-read.

On a team server each session is a pool checkout, a BEGIN and a COMMIT (round trips
each), then its statements: a keystroke read the count, the users' names, then the rows
in three or four sessions. It now reads the count, the ids of a small result and the
first rows in one, and the names only at a reload (a change to the data: a colleague
joining is one, the change feed says so). Runs on SQLite, and on PostgreSQL with
`--db=postgres`; the colleague joining through the feed on PostgreSQL only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import create_engine, event, insert, update

from prospection.core import users
from prospection.core.db import Database, open_database
from prospection.core.models import AppUser, Prospect
from prospection.core.prospects import ProspectFilter
from prospection.ui import prospect_table_model
from prospection.ui.data_events import DataEvents
from prospection.ui.live_refresh import LiveRefresh
from prospection.ui.main_window import MainWindow
from prospection.ui.prospect_table import ProspectTable
from prospection.ui.prospect_table_model import Column, ProspectTableModel
from tests.ui.conftest import seed


@contextmanager
def counting(db: Database) -> Iterator[Counter[str]]:
    """Pool checkouts, transactions, statements (and which) of `db` meanwhile."""
    counts: Counter[str] = Counter()

    def checkout(*_args: Any) -> None:
        counts["checkouts"] += 1

    def begin(*_args: Any) -> None:
        counts["transactions"] += 1

    def statement(_conn: Any, cursor: Any, text: str, *_args: Any) -> None:
        if text.strip() == "BEGIN":  # SQLite's, emitted by db.py: counted as a transaction
            return
        counts["statements"] += 1
        if "app_user" in text:
            counts["users"] += 1
        if type(cursor).__name__ == "ServerCursor":
            counts["server cursors"] += 1

    engine = db.engine
    event.listen(engine, "checkout", checkout)
    event.listen(engine, "begin", begin)
    event.listen(engine, "before_cursor_execute", statement)
    try:
        yield counts
    finally:
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "begin", begin)
        event.remove(engine, "before_cursor_execute", statement)


def _table(qtbot, db: Database) -> tuple[ProspectTableModel, ProspectTable]:  # type: ignore[no-untyped-def]
    model = ProspectTableModel(db)
    view = ProspectTable(model)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.viewport().repaint()
    return model, view


def _type(model: ProspectTableModel, view: ProspectTable, text: str) -> None:
    """A keystroke as the search box gives it, and the paint that follows."""
    model.set_filter(ProspectFilter(text=text))
    view.viewport().repaint()


@pytest.mark.parametrize("large", [False, True], ids=["ids-read", "paged"])
def test_a_keystroke_reads_count_and_rows_in_one_session(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch, large: bool
) -> None:
    seed(db, n=60)
    if large:  # more rows than are read with the count: pages by OFFSET
        monkeypatch.setattr(prospect_table_model, "SYNC_IDS_LIMIT", 10)
        monkeypatch.setattr(prospect_table_model, "IDS_DELAY_MS", 600_000)
    model, view = _table(qtbot, db)
    with counting(db) as counts:
        _type(model, view, "soci")
    assert model.rowCount() == 60
    assert model.index(0, Column.NAME).data() == "Société 0000"
    # Before: four sessions (count; users' names; ids; the rows painted), two statements
    # on app_user.
    assert counts["checkouts"] == 1, counts
    assert counts["transactions"] == 1, counts
    assert counts["users"] == 0, counts
    # The count, the ids (or the page's ids), the rows, plus, for a page, the count of
    # every prospect its plan may need (once: kept); a plain cursor each (a server-side
    # cursor is five more round trips).
    assert counts["statements"] <= (4 if large else 3), counts
    assert counts["server cursors"] == 0, counts

    # A keystroke that keeps the rows (a longer word, the same matches): one count.
    with counting(db) as counts:
        _type(model, view, "socie")
    assert counts["checkouts"] == 1 and counts["statements"] == 1, counts

    # A sort: the same rows in another order, one session, no names.
    with counting(db) as counts:
        view.sortByColumn(int(Column.NAME), Qt.SortOrder.DescendingOrder)
        view.viewport().repaint()
    assert model.index(0, Column.NAME).data() == "Société 0059"
    assert counts["checkouts"] == 1 and counts["users"] == 0, counts


def test_the_names_are_read_at_a_reload_not_at_each_keystroke(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    seed(db, n=5)
    model, view = _table(qtbot, db)
    assert not model.team
    with db.session() as session:
        bob = users.add_user(session, "Bob", "bob@x.fr")
        session.execute(
            update(Prospect).values(owner_id=bob.id).where(Prospect.name == "DataForge")
        )
    _type(model, view, "data")
    assert not model.team  # a keystroke does not read them
    reloaded: list[bool] = []
    model.reloaded.connect(lambda: reloaded.append(model.team))
    model.reload()  # after a change to the data (the window's refresh)
    assert reloaded == [True]
    assert model.team
    assert model.index(0, Column.OWNER).data() == "Bob"
    # Kept through keystrokes and sorts.
    _type(model, view, "")
    view.sortByColumn(int(Column.CITY), Qt.SortOrder.AscendingOrder)
    assert model.team


# --- a colleague joining, heard through the change feed (PostgreSQL) ----------------


@pytest.fixture
def team(pg_url: str, tmp_path: Path, qtbot) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    yield database
    database.dispose()


def test_a_colleague_joining_shows_in_the_team_columns_after_the_feed_refresh(  # type: ignore[no-untyped-def]
    qtbot, team: Database, pg_url: str
) -> None:
    seed(team, n=3)
    window = MainWindow(team, DataEvents())
    window.show()
    try:
        live = window.live
        assert isinstance(live, LiveRefresh)
        qtbot.waitUntil(lambda: live.feed.connected, timeout=5000)
        assert not window.model.team
        assert not window.filter_bar.owner_box.isVisibleTo(window)
        colleague = create_engine(pg_url)
        try:
            with colleague.begin() as connection:
                connection.execute(insert(AppUser).values(name="Chloé", email="chloe@x.fr"))
        finally:
            colleague.dispose()
        # The feed's batch -> the window's refresh -> the model's reload reads the names.
        qtbot.waitUntil(lambda: window.model.team, timeout=5000)
        assert window.filter_bar.owner_box.isVisibleTo(window)  # "Mine / Everyone"
        assert "Chloé" in window.model._user_labels.values()
        # Still a team at the next keystrokes (the names are kept, not re-read).
        window.model.set_filter(ProspectFilter(text="zén"))
        assert window.model.team
    finally:
        window.stop_listening()
        window.hide()
        window.deleteLater()


def test_reading_every_id_leaves_the_sessions_next_statements_on_a_plain_cursor(
    db: Database,
) -> None:
    """`ordered_ids` streams a large result through a server-side cursor (a server):
    that option is its statement's only. Set on the session's connection, it made every
    later statement of the session a server-side cursor too (declare, describe, fetches
    growing from 1 row, close: eight round trips for a page of rows)."""
    seed(db, n=5)
    with db.session() as session, counting(db) as counts:
        every = prospect_table_model.prospects.ordered_ids(session, ProspectFilter())
        assert every is not None and len(every) == 9
        rows = prospect_table_model.prospects.rows_for(session, list(every))
        assert len(rows) == 9
    server = db.engine.dialect.name != "sqlite"
    assert counts["server cursors"] == (1 if server else 0), counts
