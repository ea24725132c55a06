"""Item 7: a data folder the owner made read-only opens read-only, with a visible banner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from prospection.core.db import Database, open_database
from prospection.core.models import Prospect
from prospection.ui.data_events import DataEvents
from prospection.ui.read_only_banner import ReadOnlyBanner

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def read_only_db(db: Database, data_dir: Path) -> Iterator[Database]:
    with db.session() as session:
        session.add(Prospect(name="Boulangerie Vasseur"))
    db.dispose()
    data_dir.chmod(0o500)  # chmod a-w on the folder
    opened = open_database(data_dir / "prospection.sqlite3")
    try:
        yield opened
    finally:
        opened.dispose()
        data_dir.chmod(0o700)


def test_the_banner_says_read_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    banner = ReadOnlyBanner()
    qtbot.addWidget(banner)
    assert "read-only: you can read, not change" in banner.text()


def test_the_main_window_shows_the_banner_on_a_read_only_folder(
    qtbot, read_only_db: Database, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from prospection.ui.main_window import MainWindow

    assert read_only_db.read_only
    window = MainWindow(read_only_db, DataEvents())
    qtbot.addWidget(window)
    window.show()
    assert window.read_only_banner is not None and window.read_only_banner.isVisible()
    assert not window.action_new_prospect.isEnabled()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert not data_dir.stat().st_mode & 0o200  # the owner's choice, kept


def _start(folder: Path, qtbot, *, lock_failed: bool):  # type: ignore[no-untyped-def]
    """The app's own start-up on `folder` (no demo), and the notice shown after the paint."""
    from PySide6.QtWidgets import QApplication

    from prospection import app as app_module
    from prospection.ui.integrity_watch import show_notice_at_start

    args = app_module.parse_args(["--data-dir", str(folder), "--lang", "en"])
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    window, db = app_module.start(args, qapp, lock_failed=lock_failed)
    assert window is not None and db is not None
    qtbot.addWidget(window)
    window.show()
    return window, db, show_notice_at_start(window, db), qapp


def _notices(window):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel, QMessageBox

    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    labels = window.statusBar().findChildren(QLabel, "read_only_status")
    banners = [b for b in window.findChildren(ReadOnlyBanner) if b.isVisible()]
    return boxes, labels, banners


def test_the_owners_read_only_folder_shows_one_banner_when_the_lock_fails_too(
    qtbot, db: Database, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from prospection.core.integrity import ReadOnly
    from prospection.ui.i18n import remove_translators

    with db.session() as session:
        session.add(Prospect(name="Boulangerie Vasseur"))
    db.dispose()
    data_dir.chmod(0o500)  # chmod a-w: the lock file cannot be written there either
    try:
        window, opened, notice, qapp = _start(data_dir, qtbot, lock_failed=True)
        try:
            assert opened.read_only is ReadOnly.OWNER  # never replaced by LOCK
            assert notice is None
            boxes, labels, banners = _notices(window)
            assert boxes == [] and labels == []
            assert banners == [window.read_only_banner]  # one message, the owner's
            assert not window.action_new_prospect.isEnabled()
        finally:
            remove_translators(qapp, getattr(qapp, "_prospection_translators", []))
            opened.dispose()
    finally:
        data_dir.chmod(0o700)


def test_a_lock_that_cannot_be_written_shows_its_notice_not_the_owners_banner(
    qtbot, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    from prospection.core.integrity import ReadOnly
    from prospection.ui.i18n import remove_translators

    window, opened, notice, qapp = _start(data_dir, qtbot, lock_failed=True)
    try:
        assert opened.read_only is ReadOnly.LOCK
        assert notice is not None and "lock file" in notice.text()
        boxes, labels, banners = _notices(window)
        # The folder may well be writable (a full disk): not "the folder is read-only".
        assert banners == [] and window.read_only_banner is None
        assert boxes == [notice] and len(labels) == 1
        assert not window.action_new_prospect.isEnabled()
    finally:
        remove_translators(qapp, getattr(qapp, "_prospection_translators", []))
        opened.dispose()
