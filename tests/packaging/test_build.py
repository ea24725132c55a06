"""The Linux build end to end: bundle, .deb and .tar.xz, installed and started.

Slow (a few minutes): marked `packaging`, which pytest's default options leave out.
`.ci/run` runs it with `uv sync --group packaging && uv run pytest -m packaging`.
Set PROSPECTION_REUSE_BUILD=1 to test the packages already in dist/ without rebuilding.
"""

from __future__ import annotations

import configparser
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.tools import PACKAGING, ROOT, load

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.timeout(3600),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux packages"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb"),
]

app_metadata = load("app_metadata")
META = app_metadata.read()
APP_ID = app_metadata.APP_ID
#: The issue's budget for the compressed Linux package.
MAX_PACKAGE_MB = 45.0


@dataclass
class Build:
    bundle: Path
    deb: Path
    tarball: Path
    log: str


@pytest.fixture(scope="module")
def build() -> Build:
    bundle = ROOT / "build" / "dist" / META.name
    deb = ROOT / "dist" / f"{META.name}_{META.debian_version}_amd64.deb"
    tarball = ROOT / "dist" / f"{META.name}-{META.version}-linux-{app_metadata.machine()}.tar.xz"
    log = "(reused)"
    if not (os.environ.get("PROSPECTION_REUSE_BUILD") and deb.exists() and tarball.exists()):
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, str(PACKAGING / "build.py")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=3000,
            check=False,
        )
        log = result.stdout + result.stderr
        assert result.returncode == 0, log[-4000:]
        print(f"build took {time.monotonic() - started:.0f} s\n{result.stdout[-600:]}")
    return Build(bundle=bundle, deb=deb, tarball=tarball, log=log)


def self_test(executable: Path, tmp_path: Path, **env: str) -> str:
    result = subprocess.run(
        [str(executable), "--self-test"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "HOME": str(tmp_path / "home"), **env},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "(frozen)" in result.stdout
    return result.stdout


@pytest.fixture(scope="module")
def installed_root(build: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb unpacked into a throwaway root, as dpkg would install it."""
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(build.deb), str(root)], check=True)
    return root


def control_fields(deb: Path) -> dict[str, str]:
    text = subprocess.run(
        ["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if line[:1].isalpha() and ":" in line:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def test_bundle_passes_its_self_test(build: Build, tmp_path: Path) -> None:
    output = self_test(build.bundle / META.name, tmp_path)
    assert f"prospection {META.version} (frozen)" in output


def test_bundle_has_every_library_it_links_to(build: Build) -> None:
    internal = build.bundle / "_internal"
    search = [internal, internal / "PySide6" / "Qt" / "lib", internal / "PySide6"]
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(map(str, search))}
    missing = {}
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        output = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        ).stdout
        lost = [line.split()[0] for line in output.splitlines() if "not found" in line]
        if lost:
            missing[str(path.relative_to(internal))] = lost
    assert missing == {}


def test_bundle_is_trimmed_to_what_the_app_loads(build: Build) -> None:
    internal = build.bundle / "_internal"
    names = {path.name for path in internal.rglob("*")}
    for unwanted in ("libQt6Quick", "libQt6Qml", "libQt6Pdf", "libQt6Sql", "libQt6WaylandClient"):
        assert not any(name.startswith(unwanted) for name in names), unwanted
    assert not any(name.startswith(("libstdc++", "libgtk-3", "libgdk-3")) for name in names)
    plugins = {p.parent.name for p in (internal / "PySide6" / "Qt" / "plugins").rglob("*.so")}
    assert plugins <= {
        "platforms",
        "platformthemes",
        "platforminputcontexts",
        "xcbglintegrations",
        "imageformats",
        "iconengines",
        "printsupport",
    }
    qt_translations = {p.name for p in (internal / "PySide6" / "Qt" / "translations").iterdir()}
    assert "qtbase_fr.qm" in qt_translations
    assert all(name.endswith(("_fr.qm", "_en.qm")) for name in qt_translations)
    ours = internal / "resources" / "translations" / "fr"
    assert sorted(p.name for p in ours.glob("*.qm"))
    assert not list(ours.glob("*.ts"))  # sources stay out
    migrations = internal / "prospection" / "core" / "migrations"
    assert (migrations / "env.py").exists()
    assert (migrations / "script.py.mako").exists()
    shipped = {p.name for p in (migrations / "versions").glob("*.py")}
    source = ROOT / "src" / "prospection" / "core" / "migrations" / "versions"
    assert shipped == {p.name for p in source.glob("*.py")}


def test_packages_fit_the_size_budget(build: Build) -> None:
    for package in (build.deb, build.tarball):
        size = package.stat().st_size / 1e6
        print(f"{package.name}: {size:.1f} MB")
        assert size <= MAX_PACKAGE_MB, f"{package.name} is {size:.1f} MB"


def test_deb_control_metadata(build: Build) -> None:
    fields = control_fields(build.deb)
    assert fields["Package"] == META.name
    assert fields["Version"] == META.debian_version
    assert fields["Architecture"] == "amd64"
    depends = [item.strip() for item in fields["Depends"].split(",")]
    assert any(item.startswith("libc6 (>= 2.") for item in depends)
    for library in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libstdc++6"):
        assert library in depends
    installed_kib = (
        sum(p.stat().st_size for p in build.bundle.rglob("*") if p.is_file() and not p.is_symlink())
        // 1024
    )
    assert int(fields["Installed-Size"]) >= installed_kib


def test_deb_holds_the_app_its_command_menu_entry_and_icons(
    build: Build, installed_root: Path
) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(build.deb)], capture_output=True, text=True, check=True
    ).stdout
    assert " root/root " in listing  # owned by root whoever built it
    command = installed_root / "usr" / "bin" / META.name
    assert command.is_symlink()
    assert str(command.readlink()) == f"/opt/{META.name}/{META.name}"
    program = installed_root / "opt" / META.name / META.name
    assert os.access(program, os.X_OK)
    share = installed_root / "usr" / "share"
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").exists()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").exists()
    assert (share / "doc" / META.name / "copyright").exists()
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(share / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == META.name  # found on PATH as /usr/bin/prospection
    assert desktop["Icon"] == APP_ID
    assert "Office" in desktop["Categories"].split(";")
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert f'<release version="{META.version}"' in metainfo.read_text(encoding="utf-8")


def test_metadata_files_pass_the_freedesktop_validators(installed_root: Path) -> None:
    # Both validators are required (.ci/run installs them): the test cannot pass because
    # a tool is missing. desktop-file-validate 0.26 (Debian 12) rejects Version=1.5.
    share = installed_root / "usr" / "share"
    for tool in ("desktop-file-validate", "appstreamcli"):
        assert shutil.which(tool), f"{tool} is not installed (desktop-file-utils, appstream)"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not result.stdout.strip(), result.stdout  # no warnings either
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_installed_program_passes_its_self_test(installed_root: Path, tmp_path: Path) -> None:
    program = installed_root / "opt" / META.name / META.name
    self_test(program, tmp_path)


def test_installed_program_runs_through_a_symlink_like_usr_bin(
    installed_root: Path, tmp_path: Path
) -> None:
    # /usr/bin/prospection is a symlink: the bootloader must still find _internal.
    link = tmp_path / "bin" / META.name
    link.parent.mkdir()
    link.symlink_to(installed_root / "opt" / META.name / META.name)
    self_test(link, tmp_path)


@pytest.fixture
def xvfb() -> Iterator[None]:
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed")
    yield


def test_installed_program_starts_on_a_real_x_display_in_french(
    xvfb: None, installed_root: Path, tmp_path: Path
) -> None:
    """As from the menu, on an X display (xcb, not offscreen), on a French system."""
    data = tmp_path / "data"
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "xcb",
        "LANG": "fr_FR.UTF-8",
        "LANGUAGE": "fr",
        "PROSPECTION_DATA_DIR": str(data),
    }
    env.pop("LC_ALL", None)
    program = installed_root / "opt" / META.name / META.name
    process = subprocess.Popen(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", str(program)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    log = data / "logs" / "prospection.log"
    try:
        deadline = time.monotonic() + 120
        started = False
        while time.monotonic() < deadline and process.poll() is None:
            if log.exists() and "interface language: fr" in log.read_text(encoding="utf-8"):
                time.sleep(3)  # the window is built and shown right after
                started = process.poll() is None
                break
            time.sleep(0.5)
        exited = process.poll()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=30)[0]
    assert exited is None, f"the app exited with {exited}:\n{output}"
    assert started, f"no start-up in the log:\n{output}"
    assert (data / "prospection.sqlite3").exists()
    assert "Traceback" not in output, output


def test_portable_archive_unpacks_runs_and_adds_a_menu_entry(build: Build, tmp_path: Path) -> None:
    with tarfile.open(build.tarball) as archive:
        top = {member.name.split("/")[0] for member in archive.getmembers()}
        assert top == {f"{META.name}-{META.version}"}
        assert all(member.uid == 0 for member in archive.getmembers())
        archive.extractall(tmp_path / "unpacked", filter="tar")
    folder = tmp_path / "unpacked" / f"{META.name}-{META.version}"
    self_test(folder / META.name, tmp_path)
    data_home = tmp_path / "xdg-data"
    subprocess.run(
        [str(folder / "install-menu-entry.sh")],
        check=True,
        env={**os.environ, "XDG_DATA_HOME": str(data_home)},
        capture_output=True,
    )
    entry = (data_home / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/{META.name}"' in entry
    assert (data_home / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").exists()
    subprocess.run(
        [str(folder / "install-menu-entry.sh"), "--remove"],
        check=True,
        env={**os.environ, "XDG_DATA_HOME": str(data_home)},
        capture_output=True,
    )
    assert not (data_home / "applications" / f"{APP_ID}.desktop").exists()
