"""Walk the import wizard, the export dialog and the undo dialog on a big CSV, offscreen,
while a 10 ms QTimer ticks on the GUI thread; report the longest gap between ticks of
each step (how long the window would have been frozen).

    uv run python -m tests.benchmarks.wizard_responsiveness [ROWS] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from prospection.core.db import open_database
from prospection.core.exports import ExportFormat
from prospection.ui.data_events import DataEvents
from prospection.ui.import_wizard.export_dialog import ExportDialog
from prospection.ui.import_wizard.undo_dialog import UndoImportDialog
from prospection.ui.import_wizard.wizard import ImportWizard
from tests.benchmarks.dataset import write_import_csv


class Ticker:
    """A 10 ms timer on the GUI thread; `gap()` is the longest wait between two ticks."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def gap(self) -> float:
        # The wait since the last tick counts too (a freeze at the very end of a step).
        return max(self.longest, time.perf_counter() - self.last)


def wait_until(done: Callable[[], bool], at_least_ms: int = 0) -> None:
    """Run a real event loop until `done()` (QTest.qWait would keep the interpreter lock
    while it sleeps, starving the worker thread: not how the application runs)."""
    loop = QEventLoop()
    began = time.perf_counter()

    def check() -> None:
        if done() and (time.perf_counter() - began) * 1000 >= at_least_ms:
            loop.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()


def measure(ticker: Ticker, name: str, start: Callable[[], None], done: Callable[[], bool]) -> None:
    """Run `start` then let the event loop run until `done`; print time and longest gap."""
    ticker.reset()
    began = time.perf_counter()
    start()
    wait_until(done)
    wait_until(lambda: True, 50)  # what the GUI does right after (model reset, column sizes)
    took = time.perf_counter() - began
    print(f"{name:<28} {took:7.2f} s   longest GUI gap {ticker.gap() * 1000:7.0f} ms")


def main() -> None:
    """Generate the CSV, then walk every step and print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", nargs="?", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder to work in (kept)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="wizard-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / f"import-{args.rows}.csv"
    if not csv_path.exists():
        write_import_csv(csv_path, args.rows)
    (folder / "import.sqlite3").unlink(missing_ok=True)
    app = QApplication.instance() or QApplication([])
    db = open_database(folder / "import.sqlite3", backups_dir=folder / "backups")
    events = DataEvents()
    ticker = Ticker()
    wizard = ImportWizard(db, events, csv_path)
    wizard.resize(1366, 768)
    wizard.show()
    wait_until(lambda: True, 100)
    print(f"{args.rows:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB")
    measure(ticker, "read the file", wizard.next,
            lambda: wizard.currentPage() is wizard.format_page)  # fmt: skip
    page = wizard.format_page
    measure(ticker, "read again (;)", lambda: (
        page.delimiter_box.setCurrentIndex(page.delimiter_box.findData(";")), page.reread()),
        lambda: page.task is None)  # fmt: skip
    measure(ticker, "read again (,)", lambda: (
        page.delimiter_box.setCurrentIndex(page.delimiter_box.findData(",")), page.reread()),
        lambda: page.task is None)  # fmt: skip
    measure(ticker, "to the mapping", wizard.next,
            lambda: wizard.currentPage() is wizard.mapping_page)  # fmt: skip
    measure(ticker, "plan (preview)", wizard.next, lambda: wizard.state.plan is not None)
    preview = wizard.preview_page
    from prospection.core.imports import Fate

    measure(ticker, "filter: invalid rows",
            lambda: preview.set_fate_filter(Fate.INVALID), lambda: True)  # fmt: skip
    measure(ticker, "filter: all rows", lambda: preview.set_fate_filter(None), lambda: True)
    measure(ticker, "confirm all duplicates", preview.confirm_all_button.click, lambda: True)
    measure(ticker, "scroll to the end", preview.view.scrollToBottom, lambda: True)
    measure(ticker, "import (write)", wizard.next, lambda: wizard.import_page.done)
    print("   ", wizard.import_page.status.text())
    wizard.close()
    for fmt in (ExportFormat.CSV, ExportFormat.XLSX):
        dialog = ExportDialog(db, [])
        target = folder / f"export{'.xlsx' if fmt is ExportFormat.XLSX else '.csv'}"
        dialog.ask_path = lambda _fmt, target=target: target  # type: ignore[method-assign]
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt.value))
        dialog.show()
        finished: list[bool] = []
        dialog.finished_export.connect(lambda finished=finished: finished.append(True))
        measure(ticker, f"export everything ({fmt.value})", dialog.choose_file_and_export,
                lambda finished=finished: bool(finished))  # fmt: skip
        print("   ", dialog.summary)
        dialog.close()
    xlsx = ImportWizard(db, events, folder / "export.xlsx")
    xlsx.show()
    measure(ticker, "read the exported xlsx", xlsx.next,
            lambda: xlsx.currentPage() is xlsx.format_page)  # fmt: skip
    print("   ", xlsx.format_page.source.text())
    xlsx.close()
    undo = UndoImportDialog(db, events)
    undo.confirm = lambda batch: True  # type: ignore[method-assign]
    undo.show()
    measure(ticker, "undo the import", undo.undo_button.click, lambda: not undo.undoing())
    print("   ", undo.status.text())
    undo.close()
    db.dispose()
    app.processEvents()


if __name__ == "__main__":
    main()
