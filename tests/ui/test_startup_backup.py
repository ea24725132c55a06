"""Today's backup is made after the window is up, in a thread, not before the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QThreadPool
from PySide6.QtWidgets import QApplication

from prospection import app as app_module
from prospection.core.backup import list_backups
from prospection.ui.i18n import remove_translators


def test_window_comes_before_todays_backup(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = app_module.parse_args(["--data-dir", str(tmp_path / "data"), "--lang", "en"])
    qapp = QApplication.instance()
    window, db = app_module.start(args, qapp)
    assert window is not None and db is not None
    qtbot.addWidget(window)
    backups = db.path.parent / "backups"
    try:
        assert list_backups(backups) == []  # the window is built first
        thread = app_module.start_daily_backup(db)
        thread.join(timeout=60)
        assert not thread.is_alive()
        [made] = list_backups(backups)
        assert made.reason == "daily" and made.readable
        # Once a day: a second start makes none.
        app_module.start_daily_backup(db).join(timeout=60)
        assert len(list_backups(backups)) == 1
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)
        window.close()
        db.dispose()
        remove_translators(qapp, getattr(qapp, "_prospection_translators", []))
        QLocale.setDefault(QLocale.c())
