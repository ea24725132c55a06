"""One running Prospection per data folder; a second start brings the first to the front.

A QLockFile in the data folder says who owns it (Qt recovers a lock whose process has
died, so a crash never locks the user out); a QLocalServer named after the folder lets
a second start ask the first to show its window, then quit.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_NAME = ".prospection.lock"
_MESSAGE = b"show\n"
_WAIT_MS = 1000


def server_name(data_dir: Path) -> str:
    """The local server name of a data folder (same folder, same name; short for macOS)."""
    key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:20]
    return f"prospection-{key}"


class SingleInstance(QObject):
    """Holds the data folder for this process, or hands over to the one that does."""

    #: Another start asked this instance to show its window.
    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        # A lock is stale only when its process is gone (Qt checks the pid), never by age:
        # a week-long session must stay locked.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        #: The lock could not be written (full disk, read-only folder): this process may
        #: not write the data, or two windows could overwrite each other's changes.
        self.lock_failed = False

    def acquire(self) -> bool:
        """True when no other process holds the data folder; False when one does.

        When another does, it has been asked to come to the front. True with
        `lock_failed` set: the lock could not be taken, the data must be opened for
        reading only.
        """
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("Data folder cannot be created for its lock: %s", error)
            self.lock_failed = True
            return True
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                log.info("Data folder already open in another process; asking it to show")
                self.notify_running()
                return False
            # No permission, or a full disk: without the lock another window could write
            # the same data, so this one reads only.
            log.warning("Lock file cannot be written (%s): reading only", self._lock.error())
            self.lock_failed = True
            return True
        self._listen()
        return True

    def _listen(self) -> None:
        # A server file left by a crash would make listen() fail: remove it first (we
        # hold the lock, so no live instance owns it).
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("Local server unavailable: %s", server.errorString())
            return
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        # Any connection is a second start asking for the window: no message to parse.
        if self._server is None:
            return
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.abort()
            socket.deleteLater()
        self.activation_requested.emit()

    def notify_running(self) -> bool:
        """Ask the running instance to show its window; False when it could not be reached."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_WAIT_MS):
            return False
        socket.write(_MESSAGE)
        sent = socket.waitForBytesWritten(_WAIT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(_WAIT_MS)
        return sent

    def release(self) -> None:
        """Give the data folder up (at exit)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if not self.lock_failed:
            self._lock.unlock()
