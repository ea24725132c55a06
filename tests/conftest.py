"""Test set-up: offscreen Qt, and every application folder redirected into tmp_path."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from prospection.core.db import Database, open_database

_SANDBOX = Path(tempfile.mkdtemp(prefix="prospection-tests-"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show Qt windows on a real screen")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Nothing a test runs may touch the real user's folders or settings.
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[variable] = str(_SANDBOX / variable.lower())
    os.environ.pop("PROSPECTION_DATA_DIR", None)
    os.environ.setdefault("LANG", "en_US.UTF-8")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder, also set as $PROSPECTION_DATA_DIR for subprocesses."""
    folder = tmp_path / "data"
    monkeypatch.setenv("PROSPECTION_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    """A migrated database on a real SQLite file in the test's data folder."""
    database = open_database(data_dir / "prospection.sqlite3", backups_dir=data_dir / "backups")
    yield database
    database.dispose()
