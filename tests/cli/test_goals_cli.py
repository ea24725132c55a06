"""prospection-cli stats, goal set and plan, run as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

from prospection.core.db import Database
from prospection.core.enums import Outcome
from prospection.core.weeks import Week
from tests.goal_data import client, log_calls, prospect


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prospection.cli.main", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_goal_set_then_stats_json(db: Database, data_dir: Path) -> None:
    week = Week(2026, 40)
    with db.session() as session:
        p = prospect(session)
        monday = datetime.combine(week.monday, time(10)).astimezone()
        log_calls(session, p, monday, Outcome.NO_ANSWER, count=30)
        log_calls(session, p, monday, Outcome.CONVERSATION, count=3)
        log_calls(session, p, monday, Outcome.MEETING_BOOKED)
    db.dispose()
    done = cli(data_dir, "goal", "set", "--week", "2026-W40", "--calls", "30", "--meetings", "3")
    assert done.returncode == 0, done.stderr
    assert "2026-W40" in done.stdout
    done = cli(data_dir, "stats", "--week", "2026-W40", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["week"] == "2026-W40"
    assert data["calls"] == {"actual": 34, "target": 30, "expected_by_now": 30.0, "pace": "met"}
    assert data["conversations"]["actual"] == 4
    assert data["meetings"]["target"] == 3
    assert set(data) >= {"calls", "reached", "conversations", "meetings", "new_clients"}
    assert data["streak_weeks"] == 1  # the streak as of that week: itself


def test_stats_rejects_a_bad_week(data_dir: Path) -> None:
    done = cli(data_dir, "stats", "--week", "2026-W61", "--json")
    assert done.returncode == 2
    assert "week" in done.stderr and "Traceback" not in done.stderr


def test_goal_set_refuses_negatives(data_dir: Path) -> None:
    done = cli(data_dir, "goal", "set", "--calls", "-5")
    assert done.returncode == 2 and "negative" in done.stderr


def test_plan_json(db: Database, data_dir: Path) -> None:
    with db.session() as session:
        client(session, "A", 30_000.0, since=date(2024, 1, 1))
        client(session, "B", 10_000.0, since=date(2024, 1, 1))
    db.dispose()
    done = cli(data_dir, "plan", "--json", "--growth", "2")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["inputs"]["clients"] == 2
    assert data["inputs"]["growth_per_year"] == 2
    assert {r["source"] for r in data["inputs"]["rates"].values()} == {"default"}
    assert data["outputs"]["new_clients_per_year"] == 2.3
    assert data["outputs"]["weekly"]["calls"] > 0
    assert data["concentration"]["largest_share"] == 0.75
    assert data["concentration"]["warning"] is True
    assert cli(data_dir, "plan", "--attrition", "2").returncode == 2
