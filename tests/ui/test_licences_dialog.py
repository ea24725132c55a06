"""Help > Licences lists the bundled components and shows their licence texts."""

from __future__ import annotations

import json
from pathlib import Path

from prospection.licences import components
from prospection.ui.licences_dialog import LicencesDialog


def _bundle_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "licences"
    for name, text in [("prospection", "GNU GPL"), ("sqlalchemy", "MIT licence text")]:
        (folder / name).mkdir(parents=True)
        (folder / name / "LICENSE").write_text(text, encoding="utf-8")
    (folder / "index.json").write_text(
        json.dumps(
            [
                {
                    "name": "sqlalchemy",
                    "version": "2.0",
                    "licence": "MIT",
                    "files": ["sqlalchemy/LICENSE"],
                    "libraries": [],
                },
                {
                    "name": "prospection",
                    "version": "0.1.0",
                    "licence": "GPL-3.0-or-later",
                    "files": ["prospection/LICENSE"],
                    "libraries": [],
                },
            ]
        ),
        encoding="utf-8",
    )
    return folder


def test_components_come_from_the_bundle_index_prospection_first(tmp_path: Path) -> None:
    found = components(_bundle_folder(tmp_path))
    assert [c.name for c in found] == ["prospection", "sqlalchemy"]
    assert "MIT licence text" in found[1].text()


def test_dialog_shows_the_selected_components_licence(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = LicencesDialog(found=components(_bundle_folder(tmp_path)))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert "GNU GPL" in dialog.text.toPlainText()
    dialog.list.setCurrentRow(1)
    assert "MIT licence text" in dialog.text.toPlainText()
    assert "MIT" in dialog.licence.text()


def test_run_from_source_the_list_holds_prospections_own_licence() -> None:
    (own,) = components()
    assert own.name == "prospection"
    assert "GNU GENERAL PUBLIC LICENSE" in own.text()


def test_help_menu_opens_the_licences(db, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from prospection.ui.data_events import DataEvents
    from prospection.ui.main_window import MainWindow

    main_window = MainWindow(db, DataEvents())
    qtbot.addWidget(main_window)
    shown = []
    monkeypatch.setattr(LicencesDialog, "exec", lambda self: shown.append(self) or 0)
    assert main_window.action_licences in main_window.help_menu.actions()
    main_window.action_licences.trigger()
    assert shown and shown[0].list.count() >= 1
