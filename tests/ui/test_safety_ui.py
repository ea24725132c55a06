"""Backups, privacy and retention dialogs, and the start-up recovery from a damaged file."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from prospection import app as app_module
from prospection.core import backup
from prospection.core.db import Database
from prospection.core.enums import Channel
from prospection.core.models import Contact, Prospect, Suppression
from prospection.ui.backup_dialogs import RestoreDialog
from prospection.ui.data_events import DataEvents
from prospection.ui.i18n import remove_translators
from prospection.ui.main_window import MainWindow
from prospection.ui.privacy_dialog import PrivacyDialog
from prospection.ui.problem_dialogs import StartupChoice, StartupDecision, StartupProblemBox
from prospection.ui.retention_dialog import RetentionDialog
from tests.ui.conftest import seed


def names(db: Database) -> list[str]:
    with db.session() as session:
        return sorted(session.scalars(select(Prospect.name)))


def test_restore_dialog_lists_and_restores(qtbot: QtBot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seed(db)
    made = backup.make_backup(db, "manual")
    with db.session() as session:
        session.add(Prospect(name="Added after"))
    events = DataEvents()
    dialog = RestoreDialog(db, events)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Made by you"
    assert dialog.table.item(0, 2).text() == "4"
    info = dialog.table.selected_backup()
    assert info is not None and info.path == made
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(events.database_reset):
        assert dialog.restore(made)
    assert "Added after" not in names(db)
    reasons = [b.reason for b in backup.list_backups(made.parent)]
    assert reasons == ["before-restore", "manual"]


def test_privacy_dialog_dnc_consent_export_erase(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    ids = seed(db)
    events = DataEvents()
    dialog = PrivacyDialog(db, events, ids[0])
    qtbot.addWidget(dialog)
    assert dialog.person_box.count() == 1
    dialog.no_call.setChecked(True)
    dialog.reason_edit.setText("asked on the phone")
    with qtbot.waitSignal(events.prospects_changed):
        dialog.apply_do_not_contact()
    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.prospect_id == ids[0])).one()
        assert contact.dnc_phone and contact.dnc_phone_reason == "asked on the phone"
        assert not contact.dnc_email
        contact_id = contact.id
    assert "asked on the phone" in dialog.dnc_phone_label.text()
    dialog.consent_wording.setPlainText("I agree to be called about bread ovens")
    dialog.record_consent()
    assert "bread ovens" in dialog.consent_label.text()
    out = dialog.export_data(tmp_path / "person.json")
    assert out is not None
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["person"]["id"] == contact_id
    if os.name == "posix":  # everything held about the person: for the user alone
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert data["consent"]["wording"] == "I agree to be called about bread ovens"
    assert dialog.erase(confirmed=True)
    assert dialog.erased
    with db.session() as session:
        assert session.get(Contact, contact_id) is None
        channels = {s.channel for s in session.scalars(select(Suppression))}
        assert Channel.PHONE in channels
    assert dialog.person_box.count() == 0


def test_retention_dialog_erases_ticked(qtbot: QtBot, db: Database) -> None:
    old = datetime.now(UTC) - timedelta(days=4 * 365)
    with db.session() as session:
        session.add(Prospect(name="Silent since 2022", collected_at=old))
        session.add(Prospect(name="Fresh"))
    dialog = RetentionDialog(db, DataEvents())
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert not dialog.erase_button.isEnabled()
    dialog.tick_all()
    assert dialog.erase_button.isEnabled()
    assert dialog.erase_ticked(confirmed=True) == 1
    assert names(db) == ["Fresh"]
    assert dialog.table.rowCount() == 0
    assert [b.reason for b in backup.list_backups(db.path.parent / "backups")] == ["before-delete"]


def test_main_window_has_the_safety_actions(qtbot: QtBot, db: Database) -> None:
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    texts = [a.text() for a in window.file_menu.actions()]
    assert "&Back up now" in texts and "&Restore from backup…" in texts
    assert window.safety.privacy in window.prospects_menu.actions()
    window.safety.back_up.trigger()
    assert [b.reason for b in backup.list_backups(db.path.parent / "backups")] == ["manual"]


def test_damaged_file_at_start_offers_a_backup(  # type: ignore[no-untyped-def]
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "data"
    args = app_module.parse_args(["--data-dir", str(folder), "--lang", "en"])
    db = app_module.open_app_database(args.data_dir)
    with db.session() as session:
        session.add(Prospect(name="Kept in the backup"))
    saved = backup.make_backup(db, "manual")
    db.dispose()
    live = folder / "prospection.sqlite3"
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    live.write_bytes(b"garbage" * 1000)
    offered: list[bool] = []

    def decide(box: StartupProblemBox) -> StartupDecision:
        offered.append(box.restore_button is not None)
        assert "damaged" in box.text()
        return StartupDecision(StartupChoice.RESTORE, saved)

    monkeypatch.setattr(StartupProblemBox, "decide", decide)
    qapp = QApplication.instance()
    window, db = app_module.start(args, qapp)
    try:
        assert offered == [True]
        assert window is not None and db is not None
        qtbot.addWidget(window)
        assert names(db) == ["Kept in the backup"]
        aside = list(folder.glob("prospection-set-aside-*.sqlite3"))
        assert len(aside) == 1 and aside[0].read_bytes() == b"garbage" * 1000
    finally:
        remove_translators(qapp, getattr(qapp, "_prospection_translators", []))
        if db is not None:
            db.dispose()


@pytest.mark.parametrize("choice", [StartupChoice.QUIT])
def test_quit_leaves_the_damaged_file_alone(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch, choice: StartupChoice
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "prospection.sqlite3").write_bytes(b"nope" * 100)
    monkeypatch.setattr(StartupProblemBox, "decide", lambda box: StartupDecision(choice))
    args = app_module.parse_args(["--data-dir", str(folder), "--lang", "en"])
    qapp = QApplication.instance()
    try:
        assert app_module.start(args, qapp) == (None, None)
    finally:
        remove_translators(qapp, getattr(qapp, "_prospection_translators", []))
    assert (folder / "prospection.sqlite3").read_bytes() == b"nope" * 100


def test_bulk_delete_is_backed_up_first(qtbot: QtBot, db: Database) -> None:
    ids = seed(db)
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    window.bulk.delete(ids[:1])
    assert backup.list_backups(db.path.parent / "backups") == []  # one prospect: undo is enough
    window.bulk.delete(ids[1:3])
    [made] = backup.list_backups(db.path.parent / "backups")
    assert made.reason == "before-delete" and made.prospects == 3


def test_left_out_consumers_say_why_and_when(qapp) -> None:  # type: ignore[no-untyped-def]
    from prospection.core.call_queue import LeftOut
    from prospection.ui.call_session.call_labels import left_out_label

    when = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    label = left_out_label(LeftOut(1, "M. Petit", "weekend", "", when))
    assert label.startswith("no consumer calls at weekends; callable from")
    assert left_out_label(LeftOut(1, "M. Petit", "no_consent", "", None)).startswith(
        "no recorded consent"
    )


def test_messages_are_translated_at_run_time(qapp) -> None:  # type: ignore[no-untyped-def]
    from prospection.core.errors import Problem
    from prospection.ui.calling_rule_labels import calling_rule_label
    from prospection.ui.i18n import install_translators
    from prospection.ui.problem_dialogs import problem_text

    translators = install_translators(qapp, "fr")
    try:
        assert problem_text(Problem.DISK_FULL)[0] == "Le disque est plein"
        assert calling_rule_label("weekend") == (
            "pas d’appel aux particuliers le samedi ni le dimanche"
        )
    finally:
        remove_translators(qapp, translators)
    assert problem_text(Problem.DISK_FULL)[0] == "The disk is full"


def test_an_old_file_is_updated_with_a_notice_on_screen(  # type: ignore[no-untyped-def]
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    from alembic import command

    from prospection.core import db as dbmod
    from prospection.ui.update_notice import UpdateNotice

    folder = tmp_path / "data"
    folder.mkdir()
    engine = dbmod.create_sqlite_engine(folder / "prospection.sqlite3")
    with engine.begin() as connection:
        command.upgrade(dbmod.alembic_config(connection), "0001")
    engine.dispose()
    shown: list[UpdateNotice] = []
    original = UpdateNotice.show_now

    def spy(notice: UpdateNotice) -> None:
        original(notice)
        assert notice.isVisible()
        assert "Updating your prospect file" in " ".join(
            label.text() for label in notice.findChildren(QLabel)
        )
        shown.append(notice)

    monkeypatch.setattr(UpdateNotice, "show_now", spy)
    args = app_module.parse_args(["--data-dir", str(folder), "--lang", "en"])
    db = app_module.open_with_recovery(args)
    assert db is not None
    db.dispose()
    assert len(shown) == 1
    assert not shown[0].isVisible()  # gone once the file is open
    db = app_module.open_with_recovery(args)  # up to date: no notice
    assert db is not None
    db.dispose()
    assert len(shown) == 1
