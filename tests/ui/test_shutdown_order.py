"""At exit the data folder's lock is released only once the data file is closed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_RUN = """
import sys
from prospection import app
from prospection.core.db import Database
from prospection.ui.single_instance import SingleInstance
order = []
original_dispose = Database.dispose
def dispose(self):
    order.append("dispose")
    original_dispose(self)
Database.dispose = dispose
original_release = SingleInstance.release
def release(self):
    order.append("release")
    original_release(self)
SingleInstance.release = release
code = app.main(["--self-check", "--data-dir", sys.argv[1], "--lang", "en"])
print("CODE", code, "ORDER", ",".join(order))
"""


def test_the_lock_is_released_after_the_data_file_is_closed(tmp_path: Path) -> None:
    # Released first, a second window could open the folder while this one still makes
    # its last checkpoint of the file (or its daily backup): two writers at once.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )
    assert "CODE 0 ORDER" in done.stdout, done.stderr
    order = done.stdout.split("ORDER", 1)[1].split()[0].split(",")
    assert "release" in order and "dispose" in order
    assert order.index("dispose") < order.index("release"), order
