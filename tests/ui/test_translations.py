"""Every visible string has a French translation, and the shipped .qm files are current."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _i18n() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


def test_every_visible_string_has_a_french_translation(tmp_path: Path) -> None:
    i18n = _i18n()
    copy = tmp_path / "translations"
    shutil.copytree(i18n.TRANSLATIONS, copy)
    # Extract from the sources as they are now: a new untranslated string shows up here.
    i18n.update(copy)
    assert i18n.missing(copy) == []


def test_compiled_translations_are_up_to_date(tmp_path: Path) -> None:
    i18n = _i18n()
    copy = tmp_path / "translations"
    shutil.copytree(i18n.TRANSLATIONS, copy)
    for qm in copy.glob("*/*.qm"):
        qm.unlink()
    i18n.compile_all(copy)
    stale = [
        qm.name
        for qm in sorted(copy.glob("*/*.qm"))
        if not (i18n.TRANSLATIONS / qm.parent.name / qm.name).exists()
        or (i18n.TRANSLATIONS / qm.parent.name / qm.name).read_bytes() != qm.read_bytes()
    ]
    assert stale == [], "run `uv run python tools/i18n.py compile` and commit the .qm files"
