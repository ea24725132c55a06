"""Team mode: colleagues' changes appear by themselves; a lost server is said, then recovered."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import create_engine, insert, text, update

from prospection.core import change_feed
from prospection.core.db import Database, open_database
from prospection.core.integrity import ReadOnly
from prospection.core.models import Prospect
from prospection.ui.data_events import DataEvents
from prospection.ui.live_refresh import LiveRefresh
from prospection.ui.main_window import MainWindow
from prospection.ui.read_only_banner import ReadOnlyBanner
from prospection.ui.view_sidebar import ViewSidebar
from tests.ui.conftest import seed


@pytest.fixture
def team(pg_url: str, tmp_path: Path, qtbot) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    yield database
    _close_windows(qtbot)
    database.dispose()


@pytest.fixture
def colleague(pg_url: str) -> Iterator[object]:
    engine = create_engine(pg_url)
    yield engine
    engine.dispose()


_WINDOWS: list[MainWindow] = []


def _close_windows(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Gone (with their deferred reloads) before the test's schema is dropped.
    from PySide6.QtCore import QCoreApplication, QEvent

    while _WINDOWS:
        window = _WINDOWS.pop()
        window.stop_listening()
        window.hide()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)


def _window(qtbot, db: Database) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, DataEvents())
    _WINDOWS.append(window)
    window.show()
    live = window.live
    assert isinstance(live, LiveRefresh)
    live.feed.backoff = (0.2,)
    qtbot.waitUntil(lambda: live.feed.connected, timeout=5000)
    return window


def _names(window: MainWindow) -> list[str]:
    rows = [window.model.row_at(row) for row in range(window.model.rowCount())]
    return [row.name for row in rows if row is not None]


def _total(window: MainWindow) -> int | None:
    counts = window.sidebar.counts()
    return None if counts is None else counts.total


def test_a_colleagues_change_appears_with_the_selection_kept(
    qtbot, team: Database, colleague
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(team, 30)
    window = _window(qtbot, team)
    try:
        table = window.table
        table.select_prospect(ids[2])  # DataForge
        table.selectionModel().select(
            window.model.index(window.model.row_of(ids[0]) or 0, 0),
            table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
        )
        selected = sorted(table.selected_ids())
        assert selected == sorted([ids[0], ids[2]])
        total = _total(window)
        applied: list[object] = []
        window.live.applied.connect(applied.append)  # type: ignore[union-attr]

        with colleague.begin() as connection:  # type: ignore[attr-defined]
            # Sorted first by name: every row below moves down by one.
            connection.execute(insert(Prospect).values(name="Aaa Nouvelle Boulangerie"))
            connection.execute(
                update(Prospect).where(Prospect.id == ids[1]).values(city="Grenoble")
            )
        qtbot.waitUntil(lambda: "Aaa Nouvelle Boulangerie" in _names(window), timeout=5000)
        qtbot.waitUntil(lambda: _total(window) == (total or 0) + 1, timeout=5000)
        assert sorted(table.selected_ids()) == selected
        assert table.current_id() == ids[2]
        assert window.model.row_at(window.model.row_of(ids[1]) or 0).city == "Grenoble"  # type: ignore[union-attr]
        assert len(applied) == 1  # the two statements: one reload
    finally:
        window.stop_listening()


def test_the_apps_own_change_is_not_reloaded_twice(qtbot, team: Database) -> None:  # type: ignore[no-untyped-def]
    seed(team)
    window = _window(qtbot, team)
    try:
        applied: list[object] = []
        window.live.applied.connect(applied.append)  # type: ignore[union-attr]
        with team.session() as session:
            session.add(Prospect(name="Mine"))
        window.events.prospects_changed.emit([])
        qtbot.wait(1500)
        assert applied == []
        assert "Mine" in _names(window)
    finally:
        window.stop_listening()


def test_the_editor_says_a_colleague_changed_what_it_edits(
    qtbot, team: Database, colleague
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(team)
    window = _window(qtbot, team)
    try:
        window.table.select_prospect(ids[0])
        qtbot.waitUntil(lambda: window.editor.prospect_id() == ids[0])
        window.editor.form.name.setText("Boulangeries Marchand et fils")
        assert window.editor.has_changes()
        with colleague.begin() as connection:  # type: ignore[attr-defined]
            connection.execute(update(Prospect).where(Prospect.id == ids[0]).values(city="Caen"))
        qtbot.waitUntil(lambda: "colleague" in window.editor.status.text(), timeout=5000)
        assert window.editor.has_changes()  # the user's edits are kept
        assert window.editor.form.name.text() == "Boulangeries Marchand et fils"
    finally:
        window.stop_listening()


def test_a_lost_server_shows_the_banner_refuses_edits_then_recovers(
    qtbot, team: Database, colleague, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ids = seed(team)
    window = _window(qtbot, team)
    live = window.live
    assert live is not None
    # The server stays unreachable until `down` is cleared (the real one is killed below).
    down = threading.Event()
    real_connect = change_feed.ChangeFeed.connect

    def connect(feed: change_feed.ChangeFeed) -> None:
        if down.is_set():
            raise change_feed.ServerLostError("connection refused")
        real_connect(feed)

    monkeypatch.setattr(change_feed.ChangeFeed, "connect", connect)
    try:
        window.table.select_prospect(ids[1])
        qtbot.waitUntil(lambda: window.editor.prospect_id() == ids[1])
        names_before = _names(window)
        down.set()
        pids = sorted(live.feed.own_pids | {live.feed.listener_pid or 0})
        with colleague.begin() as connection:  # type: ignore[attr-defined]
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM unnest(CAST(:p AS int[])) pid"),
                {"p": pids},
            )
        qtbot.waitUntil(lambda: not live.online, timeout=5000)
        assert team.read_only is ReadOnly.SERVER
        banner = window.server_banner
        assert isinstance(banner, ReadOnlyBanner) and banner.isVisible()
        assert "unreachable" in banner.text()
        assert not window.action_new_prospect.isEnabled()
        assert not window.call_actions.start.isEnabled()
        assert not window.action_import.isEnabled()
        assert _names(window) == names_before  # still readable

        # An edit is refused, in words; the edit stays in the editor, nothing is written.
        window.editor.form.name.setText("Menuiserie Lefèvre & Cie")
        window.save_prospect()
        notice = window.findChild(QMessageBox, "serverOfflineNotice")
        assert notice is not None and notice.isVisible()
        assert "nothing was saved" in notice.text()
        notice.close()
        assert window.editor.has_changes()
        with colleague.connect() as connection:  # type: ignore[attr-defined]
            name = connection.execute(
                text("SELECT name FROM prospect WHERE id = :i"), {"i": ids[1]}
            ).scalar_one()
        assert name == "Menuiserie Lefèvre"

        # Rows not read yet stay blank rather than raising at each paint.
        from sqlalchemy.exc import OperationalError

        from prospection.ui import prospect_table_model

        def unreachable(*_args: object, **_kwargs: object) -> object:
            raise OperationalError("SELECT", {}, Exception("server closed the connection"))

        with monkeypatch.context() as patch:
            patch.setattr(prospect_table_model.prospects, "rows_for", unreachable)
            window.model._blocks.clear()
            window.model._last_block = (-1, [])
            assert window.model.row_at(0) is None
            window.table.viewport().repaint()

        down.clear()  # the server is back
        qtbot.waitUntil(lambda: live.online, timeout=5000)
        assert team.read_only is None
        assert not banner.isVisible()
        assert window.action_new_prospect.isEnabled()
        assert window.call_actions.start.isEnabled()
        qtbot.waitUntil(lambda: live.feed.connected, timeout=5000)
        # Listening again: a colleague's change appears.
        with colleague.begin() as connection:  # type: ignore[attr-defined]
            connection.execute(insert(Prospect).values(name="Aaa Après"))
        qtbot.waitUntil(lambda: "Aaa Après" in _names(window), timeout=5000)
        # And the kept edit can now be saved.
        assert window.editor.has_changes()
        assert window.editor.save()
        with colleague.connect() as connection:  # type: ignore[attr-defined]
            name = connection.execute(
                text("SELECT name FROM prospect WHERE id = :i"), {"i": ids[1]}
            ).scalar_one()
        assert name == "Menuiserie Lefèvre & Cie"
    finally:
        window.stop_listening()


def test_nothing_listens_on_the_sqlite_file(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the SQLite case")
    seed(db)
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    assert window.live is None
    assert window.editor.refuse_writes is None
    assert not [t for t in threading.enumerate() if t.name == "change-feed"]
    assert window.server_banner is None
    assert isinstance(window.sidebar, ViewSidebar)
