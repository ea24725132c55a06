"""Team mode offline: the banner over the local copy, going back to the server, refreshing.

At start, when the team server cannot be reached and a copy of its data is on this
computer (`core.offline_copy`), the app opens the copy read-only: `OfflineCopyBanner`
says so with the copy's date and a Retry button; `ServerWatch` checks the server in a
thread (at Retry, and every `CHECK_INTERVAL` seconds) and says when it answers again, and
the app then reopens the window on the live database (`app.go_live`).

When the server is lost mid-session, `ui.copy_offer` offers the copy on the window's
"reconnecting…" banner, and the window moves to it (`app.go_offline`).

While connected, `CopyRefresher` refreshes the copy in a thread: shortly after start,
then every `offline_copy.REFRESH_INTERVAL`, and when the server is back after a loss.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from prospection.core import offline_copy, team
from prospection.core.errors import StorageError
from prospection.ui.editor.contact_dialog import set_warning_style
from prospection.ui.qt_dates import short_datetime

if TYPE_CHECKING:
    from prospection.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Seconds between two checks of the server while the copy is shown.
CHECK_INTERVAL = 30
#: The next refresh waits at least this many times as long as the last one took.
BUSY_SHARE = 10
#: Seconds after the window is up before the first refresh (start-up's reads go first).
FIRST_REFRESH_DELAY = 20


class OfflineCopyBanner(QWidget):
    """ "Team server unreachable — showing your copy from …; changes are off." + Retry."""

    def __init__(self, taken_at: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineCopyBanner")
        self.taken_at = taken_at
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName("offlineCopyText")
        self.label.setWordWrap(True)
        set_warning_style(self.label, True)
        layout.addWidget(self.label, 1)
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.retry_button.setObjectName("offlineCopyRetry")
        self.retry_button.setToolTip(self.tr("Try to reach the team server now"))
        layout.addWidget(self.retry_button)
        self.set_checking(False)

    def text(self) -> str:
        return self.label.text()

    def set_checking(self, checking: bool, failed_at: datetime | None = None) -> None:
        """Show the copy's date, and whether the server is being tried or still away."""
        text = self.tr(
            "⚠ Team server unreachable — showing your copy from {when}; changes are off."
        ).format(when=short_datetime(self.taken_at))
        if checking:
            text += " " + self.tr("Trying the server…")
        elif failed_at is not None:
            text += " " + self.tr("Still unreachable at {time}.").format(
                time=short_datetime(failed_at)
            )
        self.label.setText(text)
        self.retry_button.setEnabled(not checking)


class ServerWatch(QObject):
    """Checks, in a thread, whether the team server at `url` answers again."""

    #: The server answered: go back to the live database.
    server_back = Signal()
    #: A check failed (its time), or started (None).
    _failed = Signal(object)
    #: The server answered (from the checking thread).
    _answered = Signal()

    def __init__(
        self,
        url: str,
        banner: OfflineCopyBanner,
        parent: QObject | None = None,
        check: Callable[[str], object] = team.check_server,
    ) -> None:
        super().__init__(parent)
        self.url = url
        self.banner = banner
        self._check = check
        self._busy = False
        self._back = False
        self._failed.connect(self._show_failure)
        self._answered.connect(self._on_back)
        banner.retry_button.clicked.connect(self.check_now)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL * 1000)
        self.timer.timeout.connect(self.check_now)
        self.timer.start()

    def check_now(self) -> None:
        """Try the server now (in a thread: a dead network may take seconds)."""
        if self._busy or self._back:
            return
        self._busy = True
        self.banner.set_checking(True)
        threading.Thread(target=self._run, name="server-watch", daemon=True).start()

    def _run(self) -> None:
        try:
            self._check(self.url)
        except team.TeamError as error:
            if error.reason is not team.Reason.UNREACHABLE:  # it answers (a password...)
                self._answered.emit()
                return
            log.info("Team server still unreachable: %s", error)
            self._failed.emit(datetime.now().astimezone())
            return
        except (StorageError, OSError) as error:
            log.info("Team server still unreachable: %s", error)
            self._failed.emit(datetime.now().astimezone())
            return
        except Exception:  # never a traceback from a background check
            log.exception("Checking the team server failed")
            self._failed.emit(datetime.now().astimezone())
            return
        self._answered.emit()

    def resume(self) -> None:
        """Go on watching (the live database could not be opened after all)."""
        self._back = False
        self._busy = False
        self.banner.set_checking(False, datetime.now().astimezone())
        self.timer.start()

    def _show_failure(self, when: datetime) -> None:
        self._busy = False
        self.banner.set_checking(False, when)

    def _on_back(self) -> None:
        self._busy = False
        if self._back:
            return
        self._back = True
        self.timer.stop()
        log.info("Team server reachable again: back to the live database")
        self.server_back.emit()


class CopyRefresher(QObject):
    """Refreshes the data folder's copy of the team database in a thread, now and then.

    `engine` is the live database's engine; `data_dir` the data folder; `url` the
    server's address. Nothing happens while the server is unreachable (`is_online`).
    """

    #: A refresh finished: the CopyInfo, or None when it failed (logged).
    refreshed = Signal(object)

    def __init__(
        self,
        engine: object,
        data_dir: Path,
        url: str,
        parent: QObject | None = None,
        *,
        is_online: Callable[[], bool] = lambda: True,
        interval: int = offline_copy.REFRESH_INTERVAL,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.data_dir = data_dir
        self.url = url
        self.is_online = is_online
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self.interval = interval
        self.timer = QTimer(self)
        self.timer.setInterval(interval * 1000)
        self.timer.timeout.connect(self.refresh_now)
        self.refreshed.connect(self._schedule)

    def start(self, delay: int = FIRST_REFRESH_DELAY) -> None:
        """The first refresh after `delay` seconds, then one per interval."""
        QTimer.singleShot(delay * 1000, self, self.refresh_now)
        self.timer.start()

    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def refresh_now(self) -> None:
        """Start a refresh unless one runs or the server is away."""
        if self.busy() or not self.is_online():
            return
        self._thread = threading.Thread(target=self._run, name="team-copy", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from sqlalchemy import Engine

        assert isinstance(self.engine, Engine)
        try:
            info: offline_copy.CopyInfo | None = offline_copy.refresh_copy(
                self.engine, self.data_dir, self.url, cancelled=self._cancel.is_set
            )
        except offline_copy.RefreshCancelledError:
            log.info("Refreshing the copy of the team's data stopped (quitting)")
            info = None
        except Exception as error:  # the previous copy stays whole; tried again later
            log.warning("The copy of the team's data could not be refreshed: %s", error)
            info = None
        self.refreshed.emit(info)

    def _schedule(self, info: offline_copy.CopyInfo | None) -> None:
        """A large team's refresh takes minutes (104 s at 100k prospects with 1M activities):
        the next one waits at least `BUSY_SHARE` times as long, so that refreshing never
        takes more than a tenth of the time in the background."""
        if info is None:
            return
        seconds = max(self.interval, int(info.seconds * BUSY_SHARE))
        self.timer.setInterval(seconds * 1000)

    def stop(self, wait: float = 5.0) -> None:
        """Stop refreshing (at quit): a refresh under way stops at its next batch of
        rows and deletes its temporary file; the previous copy stays as it was."""
        self.timer.stop()
        self._cancel.set()
        if self._thread is not None:
            self._thread.join(wait)


class OfflineCopy(QObject):
    """The main window on the copy: its banner, its server watch, writes refused."""

    def __init__(self, window: MainWindow, info: offline_copy.CopyInfo) -> None:
        super().__init__(window)
        self.window = window
        self.info = info
        self.banner = OfflineCopyBanner(info.taken_at, window)
        window._centre_layout.insertWidget(0, self.banner)
        for action in window.writing_actions():
            action.setEnabled(False)
        window.editor.refuse_writes = self.refuse
        self.watch = ServerWatch(info.server, self.banner, self)
        #: The server answers again: the app reopens the window on the live database.
        self.server_back = self.watch.server_back

    def refuse(self) -> bool:
        """Say (without blocking) that nothing can change in the copy; always True."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Your copy is for reading only"),
            self.tr(
                "The team server cannot be reached, so you are reading your copy of the "
                "team's data: nothing can be changed in it, and nothing was saved. Your "
                "unsaved edits are kept. Use Retry on the banner once you are back online."
            ),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("offlineCopyNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return True

    def stop(self) -> None:
        self.watch.timer.stop()


def install_offline_copy(window: MainWindow) -> OfflineCopy | None:
    """The banner and the server watch of a window opened on the copy (ReadOnly.COPY)."""
    info = offline_copy.copy_info(window.db.path.parent)
    if info is None:  # deleted since it was opened: still said, with no date
        info = offline_copy.CopyInfo(datetime.now().astimezone(), "", 0)
    return OfflineCopy(window, info)
