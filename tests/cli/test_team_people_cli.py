"""prospection-cli team add-user / rename-user (issue #17): managing the team's people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prospection.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _users(capsys: pytest.CaptureFixture[str], *before: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, *before, "team", "users", "--json")
    assert code == 0, err
    return list(json.loads(out))


@pytest.fixture(autouse=True)
def _no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROSPECTION_DATABASE_URL", raising=False)


def test_add_and_rename_users_with_clear_refusals(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "team", "add-user", "Bob Durand", "--email", "Bob@Example.fr")
    assert code == 0, err
    assert out == "Added Bob Durand <Bob@example.fr> (user 2).\n"
    code, out, err = run(capsys, "team", "add-user", " bob durand ")
    assert code == 2 and out == ""
    assert err == "prospection-cli: someone in the team is already called bob durand\n"
    code, _out, err = run(capsys, "team", "add-user", "Carol", "--email", "carol@")
    assert code == 2 and "that email address is not valid" in err
    code, _out, err = run(capsys, "team", "add-user", "Carol", "--email", "BOB@example.fr")
    assert code == 2 and "already another user's email" in err
    code, _out, err = run(capsys, "team", "add-user", "  ")
    assert code == 2 and "a user name is required" in err
    # Rename by id (the local user names themselves), by email, by name.
    code, out, err = run(capsys, "team", "rename-user", "1", "Alice Martin")
    assert code == 0, err
    assert out == "Renamed user 1 to Alice Martin (user 1).\n"
    code, out, err = run(capsys, "team", "rename-user", "bob@example.fr", "Robert Durand")
    assert code == 0 and "Renamed Bob Durand to Robert Durand <Bob@example.fr>" in out
    code, out, err = run(
        capsys, "team", "rename-user", "alice martin", "Alice M.", "--email", "a@x.fr"
    )
    assert code == 0, err
    code, _out, err = run(capsys, "team", "rename-user", "Alice M.", "robert durand")
    assert code == 2 and "already called robert durand" in err
    code, _out, err = run(capsys, "team", "rename-user", "Nobody", "X")
    assert code == 2 and "no user Nobody in the team" in err
    code, _out, err = run(capsys, "team", "rename-user", "9", "X")
    assert code == 2 and "no user 9" in err
    assert [(u["id"], u["name"], u["email"]) for u in _users(capsys)] == [
        (1, "Alice M.", "a@x.fr"),
        (2, "Robert Durand", "Bob@example.fr"),
    ]
    assert "Traceback" not in err


def test_json_output(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "team", "add-user", "Bob", "--json")
    assert code == 0
    assert json.loads(out) == {"id": 2, "name": "Bob", "email": ""}
    code, out, _err = run(capsys, "team", "rename-user", "2", "Bobby", "--json")
    assert json.loads(out) == {"id": 2, "name": "Bobby", "email": ""}


def test_on_a_team_server_a_colleague_added_before_they_connect_is_found_then(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    alice_dir, bob_dir = str(tmp_path / "alice"), str(tmp_path / "bob")
    assert run(capsys, "team", "init", pg_url)[0] == 0
    code, _out, err = run(
        capsys, "--data-dir", alice_dir, "team", "join", pg_url, "--user", "Alice"
    )
    assert code == 0, err
    # Alice adds Bob (so she can give him prospects) before he ever connects.
    code, out, err = run(
        capsys, "--data-dir", alice_dir, "team", "add-user", "Bob", "--email", "bob@x.fr"
    )
    assert code == 0 and "Added Bob <bob@x.fr>" in out, err
    code, _out, err = run(capsys, "--data-dir", bob_dir, "team", "join", pg_url, "--user", "bob")
    assert code == 0, err
    listed = _users(capsys, "--data-dir", bob_dir)
    assert [(u["name"], u["you"]) for u in listed] == [("Alice", False), ("Bob", True)]
    code, _out, err = run(capsys, "--data-dir", bob_dir, "team", "add-user", "ALICE")
    assert code == 2 and "already called ALICE" in err
