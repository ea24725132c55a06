"""prospection-cli import, import-undo, imports and export, through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from prospection.cli.main import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
KEYS = {
    "rows_read",
    "prospects_created",
    "contacts_created",
    "merged",
    "possible_duplicates",
    "invalid",
    "batch_id",
    "problems",
    "merges",
}


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prospection.cli.main", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def test_import_json_dry_run_undo_and_export(data_dir: Path, tmp_path: Path) -> None:
    file = str(FIXTURES / "excel_fr_semicolon.csv")
    dry = cli(data_dir, "import", file, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    result = json.loads(dry.stdout)
    assert set(result) == KEYS
    assert result["batch_id"] is None and result["contacts_created"] == 3

    done = cli(data_dir, "import", file, "--json")
    imported = json.loads(done.stdout)
    assert imported["prospects_created"] == 2 and imported["batch_id"] == 1

    out = tmp_path / "all.csv"
    exported = cli(data_dir, "export", "--format", "csv", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "Günter" in out.read_text("utf-8-sig")

    found = cli(data_dir, "export", "--format", "json", "--search", "ebenist")
    names = [p["name"] for p in json.loads(found.stdout)["prospects"]]
    assert names == ["Ébénisterie Fèvre SAS"]

    again = json.loads(cli(data_dir, "import", str(out), "--json").stdout)
    assert (again["prospects_created"], again["contacts_created"], again["merged"]) == (0, 0, 3)

    listed = json.loads(cli(data_dir, "imports", "--json").stdout)
    assert [b["batch_id"] for b in listed] == [2, 1]

    undone = cli(data_dir, "import-undo", "1", "--json")
    assert json.loads(undone.stdout)["contacts_removed"] == 3
    twice = cli(data_dir, "import-undo", "1")
    assert twice.returncode == 1 and "already undone" in twice.stderr


# The commands below run in-process (same code path as the script): subprocesses are slow.


def test_problems_carry_their_row(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "bad rows.csv"
    file.write_text("Company,Phone,Colour\nACME,not a phone,\n,,blue\n", "utf-8")
    assert main(["--data-dir", str(data_dir), "import", str(file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["invalid"] == 1
    assert {p["row"] for p in result["problems"]} == {2, 3}


def test_overrides(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "x.txt"
    file.write_bytes("Société|Nom\nCafé|Lefèvre\n".encode("cp1252"))
    args = ["--data-dir", str(data_dir), "import", str(file), "--delimiter", "|"]
    assert main([*args, "--encoding", "cp1252"]) == 0
    assert "1 new prospects" in capsys.readouterr().out


def test_bad_input_is_one_line_and_an_exit_code(data_dir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    for args, code, message in [
        (("import", str(tmp_path / "gone.csv")), 1, "cannot be found"),
        (("import", str(empty), "--encoding", "klingon"), 2, "unknown encoding"),
    ]:
        result = cli(data_dir, *args)
        assert result.returncode == code, (args, result.stderr)
        assert message in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("import", "EMPTY"), 1, "is empty"),
        (("import", "EMPTY", "--delimiter", ";;"), 2, "one character"),
        (("import", "EMPTY", "--region", "XX"), 2, "unknown region"),
        (("import-undo", "42"), 1, "no import number 42"),
    ],
)
def test_bad_input_in_process(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    code: int,
    message: str,
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    argv = [str(empty) if a == "EMPTY" else a for a in args]
    assert main(["--data-dir", str(data_dir), *argv]) == code
    assert message in capsys.readouterr().err


def test_ics_export(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "meetings.ics"
    assert main(["--data-dir", str(data_dir), "export", "--format", "ics", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_file_with_nothing_importable_fails_and_records_no_batch(
    data_dir: Path, tmp_path: Path
) -> None:
    other_json = tmp_path / "other.json"
    other_json.write_text('{"foo": 1, "bar": [2, 3]}\n', encoding="utf-8")
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("alpha,beta\n1,2\n3,4\n", encoding="utf-8")
    for target in (other_json, unknown):
        done = cli(data_dir, "import", str(target))
        assert done.returncode != 0, done.stdout
        assert "Traceback" not in done.stderr
        assert done.stderr.strip()
    assert "nothing to import" in done.stderr.lower(), done.stderr
    listed = cli(data_dir, "imports", "--json")
    assert json.loads(listed.stdout) == []


def test_csv_fr_export_stops_on_characters_cp1252_lacks(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "x.csv"
    file.write_text("Société,Ville\nBiuro,Łódź\n", "utf-8")
    base = ["--data-dir", str(data_dir)]
    assert main([*base, "import", str(file)]) == 0
    out = tmp_path / "fr.csv"
    assert main([*base, "export", "--format", "csv-fr", "--out", str(out)]) != 0
    assert "Ł ź" in capsys.readouterr().err
    assert not out.exists()
    args = [*base, "export", "--format", "csv-fr", "--out", str(out), "--cp1252-stand-ins"]
    assert main(args) == 0
    assert "Lódz" in out.read_bytes().decode("cp1252")


def test_import_lists_what_a_merge_changed_and_kept(data_dir: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("Company,First name,Email,City\nAcme,Jean,j@acme.example,Paris\n", "utf-8")
    second = tmp_path / "second.csv"
    second.write_text(
        "Company,First name,Email,City,Website\nAcme,Jean,j@acme.example,Lyon,acme.example\n",
        "utf-8",
    )
    assert cli(data_dir, "import", str(first)).returncode == 0
    done = cli(data_dir, "import", str(second))
    assert done.returncode == 0, done.stderr
    assert "Acme: filled website; city: Lyon (kept: Paris); notes appended" in done.stdout
    again = json.loads(cli(data_dir, "import", str(second), "--json").stdout)
    assert again["merges"] == []  # nothing new the second time
