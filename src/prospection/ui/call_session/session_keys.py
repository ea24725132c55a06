"""The call session's keys, listed for the help (F1 in the session, Help > Keyboard shortcuts).

Kept apart from the session dialog so that the main window's help can list them without
loading the session's modules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from prospection.core.call_outcomes import OUTCOME_BY_KEY
from prospection.ui.labels import outcome_label


def session_key_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for every key of a call session."""
    rows = [(str(k), outcome_label(o)) for k, o in OUTCOME_BY_KEY.items()]
    rows += [
        (
            QCoreApplication.translate("CallSessionDialog", "Enter"),
            QCoreApplication.translate(
                "CallSessionDialog", "Dial the next number (starts the timer)"
            ),
        ),
        ("S", QCoreApplication.translate("CallSessionDialog", "Skip this prospect")),
        (
            QCoreApplication.translate("CallSessionDialog", "Shift+Tab"),
            QCoreApplication.translate("CallSessionDialog", "Previous prospect"),
        ),
        ("P", QCoreApplication.translate("CallSessionDialog", "Pause, or go on")),
        (
            "N",
            QCoreApplication.translate(
                "CallSessionDialog", "Write notes (Esc goes back to the keys)"
            ),
        ),
        (
            QCoreApplication.translate("CallSessionDialog", "Ctrl+Z"),
            QCoreApplication.translate("CallSessionDialog", "Undo last call"),
        ),
        (
            QCoreApplication.translate("CallSessionDialog", "Esc"),
            QCoreApplication.translate("CallSessionDialog", "End the session (asks first)"),
        ),
        (
            QCoreApplication.translate("CallSessionDialog", "F1 or ?"),
            QCoreApplication.translate("CallSessionDialog", "Show these keys"),
        ),
    ]
    return rows
