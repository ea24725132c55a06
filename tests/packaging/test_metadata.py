"""The installers agree with each other and with the app: ids, names, versions, files."""

from __future__ import annotations

import configparser
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from prospection import __version__
from tests.packaging.tools import PACKAGING, ROOT, load

app_metadata = load("app_metadata")


def test_version_and_name_come_from_pyproject() -> None:
    meta = app_metadata.read()
    assert meta.name == "prospection"
    assert meta.version == __version__


def test_debian_versions_sort_pre_releases_first() -> None:
    meta = app_metadata.AppMetadata("p", "1.2.0rc1", "", "")
    assert meta.debian_version == "1.2.0~rc1"
    assert app_metadata.AppMetadata("p", "1.2.0", "", "").debian_version == "1.2.0"


def test_desktop_entry_is_named_for_the_app_id_the_app_declares(qapp: object) -> None:
    from prospection.app import create_application

    desktop = PACKAGING / "linux" / f"{app_metadata.APP_ID}.desktop"
    assert create_application().desktopFileName() == desktop.stem
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "@EXEC@"
    assert section["Icon"] == "@ICON@"
    assert "Comment[fr]" in section


def test_appstream_metainfo_names_the_desktop_entry() -> None:
    root = ET.parse(PACKAGING / "linux" / f"{app_metadata.APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == app_metadata.APP_ID
    assert root.findtext("launchable") == f"{app_metadata.APP_ID}.desktop"
    assert root.findtext("provides/binary") == "prospection"
    assert root.findtext("project_license") == app_metadata.read().license


def test_inno_setup_script_keeps_the_fixed_app_id_and_per_user_install() -> None:
    script = (PACKAGING / "windows" / "prospection.iss").read_text(encoding="utf-8")
    # "{{" is Inno Setup's escaped brace.
    assert f"AppId={{{app_metadata.WINDOWS_APP_ID}" in script
    assert re.search(r"^PrivilegesRequired=lowest$", script, re.MULTILINE)
    assert 'MessagesFile: "compiler:Languages\\French.isl"' in script
    assert "desktopicon" in script


def test_spec_declares_the_macos_bundle_id_and_french() -> None:
    spec = (PACKAGING / "prospection.spec").read_text(encoding="utf-8")
    assert "bundle_identifier=app_metadata.APP_ID" in spec
    assert '"CFBundleLocalizations": ["en", "fr"]' in spec


def test_release_workflow_runs_the_frozen_self_test_on_each_system() -> None:
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert workflow.count("--self-test") >= 4  # bundle and installed copy, each system
    assert "runs-on: windows-" in workflow
    assert "runner: macos-" in workflow
    # Built exactly as here: the same script, then the installers from that bundle.
    assert workflow.count("packaging/build.py --bundle-only") == 2
    assert workflow.count("packaging/build.py --installers-only") == 2


def test_windows_installer_gets_its_version_from_pyproject(
    monkeypatch: Any, tmp_path: Path
) -> None:
    script = (PACKAGING / "windows" / "prospection.iss").read_text(encoding="utf-8")
    assert "AppVersion={#AppVersion}" in script
    assert "VersionInfoVersion={#NumericVersion}" in script
    # No fallback version in the script: built without one, it refuses to compile.
    assert not re.search(r'#define (AppVersion|NumericVersion) "', script)
    build = load("build")
    commands: list[list[str]] = []
    monkeypatch.setattr(build, "find_iscc", lambda: "ISCC.exe")
    monkeypatch.setattr(build, "run", lambda command, **_kwargs: commands.append(command))
    meta = app_metadata.AppMetadata("prospection", "1.4.0rc2", "", "GPL-3.0-or-later")
    monkeypatch.setattr(build, "DIST", tmp_path)
    build.build_windows(ROOT / "build" / "dist" / "prospection", meta)
    (command,) = commands
    assert "/DAppVersion=1.4.0rc2" in command
    assert "/DNumericVersion=1.4.0" in command
    assert command[-1].endswith("prospection.iss")


def test_macos_info_plist_version_comes_from_pyproject() -> None:
    spec = (PACKAGING / "prospection.spec").read_text(encoding="utf-8")
    assert '"CFBundleShortVersionString": META.version' in spec
    assert '"CFBundleVersion": META.version' in spec
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    # The workflow checks the built Info.plist against the same id.
    assert f"= {app_metadata.APP_ID}" in workflow


def test_windows_build_has_no_console_and_every_system_uses_one_spec() -> None:
    spec = (PACKAGING / "prospection.spec").read_text(encoding="utf-8")
    assert re.search(r"^\s+console=False,", spec, re.MULTILINE)
    assert re.search(r"^\s+upx=False,", spec, re.MULTILINE)
    # The trimming (excludes, PYZ-less bytecode) is not conditioned on the system.
    analysis = spec[spec.index("a = Analysis(") :]
    assert "excludes=EXCLUDED_MODULES," in analysis
    assert "noarchive=True," in analysis
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert build.count('"prospection.spec"') == 1


def test_release_workflow_signs_only_when_the_secrets_are_set() -> None:
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    steps = re.split(r"\n      - (?=name:|uses:|run:)", workflow)
    signing = [
        s for s in steps if re.search(r"signtool|codesign|notarytool|security import", s, re.I)
    ]
    assert len(signing) >= 5  # Windows: program and installer; macOS: import, .app, .dmg
    for step in signing:
        condition = re.search(r"^\s+if: (.+)$", step, re.MULTILINE)
        assert condition is not None, step.splitlines()[0]
        assert "_CERTIFICATE != ''" in condition.group(1), step.splitlines()[0]


def test_macos_minimum_version_is_the_one_pyside6_wheels_need() -> None:
    spec = (PACKAGING / "prospection.spec").read_text(encoding="utf-8")
    declared = re.search(r'"LSMinimumSystemVersion": "(\d+)\.(\d+)"', spec)
    assert declared is not None
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    wheels = re.findall(r"pyside6_essentials-[\d.]+-\S+-macosx_(\d+)_(\d+)_\w+\.whl", lock)
    assert wheels, "no macOS wheel of PySide6 in uv.lock"
    needed = max((int(major), int(minor)) for major, minor in wheels)
    assert (int(declared[1]), int(declared[2])) == needed
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"**macOS {needed[0]}+**" in readme


def test_desktop_entry_follows_the_spec_version_debian_12_validates() -> None:
    # desktop-file-validate 0.26 (Debian 12) knows the specification up to 1.4 only.
    desktop = (PACKAGING / "linux" / f"{app_metadata.APP_ID}.desktop").read_text("utf-8")
    assert re.search(r"^Version=1\.4$", desktop, re.MULTILINE)


def test_version_is_written_once_and_the_release_checks_the_tag() -> None:
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/prospection/__init__.py"
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    jobs = workflow.split("\njobs:\n", 1)[1]
    assert 'GITHUB_REF_NAME}" != "v$version"' in jobs.split("\n  linux:\n")[0]
    for job in ("linux", "windows", "macos"):
        body = jobs.split(f"\n  {job}:\n", 1)[1].split("\n  steps:")[0]
        assert "needs: version" in body, job
    for tool in ("desktop-file-utils", "appstream", "lintian"):
        assert tool in workflow
        assert tool in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
