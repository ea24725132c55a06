"""prospection-cli's team mode (issue #17): --database, the environment, team commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from prospection.cli.main import main
from prospection.core import team
from prospection.core.db import open_database
from prospection.core.demo import fill_demo
from prospection.core.models import Prospect

NOWHERE = "postgresql+psycopg://someone@127.0.0.1:1/teamdb"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_status_without_a_team_says_the_local_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PROSPECTION_DATABASE_URL", raising=False)
    code, out, _err = run(capsys, "team", "status")
    assert code == 0
    assert "the local file" in out and "prospection.sqlite3" in out


def test_an_unreachable_server_is_one_plain_line_not_a_traceback(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--database", NOWHERE, "list")
    assert code == 1
    assert out == ""
    assert err.startswith("prospection-cli: The team server")
    assert "cannot be reached" in err
    assert "Traceback" not in err
    assert not (data_dir / "prospection.sqlite3").exists()  # no local file was made instead


def test_the_environment_names_the_server_and_the_option_wins(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROSPECTION_DATABASE_URL", NOWHERE)
    code, out, _err = run(capsys, "team", "status", "--json")
    assert code == 1
    result = json.loads(out)
    assert result["source"] == "environment"
    assert result["reachable"] is False and result["reason"] == "unreachable"
    other = "postgresql+psycopg://me@127.0.0.1:2/other"
    code, out, _err = run(capsys, "--database", other, "team", "status", "--json")
    assert json.loads(out)["source"] == "option"
    assert json.loads(out)["database"] == other


def test_a_bad_address_is_refused_with_a_message(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "team", "join", "mysql://a@b/c")
    assert code == 2
    assert "not a team server address" in err
    assert not (data_dir / team.SETTINGS_FILE).exists()


def test_leave_goes_back_to_the_local_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PROSPECTION_DATABASE_URL", raising=False)
    team.TeamSettings(NOWHERE).save(data_dir)
    code, out, _err = run(capsys, "team", "status", "--json")
    assert json.loads(out)["source"] == "settings"
    code, out, _err = run(capsys, "team", "leave")
    assert code == 0 and "local file" in out
    assert not (data_dir / team.SETTINGS_FILE).exists()


def test_move_data_without_a_team_server_says_what_to_do(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PROSPECTION_DATABASE_URL", raising=False)
    code, _out, err = run(capsys, "team", "move-data")
    assert code == 2
    assert "team join" in err


def test_init_join_move_then_use_the_team_server(
    data_dir: Path,
    pg_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PROSPECTION_DATABASE_URL", raising=False)
    local = open_database(data_dir / "prospection.sqlite3")
    with local.session() as session:
        fill_demo(session)
    local.dispose()
    code, out, err = run(capsys, "team", "init", pg_url)
    assert code == 0, err
    assert "is ready" in out
    code, out, err = run(capsys, "team", "join", pg_url)
    assert code == 0, err
    code, out, err = run(capsys, "team", "move-data", "--json")
    assert code == 0, err
    moved = json.loads(out)
    assert moved["counts"]["prospect"] > 0
    code, out, err = run(capsys, "team", "status", "--json")
    status = json.loads(out)
    assert status["source"] == "settings" and status["prospects"] == moved["counts"]["prospect"]
    # A second move is refused: the team database is no longer empty.
    code, _out, err = run(capsys, "team", "move-data")
    assert code == 1 and "already holds data" in err


def test_a_password_is_asked_at_the_prompt_when_the_server_wants_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from prospection.cli import common

    tried: list[str | None] = []

    def connect(password: str | None) -> str:
        tried.append(password)
        if password != "typed":
            raise team.TeamError(team.Reason.PASSWORD_NEEDED, "asks for a password")
        return "connected"

    monkeypatch.setattr(common.sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(common.getpass, "getpass", lambda _prompt: "typed")
    monkeypatch.setattr(team, "keyring_available", lambda: False)
    assert common.with_password(NOWHERE, connect) == "connected"
    assert tried == [None, "typed"]
    assert "no system keyring" in capsys.readouterr().err  # said: nothing is stored


def test_without_a_terminal_a_missing_password_is_a_message_not_a_prompt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prospection.cli import common

    def connect(_password: str | None) -> str:
        raise team.TeamError(team.Reason.PASSWORD_NEEDED, "asks for a password")

    monkeypatch.setattr(common.sys.stdin, "isatty", lambda: False)
    monkeypatch.setattr(common.getpass, "getpass", lambda _prompt: pytest.fail("prompted"))
    with pytest.raises(common.UserError, match="PGPASSWORD"):
        common.with_password(NOWHERE, connect)


@pytest.mark.parametrize("command", [["backup"], ["check"]])
def test_file_commands_say_they_are_for_the_local_file_in_team_mode(
    data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, _out, err = run(capsys, "--database", NOWHERE, *command)
    assert code == 1
    assert "works on the local file" in err and "pg_dump" in err
    assert "Traceback" not in err


def test_who_you_are_is_asked_after_connecting_and_refused_without_a_terminal(
    data_dir: Path,
    pg_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PROSPECTION_DATABASE_URL", raising=False)
    assert run(capsys, "team", "init", pg_url)[0] == 0
    code, out, err = run(capsys, "team", "join", pg_url)
    assert code == 0, err
    assert "team join URL --user NAME" in out
    code, out, err = run(capsys, "list")
    assert code == 2 and out == ""
    assert err.startswith("prospection-cli: who are you on the team server?")
    code, _out, err = run(capsys, "team", "join", pg_url, "--user", "Al", "--email", "nope")
    assert code == 2 and "not valid" in err


def test_two_people_joined_as_two_users_log_calls_under_their_own_ids(
    tmp_path: Path,
    pg_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy import select

    from prospection.core import users
    from prospection.core.enums import ActivityKind
    from prospection.core.models import Activity
    from tests.call_factories import add_prospect

    monkeypatch.delenv("PROSPECTION_DATABASE_URL", raising=False)
    alice_dir, bob_dir = str(tmp_path / "alice"), str(tmp_path / "bob")
    assert run(capsys, "team", "init", pg_url)[0] == 0
    code, out, err = run(
        capsys,
        "--data-dir",
        alice_dir,
        "team",
        "join",
        pg_url,
        "--user",
        "Alice Martin",
        "--email",
        "alice@example.fr",
    )
    assert code == 0, err
    assert "You work there as Alice Martin <alice@example.fr>" in out
    assert json.loads((tmp_path / "alice" / team.SETTINGS_FILE).read_text())["user"] == (
        "Alice Martin"
    )
    assert run(capsys, "--data-dir", bob_dir, "team", "join", pg_url, "--user", "Bob")[0] == 0
    server = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    try:
        first = add_prospect(server, "Boulangerie Martin")
        second = add_prospect(server, "Garage Dupont")
    finally:
        server.dispose()
    for folder, prospect in ((alice_dir, first), (bob_dir, second)):
        code, _out, err = run(
            capsys, "--data-dir", folder, "log-call", str(prospect), "--outcome", "no_answer"
        )
        assert code == 0, err
    # --user on the command line: someone else on the same data folder, added at first use.
    code, _out, err = run(
        capsys,
        "--data-dir",
        bob_dir,
        "--user",
        "Chloé",
        "log-call",
        str(first),
        "--outcome",
        "voicemail",
    )
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", alice_dir, "team", "users", "--json")
    assert code == 0, err
    listed = {user["name"]: user for user in json.loads(out)}
    assert set(listed) == {"Alice Martin", "Bob", "Chloé"}
    assert [name for name, user in listed.items() if user["you"]] == ["Alice Martin"]
    code, out, _err = run(capsys, "--data-dir", bob_dir, "team", "users")
    assert "* " + str(listed["Bob"]["id"]) + "\tBob" in out
    assert run(capsys, "--data-dir", bob_dir, "team", "status")[1].count("You: Bob") == 1
    server = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    try:
        with server.session() as session:
            calls = session.execute(
                select(Activity.prospect_id, Activity.user_id)
                .where(Activity.kind == ActivityKind.CALL)
                .order_by(Activity.id)
            ).all()
            labels = users.user_labels(session)
    finally:
        server.dispose()
    assert [(prospect, labels[user]) for prospect, user in calls] == [
        (first, "Alice Martin"),
        (second, "Bob"),
        (first, "Chloé"),
    ]


def test_copy_to_file_brings_the_team_database_back_into_a_new_local_file(
    data_dir: Path,
    tmp_path: Path,
    pg_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PROSPECTION_DATABASE_URL", raising=False)
    local = open_database(data_dir / "prospection.sqlite3")
    with local.session() as session:
        fill_demo(session)
    local.dispose()
    assert run(capsys, "team", "init", pg_url)[0] == 0
    code, out, err = run(capsys, "team", "move-data", pg_url, "--json")
    assert code == 0, err
    moved = json.loads(out)["counts"]
    target = tmp_path / "back" / "prospection.sqlite3"
    target.parent.mkdir()
    code, out, err = run(capsys, "team", "copy-to-file", str(target), pg_url, "--json")
    assert code == 0, err
    copied = json.loads(out)["counts"]
    assert copied == moved  # every row back, table by table
    assert not list(target.parent.glob("*.part*"))
    back = open_database(target)
    try:
        with back.session() as session:
            assert session.scalar(select(func.count()).select_from(Prospect)) == moved["prospect"]
    finally:
        back.dispose()
    # Never over an existing file.
    code, _out, err = run(capsys, "team", "copy-to-file", str(target), pg_url)
    assert code == 1 and "already exists" in err


def test_copy_to_file_refuses_a_folder_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "team", "copy-to-file", str(tmp_path / "nowhere" / "x.sqlite3"), NOWHERE
    )
    assert code == 1 and "does not exist" in err
    assert not (tmp_path / "nowhere").exists()
