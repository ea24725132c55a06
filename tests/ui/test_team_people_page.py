"""Preferences > Team on a team server: the team's people, renaming yourself, adding one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGroupBox
from pytestqt.qtbot import QtBot

from prospection.core import team, users
from prospection.core.db import Database, open_database
from prospection.ui.preferences_dialog import PreferencesDialog
from prospection.ui.team_page import TeamPage

SERVER = "postgresql+psycopg://alice@127.0.0.1:1/teamdb"


def _page(qtbot: QtBot, db: Database, data_dir: Path) -> TeamPage:
    data_dir.mkdir(parents=True, exist_ok=True)
    page = TeamPage(data_dir, connected_as="Alice", db=db)
    qtbot.addWidget(page)
    page.show()
    return page


def _names(db: Database) -> list[tuple[str, str]]:
    with db.session() as session:
        return [(u.name, u.email) for u in users.list_users(session)]


def test_the_page_lists_the_people_and_adds_a_colleague(
    qtbot: QtBot, db: Database, data_dir: Path
) -> None:
    users.identify(db, "Alice", "alice@example.fr")
    with db.session() as session:
        users.add_user(session, "Bob Durand")
    page = _page(qtbot, db, data_dir)
    assert page.people_shown() == [
        ("Alice", "alice@example.fr", "you"),
        ("Bob Durand", "", ""),
    ]
    # Your name and email are filled from who you are, when nothing was saved.
    assert (page.person_edit.text(), page.email_edit.text()) == ("Alice", "alice@example.fr")
    page.new_name_edit.setText("Chloé")  # QTest types ASCII only
    qtbot.keyClicks(page.new_name_edit, " Petit")
    qtbot.keyClicks(page.new_email_edit, "chloe@example.fr")
    with qtbot.waitSignal(page.people_changed, timeout=2000):
        qtbot.keyClick(page.new_email_edit, Qt.Key.Key_Return)
    assert page.people_label.text() == "Chloé Petit was added: prospects can be given to them now."
    assert page.people_shown()[-1] == ("Chloé Petit", "chloe@example.fr", "")
    assert page.new_name_edit.text() == "" and page.new_email_edit.text() == ""
    # A taken name, a bad email, no name: said, nothing added.
    for name, email, said in (
        (" bob durand", "", "Someone in the team is already called bob durand."),
        ("Denis", "denis@", "This email address is not valid."),
        ("", "", "Give your name (or your email) in the team."),
        ("Denis", "CHLOE@example.fr", "CHLOE@example.fr is already another person's email."),
    ):
        page.new_name_edit.setText(name)
        page.new_email_edit.setText(email)
        page.add_button.click()
        assert page.people_label.text() == said
    assert len(_names(db)) == 3


def test_renaming_yourself_changes_your_row_not_a_new_person(
    qtbot: QtBot, db: Database, data_dir: Path
) -> None:
    users.identify(db, "Alice")
    with db.session() as session:
        users.add_user(session, "Bob")
    data_dir.mkdir(parents=True, exist_ok=True)
    team.TeamSettings(SERVER, "Alice", "").save(data_dir)
    page = _page(qtbot, db, data_dir)
    page.person_edit.setText("bob")
    page.rename_button.click()
    assert page.people_label.text() == "Someone in the team is already called bob."
    page.person_edit.setText("Alice Martin")
    page.email_edit.setText("alice@example.fr")
    with qtbot.waitSignal(page.people_changed, timeout=2000):
        page.rename_button.click()
    assert page.people_label.text() == "You are now Alice Martin in the team."
    assert page.connected_label.text() == "Connected as: Alice Martin"
    assert _names(db) == [("Alice Martin", "alice@example.fr"), ("Bob", "")]
    saved = team.TeamSettings.load(data_dir)
    assert saved is not None and (saved.user, saved.email) == ("Alice Martin", "alice@example.fr")
    assert page.people_shown()[0] == ("Alice Martin", "alice@example.fr", "you")


def test_save_with_a_new_name_renames_you_in_the_team(
    qtbot: QtBot, db: Database, data_dir: Path
) -> None:
    """Before, a changed "Your name" found or added another person at the next start."""
    users.identify(db, "Alice")
    data_dir.mkdir(parents=True, exist_ok=True)
    team.TeamSettings(SERVER, "Alice", "").save(data_dir)
    page = _page(qtbot, db, data_dir)
    page.person_edit.setText("Alice Martin")
    assert page.save()
    assert _names(db) == [("Alice Martin", "")]
    saved = team.TeamSettings.load(data_dir)
    assert saved is not None and saved.user == "Alice Martin"


def test_without_a_team_database_there_is_no_list(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PreferencesDialog(data_dir=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.team_page.people_box is None
    assert dialog.findChild(QGroupBox, "teamPeople") is None


def test_the_people_page_is_translated_in_french(
    qtbot: QtBot, db: Database, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from prospection.ui.i18n import install_translators

    users.identify(db, "Alice")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "fr")
    try:
        page = _page(qtbot, db, data_dir)
        assert page.people_box is not None
        assert page.people_box.title() == "Les personnes de l'équipe"
        assert page.people_shown() == [("Alice", "", "vous")]
        page.new_name_edit.setText("alice")
        page.add_button.click()
        assert page.people_label.text() == "Quelqu'un dans l'équipe s'appelle déjà alice."
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_the_main_window_shows_the_teams_people_on_a_server(
    qtbot: QtBot, data_dir: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection.ui.data_events import DataEvents
    from prospection.ui.main_window import MainWindow
    from prospection.ui.prospect_table_model import Column

    db = open_database(data_dir / "prospection.sqlite3", url=pg_url)
    try:
        users.identify(db, "Alice")
        window = MainWindow(db, DataEvents())
        qtbot.addWidget(window)
        assert not window.model.team
        seen: list[list[tuple[str, str, str]]] = []

        def exec_(dialog: QDialog) -> int:
            page = dialog.team_page  # type: ignore[attr-defined]
            page.new_name_edit.setText("Bob")
            page.add_button.click()
            seen.append(page.people_shown())
            return 0

        monkeypatch.setattr(PreferencesDialog, "exec", exec_)
        window.show_preferences()
        assert seen == [[("Alice", "", "you"), ("Bob", "", "")]]
        assert window.model.team  # the team columns and "Mine" follow at once
        header = window.table.horizontalHeader()
        # The owner column shows; "Last called by" waits in the header's menu (no room
        # beside the editor on a laptop).
        assert not header.isSectionHidden(int(Column.OWNER))
        assert header.isSectionHidden(int(Column.LAST_CALLER))
        window.close()
    finally:
        db.dispose()
