"""Start-up: options, language, a clear message when the data cannot be opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from prospection import app as app_module
from prospection.ui.i18n import remove_translators
from prospection.ui.prospect_table_model import Column


@pytest.fixture
def started(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Start the app's window with given options; translators removed afterwards."""
    made = []

    def run(*argv: str):  # type: ignore[no-untyped-def]
        args = app_module.parse_args(["--data-dir", str(tmp_path / "data"), *argv])
        qapp = QApplication.instance()
        window, db = app_module.start(args, qapp)
        made.append((window, db))
        if window is not None:
            qtbot.addWidget(window)
        return window, db

    yield run
    QThreadPool.globalInstance().waitForDone(10_000)
    qapp = QApplication.instance()
    remove_translators(qapp, getattr(qapp, "_prospection_translators", []))
    QLocale.setDefault(QLocale.c())
    for window, db in made:
        if window is not None:
            window.close()
        if db is not None:
            db.dispose()


def test_parse_args() -> None:
    args = app_module.parse_args(["--demo", "--data-dir", "/x", "--lang", "fr"])
    assert args.demo and args.data_dir == "/x" and args.lang == "fr"


def test_english_window_opens_on_a_new_data_folder(started, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, _db = started("--lang", "en")
    assert window.windowTitle() == "Prospection"
    assert window.file_menu.title() == "&File"
    assert (tmp_path / "data" / "prospection.sqlite3").exists()
    qtbot.waitUntil(lambda: window.sidebar.counts() is not None)  # counted in the background
    assert "0 prospects" in window.status_label.text()


def test_french_window_is_translated(started) -> None:  # type: ignore[no-untyped-def]
    window, _db = started("--lang", "fr")
    assert window.file_menu.title() == "&Fichier"
    assert window.action_new_prospect.text() == "&Nouveau prospect…"
    assert window.model.headerData(Column.CITY, Qt.Orientation.Horizontal) == "Ville"
    assert QCoreApplication.translate("Labels", "Reached") == "Joint"
    assert QLocale().language() == QLocale.Language.French


def test_unreadable_data_file_gives_a_clear_message(  # type: ignore[no-untyped-def]
    started, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "prospection.sqlite3").write_bytes(b"this is not a database at all")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0
    )
    window, db = started("--lang", "en")
    assert window is None and db is None
    assert "cannot be read" in shown[0][0]
    assert "prospection.sqlite3" in shown[0][1]
    assert (folder / "prospection.sqlite3").read_bytes() == b"this is not a database at all"


def test_unknown_qt_platform_falls_back_to_xcb(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from prospection.app import platform_fallback

    plugins = tmp_path / "platforms"
    plugins.mkdir()
    for name in ("libqxcb.so", "libqoffscreen.so"):
        (plugins / name).touch()
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    message = platform_fallback(plugins)
    assert message and "using xcb" in message
    import os

    assert os.environ["QT_QPA_PLATFORM"] == "xcb"
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland;xcb")  # Qt falls back by itself
    assert platform_fallback(plugins) is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert platform_fallback(plugins) is None
    (plugins / "libqwayland.so").touch()
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    assert platform_fallback(plugins) is None


def test_help_lists_the_self_test(capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from prospection.app import parse_args

    with pytest.raises(SystemExit):
        parse_args(["--help"])
    assert "--self-test" in capsys.readouterr().out
