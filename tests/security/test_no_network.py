"""No network, ever: the CLI and the app's self-check work with socket creation refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Installed as sitecustomize in the child: any socket (or name lookup) raises.
GUARD = """
import socket

def _refuse(*args, **kwargs):
    raise OSError("network access attempted during the no-network test")

class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _refuse()

socket.socket = _NoSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.socketpair = _refuse
"""


@pytest.fixture
def guarded_env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "guard"
    site.mkdir()
    (site / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(root / "src")])
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=90, check=False
    )


def test_the_guard_really_refuses_sockets(guarded_env: dict[str, str]) -> None:
    result = run(guarded_env, "-c", "import socket; socket.socket()")
    assert result.returncode != 0 and "network access attempted" in result.stderr


#: One child runs several CLI commands, then the app's self-check (a process each would
#: cost seconds apiece on a busy machine).
SESSION = """
import sys
from prospection.cli.main import main as cli
from prospection.app import main as app
data = sys.argv[1]
for command in (["check"], ["backup"], ["backups", "--json"], ["retention", "--json"]):
    code = cli(["--data-dir", data, *command])
    print("CLI", command[0], code, flush=True)
print("APP", app(["--self-check", "--data-dir", data, "--lang", "fr"]), flush=True)
"""


def test_cli_and_app_work_without_sockets(guarded_env: dict[str, str], tmp_path: Path) -> None:
    result = run(guarded_env, "-c", SESSION, str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert "network access attempted" not in result.stderr
    lines = result.stdout.splitlines()
    for command in ("check", "backup", "backups", "retention"):
        assert f"CLI {command} 0" in lines, result.stdout
    assert "APP 0" in lines and any("self-check ok" in line for line in lines), result.stdout
    backups = json.loads(result.stdout.split("CLI backup 0", 1)[1].split("CLI backups", 1)[0])
    assert [b["reason"] for b in backups] == ["manual"]
    # The app logged its start in the data folder's log (and nothing about sockets).
    log_text = (tmp_path / "data" / "logs" / "prospection.log").read_text(encoding="utf-8")
    assert "starting" in log_text and "network access attempted" not in log_text
