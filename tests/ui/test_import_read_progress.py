"""Step 1 of the import wizard shows how far the read is (a percentage, not only busy)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from prospection.core.db import Database
from prospection.core.imports.source import PROGRESS_SCALE
from prospection.ui.data_events import DataEvents
from prospection.ui.import_wizard.busy import BusyRow
from prospection.ui.import_wizard.wizard import ImportWizard


def test_reading_reports_progress_to_the_busy_row(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    lines = ["Company,First name,Last name,Email"]
    lines += [f"Company {n},Jean,Dupont{n},jean{n}@example.test" for n in range(20_000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.file_page
    heard: list[tuple[int, int]] = []
    shown: list[tuple[int, int, bool]] = []
    wizard.next()
    assert page.task is not None and page.busy.bar.maximum() == 0  # busy until it reports
    page.task.signals.progress.connect(lambda done, total: heard.append((done, total)))
    bar = page.busy.bar
    page.task.signals.progress.connect(
        lambda *_: shown.append((bar.value(), bar.maximum(), bar.isTextVisible()))
    )
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.format_page, timeout=30_000)
    assert heard and heard[-1] == (PROGRESS_SCALE, PROGRESS_SCALE)
    assert any(0 < done < PROGRESS_SCALE for done, _ in heard)
    assert shown[-1] == (PROGRESS_SCALE, PROGRESS_SCALE, True)  # a percentage is shown


def test_the_busy_row_shows_a_percentage_only_once_progress_arrives(qtbot: QtBot) -> None:
    row = BusyRow("Stop")
    qtbot.addWidget(row)
    row.start("Reading…")
    assert row.bar.maximum() == 0 and not row.bar.isTextVisible()
    row.set_progress(250, 1000)
    assert row.bar.isTextVisible() and row.bar.text() == "25%"
    row.start("Reading again…")
    assert row.bar.maximum() == 0 and not row.bar.isTextVisible()
