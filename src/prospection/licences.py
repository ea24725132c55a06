"""The licences of the components Prospection ships with (read by Help > Licences).

A frozen build carries `licences/index.json` and one folder of licence texts per
component (written by packaging/licences.py at build time). Run from source, the list
holds Prospection itself and points to the installed packages.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Component:
    """One bundled component: its name, version, licence and licence files."""

    name: str
    version: str
    licence: str
    files: tuple[Path, ...]

    def text(self) -> str:
        """Every licence file of the component, one after the other."""
        parts = []
        for path in self.files:
            try:
                body = path.read_text(encoding="utf-8", errors="replace")
            except OSError as error:
                body = f"({error.strerror})"
            parts.append(f"==> {path.name} <==\n\n{body.strip()}\n")
        return "\n\n".join(parts)


def licences_dir() -> Path | None:
    """The frozen build's licences folder, if there is one."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is None:
        return None
    folder = Path(frozen_root) / "licences"
    return folder if (folder / "index.json").is_file() else None


def components(folder: Path | None = None) -> list[Component]:
    """The bundled components, Prospection first, then by name."""
    folder = folder or licences_dir()
    if folder is None:
        from prospection import __version__

        own = Path(__file__).resolve().parents[2] / "LICENSE"
        return [Component("prospection", __version__, "GPL-3.0-or-later", (own,))]
    entries = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    found = [
        Component(
            str(entry["name"]),
            str(entry["version"]),
            str(entry["licence"]),
            tuple(folder / name for name in entry["files"]),
        )
        for entry in entries
    ]
    return sorted(found, key=lambda c: (c.name != "prospection", c.name.lower()))
