"""Team mode: the window follows colleagues' changes, and says when the server is gone.

`LiveRefresh` runs `core.change_feed.ChangeFeed` in a thread of its own (one dedicated
listening connection). Its batches of colleagues' changes (coalesced: an import of
10,000 rows is one reload) go out on the window's `DataEvents`, the path the app's own
writes take: the table (selection, scroll and sort kept), the sidebar counts, the
editor (reloaded, or, with unsaved edits, a "changed by a colleague" hint), the goals.

When the connection is lost (or a read or write of the app fails: `notice_problem`),
`Database.read_only` becomes `ReadOnly.SERVER`: a banner says "reconnecting…", the
actions that write are disabled and what is on screen stays readable. The feed retries
with backoff; once back, the banner goes, writes are allowed and everything reloads
(changes made meanwhile were not heard).

Nothing on SQLite: `install_live_refresh` returns None.
"""

from __future__ import annotations

import logging
import threading
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from prospection.core.change_feed import ChangeBatch, ChangeFeed
from prospection.core.errors import Problem, classify_problem
from prospection.core.integrity import ReadOnly

if TYPE_CHECKING:
    from prospection.ui.main_window import MainWindow

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

#: Above this many prospects, a batch asks every view to reload everything.
MANY_IDS = 500

_LIVE: weakref.WeakSet[LiveRefresh] = weakref.WeakSet()


def notice_problem(error: BaseException) -> None:
    """A read or write failed: if the server is gone, every live window checks at once."""
    if classify_problem(error) is Problem.SERVER:
        for live in list(_LIVE):
            live.check_now()


class LiveRefresh(QObject):
    """The listening thread of one main window on a team server (see the module)."""

    #: From the feed's thread, queued to the GUI thread.
    _batch = Signal(object)
    _state = Signal(bool, str)
    #: The server became unreachable (False) or reachable again (True).
    online_changed = Signal(bool)
    #: A batch of colleagues' changes was applied (the ChangeBatch).
    applied = Signal(object)

    def __init__(self, window: MainWindow, feed: ChangeFeed) -> None:
        super().__init__(window)
        self.window = window
        self.feed = feed
        #: Whether the server is reachable, as last heard (True until told otherwise).
        self.online = True
        self._connected_once = False
        self._disabled: list[QAction] = []
        self._batch.connect(self._apply)
        self._state.connect(self._set_state)
        self._thread = threading.Thread(
            target=self.feed.run,
            args=(self._batch.emit, self._state.emit),
            name="change-feed",
            daemon=True,
        )
        _LIVE.add(self)

    def start(self) -> None:
        """Start listening (the first connection happens in the thread)."""
        self._thread.start()

    def stop(self, wait: float = 2.0) -> None:
        """Stop listening and close the connection (at the window's close)."""
        self.feed.stop()
        if self._thread.is_alive():
            self._thread.join(wait)
        _LIVE.discard(self)

    def check_now(self) -> None:
        """Check the server at once (a read or write failed)."""
        self.feed.check_now()

    # --- in the GUI thread ----------------------------------------------------------

    def _apply(self, batch: ChangeBatch) -> None:
        if not self.online:
            return  # everything reloads when the server is back
        window = self.window
        events = window.events
        ids = [] if batch.ids is None or len(batch.ids) > MANY_IDS else sorted(batch.ids)
        editor = window.editor
        current = editor.prospect_id()
        if current is not None and editor.has_changes() and batch.touches(current):
            editor.show_colleague_change()
        log.debug(
            "colleagues' changes: %s notifications, tables %s",
            batch.notifications,
            sorted(batch.tables),
        )
        events.prospects_changed.emit(ids)
        if batch.activities:
            events.activities_changed.emit()
        self.applied.emit(batch)

    def _set_state(self, up: bool, why: str) -> None:
        first = not self._connected_once
        if up:
            self._connected_once = True
        if up == self.online:
            if up and not first:
                self._reload()  # reconnected without a lost state seen (a short cut)
            return
        self.online = up
        db = self.window.db
        if up:
            if db.read_only is ReadOnly.SERVER:
                db.read_only = None
            log.info("team server reachable again: reloading")
            self._writes_enabled(True)
            self.window.show_server_banner(False)
            self.window.statusBar().showMessage(
                translate("LiveRefresh", "Connected to the team server again"), 5000
            )
            self._reload()
        else:
            log.warning("team server unreachable: %s", why)
            if db.read_only is None:
                db.read_only = ReadOnly.SERVER
            self.window.show_server_banner(True)
            self._writes_enabled(False)
        self.online_changed.emit(up)

    def _reload(self) -> None:
        self.window.events.prospects_changed.emit([])
        self.window.events.activities_changed.emit()

    def _writes_enabled(self, enabled: bool) -> None:
        if not enabled:
            self._disabled = [a for a in self.window.writing_actions() if a.isEnabled()]
            for action in self._disabled:
                action.setEnabled(False)
            return
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled = []

    def refuse_if_offline(self) -> bool:
        """True (after saying so) when a change must wait for the server."""
        if self.online and self.window.db.read_only is not ReadOnly.SERVER:
            return False
        show_offline_notice(self.window)
        return True


def show_offline_notice(window: MainWindow) -> QMessageBox:
    """Say, without blocking, that a change was refused: the server is unreachable."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("LiveRefresh", "The team server cannot be reached"),
        translate(
            "LiveRefresh",
            "The team server does not answer, so nothing can be changed for now: "
            "nothing was saved. What is on the screen stays readable, and your unsaved "
            "edits are kept. Prospection reconnects by itself; try again once the "
            "banner is gone.",
        ),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("serverOfflineNotice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def install_live_refresh(window: MainWindow) -> LiveRefresh | None:
    """Follow colleagues' changes on a team server; None on the SQLite file."""
    feed = ChangeFeed.for_engine(window.db.engine)
    if feed is None:
        return None
    # Pooled connections opened from now on are known as this app's (their changes
    # already refreshed the window); the ones opened before are closed now.
    window.db.engine.dispose()
    live = LiveRefresh(window, feed)
    live.start()
    return live
