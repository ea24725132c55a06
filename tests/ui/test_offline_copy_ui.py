"""Team mode offline (issue #17): starting with the team server unreachable.

With a copy of the team's data on this computer: the window opens on it, read-only, with
a banner giving its date and a Retry; without one: the start-up box says so, no traceback.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from prospection.core import offline_copy, team
from prospection.core.db import Database, open_database
from prospection.core.demo import fill_demo
from prospection.core.integrity import ReadOnly
from prospection.core.models import Prospect
from prospection.ui.data_events import DataEvents
from prospection.ui.main_window import MainWindow
from prospection.ui.offline_copy_ui import OfflineCopyBanner
from prospection.ui.qt_dates import short_datetime

NOWHERE = "postgresql+psycopg://someone@127.0.0.1:1/teamdb"


def _copy_of_demo(tmp_path: Path, data_dir: Path, server: str = NOWHERE) -> int:
    """A copy in `data_dir` as if taken from `server` (built from a demo file here)."""
    source = open_database(tmp_path / "source.sqlite3")
    try:
        with source.session() as session:
            assert fill_demo(session).created
            count = int(session.scalar(select(func.count()).select_from(Prospect)) or 0)
        offline_copy.refresh_copy(source.engine, data_dir, server)
    finally:
        source.dispose()
    return count


def _no_box(monkeypatch: pytest.MonkeyPatch) -> None:
    from prospection.ui import team_dialogs

    def decide(_box: team_dialogs.TeamProblemBox) -> team_dialogs.TeamChoice:
        raise AssertionError("the copy should have been opened without asking")

    monkeypatch.setattr(team_dialogs.TeamProblemBox, "decide", decide)


def _window(qtbot: QtBot, db: Database, *, owned: bool = True) -> MainWindow:
    window = MainWindow(db, DataEvents())
    if owned:  # (not when the app itself deletes it: go_live)
        qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_an_unreachable_server_at_start_opens_the_copy_read_only_with_a_banner(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection import app

    prospects = _copy_of_demo(tmp_path, data_dir)
    team.TeamSettings(NOWHERE).save(data_dir)
    _no_box(monkeypatch)
    db = app.open_with_recovery(argparse.Namespace(data_dir=str(data_dir), database=None))
    assert db is not None
    try:
        assert db.read_only is ReadOnly.COPY
        window = _window(qtbot, db)
        banner = window.findChild(OfflineCopyBanner, "offlineCopyBanner")
        assert banner is not None and banner.isVisible()
        info = offline_copy.copy_info(data_dir)
        assert info is not None
        assert banner.text().startswith(
            "⚠ Team server unreachable — showing your copy from "
            f"{short_datetime(info.taken_at)}; changes are off."
        )
        # The data is there to read ...
        qtbot.waitUntil(lambda: window.model.rowCount() == prospects)
        # ... and nothing can change it.
        assert not any(action.isEnabled() for action in window.writing_actions())
        window.new_prospect()
        notice = window.findChild(QMessageBox, "offlineCopyNotice")
        assert notice is not None and notice.isVisible()
        assert not window.editor.is_new()
        notice.close()

        # Retry: still unreachable (port 1 refuses at once), then the server answers.
        copy = window.offline_copy
        assert copy is not None
        banner.retry_button.click()
        qtbot.waitUntil(lambda: "Still unreachable" in banner.text(), timeout=10000)
        assert banner.retry_button.isEnabled()
        copy.watch._check = lambda _url: None
        with qtbot.waitSignal(copy.server_back, timeout=5000):
            banner.retry_button.click()
        window.close()
    finally:
        db.dispose()
    QApplication.processEvents()


def test_without_a_copy_the_start_says_so_in_words(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection import app
    from prospection.ui import team_dialogs

    shown: list[str] = []

    def decide(box: team_dialogs.TeamProblemBox) -> team_dialogs.TeamChoice:
        shown.append(box.informativeText())
        return team_dialogs.TeamChoice.QUIT

    monkeypatch.setattr(team_dialogs.TeamProblemBox, "decide", decide)
    team.TeamSettings(NOWHERE).save(data_dir)
    assert app.open_with_recovery(argparse.Namespace(data_dir=str(data_dir), database=None)) is None
    assert len(shown) == 1
    assert "no copy of the team's data on this computer" in shown[0]


def test_a_copy_of_another_server_is_not_shown(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection import app
    from prospection.ui import team_dialogs

    _copy_of_demo(tmp_path, data_dir, server="postgresql+psycopg://someone@elsewhere:5432/other")
    monkeypatch.setattr(
        team_dialogs.TeamProblemBox, "decide", lambda _box: team_dialogs.TeamChoice.QUIT
    )
    args = argparse.Namespace(data_dir=str(data_dir), database=NOWHERE)
    assert app.open_with_recovery(args) is None


def test_back_online_the_window_reopens_on_the_live_database_and_refreshes_the_copy(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection import app

    live = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    live.dispose()
    _copy_of_demo(tmp_path, data_dir, server=pg_url)
    args = argparse.Namespace(data_dir=str(data_dir), database=pg_url)
    # The server "unreachable" at start: the first open fails as it would.
    real_open = team.open_team_database
    calls: list[int] = []

    def open_team_database(*a: object, **k: object) -> Database:
        calls.append(1)
        if len(calls) == 1:
            raise team.TeamError(team.Reason.UNREACHABLE, "unreachable (test)")
        return real_open(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(team, "open_team_database", open_team_database)
    _no_box(monkeypatch)
    from prospection.ui import team_dialogs

    monkeypatch.setattr(team_dialogs.WhoAreYouDialog, "ask", lambda _self: ("Alice", ""))
    db = app.open_with_recovery(args)
    assert db is not None and db.read_only is ReadOnly.COPY
    window = _window(qtbot, db, owned=False)
    current = app.Current(window, db)
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    app.install_team_copy(args, application, current)
    copy = window.offline_copy
    assert copy is not None
    copy.watch._check = lambda _url: None
    try:
        with qtbot.waitSignal(copy.server_back, timeout=5000):
            copy.watch.check_now()
        qtbot.waitUntil(lambda: current.window is not window, timeout=10000)
        assert current.db.read_only is None
        assert current.window.findChild(QWidget, "offlineCopyBanner") is None
        qtbot.addWidget(current.window)
        # On the live database the copy is refreshed in the background.
        refresher = current.refresher
        assert refresher is not None
        with qtbot.waitSignal(refresher.refreshed, timeout=60000) as done:
            refresher.refresh_now()
        assert isinstance(done.args[0], offline_copy.CopyInfo)
    finally:
        current.stop_refreshing()
        current.window.stop_listening()
        current.window.close()
        current.db.dispose()


def test_a_long_refresh_spaces_the_next_ones(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    from prospection.ui.offline_copy_ui import BUSY_SHARE, CopyRefresher

    refresher = CopyRefresher(object(), data_dir, NOWHERE, interval=900)
    assert refresher.timer.interval() == 900_000
    refresher._schedule(offline_copy.CopyInfo(datetime.now(UTC), NOWHERE, 1, seconds=20.0))
    assert refresher.timer.interval() == 900_000  # short: the interval
    refresher._schedule(offline_copy.CopyInfo(datetime.now(UTC), NOWHERE, 1, seconds=333.0))
    assert refresher.timer.interval() == int(333 * BUSY_SHARE) * 1000
    refresher._schedule(None)  # a failed refresh changes nothing
    assert refresher.timer.interval() == int(333 * BUSY_SHARE) * 1000
