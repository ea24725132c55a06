"""`pytest -m packaging` (CI's installer run) also runs the fast packaging checks.

They are in the default suite too; here they run again beside the build, so a release
run alone cannot pass with, say, a version the tag does not match.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.packaging.tools import ROOT

pytestmark = pytest.mark.packaging

FAST_CHECKS = ["tests/packaging/test_metadata.py", "tests/packaging/test_menu_entry.py"]


def test_metadata_and_menu_entry_checks_pass() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *FAST_CHECKS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
