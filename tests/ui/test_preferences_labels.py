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
