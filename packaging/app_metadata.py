"""What every installer says about the app: name, version and identifiers, in one place.

The name and description come from pyproject.toml, the version from the file pyproject.toml
tells hatch to read it from (src/prospection/__init__.py, the one place it is written).
The identifiers below are fixed forever (changing one makes upgrades install a second
copy beside the first).
"""

from __future__ import annotations

import platform
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Reverse-DNS id: AppStream component id, .desktop file name, macOS bundle id.
APP_ID = "io.github.prospection.Prospection"
#: Inno Setup AppId (a GUID of our own; the .iss file holds the same value).
WINDOWS_APP_ID = "{6F0C7D2A-4E3B-4C55-9A1E-2B7D8C5F3A91}"
DISPLAY_NAME = "Prospection"
PUBLISHER = "Prospection developers"
MAINTAINER = "Prospection developers <prospection@users.noreply.github.com>"
HOMEPAGE = "https://github.com/prospection/prospection"


@dataclass(frozen=True)
class AppMetadata:
    """The project's name, version and description as pyproject.toml declares them."""

    name: str
    version: str
    description: str
    license: str

    @property
    def numeric_version(self) -> str:
        """Three numbers, as Windows version resources want them ("1.2.0rc1" -> "1.2.0")."""
        release = re.match(r"\d+(?:\.\d+)*", self.version)
        numbers = release.group(0).split(".") if release else []
        return ".".join([*numbers, "0", "0", "0"][:3])

    @property
    def debian_version(self) -> str:
        """The version in Debian's syntax (a pre-release sorts before the release)."""
        version = self.version
        for marker in ("a", "b", "rc", ".dev"):
            if marker in version:
                head, _, tail = version.partition(marker)
                return f"{head}~{marker.lstrip('.')}{tail}"
        return version


def read(root: Path = ROOT) -> AppMetadata:
    """Read the project's metadata from `root`/pyproject.toml."""
    with (root / "pyproject.toml").open("rb") as handle:
        pyproject = tomllib.load(handle)
    project = pyproject["project"]
    return AppMetadata(
        name=project["name"],
        version=project.get("version") or _dynamic_version(root, pyproject),
        description=project["description"],
        license=project["license"],
    )


def _dynamic_version(root: Path, pyproject: dict[str, object]) -> str:
    """The `__version__ = "..."` line of the file [tool.hatch.version] names."""
    hatch = pyproject["tool"]["hatch"]  # type: ignore[index]
    source = (root / hatch["version"]["path"]).read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', source, re.MULTILINE)
    if found is None:
        raise ValueError(f"no __version__ in {hatch['version']['path']}")
    return found.group(1)


def machine() -> str:
    """The CPU architecture in the spelling archive names use (x86_64, arm64)."""
    name = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(name, name)
