"""Start-up to first paint, each run in a fresh process: ours against a bare QMainWindow."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.qt_session import median
from tests.benchmarks.report import Row, not_available

# Installed before the application's event loop starts: the first time a main window
# is painted, and the events queued with that paint are handled, the child says so.
_WATCH = """
import sys, time

def _install(widgets):
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _FirstPaint(QObject):
        done = False
        def eventFilter(self, obj, event):
            if (not self.done and event.type() == QEvent.Type.Paint
                    and isinstance(obj, widgets.QMainWindow)):
                self.done = True
                QTimer.singleShot(0, _report)
            return False

    def _report():
        # The CPU seconds of the whole process so far: on a busy machine the wall clock
        # also counts the waits for a core.
        print(f"FIRST-PAINT {time.process_time():.4f}", flush=True)
        widgets.QApplication.instance().quit()

    watch = _FirstPaint()
    exec_ = widgets.QApplication.exec
    def _exec_watched(*args):
        widgets.QApplication.instance().installEventFilter(watch)
        return exec_()
    widgets.QApplication.exec = _exec_watched

class _WhenQtWidgetsLoads:
    # The watch is installed when the program imports PySide6.QtWidgets, not before: a
    # real start imports nothing of Qt before the application does (and what a program
    # imports before PySide6 is not scanned by PySide6's feature import hook).
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        from importlib.machinery import PathFinder
        spec = PathFinder.find_spec(name, path)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            _install(module)
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _WhenQtWidgetsLoads())
"""

BARE = (
    _WATCH
    + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1366, 768)
window.show()
app.exec()
"""
)

OURS = (
    _WATCH
    + """
from prospection.app import main
main(sys.argv[1:])
"""
)


def _first_paint(code: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    try:
        for line in child.stdout:
            if line.startswith("FIRST-PAINT"):
                elapsed = time.perf_counter() - started
                cpu = float(line.split()[1])
                # The first start of a day finishes that day's backup before it exits
                # (made in a thread after the first paint): minutes for a large file.
                child.wait(timeout=900)
                return elapsed, cpu
        _out, err = child.communicate(timeout=60)
        raise RuntimeError(f"the window was never painted: {err[-2000:]}")
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def measure(data_dir: Path, size: int, runs: int = 5) -> list[Row]:
    """Median start-up to first paint over `runs` fresh processes, after one warm-up."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PROSPECTION_DATA_DIR"] = str(data_dir)
    # An installed app starts from compiled bytecode (pip, uv and PyInstaller all write
    # it); without it every start compiles SQLAlchemy and the app again. The warm-up run
    # writes it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    _first_paint(BARE, [], env)
    bare_runs = [_first_paint(BARE, [], env) for _ in range(runs)]
    bare = median([wall for wall, _cpu in bare_runs])
    if importlib.util.find_spec("prospection.app") is None:
        row = not_available("start-up to first paint", size)
        row.baseline_s = bare
        row.baseline_name = "bare QMainWindow"
        return [row]
    args = ["--data-dir", str(data_dir)]
    _first_paint(OURS, args, env)
    ours_runs = [_first_paint(OURS, args, env) for _ in range(runs)]
    ours = median([wall for wall, _cpu in ours_runs])
    ours_cpu = median([cpu for _wall, cpu in ours_runs])
    bare_cpu = median([cpu for _wall, cpu in bare_runs])
    return [
        Row(
            measure="start-up to first paint",
            size=size,
            ours_s=ours,
            baseline_s=bare,
            baseline_name="bare QMainWindow",
            note=f"cpu {ours_cpu * 1000:.0f} ms, bare {bare_cpu * 1000:.0f} ms",
            extra={"ours_cpu_s": ours_cpu, "bare_cpu_s": bare_cpu},
        )
    ]
