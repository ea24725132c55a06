"""The CLI tells which calling rule a logged call broke, in the user's time zone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Activity, Contact, Prospect
from tests.call_factories import NOW, add_prospect


def cli(data_dir: Path, *args: str, tz: str = "Europe/Paris") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prospection.cli.main", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "TZ": tz},
    )


def consumer(db: Database) -> int:
    pid = add_prospect(db, "M. Petit", is_consumer=True, phones=("+33612345678",))
    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.prospect_id == pid)).one()
        contact.consent_at = NOW
    return pid


def test_log_call_at_8_warns_and_retries_at_10(db: Database, data_dir: Path) -> None:
    pid = consumer(db)
    result = cli(
        data_dir,
        "log-call",
        str(pid),
        "--outcome",
        "no_answer",
        "--at",
        "2026-11-25T08:00",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["warnings"] == [{"code": "outside_hours", "message": "outside calling hours"}]
    assert out["consumer_rules"] is True
    assert out["next_action_at"] == "2026-11-27T10:00:00+01:00"
    assert "broke a calling rule: outside calling hours" in result.stderr
    text = cli(data_dir, "log-call", str(pid), "--outcome", "no_answer", "--at", "2026-11-29T11:00")
    assert "next action 2026-12-01 11:00 CET" in text.stdout
    assert "no calls to consumers on Saturdays and Sundays" in text.stderr


def test_a_lawful_call_has_no_warning(db: Database, data_dir: Path) -> None:
    pid = consumer(db)
    result = cli(
        data_dir,
        "log-call",
        str(pid),
        "--outcome",
        "no_answer",
        "--at",
        "2026-11-25T11:00",
        "--json",
    )
    assert json.loads(result.stdout)["warnings"] == [] and result.stderr == ""


def test_can_call_names_the_zone_and_counts_the_calls(db: Database, data_dir: Path) -> None:
    pid = consumer(db)
    early = cli(data_dir, "can-call", str(pid), "--at", "2026-11-25T09:59")
    assert "callable again from 2026-11-25 10:00 CET" in early.stdout, early.stdout
    with db.session() as session:
        for day in range(16, 21):  # five calls, Monday to Friday
            session.add(
                Activity(
                    prospect_id=pid,
                    kind=ActivityKind.CALL,
                    outcome=Outcome.NO_ANSWER,
                    occurred_at=datetime(2026, 11, day, 10, 0, tzinfo=UTC),
                )
            )
    full = cli(data_dir, "can-call", str(pid), "--at", "2026-11-25T11:00")
    assert "already called 5 times in the last 30 days (at most 4)" in full.stdout, full.stdout


def test_consumer_flag_from_add_and_edit(db: Database, data_dir: Path) -> None:
    added = cli(data_dir, "add", "--company", "Mme Roux", "--consumer")
    assert added.returncode == 0, added.stderr
    pid = int(added.stdout)
    business = int(cli(data_dir, "add", "--company", "Garage Morel").stdout)
    with db.session() as session:
        assert session.get(Prospect, pid).is_consumer  # type: ignore[union-attr]
        assert not session.get(Prospect, business).is_consumer  # type: ignore[union-attr]
    assert cli(data_dir, "edit", str(pid), "--business").returncode == 0
    assert cli(data_dir, "edit", str(business), "--consumer").returncode == 0
    rows = {r["id"]: r["consumer"] for r in json.loads(cli(data_dir, "list", "--json").stdout)}
    assert rows == {pid: False, business: True}
    assert cli(data_dir, "edit", "999", "--consumer").returncode == 1
    assert cli(data_dir, "edit", str(pid)).returncode == 2
    assert cli(data_dir, "edit", str(pid), "--consumer", "--business").returncode == 2
