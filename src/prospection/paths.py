"""Where Prospection keeps its files: data, logs, backups and shipped resources.

appdirs is deprecated upstream; it is used here and nowhere else, so that replacing it
with platformdirs (its drop-in successor) touches this one module.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import appdirs

from prospection import APP_NAME

DATA_DIR_ENV = "PROSPECTION_DATA_DIR"
DATABASE_NAME = "prospection.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    """The folders of one data folder: the database, its backups and the logs."""

    data_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    def ensure(self) -> None:
        """Create the folders, readable by the user alone (the file holds personal data)."""
        for folder in (self.data_dir, self.backups, self.log_dir):
            if folder.parent == self.data_dir and _owner_made_read_only(self.data_dir):
                continue  # the owner's read-only folder: nothing is created in it
            folder.mkdir(parents=True, exist_ok=True)
            if os.name == "posix" and not _owner_made_read_only(folder):
                # Private, but a folder the owner made read-only stays so (no chmod back).
                folder.chmod(0o700)


def _owner_made_read_only(folder: Path) -> bool:
    try:
        return not folder.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False


def make_private(path: Path) -> None:
    """Make a file readable and writable by the user alone (it holds personal data)."""
    if os.name == "posix" and path.exists():
        path.chmod(0o600)


def resolve(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Folders for `data_dir`, else $PROSPECTION_DATA_DIR, else the user's data folder.

    A data folder given explicitly keeps its logs inside it, so that tests and a second
    data folder never write into the user's real log folder.
    """
    chosen = data_dir if data_dir is not None else os.environ.get(DATA_DIR_ENV) or None
    if chosen is not None:
        base = Path(chosen).expanduser().resolve()
        return AppPaths(data_dir=base, log_dir=base / "logs")
    return AppPaths(
        data_dir=Path(appdirs.user_data_dir(APP_NAME, appauthor=False)),
        log_dir=Path(appdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def resources_dir() -> Path:
    """The shipped `resources/` folder, whether frozen, installed as a wheel or editable."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root is not None:
        candidates.append(Path(frozen_root) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir / "resources")  # wheel: force-included beside the code
    candidates.append(package_dir.parents[1] / "resources")  # editable: the repository's
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Prospection's resources folder is missing; reinstall the app.")


def resource(*parts: str) -> Path:
    """A file inside the shipped resources folder."""
    return resources_dir().joinpath(*parts)
