"""prospection-cli queue and log-call, through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome, Stage
from prospection.core.models import Activity, Prospect, utcnow
from tests.call_factories import add_prospect


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prospection.cli.main", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_queue_prints_the_session_queue_in_order(db: Database, data_dir: Path) -> None:
    now = utcnow()
    later = add_prospect(db, "Due later", next_action_at=now - timedelta(minutes=1))
    overdue = add_prospect(db, "Overdue", next_action_at=now - timedelta(days=3), tags=("bakery",))
    new = add_prospect(db, "New one", tags=("bakery",))
    add_prospect(db, "No phone", phones=(), next_action_at=now - timedelta(days=1))
    result = cli(data_dir, "queue", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == [overdue, later]
    assert rows[0]["reason"] == "overdue"
    assert rows[0]["contact"] == "Élodie Marchand" and rows[0]["phone"] == "+33465712010"
    assert set(rows[0]) == {"id", "name", "reason", "next_action_at", "contact", "phone"}
    rows = json.loads(cli(data_dir, "queue", "--source", "tag:bakery", "--json").stdout)
    assert [r["id"] for r in rows] == [overdue, new]
    rows = json.loads(cli(data_dir, "queue", "--source", "all", "--size", "1", "--json").stdout)
    assert len(rows) == 1
    text = cli(data_dir, "queue")
    assert "left out" in text.stdout and "No phone" in text.stdout


def test_queue_refuses_bad_input(data_dir: Path) -> None:
    assert cli(data_dir, "queue", "--source", "everyone").returncode == 2
    assert cli(data_dir, "queue", "--size", "0").returncode == 2


def test_log_call_follows_the_same_rules_as_the_dialog(db: Database, data_dir: Path) -> None:
    pid = add_prospect(db, "Boulangeries Marchand")
    result = cli(
        data_dir,
        "log-call",
        str(pid),
        "--outcome",
        "meeting_booked",
        "--notes",
        "Wants figures",
        "--at",
        "2026-11-25T14:00+01:00",
        "--next",
        "2026-12-03T14:00+01:00",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    changed = json.loads(result.stdout)
    assert changed["stage"] == "meeting" and changed["meeting_activity_id"]
    with db.session() as session:
        prospect = session.get(Prospect, pid)
        assert prospect is not None and prospect.stage == Stage.MEETING
        kinds = [
            (a.kind, a.outcome, a.notes)
            for a in session.scalars(select(Activity).order_by(Activity.id))
        ]
    assert kinds == [
        (ActivityKind.CALL, Outcome.MEETING_BOOKED, "Wants figures"),
        (ActivityKind.STAGE_CHANGE, None, ""),
        (ActivityKind.MEETING, None, "Wants figures"),
    ]
    plain = cli(data_dir, "log-call", str(pid), "--outcome", "no_answer")
    assert plain.returncode == 0 and "no_answer" in plain.stdout


def test_log_call_refuses_bad_input_without_a_traceback(db: Database, data_dir: Path) -> None:
    pid = add_prospect(db, "Strict")
    missing_next = cli(data_dir, "log-call", str(pid), "--outcome", "call_back")
    assert missing_next.returncode == 2 and "--next" in missing_next.stderr
    bad_outcome = cli(data_dir, "log-call", str(pid), "--outcome", "maybe")
    assert bad_outcome.returncode == 2
    bad_date = cli(data_dir, "log-call", str(pid), "--outcome", "call_back", "--next", "soon")
    assert bad_date.returncode == 2 and "ISO 8601" in bad_date.stderr
    unknown = cli(data_dir, "log-call", "999", "--outcome", "no_answer")
    assert unknown.returncode == 1 and "no prospect" in unknown.stderr
    for run in (missing_next, bad_outcome, bad_date, unknown):
        assert "Traceback" not in run.stderr
    with db.session() as session:
        assert session.scalars(select(Activity)).all() == []


def test_log_call_if_version_keeps_a_next_action_set_meanwhile(
    db: Database, data_dir: Path
) -> None:
    """As the call session: the call is recorded, a colleague's plan is not overwritten."""
    from prospection.core.prospect_editing import update_prospect

    pid = add_prospect(db, "Boulangeries Marchand")
    with db.session() as session:
        version = session.get(Prospect, pid).version  # type: ignore[union-attr]
        changes = {"next_action_text": "Envoyer le devis"}  # someone else, after the read
        assert update_prospect(session, pid, changes).ok
    args = ["log-call", str(pid), "--outcome", "no_answer", "--json"]
    result = cli(data_dir, *args, "--if-version", str(version))
    assert result.returncode == 0, result.stderr
    assert "their next action is kept" in result.stderr and "Traceback" not in result.stderr
    out = json.loads(result.stdout)
    assert out["next_action_text"] == "Envoyer le devis"
    assert out["next_action_not_written"]["next_action_text"] == "Call again (no answer)"
    with db.session() as session:
        prospect = session.get(Prospect, pid)
        assert prospect is not None and prospect.next_action_text == "Envoyer le devis"
        assert prospect.call_attempts == 1  # the call is recorded
        version = prospect.version
    # At the version it read: written as always.
    result = cli(data_dir, *args, "--if-version", str(version))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["next_action_text"] == "Call again (no answer)"
