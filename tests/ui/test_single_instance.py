"""One instance per data folder: a second start hands over; a crashed owner's lock is freed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from prospection.ui.single_instance import LOCK_NAME, SingleInstance, server_name


def test_second_start_asks_the_first_to_show(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "data")
    assert first.acquire()
    try:
        second = SingleInstance(tmp_path / "data")
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert not second.acquire()
        other_folder = SingleInstance(tmp_path / "other")
        assert other_folder.acquire()
        other_folder.release()
    finally:
        first.release()
    again = SingleInstance(tmp_path / "data")
    assert again.acquire()
    again.release()


def test_names_differ_per_folder(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_lock_of_a_killed_process_is_recovered(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    holder = textwrap.dedent(
        f"""
        import sys, time
        from PySide6.QtCore import QLockFile
        lock = QLockFile({str(data / LOCK_NAME)!r})
        assert lock.tryLock(0)
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        blocked = SingleInstance(data)
        assert not blocked.acquire()  # the holder is alive: its lock holds
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
    assert (data / LOCK_NAME).exists()  # left behind by the crash
    recovered = SingleInstance(data)
    assert recovered.acquire()
    recovered.release()


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux's read-only /sys")
def test_a_lock_that_cannot_be_written_means_reading_only(qtbot: QtBot) -> None:
    # /sys is a read-only file system, even for root: the lock file cannot be created.
    instance = SingleInstance(Path("/sys"))
    assert instance.acquire()  # no other instance holds it ...
    assert instance.lock_failed  # ... but this one may not write the data
    instance.release()
