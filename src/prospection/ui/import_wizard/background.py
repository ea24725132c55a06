"""Long work (reading, planning, writing, undoing, exporting) on a pool thread, reporting
through signals delivered on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from prospection.core.exports import ExportCancelled
from prospection.core.imports import BatchError, ImportCancelled, ImportFileError
from prospection.ui.import_wizard.messages import error_text

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]
PROGRESS_STEPS = 200  # progress is passed on at most this often per task


class _WorkerSignals(QObject):
    """What the pool thread emits; queued to the TaskSignals that lives in the GUI thread."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class TaskSignals(QObject):
    """Signals of a BackgroundTask (delivered in the GUI thread).

    They relay the worker's signals once they reach the GUI thread, so that an abandoned
    task (signals blocked) delivers nothing, not even what was already on its way.
    """

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, worker: _WorkerSignals) -> None:
        super().__init__()
        worker.progress.connect(self._progress)
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    @Slot(object)
    def _done(self, result: object) -> None:
        self.done.emit(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.failed.emit(message)

    @Slot()
    def _cancelled(self) -> None:
        self.cancelled.emit()


class BackgroundTask(QRunnable):
    """Runs `work(progress, cancelled)` off the GUI thread; `cancel()` asks it to stop.

    `abandon()` cancels and silences it: a read the user stopped, or a preview left with
    Back, must never land in the page afterwards.
    """

    # Running tasks stay referenced here: the page that started one may be gone (a new
    # read replaced it, the wizard was closed) while the pool thread still runs it.
    _alive: ClassVar[set[BackgroundTask]] = set()

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work: Work | None = work
        self._worker = _WorkerSignals()
        self.signals = TaskSignals(self._worker)
        self._cancel = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check (it then rolls back)."""
        self._cancel.set()

    def abandon(self) -> None:
        """Cancel, and deliver nothing more from this task."""
        self._cancel.set()
        self.signals.blockSignals(True)

    def is_cancelled(self) -> bool:
        """Whether cancel() or abandon() was called."""
        return self._cancel.is_set()

    def run(self) -> None:
        work, signals = self.work, self._worker
        assert work is not None
        shown = -1

        def progress(done: int, total: int) -> None:
            # Passed on only when the bar moves: each signal crosses threads.
            nonlocal shown
            step = min(done, total) * PROGRESS_STEPS // max(total, 1)
            if step != shown:
                shown = step
                signals.progress.emit(done, total)

        try:
            result = work(progress, self._cancel.is_set)
        except (ImportCancelled, ExportCancelled):
            signals.cancelled.emit()
        except (ImportFileError, BatchError, OSError) as error:
            # Core's coded message, or the system's reason (disk full, permission denied),
            # in the user's language (QCoreApplication.translate is thread-safe).
            signals.failed.emit(error_text(error))
        except Exception as error:  # shown to the user, never a silent failure
            signals.failed.emit(error_text(error))
        else:
            if self._cancel.is_set():
                signals.cancelled.emit()
            else:
                signals.done.emit(result)
        finally:
            # What the work captured (a whole file, a plan) is not kept by a finished task.
            self.work = None
            self.finished.set()

    def start(self) -> None:
        """Queue the task on the global thread pool."""
        alive = BackgroundTask._alive
        alive.difference_update([task for task in alive if task.finished.is_set()])
        alive.add(self)
        QThreadPool.globalInstance().start(self)
