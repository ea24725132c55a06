"""The one QApplication of a benchmark worker, and how to wait until a view is painted."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QAbstractItemView, QApplication

WIDTH, HEIGHT = 1366, 768


def application() -> QApplication:
    """The process's QApplication (created on first use)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(["prospection-benchmarks"])
        _warm_up()
    assert isinstance(app, QApplication)
    return app


def _warm_up() -> None:
    # The first view painted in a process loads fonts and styles: paid here, once, so
    # that neither ours nor the baseline (whichever runs first) is charged for it.
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(50, 8)
    view = QTableView()
    view.resize(WIDTH, HEIGHT)
    view.setModel(model)
    view.show()
    QApplication.processEvents()
    view.viewport().repaint()
    view.close()
    view.setModel(None)


def settle(view: QAbstractItemView, ready: Callable[[], bool] | None = None) -> None:
    """Return once the view shows the current data: events handled, viewport repainted.

    `ready` lets a model that loads pages off the GUI thread say when the rows the view
    asked for are there; until then events are processed and the view painted again.
    """
    app = application()
    app.processEvents()
    view.viewport().repaint()
    if ready is None:
        return
    deadline = time.perf_counter() + 30
    while not ready():
        if time.perf_counter() > deadline:
            raise TimeoutError("the view never received its rows")
        app.processEvents()
        time.sleep(0.0005)
    app.processEvents()
    view.viewport().repaint()


#: CPU seconds of every `timed` action, in order: on a busy machine the wall-clock time
#: also holds the time spent waiting for a core, which the CPU time does not.
CPU_TIMES: list[float] = []


def timed(action: Callable[[], object]) -> float:
    """Seconds taken by `action` (its CPU seconds are appended to `CPU_TIMES`)."""
    cpu = time.process_time()
    started = time.perf_counter()
    action()
    elapsed = time.perf_counter() - started
    CPU_TIMES.append(time.process_time() - cpu)
    return elapsed


def percentile(values: list[float], fraction: float) -> float:
    """The `fraction` percentile (nearest rank) of `values`."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(values: list[float]) -> float:
    """The median of `values`."""
    return percentile(values, 0.5)
