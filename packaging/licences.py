"""The licence texts of everything a bundle holds, gathered at build time.

Every installer ships `_internal/licences/`: one folder per component (each Python
distribution the app needs, Python itself, Qt through PySide6, PyInstaller's bootloader,
ICU, and on Linux each C library copied from the build system) with its licence files,
and `index.json` listing them for Help > About > Licences.

Sources, in order: the distribution's own licence files (`.dist-info/licenses/` or the
LICENSE/COPYING/NOTICE files it declares); texts kept in packaging/licences/ for the
components whose wheels carry none (PySide6, shiboken6: Qt's LGPL-3.0/GPL-2.0/GPL-3.0;
ICU); Python's LICENSE.txt from the interpreter's prefix; for a C library, the
/usr/share/doc/<package>/copyright of the Debian package that owns it. A wheel that
carries C libraries of its own (auditwheel's `<name>.libs/`: psycopg-binary brings libpq,
OpenSSL, Kerberos, LDAP, SASL) gets, beside its own licence, the copyright of the Debian
package that provides the same library, and its auditwheel SBOM where the wheel has one.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEPT_TEXTS = HERE / "licences"

#: Distributions the app needs that carry no licence file of their own.
KNOWN_TEXTS = {
    "pyside6-essentials": ["LGPL-3.0.txt", "GPL-2.0.txt", "GPL-3.0.txt", "ICU.txt"],
    "pyside6-addons": ["LGPL-3.0.txt", "GPL-2.0.txt", "GPL-3.0.txt"],
    "shiboken6": ["LGPL-3.0.txt", "GPL-2.0.txt", "GPL-3.0.txt"],
}
#: Not imported by the app, but in every bundle: the bootloader and its run-time hooks.
ALWAYS = ["pyinstaller"]
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)


@dataclass
class Component:
    """One bundled component and where its licence texts are in the bundle."""

    name: str
    version: str
    licence: str
    files: list[str] = field(default_factory=list)
    #: For a Debian package: the bundled library files it provides (the .deb drops them
    #: and depends on the package instead).
    libraries: list[str] = field(default_factory=list)
    #: For a wheel: the C libraries it carries itself (they stay in the bundle).
    vendored: list[str] = field(default_factory=list)


def canonical(name: str) -> str:
    """A distribution name as PyPI compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = "prospection") -> list[metadata.Distribution]:
    """`root` and every distribution it requires at run time, recursively."""
    from packaging.markers import default_environment
    from packaging.requirements import Requirement

    base = default_environment()
    found: dict[str, metadata.Distribution] = {}
    # With the extras it was asked for: "psycopg[binary]" brings psycopg-binary along.
    pending: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    seen: set[tuple[str, frozenset[str]]] = set()
    while pending:
        name, extras = pending.pop()
        name = canonical(name)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        try:
            distribution = found.get(name) or metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[name] = distribution
        for text in distribution.requires or []:
            requirement = Requirement(text)
            wanted = requirement.marker is None or any(
                requirement.marker.evaluate({**base, "extra": extra}) for extra in ("", *extras)
            )
            if wanted:
                pending.append((requirement.name, frozenset(requirement.extras)))
    for name in ALWAYS:  # alone: what PyInstaller itself requires is not bundled
        found.setdefault(name, metadata.distribution(name))
    return sorted(found.values(), key=lambda d: canonical(d.metadata["Name"]))


def _licence_name(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    declared = meta.get("License") or ""
    if declared and len(declared) < 120 and "\n" not in declared:
        return str(declared)
    classifiers = [
        c.rsplit("::", 1)[1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    return "; ".join(classifiers) or "see the files"


def _distribution_files(distribution: metadata.Distribution) -> list[Path]:
    files = []
    for entry in distribution.files or []:
        parts = Path(str(entry)).parts
        in_metadata = parts[0].endswith(".dist-info")
        if in_metadata and (("licenses" in parts) or LICENCE_FILE.match(parts[-1])):
            path = Path(str(distribution.locate_file(entry)))
            if path.is_file():
                files.append(path)
    return files


#: auditwheel's renamed copies: "libpq-e9b5c9ac.so.5.18" is libpq.so.5.18.
_VENDORED = re.compile(r"^(?P<stem>lib[A-Za-z0-9_+]+?)-[0-9a-f]{8}\.so(?:\.[0-9.]+)?$")


def vendored_libraries(distribution: metadata.Distribution) -> list[Path]:
    """The C libraries a wheel carries in its `<name>.libs/` folder (auditwheel)."""
    found = []
    for entry in distribution.files or []:
        parts = Path(str(entry)).parts
        if len(parts) == 2 and parts[0].endswith(".libs") and ".so" in parts[1]:
            found.append(Path(str(distribution.locate_file(entry))))
    return sorted(found)


def _sboms(distribution: metadata.Distribution) -> list[Path]:
    return [
        Path(str(distribution.locate_file(entry)))
        for entry in distribution.files or []
        if Path(str(entry)).parts[0].endswith(".dist-info") and "sboms" in Path(str(entry)).parts
    ]


def vendored_copyright(library: Path) -> tuple[str, str, Path] | None:
    """The Debian package providing the library a wheel's renamed copy stands for."""
    match = _VENDORED.match(library.name)
    if match is None or shutil.which("dpkg-query") is None:
        return None
    stem = match["stem"]
    # liblber's Debian file is liblber-2.5.so.0: the stem, then a version, then .so.
    for pattern in (f"*/{stem}.so*", f"*/{stem}-*.so*"):
        found = subprocess.run(
            ["dpkg-query", "-S", pattern], capture_output=True, text=True, check=False
        )
        paths = [
            Path(line.split(": ", 1)[1].strip())
            for line in found.stdout.splitlines()
            if found.returncode == 0 and ": " in line
        ]
        # The run-time package (libssl3's libcrypto.so.3), not the -dev one's link.
        paths.sort(key=lambda path: (not re.search(r"\.so\.[0-9]", path.name), str(path)))
        if paths:
            return debian_copyright(paths[0])
    return None


def python_licence() -> Path | None:
    """The interpreter's own LICENSE.txt (CPython builds install it in the stdlib)."""
    candidates = [
        Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",
    ]
    return next((path for path in candidates if path.is_file()), None)


def debian_copyright(library: Path) -> tuple[str, str, Path] | None:
    """(package, version, copyright file) of the Debian package that owns `library`."""
    if shutil.which("dpkg-query") is None:
        return None
    for candidate in dict.fromkeys([library, library.resolve()]):
        found = subprocess.run(
            ["dpkg-query", "-S", str(candidate)], capture_output=True, text=True, check=False
        )
        if found.returncode == 0:
            package = found.stdout.split(":", 1)[0].strip()
            version = subprocess.run(
                ["dpkg-query", "-W", "-f=${Version}", package],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
            copyright_file = Path("/usr/share/doc") / package / "copyright"
            if copyright_file.is_file():
                return package, version, copyright_file
    return None


def collect(system_libraries: list[Path], output: Path) -> list[Component]:
    """Copy every licence into `output` (<component>/<file>) and write index.json.

    `system_libraries`: the C libraries the bundle copies from the build system (not
    from a wheel); on Linux each is traced to its Debian package. Raises if a component
    is left without a licence file.
    """
    shutil.rmtree(output, ignore_errors=True)
    output.mkdir(parents=True)
    components: list[Component] = []

    def add(
        name: str,
        version: str,
        licence: str,
        sources: list[Path],
        libraries: tuple[str, ...] | list[str] = (),
        vendored: tuple[str, ...] | list[str] = (),
    ) -> None:
        folder = output / name
        folder.mkdir(exist_ok=True)
        component = Component(
            name, version, licence, libraries=sorted(libraries), vendored=sorted(vendored)
        )
        for source in sources:
            target = folder / source.name
            # Debian copyright files all have one name: in another component's folder
            # (a wheel's, for the libraries it carries), say whose it is.
            if target.exists() or (source.name == "copyright" and source.parent.name != name):
                target = folder / f"{source.parent.name}-{source.name}"
            shutil.copyfile(source, target)
            component.files.append(target.relative_to(output).as_posix())
        if not component.files:
            raise SystemExit(f"no licence text for {name}: add one to packaging/licences/")
        components.append(component)

    for distribution in runtime_distributions():
        name = canonical(distribution.metadata["Name"])
        sources = _distribution_files(distribution)
        sources += [KEPT_TEXTS / text for text in KNOWN_TEXTS.get(name, [])]
        carried = vendored_libraries(distribution)
        if carried:
            sources += _sboms(distribution)
            for library in carried:
                owner = vendored_copyright(library)
                if owner is not None:
                    sources.append(owner[2])
                elif sys.platform.startswith("linux") and shutil.which("dpkg-query"):
                    raise SystemExit(f"no licence found for {library.name} in {name}")
            sources = list(dict.fromkeys(sources))
        add(
            name,
            distribution.version,
            _licence_name(distribution),
            sources,
            vendored=[library.name for library in carried],
        )
    python = python_licence()
    add(
        "python",
        sys.version.split()[0],
        "PSF-2.0",
        [python] if python else [],
    )
    packages: dict[str, tuple[str, Path, list[str]]] = {}
    for library in system_libraries:
        owner = debian_copyright(library)
        if owner is None:
            raise SystemExit(f"no licence found for the bundled {library}")
        package, version, copyright_file = owner
        packages.setdefault(package, (version, copyright_file, []))[2].append(library.name)
    for package, (version, copyright_file, names) in sorted(packages.items()):
        add(package, version, "see copyright (Debian package)", [copyright_file], names)
    (output / "index.json").write_text(
        json.dumps([asdict(c) for c in components], indent=1, ensure_ascii=False),
        encoding="utf-8",
    )
    return components


if __name__ == "__main__":
    for component in collect([], Path(sys.argv[1])):
        print(component.name, component.version, component.licence, component.files)
