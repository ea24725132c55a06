"""An installed build upgraded while it runs must not import the new version's modules.

The frozen app's modules are loose files in its folder and many are imported late (when
a feature is first used). A package manager replaces that folder's files under a running
app; the running version would then load, say, 0.1.1's help_dialogs next to its own 0.1.0
modules. The guard, installed first by the frozen launchers, checks before each import of
a module not yet loaded that the installation is still the one the app started from
(its `prospection-<version>.dist-info` folder is there and the program file is the same
file); if not, the import fails with `InstallationChangedError`, which says to restart.
"""

from __future__ import annotations

import importlib.abc
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

MESSAGE = (
    "Prospection was updated to a new version while it was running: close it and start "
    "it again (your data is safe)."
)


class InstallationChangedError(ImportError):
    """The installed files are no longer those of the running version."""


class UpgradeGuard(importlib.abc.MetaPathFinder):
    """First on sys.meta_path: refuses imports once the installation has changed."""

    def __init__(self, marker: Path, program: Path) -> None:
        self.marker = marker
        self.program = program
        self.program_id = _file_id(program)
        self.changed = False

    def installation_changed(self) -> bool:
        """Whether the running version's files were replaced (remembered once seen)."""
        if not self.changed:
            self.changed = not self.marker.is_dir() or _file_id(self.program) != self.program_id
        return self.changed

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if self.installation_changed():
            raise InstallationChangedError(f"{MESSAGE} ({fullname})", name=fullname)
        return None  # the usual finders import it


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def install(base: Path, version: str, program: Path) -> UpgradeGuard | None:
    """Guard the imports of the build in `base` (its `_internal` folder); None if unknown."""
    marker = base / f"prospection-{version}.dist-info"
    if not marker.is_dir():
        return None
    guard = UpgradeGuard(marker, program)
    sys.meta_path.insert(0, guard)
    return guard


def install_when_frozen() -> UpgradeGuard | None:
    """The frozen launchers' call: guard this build's imports."""
    base = getattr(sys, "_MEIPASS", None)
    if base is None:
        return None
    from prospection import __version__

    return install(Path(base), __version__, Path(sys.executable))
