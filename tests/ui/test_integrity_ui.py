"""A damaged data file: found after the first paint, writes refused, a backup offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from prospection.core import backup
from prospection.core.db import Database, open_database
from prospection.core.errors import classify_problem
from prospection.core.integrity import ReadOnly, WritesRefusedError
from prospection.core.models import Prospect
from prospection.ui.backup_dialogs import RestoreDialog
from prospection.ui.data_events import DataEvents
from prospection.ui.integrity_watch import IntegrityWatch
from prospection.ui.main_window import MainWindow
from prospection.ui.problem_dialogs import problem_text
from tests.damage import damage, fill


def count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count(Prospect.id))) or 0


def open_damaged(db: Database) -> tuple[Database, Path]:
    fill(db)
    saved = backup.make_backup(db, "manual")
    damage(db)
    return open_database(db.path, backups_dir=db.path.parent / "backups"), saved


def test_damaged_file_is_reported_and_writes_refused(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged, saved = open_damaged(db)
    try:
        window = MainWindow(damaged, DataEvents())
        qtbot.addWidget(window)
        watch = IntegrityWatch(damaged, window)
        assert damaged.read_only is ReadOnly.CHECKING  # writes wait for the check
        with qtbot.waitSignal(watch.finished, timeout=30000):
            thread = watch.start()
        thread.join(timeout=30)
        assert damaged.read_only is ReadOnly.DAMAGED
        notice = watch.notice
        assert notice is not None and notice.isVisible()
        assert "damage" in notice.text()
        labels = [b.text() for b in notice.buttons()]
        assert "&Restore a backup…" in labels
        status = window.findChild(QLabel, "read_only_status")
        assert status is not None and "damaged" in status.text()

        # A change made in the window is refused, with a message and no traceback.
        window.new_prospect()
        window.editor.form.name.setText("Jamais enregistré")
        with pytest.raises(WritesRefusedError) as refused:
            window.save_prospect()
        title, text = problem_text(classify_problem(refused.value))
        assert "damaged" in title and "not saved" in text
        assert count(damaged) == 400

        # Restoring a backup puts the damaged file aside and allows writes again.
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
        dialog = RestoreDialog(damaged, window.events, window)
        qtbot.addWidget(dialog)
        assert dialog.restore(saved)
        assert damaged.read_only is None
        aside = list(damaged.path.parent.glob("prospection-set-aside-*.sqlite3"))
        assert len(aside) == 1
        with damaged.session() as session:
            session.add(Prospect(name="Saved again"))
        assert count(damaged) == 401
    finally:
        damaged.dispose()


def test_a_whole_file_is_writable_once_checked(qtbot: QtBot, db: Database) -> None:
    fill(db, 5)
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    watch = IntegrityWatch(db, window)
    backed_up: list[Database] = []
    with qtbot.waitSignal(watch.finished, timeout=30000):
        thread = watch.start(then=backed_up.append)
    thread.join(timeout=30)
    assert db.read_only is None and backed_up == [db]
    assert watch.notice is None
    with db.session() as session:
        session.add(Prospect(name="Saved"))


def test_without_its_lock_the_app_opens_the_data_for_reading_only(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from prospection import app as app_module
    from prospection.ui.i18n import remove_translators
    from prospection.ui.integrity_watch import show_read_only_notice

    folder = tmp_path / "data"
    args = app_module.parse_args(["--data-dir", str(folder), "--lang", "en", "--demo"])
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    window, db = app_module.start(args, qapp, lock_failed=True)
    try:
        assert window is not None and db is not None
        qtbot.addWidget(window)
        assert db.read_only is ReadOnly.LOCK
        assert count(db) == 0  # not even the demo was written
        with pytest.raises(WritesRefusedError) as refused, db.session() as session:
            session.add(Prospect(name="Two windows would overwrite this"))
        title, text = problem_text(classify_problem(refused.value))
        assert "reading only" in title.lower() and "not saved" in text
        box = show_read_only_notice(window, ReadOnly.LOCK)
        assert box.isVisible() and "lock file" in box.text()
    finally:
        remove_translators(qapp, getattr(qapp, "_prospection_translators", []))
        if db is not None:
            db.dispose()


def test_no_restore_without_the_lock(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(db, 3)
    saved = backup.make_backup(db, "manual")
    with db.session() as session:
        session.add(Prospect(name="Kept"))
    db.read_only = ReadOnly.LOCK
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: warned.append(title))
    dialog = RestoreDialog(db, DataEvents())
    qtbot.addWidget(dialog)
    assert not dialog.restore(saved)
    assert warned == ["Open for reading only"]
    assert count(db) == 4


def test_an_unchanged_file_is_not_read_again_by_the_app(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection.core import check_verdict
    from prospection.core.integrity import LiveCheck

    fill(db, 5)
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    runs: list[int] = []
    original = LiveCheck.run
    monkeypatch.setattr(LiveCheck, "run", lambda self: runs.append(1) or original(self))
    watch = IntegrityWatch(db, window)
    with qtbot.waitSignal(watch.finished, timeout=30000):
        watch.start().join(timeout=30)
    assert runs == [1] and db.read_only is None
    with db.session() as session:
        session.add(Prospect(name="Saved"))
    db.dispose()
    watch.keep_verdict()  # at exit: the app's own writes keep the file known whole
    again = IntegrityWatch(db, window)
    assert db.read_only is ReadOnly.CHECKING
    with qtbot.waitSignal(again.finished, timeout=30000):
        again.start().join(timeout=30)
    assert runs == [1] and db.read_only is None
    # Changed by something else since: read whole again, and damage is found.
    db.dispose()
    damage(db)
    assert check_verdict.recorded(db.path) is None
    third = IntegrityWatch(db, window)
    with qtbot.waitSignal(third.finished, timeout=30000):
        third.start().join(timeout=30)
    assert runs == [1, 1] and db.read_only is ReadOnly.DAMAGED
    if third.notice is not None:
        third.notice.close()
