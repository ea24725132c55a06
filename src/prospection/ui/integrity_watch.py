"""The check of the data file after the first paint, and the notices of a read-only file.

Writes are refused (`Database.read_only`) from the window's creation until the check
has passed: at a million prospects it reads 5 GB. A damaged file stays open for
reading, with a notice offering to restore a backup; a data folder whose lock file
cannot be written is open for reading only too (another window could write the data).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from prospection.core import check_verdict
from prospection.core.db import Database
from prospection.core.integrity import CheckResult, LiveCheck, ReadOnly

log = logging.getLogger(__name__)

translate = QCoreApplication.translate


class IntegrityWatch(QObject):
    """Checks the open data file in a thread; writes wait for it (refused until it passes)."""

    # The check ended (emitted in the GUI thread): its CheckResult.
    finished = Signal(object)

    def __init__(self, db: Database, window: QMainWindow) -> None:
        super().__init__(window)
        self.db = db
        self.window = window
        self.result: CheckResult | None = None
        self.notice: QMessageBox | None = None
        #: The file was found whole (checked now, or an unchanged file's kept verdict).
        self.verdict: check_verdict.Verdict | None = None
        self._check = LiveCheck(db.path)
        if db.read_only is None:
            db.read_only = ReadOnly.CHECKING
        self.finished.connect(self._on_finished)

    def start(self, then: Callable[[Database], None] | None = None) -> threading.Thread:
        """Run the check in a thread, then `then(db)` there when the file is whole."""
        thread = threading.Thread(target=self._run, args=(then,), name="integrity-check")
        thread.start()
        return thread

    def _run(self, then: Callable[[Database], None] | None) -> None:
        # A file unchanged since its last check (by the CLI, or this app at its last
        # exit) is not read whole again (core/check_verdict.py).
        known = check_verdict.recorded(self.db.path)
        if known is not None:
            result = CheckResult(known.problems, 0.0)
        else:
            result = self._check.run()
            if not result.interrupted:
                known = check_verdict.Verdict(result.problems, time.time())
                if self.db.read_only is not ReadOnly.OWNER:  # nothing written there
                    check_verdict.remember(self.db.path, result.problems)
        self.verdict = known if result.ok else None
        if result.problems:
            self.db.read_only = ReadOnly.DAMAGED
        elif result.ok and self.db.read_only is ReadOnly.CHECKING:
            self.db.read_only = None  # at once: a write need not wait for the GUI thread
        self.finished.emit(result)  # queued to the GUI thread
        if result.ok and then is not None:
            then(self.db)  # today's backup: never of a damaged file

    def keep_verdict(self) -> None:
        """At exit, once the engine is disposed: the file found whole is still whole.

        The app wrote to it through SQLite only, so the next start (or CLI command)
        need not read it whole again; nothing is kept if it was damaged or read-only.
        """
        if self.verdict is not None and self.db.read_only is None:
            check_verdict.carry_forward(self.db.path, self.verdict)

    def cancel(self) -> None:
        """Stop a check under way (at exit); the file stays as it was."""
        self._check.cancel()

    def _on_finished(self, result: CheckResult) -> None:
        self.result = result
        if result.problems:
            log.warning("The data file is damaged: %s", "; ".join(result.problems))
            self.notice = show_read_only_notice(self.window, ReadOnly.DAMAGED)


def read_only_status(reason: ReadOnly) -> str:
    """The status bar's words for a file open for reading only."""
    if reason is ReadOnly.DAMAGED:
        return translate("Integrity", "Read only: the data file is damaged")
    if reason is ReadOnly.LOCK:
        return translate("Integrity", "Read only: the lock file cannot be written")
    return translate("Integrity", "Checking the data file…")


def show_notice_at_start(window: QMainWindow, db: Database) -> QMessageBox | None:
    """After the first paint: the one notice a start open for reading only needs.

    Only the lock's: the owner's read-only folder has its banner over the table (its
    lock cannot be written either, but OWNER is never replaced by LOCK: one message,
    the true one), and damage has its own notice once the check finds it.
    """
    if db.read_only is ReadOnly.LOCK:
        return show_read_only_notice(window, ReadOnly.LOCK)
    return None


def show_read_only_notice(window: QMainWindow, reason: ReadOnly) -> QMessageBox:
    """Say (without blocking) that the data is open for reading only, and why; the box."""
    label = QLabel(read_only_status(reason), window)
    label.setObjectName("read_only_status")
    window.statusBar().addPermanentWidget(label)
    if reason is ReadOnly.DAMAGED:
        title = translate("Integrity", "The data file is damaged")
        text = translate(
            "Integrity",
            "Prospection checked the data file and found damage in it. It is open for "
            "reading only, so that changes cannot spread the damage: nothing you change "
            "now would be saved. Restore a backup to go on working (the damaged file is "
            "kept aside, never deleted).",
        )
    else:
        title = translate("Integrity", "Open for reading only")
        text = translate(
            "Integrity",
            "Prospection could not write its lock file in the data folder (is the disk "
            "full, or the folder read-only?), so it cannot make sure that no other "
            "Prospection window changes the same data. The data is open for reading "
            "only: changes are not saved. Free some space or fix the folder, then start "
            "Prospection again.",
        )
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=window)
    box.setObjectName("read_only_notice")
    restore = None
    if reason is ReadOnly.DAMAGED:
        restore = box.addButton(
            translate("Integrity", "&Restore a backup…"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(translate("Integrity", "&Keep reading"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
    else:
        box.addButton(QMessageBox.StandardButton.Ok)

    def on_click() -> None:
        if restore is not None and box.clickedButton() is restore:
            from prospection.ui.safety_actions import open_restore

            open_restore(window)  # type: ignore[arg-type]
            db = getattr(window, "db", None)
            if isinstance(db, Database) and db.read_only is None:
                label.hide()  # restored: the file may be written again

    box.finished.connect(on_click)
    box.open()
    return box
