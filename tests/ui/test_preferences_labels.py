"""Preferences' labels: every "&" is a keyboard shortcut to its field, never shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from prospection.ui.preferences import Preferences


def test_every_mnemonic_label_has_a_field_to_focus(qtbot) -> None:  # type: ignore[no-untyped-def]
    from prospection.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(preferences=Preferences())
    qtbot.addWidget(dialog)
    with_mnemonic = [
        label
        for label in dialog.findChildren(QLabel)
        if "&" in label.text().replace("&&", "") and label.textFormat() != Qt.TextFormat.RichText
    ]
    assert with_mnemonic
    # Without a buddy, QLabel draws the "&" itself ("&Meeting invitations:" did).
    assert [label.text() for label in with_mnemonic if label.buddy() is None] == []
    folder = next(label for label in with_mnemonic if "Meeting" in label.text())
    assert folder.buddy() is dialog.meetings_folder_edit


def test_the_team_page_opens_unsqueezed_on_a_team_server(qtbot, pg_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from prospection.core import users
    from prospection.core.db import open_database
    from prospection.ui.preferences_dialog import PreferencesDialog

    db = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    try:
        with db.session() as session:
            for name in ("Marie Durand", "Paul Martin", "Inès Roux"):
                users.add_user(session, name)
        dialog = PreferencesDialog(data_dir=tmp_path, connected_as="Marie Durand", db=db)
        qtbot.addWidget(dialog)
        dialog.tabs.setCurrentWidget(dialog.team_page)
        dialog.show()
        qtbot.waitExposed(dialog)
        room = dialog.screen().availableGeometry().height() - 60
        # Qt alone opened it at two thirds of the screen: its minimum, not what it needs.
        assert dialog.height() >= min(dialog.sizeHint().height(), room)
        assert dialog.height() > dialog.minimumSizeHint().height() or (
            dialog.minimumSizeHint().height() >= room
        )
        table = dialog.team_page.people_table
        assert table.rowCount() == 4  # the blank first user and the three added
        assert table.height() >= table.horizontalHeader().height() + 3 * table.rowHeight(0)
    finally:
        db.dispose()
