"""The benchmark's PostgreSQL column (issue #17): its data and its rows, at a tiny size.

No timing is checked: speed is measured by the harness, as ratios, never in tests.
"""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from prospection.core import team
from prospection.core.db import create_sqlite_engine, open_database
from tests.benchmarks import dataset, pg_bench, pg_dataset
from tests.benchmarks.__main__ import main
from tests.benchmarks.targets import apply_targets

SIZE = 60


def _rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables = pg_dataset._tables(connection)
            return {
                table: sorted(
                    (tuple(row) for row in connection.execute(text(f'SELECT * FROM "{table}"'))),
                    key=repr,
                )
                for table in tables
            }
    finally:
        engine.dispose()


def test_the_copy_holds_what_the_apps_own_move_writes(pg_url: str, tmp_path: Path) -> None:
    """COPY with the triggers off leaves what `team.move_data` (triggers on) leaves."""
    data = dataset.build(tmp_path / "cache", SIZE)
    counts = pg_dataset.copy_into(data.path, pg_url)
    assert counts["prospect"] == SIZE and counts["prospect_search"] == SIZE
    assert counts["activity"] == SIZE * dataset.ACTIVITIES_PER_PROSPECT

    base = make_url(pg_url)
    other = f"test_{uuid4().hex[:16]}"
    admin = create_engine(base.set(query={}))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{other}"'))
    moved_url = pg_dataset.schema_url(base.set(query={}).render_as_string(False), other)
    try:
        open_database(data.path, url=moved_url).dispose()
        source = create_sqlite_engine(data.path)
        target = create_engine(moved_url)
        try:
            team.move_data(source, target)
        finally:
            source.dispose()
            target.dispose()
        copied, moved = _rows(pg_url), _rows(moved_url)
        assert copied.keys() == moved.keys()
        for table in copied:
            assert copied[table] == moved[table], table
        assert all(row[2] for row in copied["prospect_search"])  # the documents
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{other}" CASCADE'))
        admin.dispose()


def test_each_operation_gets_a_postgresql_and_a_sqlite_time(pg_url: str, tmp_path: Path) -> None:
    data = dataset.build(tmp_path / "cache", SIZE)
    pg_dataset.copy_into(data.path, pg_url)
    rows = apply_targets(pg_bench.measure(data.path, pg_url, SIZE, rounds=1))
    by_name = {row.measure: row for row in rows}
    for name in (
        "sort by name",
        "sort by tags",
        "filter per keystroke (p95)",
        "next prospect in a call session",
        "weekly stats",
    ):
        row = by_name[pg_bench.PREFIX + name]
        assert row.ours_s is not None and row.ours_s > 0, row
        assert row.baseline_s is not None and row.baseline_s > 0, row
        assert row.target == "<= 2x SQLite", row
        assert row.met is not None
        assert row.extra["postgres_s"] and row.extra["sqlite_s"]
    assert by_name[pg_bench.PREFIX + "open the table"].target == ""
    counted = by_name[pg_bench.PREFIX + "exact count after a keystroke (p95)"]
    assert counted.ours_s is not None and counted.baseline_s is not None
    assert counted.target == ""  # the rows' time is the filter's; this one is said


def test_without_a_server_the_column_is_skipped_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PROSPECTION_BENCH_PG_URL", raising=False)
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / variable))  # main() moves them
    results = tmp_path / "RESULTS.md"
    (tmp_path / "ANALYSIS.md").write_text("")
    code = main(
        [
            "--sizes",
            "50",
            "--groups",
            "postgres",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--results",
            str(results),
        ]
    )
    assert code == 0
    assert "PostgreSQL column skipped: no server given" in capsys.readouterr().out
    assert "PostgreSQL column skipped" in results.read_text()
