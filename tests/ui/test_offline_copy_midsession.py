"""Team mode offline (issue #17): the server lost mid-session, the window offers the copy.

The loss goes through the path a real one takes (as in test_live_refresh): every
connection of the app to the server is terminated and the listener cannot reconnect, so
`LiveRefresh` sees the server gone, sets `ReadOnly.SERVER` and shows its banner. The
banner then offers the local copy; one click moves the whole window to it (read-only,
the view kept), and it comes back live when the server answers, as at start.
"""

from __future__ import annotations

import argparse
import gc
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from prospection import app
from prospection.core import change_feed, offline_copy, team, users
from prospection.core.call_sessions import get_session
from prospection.core.db import open_database
from prospection.core.enums import SessionStatus, Stage
from prospection.core.integrity import ReadOnly
from prospection.ui import copy_offer
from prospection.ui.call_session.launcher import open_session
from prospection.ui.call_session.session_dialog import CallSessionDialog
from prospection.ui.data_events import DataEvents
from prospection.ui.live_refresh import LiveRefresh
from prospection.ui.main_window import MainWindow
from prospection.ui.offline_copy_ui import OfflineCopyBanner
from prospection.ui.prospect_table_model import Column
from prospection.ui.qt_dates import short_datetime
from prospection.ui.view_choice import ViewChoice
from tests.ui.call_session_helpers import Prompts, start
from tests.ui.conftest import seed

#: See `Server.close`: a server cursor of a connection the test terminated.
pytestmark = pytest.mark.filterwarnings(
    r"ignore:.*ServerCursor.*deleted while still open:ResourceWarning"
)


class Server:
    """The team server seen by one test: a live window on it, a way to lose it."""

    def __init__(self, qtbot: QtBot, url: str, data_dir: Path, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.url = url
        self.down = threading.Event()
        self.args = argparse.Namespace(data_dir=str(data_dir), database=url)
        # The data folder's database path, as the app opens it (team.open_team_database).
        self.db = open_database(data_dir / "prospection.sqlite3", url=url)
        # Alice works on it, here and when the app opens it again (go_live).
        team.TeamSettings(url, "Alice", "").save(data_dir)
        users.identify(self.db, "Alice", "")
        self.ids = seed(self.db, 30)
        self.current: app.Current | None = None

    def window(self) -> MainWindow:
        window = MainWindow(self.db, DataEvents(), background_counts=True)
        window.show()
        live = window.live
        assert isinstance(live, LiveRefresh)
        live.feed.backoff = (0.2,)
        self.qtbot.waitUntil(lambda: live.feed.connected, timeout=5000)
        self.current = app.Current(window, self.db)
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        app.install_team_copy(self.args, application, self.current)
        return window

    def lose(self, window: MainWindow) -> None:
        """Cut every connection of the window's app; the listener cannot reconnect."""
        live = window.live
        assert live is not None
        self.down.set()
        pids = sorted(live.feed.own_pids | {live.feed.listener_pid or 0})
        admin = create_engine(self.url)
        try:
            with admin.begin() as connection:
                connection.execute(
                    text("SELECT pg_terminate_backend(pid) FROM unnest(CAST(:p AS int[])) pid"),
                    {"p": pids},
                )
        finally:
            admin.dispose()
        self.qtbot.waitUntil(lambda: not live.online, timeout=5000)

    def close(self) -> None:
        self.down.clear()
        current = self.current
        if current is not None:
            current.stop_refreshing()
            window = current.window
            window.stop_listening()
            window.editor.forget_changes()
            window.hide()
            window.deleteLater()
            if current.db is not self.db:
                current.db.dispose()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.qtbot.wait(50)
        self.db.dispose()
        # A read cut by the terminated connection can leave psycopg's server cursor
        # unclosed (its CLOSE cannot reach the server; nothing is held there: the
        # backend is gone). Collected here, where it is expected, rather than as a
        # ResourceWarning in whichever later test the garbage collector runs in.
        with warnings.catch_warnings():
            warnings.filterwarnings(
                "ignore", r".*ServerCursor.*deleted while still open", ResourceWarning
            )
            gc.collect()


@pytest.fixture
def server(
    qtbot: QtBot, pg_url: str, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Server]:
    data_dir.mkdir(parents=True, exist_ok=True)
    team_server = Server(qtbot, pg_url, data_dir, tmp_path)
    real_connect = change_feed.ChangeFeed.connect

    def connect(feed: change_feed.ChangeFeed) -> None:
        if team_server.down.is_set():
            raise change_feed.ServerLostError("connection refused")
        real_connect(feed)

    monkeypatch.setattr(change_feed.ChangeFeed, "connect", connect)
    yield team_server
    team_server.close()


def _copy(server: Server, data_dir: Path) -> offline_copy.CopyInfo:
    return offline_copy.refresh_copy(server.db.engine, data_dir, server.url)


def _names(window: MainWindow) -> list[str]:
    rows = [window.model.row_at(row) for row in range(window.model.rowCount())]
    return [row.name for row in rows if row is not None]


def test_a_server_lost_mid_session_offers_the_copy_and_the_window_moves_to_it(
    qtbot: QtBot, server: Server, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = _copy(server, data_dir)
    window = server.window()
    assert window.server_action is None or not window.server_action.isVisible()
    # What the user looks at: a search, a stage, a prospect under the cursor.
    window.search_box.setText("Société 001")
    window.show_view(ViewChoice(stage=Stage.NEW))
    window.apply_filters()
    qtbot.waitUntil(lambda: window.model.rowCount() == 10)
    window.table.sortByColumn(int(Column.NAME), Qt.SortOrder.DescendingOrder)
    names = _names(window)
    assert names[0] == "Société 0019"
    target = server.ids[4 + 12]  # Société 0012
    assert window.table.select_prospect(target)
    qtbot.waitUntil(lambda: window.editor.prospect_id() == target)

    server.lose(window)
    button = window.server_action
    assert button is not None and button.isVisible()
    assert button.text().replace("&", "") == f"Show my copy from {short_datetime(info.taken_at)}"
    assert window.server_banner is not None and window.server_banner.isVisible()

    button.click()
    assert server.current is not None
    current = server.current
    qtbot.waitUntil(lambda: current.window is not window, timeout=5000)
    copy_window = current.window
    assert current.db.read_only is ReadOnly.COPY
    assert copy_window.isVisible() and not window.isVisible()
    banner = copy_window.findChild(OfflineCopyBanner, "offlineCopyBanner")
    assert banner is not None and banner.isVisible()
    assert banner.text().startswith(
        f"⚠ Team server unreachable — showing your copy from {short_datetime(info.taken_at)}"
    )
    # The same view, every row of it readable (not only the blocks loaded before).
    assert copy_window.search_box.text() == "Société 001"
    assert copy_window.filter_bar.choice().stage is Stage.NEW
    assert _names(copy_window) == names  # the sort too
    header = copy_window.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.NAME
    assert header.sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
    assert copy_window.table.current_id() == target
    qtbot.waitUntil(lambda: copy_window.editor.prospect_id() == target, timeout=5000)
    assert copy_window.editor.form.name.text() == "Société 0012"
    copy_window.clear_filters()
    qtbot.waitUntil(lambda: copy_window.model.rowCount() == len(server.ids))
    assert None not in [copy_window.model.row_at(r) for r in range(copy_window.model.rowCount())]
    qtbot.waitUntil(lambda: copy_window.sidebar.counts() is not None, timeout=5000)
    counts = copy_window.sidebar.counts()
    assert counts is not None and counts.total == len(server.ids)
    # Read-only, in words.
    assert not any(action.isEnabled() for action in copy_window.writing_actions())
    copy_window.new_prospect()
    notice = copy_window.findChild(QMessageBox, "offlineCopyNotice")
    assert notice is not None and "nothing was saved" in notice.text()
    assert "when Prospection started" not in notice.text()
    notice.close()

    # The server answers again: back to the live database, as at start.
    from prospection.ui import team_dialogs

    monkeypatch.setattr(team_dialogs.WhoAreYouDialog, "ask", lambda _self: ("Alice", ""))
    server.down.clear()
    copy = copy_window.offline_copy
    assert copy is not None
    copy.watch._check = lambda _url: None
    with qtbot.waitSignal(copy.server_back, timeout=5000):
        copy.watch.check_now()
    qtbot.waitUntil(lambda: current.window is not copy_window, timeout=10000)
    assert current.db.read_only is None
    assert current.window.findChild(QWidget, "offlineCopyBanner") is None
    assert current.window.live is not None


def test_without_a_copy_the_banner_says_so_and_offers_nothing(
    qtbot: QtBot, server: Server, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = server.window()
    server.lose(window)
    assert window.server_action is not None and not window.server_action.isVisible()
    assert window.server_banner is not None
    banner_text = window.server_banner.text()  # type: ignore[attr-defined]
    assert "no copy of the team's data on this computer" in banner_text
    # Asked anyway (the copy deleted after the offer): said, the window stays live.
    shown: list[str] = []

    def warning(_parent: object, _title: str, body: str, *_a: object) -> object:
        shown.append(body)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    assert server.current is not None
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    assert not app.go_offline(server.args, application, server.current)
    assert server.current.window is window
    assert shown and "no copy of the team's data" in shown[0]


def test_unsaved_edits_come_along_to_the_copy_and_back_and_save_there(
    qtbot: QtBot, server: Server, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copy(server, data_dir)
    window = server.window()
    _names(window)
    target = server.ids[1]  # Menuiserie Lefèvre, Rezé
    assert window.table.select_prospect(target)
    qtbot.waitUntil(lambda: window.editor.prospect_id() == target)
    window.editor.form.name.setText("Menuiserie Lefèvre & Cie")
    assert window.editor.has_changes()
    server.lose(window)
    assert window.server_action is not None
    window.server_action.click()
    current = server.current
    assert current is not None
    qtbot.waitUntil(lambda: current.window is not window, timeout=5000)
    copy_window = current.window
    # The edit came along; saving it is refused there, in words, and it stays.
    editor = copy_window.editor
    assert editor.prospect_id() == target and editor.has_changes()
    assert editor.form.name.text() == "Menuiserie Lefèvre & Cie"
    editor.form.pains.setPlainText("Delivery delays")  # typed on the copy
    assert not editor.save()
    notice = copy_window.findChild(QMessageBox, "offlineCopyNotice")
    assert notice is not None and "Your unsaved edits are kept" in notice.text()
    notice.close()
    # Meanwhile a colleague changes another field on the server.
    colleague = create_engine(server.url)
    try:
        with colleague.begin() as connection:
            connection.execute(
                text("UPDATE prospect SET city = 'Nantes' WHERE id = :i"), {"i": target}
            )
        # Back live: the edits are there, on the server's values, and save.
        server.down.clear()
        copy = copy_window.offline_copy
        assert copy is not None
        copy.watch._check = lambda _url: None
        copy.watch.check_now()
        qtbot.waitUntil(lambda: current.db.read_only is None, timeout=10000)
        editor = current.window.editor
        assert editor.prospect_id() == target and editor.has_changes()
        assert editor.form.name.text() == "Menuiserie Lefèvre & Cie"
        assert editor.form.pains.toPlainText() == "Delivery delays"
        assert editor.form.city.text() == "Nantes"  # the colleague's, not the copy's Rezé
        assert editor.save()
        with colleague.connect() as connection:
            row = connection.execute(
                text("SELECT name, city, pains FROM prospect WHERE id = :i"), {"i": target}
            ).one()
    finally:
        colleague.dispose()
    assert tuple(row) == ("Menuiserie Lefèvre & Cie", "Nantes", "Delivery delays")


def test_edits_of_a_prospect_the_copy_lacks_are_not_dropped_without_asking(
    qtbot: QtBot, server: Server, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copy(server, data_dir)
    with server.db.session() as session:  # added after the copy was made
        from prospection.core.models import Prospect

        newer = Prospect(name="Aaa Plus récent")
        session.add(newer)
        session.flush()
        newer_id = newer.id
    window = server.window()
    _names(window)
    assert window.table.select_prospect(newer_id)
    qtbot.waitUntil(lambda: window.editor.prospect_id() == newer_id)
    window.editor.form.city.setText("Brest")
    server.lose(window)
    asked: list[str] = []
    answers = [False, True]  # keep editing, then drop them

    def answer(box: QDialog) -> bool:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(copy_offer, "run_dialog", answer)
    assert window.server_action is not None
    window.server_action.click()
    assert len(asked) == 1 and "not in your copy" in asked[0]
    assert server.current is not None and server.current.window is window
    assert window.editor.has_changes() and window.editor.form.city.text() == "Brest"

    window.server_action.click()  # this time the user drops them
    current = server.current
    qtbot.waitUntil(lambda: current.window is not window, timeout=5000)
    assert current.db.read_only is ReadOnly.COPY
    assert not current.window.editor.has_changes()


def _session_open_then_lost(
    qtbot: QtBot, server: Server, window: MainWindow
) -> tuple[int, CallSessionDialog]:
    """A call session started and open over `window`, then the server lost."""
    session_id = start(server.db)
    dialog = open_session(server.db, window.events, session_id, window)
    qtbot.waitExposed(dialog)
    server.lose(window)
    return session_id, dialog


def test_an_open_call_session_is_closed_first(
    qtbot: QtBot, server: Server, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copy(server, data_dir)
    window = server.window()

    _, dialog = _session_open_then_lost(qtbot, server, window)
    told: list[str] = []

    def answer(box: QDialog) -> bool:
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        return True

    monkeypatch.setattr(copy_offer, "run_dialog", answer)
    assert server.current is not None
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    # (The dialog is window-modal: the banner's button cannot be clicked meanwhile.)
    assert not app.go_offline(server.args, application, server.current)
    assert len(told) == 1 and "A call session is open" in told[0]
    assert server.current.window is window and dialog.isVisible()
    dialog.hide()
    dialog.deleteLater()


def test_a_call_session_closed_while_offline_is_resumed_once_back(
    qtbot: QtBot, server: Server, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: ending a session offline raised, and the dialog could never close again."""
    _copy(server, data_dir)
    window = server.window()

    prompts = Prompts(monkeypatch)
    session_id, dialog = _session_open_then_lost(qtbot, server, window)

    # End it (Esc, Yes): it cannot be ended now; Stay keeps it, Esc works again after.
    prompts.then(lambda _box: True).then(lambda _box: False)
    dialog.reject()
    assert "cannot be ended now" in prompts.texts[-1]
    assert "not saved yet" not in prompts.texts[-1]
    assert dialog.isVisible()
    prompts.then(lambda _box: True).then(lambda _box: True)  # Yes, then Close the window
    dialog.reject()
    assert len(prompts.texts) == 4
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # Nothing blocks the copy now.
    assert server.current is not None
    current = server.current
    assert window.server_action is not None
    window.server_action.click()
    qtbot.waitUntil(lambda: current.window is not window, timeout=5000)
    assert current.db.read_only is ReadOnly.COPY

    # Back live: the session was left open on the server, and is offered again.
    server.down.clear()
    with server.db.session() as session:
        assert get_session(session, session_id).status is not SessionStatus.ENDED
    copy = current.window.offline_copy
    assert copy is not None
    copy.watch._check = lambda _url: None
    prompts.then(lambda _box: False)  # "Resume your call session?": End it
    copy.watch.check_now()
    qtbot.waitUntil(lambda: current.db.read_only is None, timeout=10000)
    qtbot.waitUntil(lambda: len(prompts.texts) == 5, timeout=10000)
    assert "Your call session of" in prompts.texts[4] and "was interrupted" in prompts.texts[4]


def test_a_call_not_saved_yet_is_not_lost_by_closing_the_session_offline(
    qtbot: QtBot, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = server.window()

    prompts = Prompts(monkeypatch)
    _, dialog = _session_open_then_lost(qtbot, server, window)
    # A call logged now is refused ("Later" on the Retry box) ...
    dialog.activateWindow()
    dialog.setFocus()
    prompts.then(lambda _box: False)
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # voicemail
    assert "was not saved" in prompts.texts[-1]
    assert "Not saved yet" in dialog.last_label.text()
    # ... and ending the session says so; the default is to stay.
    defaults: list[str] = []

    def default_button(box: QDialog) -> bool:
        assert isinstance(box, QMessageBox)
        defaults.append(box.defaultButton().text())
        return False

    prompts.then(lambda _box: True).then(default_button)
    dialog.reject()
    assert "would be lost (" + dialog.brief.name.text() + " — Voicemail left)" in prompts.texts[-1]
    assert defaults == ["&Stay"]
    assert dialog.isVisible()
    assert "Not saved yet" in dialog.last_label.text()


def test_a_call_session_open_while_offline_keeps_its_notes_without_a_box_at_each_pause(
    qtbot: QtBot, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: each save of the notes (and each renewal of the reservations) raised while
    the server was away: the excepthook's box at every pause in typing."""
    window = server.window()

    prompts = Prompts(monkeypatch)
    _, dialog = _session_open_then_lost(qtbot, server, window)
    dialog.notes.setPlainText("Call back after 10")
    dialog.save_notes()  # (the timer's call after a pause in typing)
    dialog.keep_reservations()  # (the reservations' timer)
    assert dialog.notes.toPlainText() == "Call back after 10"
    # Ending it now says the notes would be lost; the default is to stay.
    prompts.then(lambda _box: True).then(lambda _box: False)
    dialog.reject()
    assert "The notes typed since the server went away would be lost" in prompts.texts[-1]
    assert dialog.isVisible()


def test_a_colleagues_change_of_the_same_field_is_asked_about_once_back(
    qtbot: QtBot, server: Server, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copy(server, data_dir)
    window = server.window()
    _names(window)
    target = server.ids[2]  # DataForge, Montreuil
    assert window.table.select_prospect(target)
    qtbot.waitUntil(lambda: window.editor.prospect_id() == target)
    window.editor.form.city.setText("Vincennes")
    server.lose(window)
    assert window.server_action is not None
    window.server_action.click()
    current = server.current
    assert current is not None
    qtbot.waitUntil(lambda: current.window is not window, timeout=5000)
    colleague = create_engine(server.url)
    try:
        with colleague.begin() as connection:
            connection.execute(
                text("UPDATE prospect SET city = 'Bagnolet' WHERE id = :i"), {"i": target}
            )
        from prospection.ui.editor.prospect_editor import ProspectEditor

        asked: list[list[str]] = []

        def ask(_editor: object, conflicts: list[Any], _subject: str) -> dict[str, str]:
            asked.append([c.field for c in conflicts])
            return {"city": "theirs"}

        monkeypatch.setattr(ProspectEditor, "ask_conflicts", ask)
        server.down.clear()
        copy = current.window.offline_copy
        assert copy is not None
        copy.watch._check = lambda _url: None
        copy.watch.check_now()
        qtbot.waitUntil(lambda: current.db.read_only is None, timeout=10000)
        editor = current.window.editor
        assert editor.form.city.text() == "Vincennes" and editor.has_changes()
        assert editor.save()
        assert asked == [["city"]]  # not written over the colleague's without asking
        with colleague.connect() as connection:
            city = connection.execute(
                text("SELECT city FROM prospect WHERE id = :i"), {"i": target}
            ).scalar_one()
    finally:
        colleague.dispose()
    assert city == "Bagnolet"


def test_a_new_prospect_being_typed_comes_along(
    qtbot: QtBot, server: Server, data_dir: Path
) -> None:
    _copy(server, data_dir)
    window = server.window()
    window.new_prospect()
    window.editor.form.name.setText("Boulangerie Nouvelle")
    assert window.editor.is_new() and window.editor.has_changes()
    server.lose(window)
    assert window.server_action is not None
    window.server_action.click()
    current = server.current
    assert current is not None
    qtbot.waitUntil(lambda: current.window is not window, timeout=5000)
    editor = current.window.editor
    assert editor.is_new() and editor.has_changes()
    assert editor.form.name.text() == "Boulangerie Nouvelle"


def test_the_offer_goes_when_the_server_comes_back_by_itself(
    qtbot: QtBot, server: Server, data_dir: Path
) -> None:
    _copy(server, data_dir)
    window = server.window()
    server.lose(window)
    button = window.server_action
    assert button is not None and button.isVisible()
    server.down.clear()
    live = window.live
    assert live is not None
    qtbot.waitUntil(lambda: live.online, timeout=5000)
    assert not button.isVisible()
    assert server.current is not None and server.current.window is window
    # Lost again: offered again.
    server.lose(window)
    assert button.isVisible()
