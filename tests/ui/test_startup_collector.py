"""The cyclic garbage collector is paused during start-up and back once the window is up."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from prospection import app as app_module

_RUN = """
import gc, sys
from prospection import app
seen = []
# Looked at once the event loop runs, before the window's first paint is handled.
original = app.create_application
def create(qt_args=()):
    made = original(qt_args)
    seen.append(gc.isenabled())
    return made
app.create_application = create
from prospection.ui import first_paint
later = []
original_after = first_paint.after_first_paint
def after(widget, work, *args):
    later.append(getattr(work, "__name__", ""))
    original_after(widget, work, *args)
first_paint.after_first_paint = after
code = app.main(["--self-check", "--data-dir", sys.argv[1], "--lang", "en"])
print("CODE", code, "DURING", seen, "AFTER", gc.isenabled(), gc.get_freeze_count() > 0)
print("AFTER-PAINT", "resume_collector" in later)
"""


def test_collector_paused_during_start_up_and_back_after(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )
    assert "CODE 0 DURING [False] AFTER True True" in done.stdout, done.stderr
    assert "AFTER-PAINT True" in done.stdout  # back as soon as the window is painted


def test_resume_collector_enables_and_freezes_once() -> None:
    assert gc.isenabled()
    gc.disable()
    try:
        app_module.resume_collector()
        assert gc.isenabled()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        app_module.resume_collector()  # already running: nothing more is frozen
        assert gc.get_freeze_count() <= frozen
    finally:
        gc.enable()
        gc.unfreeze()
