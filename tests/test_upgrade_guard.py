"""A frozen build upgraded under a running app refuses the new version's modules."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from prospection.upgrade_guard import InstallationChangedError, install


@pytest.fixture
def installation(tmp_path: Path):  # type: ignore[no-untyped-def]
    base = tmp_path / "_internal"
    (base / "prospection-0.1.0.dist-info").mkdir(parents=True)
    program = tmp_path / "prospection"
    program.write_bytes(b"old")
    # A module of the "installation", not imported yet.
    (base / "late_feature_16.py").write_text("VERSION = 'old'\n", encoding="utf-8")
    sys.path.insert(0, str(base))
    guard = install(base, "0.1.0", program)
    assert guard is not None
    yield base, program
    sys.meta_path.remove(guard)
    sys.path.remove(str(base))
    sys.modules.pop("late_feature_16", None)


def test_unchanged_installation_imports_as_usual(installation) -> None:  # type: ignore[no-untyped-def]
    import late_feature_16  # type: ignore[import-not-found]

    assert late_feature_16.VERSION == "old"


def test_upgraded_installation_refuses_new_modules(installation) -> None:  # type: ignore[no-untyped-def]
    base, _program = installation
    # What dpkg leaves: the new version's files, the old version's dist-info gone.
    shutil.rmtree(base / "prospection-0.1.0.dist-info")
    (base / "prospection-0.1.1.dist-info").mkdir()
    (base / "late_feature_16.py").write_text("VERSION = 'new'\n", encoding="utf-8")
    with pytest.raises(InstallationChangedError, match="start it again"):
        import late_feature_16  # type: ignore[import-not-found]  # noqa: F401


def test_replaced_program_file_counts_as_an_upgrade(installation) -> None:  # type: ignore[no-untyped-def]
    _base, program = installation
    replacement = program.with_name("prospection.dpkg-new")
    replacement.write_bytes(b"new")
    replacement.replace(program)  # dpkg renames the new file over the old one
    with pytest.raises(InstallationChangedError):
        import late_feature_16  # type: ignore[import-not-found]  # noqa: F401


def test_unknown_installation_is_not_guarded(tmp_path: Path) -> None:
    assert install(tmp_path, "0.1.0", tmp_path / "prospection") is None
