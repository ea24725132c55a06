"""Huge ids, out-of-range dates and oversized text: a message and exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from prospection.core.db import open_database
from prospection.core.models import Contact
from tests.cli.test_safety_cli import cli, seed

HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    "command",
    [
        ["edit", HUGE, "--city", "Lyon"],
        ["log-call", HUGE, "--outcome", "no_answer"],
        ["can-call", HUGE],
        ["erase", HUGE],
        ["dnc", HUGE, "--channel", "all"],
        ["consent", HUGE, "--wording", "yes"],
        ["export-person", HUGE, "--out", "x.json"],
        ["import-undo", HUGE],
        ["queue", "--size", HUGE],
        ["goal", "set", "--calls", HUGE],
    ],
)
def test_a_huge_number_is_refused_with_a_message(data_dir: Path, command: list[str]) -> None:
    seed(data_dir)
    result = cli(data_dir, *command)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "out of range" in result.stderr or "no record has the id" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["log-call", "{p}", "--outcome", "no_answer", "--at", "0001-01-01"],
        ["log-call", "{p}", "--outcome", "call_back", "--next", "0001-01-01T10:00"],
        ["log-call", "{p}", "--outcome", "no_answer", "--at", "9999-12-31T23:59"],
        ["can-call", "{p}", "--at", "0001-01-01"],
        ["consent", "{c}", "--wording", "yes", "--at", "0001-01-01"],
        ["stats", "--week", "0001-W01"],
        ["goal", "set", "--week", "0001-W01", "--calls", "3"],
    ],
)
def test_a_year_one_date_is_refused_with_a_message(data_dir: Path, command: list[str]) -> None:
    contact = seed(data_dir)
    args = [part.format(p=1, c=contact) for part in command]
    result = cli(data_dir, *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "out of range" in result.stderr


BIG_NOTES = "n" * 10_000_000
BIG_PHONE = "6" * 5_000_000
BIG_NAME = "Quennevilleux" * 1_000


@pytest.mark.parametrize(
    ("command", "huge"),
    [
        (["add", "--company", BIG_NAME], BIG_NAME),
        (["add", "--company", "Vasseur", "--last-name", BIG_NAME], BIG_NAME),
        (["add", "--company", "Vasseur", "--phone", BIG_PHONE], BIG_PHONE),
        (["add", "--company", "Vasseur", "--city", BIG_NAME], BIG_NAME),
        (["edit", "1", "--company", BIG_NAME], BIG_NAME),
        (["edit", "1", "--city", BIG_NAME], BIG_NAME),
        (["log-call", "1", "--outcome", "no_answer", "--notes", BIG_NOTES], BIG_NOTES),
        (["dnc", "1", "--channel", "phone", "--reason", BIG_NOTES], BIG_NOTES),
        (["dnc", "1", "--channel", "all", "--reason", BIG_NAME], BIG_NAME),
        (["consent", "1", "--wording", BIG_NOTES], BIG_NOTES),
        (["consent", "1", "--wording", "I agree", "--channel", BIG_NAME], BIG_NAME),
    ],
)
def test_oversized_input_is_refused_without_echoing_it(
    data_dir: Path, command: list[str], huge: str
) -> None:
    seed(data_dir)
    result = cli(data_dir, *command)
    assert result.returncode == 2, result.stderr[:300]
    assert "too long" in result.stderr
    assert huge[:300] not in result.stderr
    assert len(result.stderr) < 300


def test_import_reports_too_long_values_by_line_without_echoing_them(
    data_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    long_name = "Quennevilleux" * 100
    source.write_text(
        "Company,Last name,Phone,Notes\n"
        "Vasseur,Inès,0612345678,ok\n"
        f"Bellerive,{long_name},{'6' * 100_000},{'n' * 120_000}\n",
        encoding="utf-8",
    )
    result = cli(data_dir, "import", str(source))
    assert result.returncode == 0, result.stderr[:300]
    lines = [line for line in result.stdout.splitlines() if "too long" in line]
    assert len(lines) == 3 and all(line.strip().startswith("line 3:") for line in lines)
    assert long_name[:100] not in result.stdout and "6" * 300 not in result.stdout
    assert len(result.stdout) < 2000


def test_an_oversized_objection_or_consent_writes_nothing(data_dir: Path) -> None:
    contact_id = seed(data_dir)
    for command in (
        ["dnc", str(contact_id), "--channel", "all", "--reason", BIG_NAME],
        ["consent", str(contact_id), "--wording", BIG_NOTES],
    ):
        assert cli(data_dir, *command).returncode == 2
    db = open_database(data_dir / "prospection.sqlite3")
    try:
        with db.session() as session:
            contact = session.get(Contact, contact_id)
            assert contact is not None
            assert not contact.dnc_phone and not contact.dnc_email
            assert contact.consent_at is None and not contact.consent_wording
    finally:
        db.dispose()
