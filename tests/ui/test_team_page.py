"""Preferences > Team and starting on a team server (issue #17), with pytest-qt."""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from prospection.core import dialects, team
from prospection.core.db import Database, open_database
from prospection.core.demo import fill_demo
from prospection.ui.preferences_dialog import PreferencesDialog
from prospection.ui.team_page import TeamPage

NOWHERE = "postgresql+psycopg://127.0.0.1:1/teamdb"


_OPEN: list[PreferencesDialog] = []  # kept alive for the test (qtbot closes them)


def _page(qtbot: QtBot, data_dir: Path) -> TeamPage:
    dialog = PreferencesDialog(data_dir=data_dir)
    qtbot.addWidget(dialog)
    _OPEN.append(dialog)
    page = dialog.team_page
    assert dialog.tabs.indexOf(page) >= 0
    dialog.tabs.setCurrentWidget(page)
    dialog.show()
    return page


def _finished(page: TeamPage) -> bool:
    return page.test_button.isEnabled() and not page.result_label.text().endswith("…")


def test_test_connection_runs_in_a_thread_and_says_the_server_cannot_be_reached(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, tmp_path)
    page.window().show()
    qtbot.keyClicks(page.url_edit, NOWHERE)
    qtbot.keyClicks(page.user_edit, "marie")
    release = threading.Event()
    real_check = team.check_server

    def slow_check(url: str, password: str | None = None) -> team.ServerReport:
        assert url == "postgresql+psycopg://marie@127.0.0.1:1/teamdb"
        release.wait(10)  # a slow network: the GUI thread must not wait for it
        return real_check(url, password)

    monkeypatch.setattr(team, "check_server", slow_check)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert not page.test_button.isEnabled()  # busy, and the click returned at once
    assert "Connecting" in page.result_label.text()
    release.set()
    qtbot.waitUntil(lambda: _finished(page), timeout=15000)
    assert "cannot be reached" in page.result_label.text()
    assert "Traceback" not in page.result_label.text()


def test_a_wrong_address_is_said_before_connecting(qtbot: QtBot, tmp_path: Path) -> None:
    page = _page(qtbot, tmp_path)
    qtbot.keyClicks(page.url_edit, "mysql://db/x")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "not a team server address" in page.result_label.text()
    assert not (tmp_path / team.SETTINGS_FILE).exists()


def test_save_keeps_the_address_and_user_without_the_password(qtbot: QtBot, tmp_path: Path) -> None:
    page = _page(qtbot, tmp_path)
    qtbot.keyClicks(page.url_edit, "postgresql://server:5432/team?sslmode=require")
    qtbot.keyClicks(page.user_edit, "marie")
    qtbot.keyClicks(page.password_edit, "s3cret")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in page.result_label.text()
    saved = team.TeamSettings.load(tmp_path)
    assert saved == team.TeamSettings("postgresql+psycopg://marie@server:5432/team?sslmode=require")
    assert "s3cret" not in (tmp_path / team.SETTINGS_FILE).read_text(encoding="utf-8")
    if not team.keyring_available():  # headless: said, and nothing stored
        assert "not stored" in page.result_label.text()
    # Opened again, the page shows what was saved; "Use the local file" forgets it.
    again = _page(qtbot, tmp_path)
    assert again.user_edit.text() == "marie"
    assert again.url_edit.text() == "postgresql+psycopg://server:5432/team?sslmode=require"
    qtbot.mouseClick(again.local_button, Qt.MouseButton.LeftButton)
    assert team.TeamSettings.load(tmp_path) is None


def test_without_a_keyring_the_page_says_the_password_is_asked(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(team, "keyring_available", lambda: False)
    page = _page(qtbot, tmp_path)
    note = page.findChild(QLabel, "keyringNote")
    assert note is not None and "no system keyring" in note.text()


def test_the_team_page_is_translated_in_french(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from prospection.ui.i18n import install_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "fr")
    try:
        page = _page(qtbot, tmp_path)
        assert page.test_button.text() == "&Tester la connexion"
        assert page.move_button.text().startswith("&Déplacer mes données")
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_move_my_data_copies_the_local_file_to_the_team(
    qtbot: QtBot, tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = open_database(tmp_path / "prospection.sqlite3")
    with local.session() as session:
        fill_demo(session)
    local.dispose()
    team.init_server(pg_url)
    page = _page(qtbot, tmp_path)
    page.url_edit.setText(pg_url)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _finished(page), timeout=60000)
    assert page.result_label.text().startswith("Moved:")


def test_an_unreachable_server_at_start_offers_the_local_file(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection import app
    from prospection.ui import team_dialogs

    asked: list[team.Reason] = []

    def decide(box: team_dialogs.TeamProblemBox) -> team_dialogs.TeamChoice:
        asked.append(team.reason_of(box._error))
        return team_dialogs.TeamChoice.RETRY if len(asked) == 1 else team_dialogs.TeamChoice.LOCAL

    monkeypatch.setattr(team_dialogs.TeamProblemBox, "decide", decide)
    args = argparse.Namespace(data_dir=str(data_dir), database=NOWHERE)
    db = app.open_with_recovery(args)
    assert db is not None
    try:
        assert asked == [team.Reason.UNREACHABLE, team.Reason.UNREACHABLE]  # retried once
        assert dialects.is_sqlite(db.engine)  # then the local file, as chosen
    finally:
        db.dispose()


def test_a_password_asked_at_start_is_used_and_kept_only_if_asked(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection import app
    from prospection.ui import team_dialogs

    given: list[str | None] = []
    stored: list[tuple[str, str]] = []

    def open_app_database(*_args: object, password: str | None = None, **_kw: object) -> str:
        given.append(password)
        if password is None:
            raise team.TeamError(team.Reason.PASSWORD_NEEDED, "asks for a password")
        return "the team database"

    monkeypatch.setattr(app, "open_app_database", open_app_database)
    monkeypatch.setattr(team_dialogs.PasswordDialog, "ask", lambda _self: ("typed", True))
    monkeypatch.setattr(team, "store_password", lambda url, pw: stored.append((url, pw)) or True)
    args = argparse.Namespace(data_dir=str(data_dir), database=NOWHERE)
    assert app.open_with_recovery(args) == "the team database"
    assert given == [None, "typed"]
    assert stored == [(NOWHERE, "typed")]


def test_the_password_dialog_says_when_there_is_no_keyring(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection.ui.team_dialogs import PasswordDialog

    monkeypatch.setattr(team, "keyring_available", lambda: False)
    dialog = PasswordDialog(NOWHERE)
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "noKeyringNote")
    assert note is not None and "never written to disk" in note.text()
    assert not dialog.remember_box.isChecked()


def test_a_server_lost_mid_use_shows_a_plain_message(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError

    from prospection.ui import problem_dialogs

    shown_texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown_texts.append(box.text()) or 0)
    engine = create_engine(NOWHERE)
    with pytest.raises(OperationalError) as caught, engine.connect():
        pass
    problem_dialogs.show_unexpected_problem(caught.value, None)
    assert shown_texts and "team server does not answer" in shown_texts[0]
    assert "not saved" in shown_texts[0]


def test_ok_saves_a_changed_team_address_and_keeps_the_dialog_on_a_wrong_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page = _page(qtbot, tmp_path)
    dialog = _OPEN[-1]
    dialog.tabs.setCurrentIndex(0)
    page.url_edit.setText("not an address")
    dialog.accept()
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert "not a team server address" in page.result_label.text()
    page.url_edit.setText("postgresql://server/team")
    dialog.accept()
    assert not dialog.isVisible()
    assert team.TeamSettings.load(tmp_path) == team.TeamSettings("postgresql+psycopg://server/team")


def test_file_backups_are_not_offered_on_a_team_server(
    qtbot: QtBot, tmp_path: Path, pg_url: str
) -> None:
    # A team database is backed up by its administrator (pg_dump); the file backup and
    # restore would fail there with an "unexpected problem".
    from prospection.ui.data_events import DataEvents
    from prospection.ui.main_window import MainWindow

    db = open_database(tmp_path / "prospection.sqlite3", url=pg_url)
    try:
        window = MainWindow(db, DataEvents())
        qtbot.addWidget(window)
        for action in (window.safety.back_up, window.safety.restore):
            assert not action.isEnabled()
            assert "pg_dump" in action.statusTip()
        assert window.safety.privacy.isEnabled()  # erasure works for everyone
    finally:
        db.dispose()


def test_file_backups_are_offered_on_the_local_file(qtbot: QtBot, db: Database) -> None:
    from prospection.ui.data_events import DataEvents
    from prospection.ui.main_window import MainWindow

    if not dialects.is_sqlite(db.engine):
        pytest.skip("the local file only")
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    assert window.safety.back_up.isEnabled() and window.safety.restore.isEnabled()


def test_the_page_keeps_who_you_are_and_says_who_you_are_connected_as(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page = _page(qtbot, tmp_path)
    label = page.findChild(QLabel, "teamConnectedAs")
    assert label is not None and "this computer's file" in label.text()
    qtbot.keyClicks(page.url_edit, "postgresql://server/team")
    qtbot.keyClicks(page.person_edit, "Marie Curie")
    qtbot.keyClicks(page.email_edit, "not an email")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "not valid" in page.result_label.text()
    assert not (tmp_path / team.SETTINGS_FILE).exists()
    page.email_edit.clear()
    qtbot.keyClicks(page.email_edit, "Marie@Example.fr")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in page.result_label.text()
    assert team.saved_person(tmp_path) == ("Marie Curie", "Marie@example.fr")
    dialog = PreferencesDialog(data_dir=tmp_path, connected_as="Marie Curie")
    qtbot.addWidget(dialog)
    again = dialog.team_page
    assert again.person_edit.text() == "Marie Curie"
    assert again.email_edit.text() == "Marie@example.fr"
    connected = again.findChild(QLabel, "teamConnectedAs")
    assert connected is not None and connected.text() == "Connected as: Marie Curie"


def test_who_you_are_is_asked_at_start_then_kept(
    qtbot: QtBot, data_dir: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection import app
    from prospection.core import users
    from prospection.ui import team_dialogs

    monkeypatch.delenv("PROSPECTION_DATABASE_URL", raising=False)
    team.init_server(pg_url)
    team.TeamSettings(pg_url).save(data_dir)
    answers = iter([("Zoé", "not an email"), ("Zoé", "zoe@example.fr")])
    problems: list[str] = []

    def ask(dialog: team_dialogs.WhoAreYouDialog) -> tuple[str, str] | None:
        warning = dialog.findChild(QLabel, "whoProblem")
        problems.append(warning.text() if warning is not None else "")
        return next(answers)

    monkeypatch.setattr(team_dialogs.WhoAreYouDialog, "ask", ask)
    args = argparse.Namespace(data_dir=str(data_dir), database=None)
    db = app.open_with_recovery(args)
    assert db is not None
    try:
        with db.session() as session:
            me = users.current_user(session)
            assert (me.name, me.email) == ("Zoé", "zoe@example.fr")
    finally:
        db.dispose()
    assert problems == ["", "This email address is not valid."]
    assert team.saved_person(data_dir) == ("Zoé", "zoe@example.fr")
    # The next start asks nothing: the saved person is used.
    monkeypatch.setattr(team_dialogs.WhoAreYouDialog, "ask", lambda _self: None)
    db = app.open_with_recovery(args)
    assert db is not None
    with db.session() as session:
        assert users.current_user(session).name == "Zoé"
    db.dispose()


def test_the_main_window_tells_the_team_page_who_you_are_connected_as(
    qtbot: QtBot, data_dir: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from prospection.core import users
    from prospection.ui.data_events import DataEvents
    from prospection.ui.main_window import MainWindow

    db = open_database(data_dir / "prospection.sqlite3", url=pg_url)
    try:
        users.identify(db, "Alice")
        users.identify(db, "Bob", "bob@example.fr")  # this app now works for Bob
        window = MainWindow(db, DataEvents())
        qtbot.addWidget(window)
        shown_labels: list[str] = []

        def exec_(dialog: QDialog) -> int:
            label = dialog.findChild(QLabel, "teamConnectedAs")
            shown_labels.append(label.text() if label is not None else "")
            return 0

        monkeypatch.setattr(PreferencesDialog, "exec", exec_)
        window.show_preferences()
        assert shown_labels == ["Connected as: Bob"]
        window.close()
    finally:
        db.dispose()
