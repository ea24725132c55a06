"""prospection-cli add, list and demo.

The main paths run through a real subprocess; the many small filter and bad-input
variations call the same `main()` in-process, as a subprocess costs seconds of imports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from prospection.cli.main import main
from prospection.core.db import open_database
from prospection.core.models import Prospect


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prospection.cli.main", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    """`prospection-cli` in-process: exit code, stdout, stderr."""
    try:
        code = main(["--data-dir", str(data_dir), *args])
    except SystemExit as exit_:  # argparse's own usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def add(data_dir: Path, *args: str) -> int:
    result = cli(data_dir, "add", *args)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip())


def add_here(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> int:
    code, out, err = run(capsys, data_dir, "add", *args)
    assert code == 0, err
    return int(out.strip())


def test_add_then_list_json(data_dir: Path) -> None:
    first = add(
        data_dir,
        "--company",
        "Menuiserie Lefèvre",
        "--first-name",
        "François",
        "--last-name",
        "Lefèvre",
        "--phone",
        "04 65 71 20 10",
        "--email",
        "francois@menuiserie-lefevre.example",
        "--city",
        "Rezé",
        "--stage",
        "reached",
        "--tag",
        "menuiserie",
        "--tag",
        "ouest",
    )
    second = add(data_dir, "--company", "DataForge", "--city", "Montreuil")
    assert second == first + 1
    result = cli(data_dir, "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows == [
        {
            "id": first,
            "name": "Menuiserie Lefèvre",
            "stage": "reached",
            "city": "Rezé",
            "consumer": False,
            "tags": ["menuiserie", "ouest"],
            "version": 1,
            "next_action_at": None,
            "contacts": [
                {
                    "id": rows[0]["contacts"][0]["id"],
                    "first_name": "François",
                    "last_name": "Lefèvre",
                    "title": "",
                    "phone": "+33465712010",
                    "phones": ["+33465712010"],
                    "email": "francois@menuiserie-lefevre.example",
                    "primary": True,
                }
            ],
        },
        {
            "id": second,
            "name": "DataForge",
            "stage": "new",
            "city": "Montreuil",
            "consumer": False,
            "tags": [],
            "version": 1,
            "next_action_at": None,
            "contacts": [],
        },
    ]


def test_list_filters(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    bakery = add_here(capsys, data_dir, "--company", "Boulangerie Marchand", "--tag", "bakery")
    add_here(capsys, data_dir, "--company", "Société Générale des Pains", "--stage", "client")
    add_here(capsys, data_dir, "--company", "Garage du Centre", "--first-name", "François")

    def ids(*args: str) -> list[str]:
        code, out, err = run(capsys, data_dir, "list", "--json", *args)
        assert code == 0, err
        return [row["name"] for row in json.loads(out)]

    assert ids("--search", "societe") == ["Société Générale des Pains"]
    assert ids("--search", "francois") == ["Garage du Centre"]
    assert ids("--search", "boul") == ["Boulangerie Marchand"]
    assert ids("--stage", "client") == ["Société Générale des Pains"]
    assert ids("--stage", "client", "--stage", "new") == [
        "Boulangerie Marchand",
        "Société Générale des Pains",
        "Garage du Centre",
    ]
    assert ids("--tag", "bakery") == ["Boulangerie Marchand"]
    assert ids("--tag", "nope") == []
    code, out, _ = run(capsys, data_dir, "list")
    assert code == 0
    assert f"{bakery}  Boulangerie Marchand  [new]" in out


def test_next_action_is_iso_with_offset(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    prospect_id = add_here(capsys, data_dir, "--company", "Transports Girard")
    database = open_database(data_dir / "prospection.sqlite3")
    try:
        with database.session() as session:
            prospect = session.get(Prospect, prospect_id)
            assert prospect is not None
            prospect.next_action_at = datetime.fromisoformat("2026-12-01T10:00:00+01:00")
    finally:
        database.dispose()
    [row] = json.loads(run(capsys, data_dir, "list", "--json")[1])
    value = datetime.fromisoformat(row["next_action_at"])
    assert value.utcoffset() is not None
    assert value == datetime.fromisoformat("2026-12-01T10:00:00+01:00")


def test_invalid_email_is_refused_with_one_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    result = cli(data_dir, "add", "--company", "X", "--email", "jean@@example")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--email" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(run(capsys, data_dir, "list", "--json")[1]) == []


def test_unparseable_phone_is_kept_and_reported(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    result = cli(data_dir, "add", "--company", "Y", "--last-name", "Roux", "--phone", "ask Nadia")
    assert result.returncode == 0
    assert result.stdout.strip().isdigit()
    assert "ask Nadia" in result.stderr and "kept as typed" in result.stderr
    [row] = json.loads(run(capsys, data_dir, "list", "--json")[1])
    assert row["contacts"][0]["phone"] == "ask Nadia"
    assert row["contacts"][0]["phones"] == ["ask Nadia"]


def test_unknown_stage_exits_2_with_one_clear_line(data_dir: Path) -> None:
    result = cli(data_dir, "add", "--company", "Z", "--stage", "won")
    assert result.returncode == 2
    assert "unknown stage 'won'" in result.stderr and "not_a_fit" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("add", "--company", "   "),
        ("add", "--company", "Z", "--tag", "x" * 81),
        ("list", "--stage", "won"),
        ("add", "--city", "Lyon"),  # no --company: argparse's own usage error
    ],
)
def test_bad_input_exits_2(
    capsys: pytest.CaptureFixture[str], data_dir: Path, args: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, data_dir, *args)
    assert code == 2
    assert out == ""
    assert err.strip()


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = cli(blocker / "data", "list", "--json")
    assert result.returncode == 1
    assert "cannot be created" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_data_folder_without_permission(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = cli(locked / "data", "add", "--company", "X")
    finally:
        locked.chmod(0o700)
    assert result.returncode == 1
    assert "cannot be created" in result.stderr and "Traceback" not in result.stderr


def test_demo_fills_once(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    result = cli(data_dir, "demo")
    assert result.returncode == 0, result.stderr
    assert "300 prospects" in result.stdout
    code, out, _ = run(capsys, data_dir, "demo")
    assert code == 0
    assert "nothing was changed" in out
    database = open_database(data_dir / "prospection.sqlite3")
    try:
        with database.session() as session:
            assert len(session.scalars(select(Prospect.id)).all()) == 300
    finally:
        database.dispose()
    rows = json.loads(run(capsys, data_dir, "list", "--json", "--stage", "client")[1])
    assert len(rows) >= 10
    assert all(row["stage"] == "client" for row in rows)


def test_edit_if_version_refuses_a_change_made_meanwhile(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    pid = add_here(capsys, data_dir, "--company", "Garage du Centre", "--city", "Rezé")
    code, out, err = run(capsys, data_dir, "list", "--json")
    version = json.loads(out)[0]["version"]
    # Someone else edits it after this script read it ...
    code, _, err = run(capsys, data_dir, "edit", str(pid), "--city", "Nantes")
    assert code == 0, err
    # ... so the script's change, made for the version it read, is refused.
    code, out, err = run(
        capsys, data_dir, "edit", str(pid), "--city", "Vertou", "--if-version", str(version)
    )
    assert code == 1 and out == ""
    assert "changed by someone else since version 1" in err and "Traceback" not in err
    code, out, _ = run(capsys, data_dir, "list", "--json")
    row = json.loads(out)[0]
    assert (row["city"], row["version"]) == ("Nantes", 2)  # nothing written
    code, out, err = run(
        capsys, data_dir, "edit", str(pid), "--city", "Vertou", "--if-version", "2"
    )
    assert code == 0, err
