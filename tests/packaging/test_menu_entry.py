"""The portable build's install-menu-entry.sh writes an Exec key that starts the program,
whatever the folder is called (Desktop Entry Specification's quoting rules)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.tools import PACKAGING, load

app_metadata = load("app_metadata")
APP_ID = app_metadata.APP_ID

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")


def unescape_string(value: str) -> str:
    """A desktop entry's string value: \\s \\n \\t \\r \\\\ escapes."""
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[following])
        else:
            out.append(char)
    return "".join(out)


def exec_arguments(value: str) -> list[str]:
    """The Exec key's arguments, as a launcher reads them (quoting, then %%)."""
    text = unescape_string(value)
    arguments: list[str] = []
    index = 0
    while index < len(text):
        if text[index] == " ":
            index += 1
            continue
        current = []
        if text[index] == '"':
            index += 1
            while text[index] != '"':
                if text[index] == "\\":
                    index += 1
                    assert text[index] in '"`$\\', f"bad escape in {value!r}"
                current.append(text[index])
                index += 1
            index += 1
        else:
            while index < len(text) and text[index] != " ":
                assert text[index] not in "\"'\\$`&;<>|", f"unquoted reserved char in {value!r}"
                current.append(text[index])
                index += 1
        argument = "".join(current)
        assert "%" not in argument.replace("%%", ""), f"stray field code in {value!r}"
        arguments.append(argument.replace("%%", "%"))
    return arguments


@pytest.mark.parametrize(
    "folder_name",
    ["R&D Tools", "100% sales", 'say "hi"', "it's $HOME", "back\\slash `tick`", "a|b;c"],
)
def test_menu_entry_starts_the_program_in_any_folder(tmp_path: Path, folder_name: str) -> None:
    folder = tmp_path / folder_name / "prospection-1.0"
    (folder / "share").mkdir(parents=True)
    shutil.copy(PACKAGING / "linux" / "install-menu-entry.sh", folder / "install-menu-entry.sh")
    shutil.copy(PACKAGING / "linux" / f"{APP_ID}.desktop", folder / "share" / f"{APP_ID}.desktop")
    (folder / "prospection.png").write_bytes(b"png")
    data_home = tmp_path / "data home"
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    subprocess.run(["sh", str(folder / "install-menu-entry.sh")], env=env, check=True)
    desktop = data_home / "applications" / f"{APP_ID}.desktop"
    lines = desktop.read_text(encoding="utf-8").splitlines()
    (exec_line,) = [line for line in lines if line.startswith("Exec=")]
    assert exec_arguments(exec_line.removeprefix("Exec=")) == [str(folder / "prospection")]
    assert f"Icon={APP_ID}" in lines
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
    subprocess.run(["sh", str(folder / "install-menu-entry.sh"), "--remove"], env=env, check=True)
    assert not desktop.exists()
