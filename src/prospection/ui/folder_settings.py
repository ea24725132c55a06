"""Window layout remembered per data folder (geometry, splitter, columns and sort).

A second data folder (a colleague's file, a test folder, a fresh start) opens with the
default layout, not with the sizes and sort order of the last folder used: each folder's
layout lives in its own QSettings group, named by a hash of the folder's path.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

#: The QSettings group holding one group per data folder.
FOLDERS_GROUP = "data_folders"


def folder_group(database_path: Path | str | None) -> str:
    """The QSettings group ("data_folders/<hash>") for the folder of `database_path`.

    The hash is of the folder's absolute, case-normalised path: the same folder reached
    by a relative path or another letter case (Windows) gets the same group. Without a
    path (an in-memory database) the layout is not tied to any folder: "".
    """
    if database_path is None or str(database_path) in ("", ":memory:"):
        return ""
    folder = Path(database_path).resolve().parent
    normal = os.path.normcase(str(folder))
    digest = hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
    return f"{FOLDERS_GROUP}/{digest}"


def folder_key(group: str, key: str) -> str:
    """`key` inside `group` ("" for the top level)."""
    return f"{group}/{key}" if group else key
