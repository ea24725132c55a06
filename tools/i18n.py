"""Translation upkeep: extract strings (lupdate), compile them (lrelease), check French.

Each UI source file has its own `.ts` per language under `resources/translations/LANG/`,
so that work on different screens never collides in one big file.

    uv run python tools/i18n.py update    # refresh .ts files from the sources
    uv run python tools/i18n.py compile   # .ts -> .qm (shipped)
    uv run python tools/i18n.py check     # list strings without a French translation
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "prospection"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; run `uv sync` first")
    return found


def translated_sources() -> list[Path]:
    """Source files whose strings are shown to the user (all but the Qt-free core)."""
    files = [*sorted((SOURCES / "ui").rglob("*.py")), SOURCES / "app.py"]
    return [f for f in files if f.exists() and _has_strings(f)]


def _has_strings(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return ".tr(" in text or "translate(" in text


def ts_path(source: Path, language: str, root: Path = TRANSLATIONS) -> Path:
    module = ".".join(source.relative_to(SOURCES).with_suffix("").parts)
    return root / language / f"{module}.ts"


def update(root: Path = TRANSLATIONS) -> list[Path]:
    """Run lupdate on every source into its .ts (keeping existing translations)."""
    written = []
    sources = translated_sources()
    for language in LANGUAGES:
        wanted = {ts_path(s, language, root) for s in sources}
        folder = root / language
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.ts"):
            if stale not in wanted:
                stale.unlink()
                stale.with_suffix(".qm").unlink(missing_ok=True)
        for source in sources:
            target = ts_path(source, language, root)
            if not target.exists() and root != TRANSLATIONS:
                original = ts_path(source, language)
                if original.exists():
                    shutil.copy(original, target)
            subprocess.run(
                [
                    _tool("lupdate"),
                    "-silent",
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-target-language",
                    language,
                    str(source),
                    "-ts",
                    str(target),
                ],
                check=True,
            )
            written.append(target)
    return written


def compile_all(root: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts into the .qm the application loads."""
    compiled = []
    for ts in sorted(root.glob("*/*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        compiled.append(qm)
    return compiled


def missing(root: Path = TRANSLATIONS) -> list[str]:
    """Messages with no finished translation, as 'file: context: source'."""
    problems = []
    for ts in sorted(root.glob("*/*.ts")):
        tree = ET.parse(ts)
        for context in tree.getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                source = message.findtext("source", "")
                numerus = message.get("numerus") == "yes"
                text = (
                    "".join(t.text or "" for t in translation.iter("numerusform"))
                    if numerus and translation is not None
                    else (translation.text or "")
                    if translation is not None
                    else ""
                )
                unfinished = translation is None or translation.get("type") in (
                    "unfinished",
                    "vanished",
                    "obsolete",
                )
                if unfinished or not text.strip():
                    problems.append(f"{ts.name}: {name}: {source!r}")
    return problems


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        for path in update():
            print(path.relative_to(ROOT))
    elif command == "compile":
        for path in compile_all():
            print(path.relative_to(ROOT))
    elif command == "check":
        problems = missing()
        for problem in problems:
            print(problem)
        print(f"{len(problems)} message(s) without a French translation")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
