"""Long work (planning, writing an import) on a pool thread, reporting through signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from prospection.core.imports import ImportCancelled, ImportFileError

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    """Signals of a BackgroundTask (delivered in the GUI thread)."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class BackgroundTask(QRunnable):
    """Runs `work(progress, cancelled)` off the GUI thread; `cancel()` asks it to stop."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = TaskSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check (it then rolls back)."""
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self._cancel.is_set)
        except ImportCancelled:
            self.signals.cancelled.emit()
        except ImportFileError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # shown to the user, never a silent failure
            self.signals.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.signals.done.emit(result)

    def start(self) -> None:
        """Queue the task on the global thread pool."""
        QThreadPool.globalInstance().start(self)
