"""A second start is recognised without Qt, to skip the data layer it does not need."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from prospection import app as app_module
from prospection.ui.single_instance import LOCK_NAME, SingleInstance

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the guess is POSIX only")


def test_lock_file_name_is_the_single_instance_one() -> None:
    assert app_module.LOCK_FILE == LOCK_NAME


def test_qt_lock_file_starts_with_the_pid(tmp_path: Path) -> None:
    lock = QLockFile(str(tmp_path / LOCK_NAME))
    assert lock.tryLock(0)
    try:
        first_line = (tmp_path / LOCK_NAME).read_text().split("\n", 1)[0]
        assert int(first_line) == os.getpid()
        assert not app_module.folder_in_use(tmp_path)  # this process holds it
    finally:
        lock.unlock()


def test_folder_in_use_by_a_live_process_only(tmp_path: Path) -> None:
    assert not app_module.folder_in_use(tmp_path)  # no lock file
    lock = tmp_path / LOCK_NAME
    lock.write_text(f"{os.getppid()}\npython3\nhost\n")
    assert app_module.folder_in_use(tmp_path)
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    lock.write_text(f"{int(gone.stdout)}\npython3\nhost\n")
    assert not app_module.folder_in_use(tmp_path)  # that process has ended
    lock.write_text("not a pid\n")
    assert not app_module.folder_in_use(tmp_path)


def test_running_instance_is_seen(tmp_path: Path) -> None:
    instance = SingleInstance(tmp_path)
    assert instance.acquire()
    try:
        # Seen from another process, as a second start would.
        code = "import sys; from pathlib import Path; from prospection.app import folder_in_use; "
        code += "print(folder_in_use(Path(sys.argv[1])))"
        seen = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path)], check=True, capture_output=True, text=True
        )
        assert seen.stdout.strip() == "True"
    finally:
        instance.release()
    assert not app_module.folder_in_use(tmp_path)
