"""Build Prospection's standalone bundle and this system's installers into dist/.

    uv sync --group packaging
    uv run python packaging/build.py

Linux: dist/prospection_VERSION_amd64.deb and dist/prospection-VERSION-linux-x86_64.tar.xz.
Windows: dist/Prospection-VERSION-windows-x86_64-setup.exe (needs Inno Setup's ISCC).
macOS: dist/Prospection-VERSION-macos-ARCH.dmg (hdiutil).
The release workflow signs in between: `--bundle-only`, sign, then `--installers-only`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import app_metadata  # noqa: E402

BUILD = ROOT / "build"
DIST = ROOT / "dist"
ICONS = BUILD / "icons"
BUNDLE_PARENT = BUILD / "dist"
LINUX = HERE / "linux"

#: What Qt's xcb platform plugin and the frozen Python need from the system. Most xcb
#: libraries are also bundled; depending on them keeps the system's own copies, with
#: their security updates, at hand. libGL/libEGL are never bundled (drivers).
DEB_DEPENDS = [
    "libstdc++6",
    "libgcc-s1",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libx11-xcb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
]
#: Fonts to draw with; xdg-utils opens tel: and mailto: links in the user's programs.
DEB_RECOMMENDS = ["fonts-dejavu-core | fonts-liberation2 | fonts-noto-core", "xdg-utils"]


def run(command: list[str], **kwargs: object) -> None:
    """Run a command, echoing it, and stop the build if it fails."""
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, **kwargs)  # type: ignore[call-overload]


def megabytes(path: Path) -> float:
    """Size of a file, or of everything under a folder, in MB (10^6 bytes)."""
    if path.is_file():
        return path.stat().st_size / 1e6
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def build_icons(output: Path = ICONS) -> Path:
    """PNG, ICO and ICNS icons from the SVG (in a subprocess: rendering needs Qt)."""
    run([sys.executable, str(HERE / "icons.py"), str(output)], stdout=subprocess.DEVNULL)
    return output


def bundle_path() -> Path:
    """Where PyInstaller leaves the app: a folder, or the .app bundle on macOS."""
    if sys.platform == "darwin":
        return BUNDLE_PARENT / f"{app_metadata.DISPLAY_NAME}.app"
    return BUNDLE_PARENT / app_metadata.read().name


def build_bundle() -> Path:
    """Run PyInstaller on the spec; returns the bundle."""
    build_icons()
    env = {**os.environ, "PROSPECTION_ICON_DIR": str(ICONS)}
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(HERE / "prospection.spec"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(BUNDLE_PARENT),
            "--workpath",
            str(BUILD / "pyinstaller"),
        ],
        env=env,
    )
    bundle = bundle_path()
    if sys.platform.startswith("linux"):
        fix_linux_bundle(bundle)
    return bundle


# --- Linux -------------------------------------------------------------------------


def _is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def foreign_runpath(path: Path) -> tuple[str, list[str]] | None:
    """(the RUNPATH/RPATH, its entries outside the bundle) of an ELF file, if it has one."""
    output = subprocess.run(
        ["readelf", "-d", str(path)], capture_output=True, text=True, check=False
    ).stdout
    found = re.search(r"\((?:RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[(.*)\]", output)
    if found is None:
        return None
    entries = found.group(1).split(":")
    return found.group(1), [entry for entry in entries if not entry.startswith("$ORIGIN")]


def fix_linux_bundle(bundle: Path) -> None:
    """What PyInstaller leaves of the build host: its RUNPATHs, links to nothing.

    Python's extension modules and libpython carry the build host's library folder
    (/root/.pyenv/...) as RUNPATH: the loader would look there first on a user's machine.
    Entries relative to $ORIGIN (PySide6's) stay. A link whose target was trimmed out
    (libQt6EglFsKmsSupport) goes.
    """
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() and not path.exists():
            print(f"removing dangling link {path.relative_to(bundle)}")
            path.unlink()
            continue
        if not _is_elf(path):
            continue
        runpath = foreign_runpath(path)
        if runpath is None or not runpath[1]:
            continue
        kept = [entry for entry in runpath[0].split(":") if entry not in runpath[1]]
        if kept:
            run(["patchelf", "--set-rpath", ":".join(kept), str(path)])
        else:
            subprocess.run(["patchelf", "--remove-rpath", str(path)], check=True)


def glibc_requirement(bundle: Path) -> str | None:
    """The newest GLIBC symbol version any bundled binary needs (e.g. "2.36")."""
    if shutil.which("objdump") is None:
        return None
    versions: set[tuple[int, ...]] = set()
    for path in bundle.rglob("*"):
        if not _is_elf(path):
            continue
        output = subprocess.run(
            ["objdump", "-T", str(path)], capture_output=True, text=True, check=False
        ).stdout
        versions.update(
            tuple(int(part) for part in found.split("."))
            for found in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", output)
        )
    return ".".join(map(str, max(versions))) if versions else None


def desktop_entry(exec_line: str, icon: str) -> str:
    """The .desktop file with its command and icon filled in."""
    template = (LINUX / f"{app_metadata.APP_ID}.desktop").read_text(encoding="utf-8")
    return template.replace("@EXEC@", exec_line).replace("@ICON@", icon)


def metainfo(version: str) -> str:
    """The AppStream metainfo with this release's version and date."""
    template = (LINUX / f"{app_metadata.APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    today = datetime.now(UTC).date().isoformat()
    return template.replace("@VERSION@", version).replace("@DATE@", today)


def _normalise_modes(root: Path) -> None:
    # dpkg installs modes as they are: 0755 for folders and programs, 0644 otherwise.
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def stage_deb(bundle: Path, meta: app_metadata.AppMetadata) -> Path:
    """The package's file tree (with DEBIAN/control) under build/deb/."""
    app_id = app_metadata.APP_ID
    stage = BUILD / "deb" / f"{meta.name}_{meta.debian_version}_amd64"
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / "opt" / meta.name
    shutil.copytree(bundle, opt, symlinks=True)
    system_packages = drop_system_libraries(opt)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # The bootloader finds its _internal folder through /proc/self/exe: a symlink works.
    for program in (meta.name, f"{meta.name}-cli"):
        (bin_dir / program).symlink_to(f"/opt/{meta.name}/{program}")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{app_id}.desktop").write_text(
        desktop_entry(meta.name, app_id), encoding="utf-8"
    )
    (share / "metainfo").mkdir(parents=True)
    (share / "metainfo" / f"{app_id}.metainfo.xml").write_text(
        metainfo(meta.version), encoding="utf-8"
    )
    icons = share / "icons" / "hicolor"
    for png in sorted(ICONS.glob("prospection-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = icons / f"{size}x{size}" / "apps" / f"{app_id}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, target)
    scalable = icons / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "prospection.svg", scalable / f"{app_id}.svg")
    doc = share / "doc" / meta.name
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(_copyright(meta), encoding="utf-8")
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    shutil.copy(LINUX / "lintian-overrides", overrides / meta.name)
    (doc / "changelog.gz").write_bytes(_changelog(meta))
    _normalise_modes(stage)
    for library in (opt / "_internal").rglob("*.so*"):
        if library.is_file() and not library.is_symlink():
            library.chmod(0o644)  # loaded, never run: Debian wants them not executable
    installed_kib = (
        sum(path.lstat().st_size for path in stage.rglob("*") if not path.is_dir()) // 1024 + 1
    )
    glibc = glibc_requirement(opt)
    depends = [f"libc6 (>= {glibc})"] if glibc else ["libc6"]
    depends += [name for name in DEB_DEPENDS if name.split()[0] not in system_packages]
    depends += [f"{name} (>= {version})" for name, version in sorted(system_packages.items())]
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir(mode=0o755)
    postinst = stage / "DEBIAN" / "postinst"
    shutil.copy(LINUX / "postinst", postinst)
    postinst.chmod(0o755)
    summary, _, _ = meta.description.partition(":")
    control.write_text(
        "\n".join(
            [
                f"Package: {meta.name}",
                f"Version: {meta.debian_version}",
                "Architecture: amd64",
                f"Maintainer: {app_metadata.MAINTAINER}",
                f"Installed-Size: {installed_kib}",
                f"Depends: {', '.join(depends)}",
                f"Recommends: {', '.join(DEB_RECOMMENDS)}",
                "Section: utils",
                "Priority: optional",
                f"Homepage: {app_metadata.HOMEPAGE}",
                f"Description: {summary.strip().rstrip('.')}",
                " Prospection helps a salesperson find and call new clients: see each",
                " prospect's problems and your pitch before dialling, call through small",
                " batches with one key per outcome, follow the week's progress and set",
                " honest goals from your own numbers. Offline; in French and English.",
                " .",
                " This package holds a self-contained build (Python and Qt included) in",
                f" /opt/{meta.name}. Your data stays in your home folder when it is removed.",
                "",
            ]
        ),
        encoding="utf-8",
    )
    control.chmod(0o644)
    return stage


def drop_system_libraries(opt: Path) -> dict[str, str]:
    """Take out the bundled copies of libraries a Debian package provides.

    The bootloader puts _internal first on LD_LIBRARY_PATH, so a bundled fontconfig,
    glib or sqlite would load instead of the system's and never get its security
    updates. licences/index.json (packaging/licences.py) says which Debian package each
    bundled system library came from; the .deb depends on those packages instead
    (at least the upstream version the bundle was built with). Returns {package: version}.
    """
    internal = opt / "_internal"
    index = json.loads((internal / "licences" / "index.json").read_text(encoding="utf-8"))
    packages: dict[str, str] = {}
    for component in index:
        if not component.get("libraries"):
            continue
        for library in component["libraries"]:
            (internal / library).unlink()
        version = (
            component["version"].rsplit("-", 1)[0]
            if "-" in component["version"]
            else (component["version"])
        )
        packages[component["name"]] = version
    return packages


def _changelog(meta: app_metadata.AppMetadata) -> bytes:
    """A native package's changelog.gz (gzip without a name or time: reproducible)."""
    import gzip

    when = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    text = (
        f"{meta.name} ({meta.debian_version}) stable; urgency=medium\n\n"
        f"  * Prospection {meta.version}: see {app_metadata.HOMEPAGE}/releases\n\n"
        f" -- {app_metadata.MAINTAINER}  {when}\n"
    )
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def _copyright(meta: app_metadata.AppMetadata) -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {app_metadata.DISPLAY_NAME}\n"
        f"Source: {app_metadata.HOMEPAGE}\n\n"
        "Files: *\n"
        f"Copyright: {datetime.now(UTC).year} {app_metadata.PUBLISHER}\n"
        f"License: {meta.license}\n"
        " On Debian systems the full text of the GNU General Public License version 3\n"
        " is in /usr/share/common-licenses/GPL-3.\n\n"
        f"Files: opt/{meta.name}/_internal/*\n"
        "Copyright: The Qt Company Ltd. and contributors; Python Software Foundation;\n"
        " the authors of the bundled Python packages\n"
        "License: various\n"
        " Qt and PySide6 (LGPL-3.0 or GPL-2.0 or GPL-3.0; Qt Charts GPL-3.0), ICU,\n"
        " Python (PSF-2.0), SQLAlchemy and Alembic (MIT), openpyxl (MIT), phonenumbers\n"
        " (Apache-2.0), PyInstaller's bootloader (GPL-2.0 with its exception) and the\n"
        " others: each component's licence texts are in\n"
        f" /opt/{meta.name}/_internal/licences/<component>/, listed in index.json there\n"
        " and in the app under Help > About Prospection > Licences.\n"
    )


def build_deb(stage: Path, output: Path, level: int) -> subprocess.Popen[bytes]:
    """Start dpkg-deb on the staged tree (xz); returns the running process."""
    command = [
        "dpkg-deb",
        "--root-owner-group",
        "-Zxz",
        f"-z{level}",
        "--build",
        str(stage),
        str(output),
    ]
    print("+", " ".join(command), flush=True)
    return subprocess.Popen(command, stdout=subprocess.DEVNULL)


def stage_tarball(bundle: Path, meta: app_metadata.AppMetadata) -> Path:
    """The portable folder: the bundle, its icon and a script adding a menu entry."""
    stage = BUILD / "tarball" / f"{meta.name}-{meta.version}"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage, symlinks=True)
    shutil.copy(ICONS / "prospection-256.png", stage / "prospection.png")
    (stage / "share").mkdir()
    shutil.copy(
        LINUX / f"{app_metadata.APP_ID}.desktop", stage / "share" / f"{app_metadata.APP_ID}.desktop"
    )
    script = stage / "install-menu-entry.sh"
    shutil.copy(LINUX / "install-menu-entry.sh", script)
    script.chmod(0o755)
    (stage / "README.txt").write_text(
        f"Prospection {meta.version}, portable build for Linux (x86_64).\n\n"
        "Start it: ./prospection   (or double-click 'prospection' in your file manager)\n"
        "Add it to your applications menu: ./install-menu-entry.sh\n"
        "Your data is kept in ~/.local/share/Prospection, apart from this folder.\n",
        encoding="utf-8",
    )
    _normalise_modes(stage)
    return stage


def build_tarball(stage: Path, output: Path, level: int) -> subprocess.Popen[bytes]:
    """Start tar + xz on the portable folder; returns the running process."""
    command = [
        "tar",
        "--owner=0",
        "--group=0",
        "--numeric-owner",
        "--sort=name",
        "-C",
        str(stage.parent),
        "-cJf",
        str(output),
        stage.name,
    ]
    print("+", " ".join(command), flush=True)
    env = {**os.environ, "XZ_OPT": f"-{level} -T1"}
    return subprocess.Popen(command, env=env)


def build_linux(bundle: Path, meta: app_metadata.AppMetadata, level: int) -> list[Path]:
    """The .deb and the portable .tar.xz, compressed side by side (one CPU each)."""
    DIST.mkdir(exist_ok=True)
    deb = DIST / f"{meta.name}_{meta.debian_version}_amd64.deb"
    tarball = DIST / f"{meta.name}-{meta.version}-linux-{app_metadata.machine()}.tar.xz"
    jobs = [
        build_deb(stage_deb(bundle, meta), deb, level),
        build_tarball(stage_tarball(bundle, meta), tarball, level),
    ]
    failed = [job.args for job in jobs if job.wait() != 0]
    if failed:
        raise SystemExit(f"packaging failed: {failed}")
    return [deb, tarball]


# --- Windows and macOS (run by .github/workflows/release.yml) ------------------------


def find_iscc() -> str | None:
    """Inno Setup's command-line compiler, on PATH or where its installer puts it."""
    found = shutil.which("iscc")
    if found:
        return found
    for variable in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        base = os.environ.get(variable)
        for sub in ("Inno Setup 6", "Programs/Inno Setup 6"):
            if base and (Path(base) / sub / "ISCC.exe").exists():
                return str(Path(base) / sub / "ISCC.exe")
    return None


def build_windows(bundle: Path, meta: app_metadata.AppMetadata) -> list[Path]:
    """The per-user setup program, compiled by Inno Setup."""
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit("Inno Setup 6 (ISCC.exe) not found: install it or pass --bundle-only")
    DIST.mkdir(exist_ok=True)
    base = f"{app_metadata.DISPLAY_NAME}-{meta.version}-windows-{app_metadata.machine()}-setup"
    run(
        [
            iscc,
            "/Qp",
            f"/DAppVersion={meta.version}",
            f"/DNumericVersion={meta.numeric_version}",
            f"/DBundleDir={bundle}",
            f"/DIconFile={ICONS / 'prospection.ico'}",
            f"/DLicenseFile={ROOT / 'LICENSE'}",
            f"/DOutputDir={DIST}",
            f"/DOutputBaseName={base}",
            str(HERE / "windows" / "prospection.iss"),
        ]
    )
    return [DIST / f"{base}.exe"]


def build_macos(app: Path, meta: app_metadata.AppMetadata) -> list[Path]:
    """A compressed disk image holding the .app and a link to /Applications."""
    DIST.mkdir(exist_ok=True)
    stage = BUILD / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    # ditto keeps the bundle's symlinks, extended attributes and signatures intact.
    run(["ditto", str(app), str(stage / app.name)])
    (stage / "Applications").symlink_to("/Applications")
    dmg = DIST / f"{app_metadata.DISPLAY_NAME}-{meta.version}-macos-{app_metadata.machine()}.dmg"
    dmg.unlink(missing_ok=True)
    run(
        [
            "hdiutil",
            "create",
            "-volname",
            f"{app_metadata.DISPLAY_NAME} {meta.version}",
            "-srcfolder",
            str(stage),
            "-fs",
            "HFS+",
            "-format",
            "UDZO",
            "-imagekey",
            "zlib-level=9",
            "-ov",
            str(dmg),
        ]
    )
    return [dmg]


def build_installers(bundle: Path, level: int) -> list[Path]:
    """This system's installers from an existing bundle."""
    meta = app_metadata.read()
    if not bundle.exists():
        raise SystemExit(f"{bundle} does not exist: build the bundle first")
    if not (ICONS / "prospection.ico").exists():
        build_icons()
    if sys.platform.startswith("linux"):
        return build_linux(bundle, meta, level)
    if sys.platform == "win32":
        return build_windows(bundle, meta)
    if sys.platform == "darwin":
        return build_macos(bundle, meta)
    raise SystemExit(f"no installer recipe for {sys.platform}")


def main(argv: list[str] | None = None) -> int:
    """Command line: build the bundle and the installers, then print what was made."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    steps = parser.add_mutually_exclusive_group()
    steps.add_argument("--bundle-only", action="store_true", help="stop after PyInstaller")
    steps.add_argument("--installers-only", action="store_true", help="package the existing bundle")
    parser.add_argument(
        "--xz-level", type=int, default=9, choices=range(10), help="Linux compression (9)"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = bundle_path()
    if not args.installers_only:
        bundle = build_bundle()
        print(f"bundle built in {time.monotonic() - started:.0f} s", flush=True)
    made = [bundle]
    if not args.bundle_only:
        packaging_started = time.monotonic()
        made += build_installers(bundle, args.xz_level)
        print(f"installers built in {time.monotonic() - packaging_started:.0f} s")
    print()
    for path in made:
        kind = "folder" if path.is_dir() else "file"
        print(f"{megabytes(path):8.1f} MB  {path.relative_to(ROOT)}  ({kind})")
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
