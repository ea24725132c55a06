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
