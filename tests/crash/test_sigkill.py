"""Crash safety: workers doing edits, calls, do-not-contacts and imports are SIGKILLed at
random moments, again and again (see crash_worker.py); every time the file passes
`integrity_check`, holds every acknowledged action, and no import is half there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

WORKER = Path(__file__).with_name("crash_worker.py")
ROUNDS = 20

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL are POSIX"),
]


def test_sigkill_at_random_moments_loses_nothing_acknowledged(data_dir: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    data_dir.mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, str(WORKER), str(data_dir), str(ROUNDS), "20261127"],
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
        env=dict(os.environ, PYTHONPATH=str(root)),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert sum(line.startswith("round ") for line in lines) == ROUNDS
    done = lines[-1].split()
    assert done[0] == "DONE" and int(done[1]) > ROUNDS, lines[-1]
    assert done[3] == "kinds=call,dnc,edit,import", lines[-1]
