"""The weekly stats: what the weekly-goal panel computes (targets, actuals, pace, streak)."""

from __future__ import annotations

import time
from pathlib import Path

from prospection.core import weekly_goals
from prospection.core.db import open_database
from tests.benchmarks.qt_session import median
from tests.benchmarks.report import Row

RUNS = 5


def run(path: Path, size: int, url: str | None = None) -> list[Row]:
    """Median seconds of `week_status` for this week (after one warm-up).

    With `url`, on that PostgreSQL database instead of the file.
    """
    database = open_database(path, url=url)
    times: list[float] = []
    try:
        with database.session() as session:
            weekly_goals.week_status(session)
        for _ in range(RUNS):
            started = time.perf_counter()
            with database.session() as session:
                weekly_goals.week_status(session)
            times.append(time.perf_counter() - started)
    finally:
        database.dispose()
    return [
        Row(
            measure="weekly stats",
            size=size,
            ours_s=median(times),
            note=f"week_status, median of {RUNS}",
        )
    ]
