"""Test set-up: offscreen Qt, and every application folder redirected into tmp_path."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from prospection.core.db import Database, open_database

#: A PostgreSQL database the tests may use (tools/pg_test_server.sh start prints it).
PG_URL_ENV = "PROSPECTION_TEST_PG_URL"

_SANDBOX = Path(tempfile.mkdtemp(prefix="prospection-tests-"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show Qt windows on a real screen")
    parser.addoption(
        "--db",
        choices=("sqlite", "postgres"),
        default="sqlite",
        help="the `db` fixture's backend (postgres: needs $PROSPECTION_TEST_PG_URL)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): the behaviour is the SQLite file's own (skipped with --db=postgres)",
    )
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Nothing a test runs may touch the real user's folders or settings.
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[variable] = str(_SANDBOX / variable.lower())
    os.environ.pop("PROSPECTION_DATA_DIR", None)
    # A developer's team server must not become every test's database.
    os.environ.pop("PROSPECTION_DATABASE_URL", None)
    os.environ.setdefault("LANG", "en_US.UTF-8")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--db") != "postgres":
        return
    # Only the tests on the `db` fixture change with --db: the others (pure functions,
    # files of their own) already ran in the SQLite run and are left out here.
    kept = [item for item in items if "db" in getattr(item, "fixturenames", ())]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            item.add_marker(pytest.mark.skip(reason=f"SQLite file only: {reason}"))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder, also set as $PROSPECTION_DATA_DIR for subprocesses."""
    folder = tmp_path / "data"
    monkeypatch.setenv("PROSPECTION_DATA_DIR", str(folder))
    return folder


def _install_extensions(admin: Any) -> None:
    """Install `unaccent` (migration 0010) once, in `public`, for every test schema.

    An extension exists once per database: created by a migration inside a test's own
    schema, it would be dropped with that schema under the other tests' feet.
    """
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError, ProgrammingError

    try:
        with admin.begin() as connection:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public"))
    except (IntegrityError, ProgrammingError):
        pass  # created at the same moment by another test run: it is there


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of an empty schema of its own on the test PostgreSQL server, dropped after.

    Skipped (with the reason) when no server is configured; REQUIRED (the test fails)
    under CI=1, and whenever $PROSPECTION_TEST_PG_URL is set but the server is not there.
    """
    from uuid import uuid4

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    base = os.environ.get(PG_URL_ENV, "").strip()
    if not base:
        how = f'set {PG_URL_ENV} (eval "$(tools/pg_test_server.sh start)")'
        if os.environ.get("CI", "") not in ("", "0", "false"):
            pytest.fail(f"CI must run the PostgreSQL tests: {how}")
        pytest.skip(f"no PostgreSQL server for the team-mode tests: {how}")
    schema = f"test_{uuid4().hex[:16]}"
    admin = create_engine(base)
    try:
        _install_extensions(admin)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as error:
        admin.dispose()
        pytest.fail(f"{PG_URL_ENV} is set but PostgreSQL cannot be reached: {error}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Database]:
    """A migrated database on a real SQLite file in the test's data folder.

    With `--db=postgres`, a fresh schema on the test PostgreSQL server instead.
    """
    url = (
        request.getfixturevalue("pg_url")
        if request.config.getoption("--db") == "postgres"
        else None
    )
    database = open_database(
        data_dir / "prospection.sqlite3", backups_dir=data_dir / "backups", url=url
    )
    yield database
    database.dispose()
