"""Do-not-contact reasons in the user's language: the app's own ones translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from prospection.core.dnc_reasons import DncReasonCode, dnc_reason_code


def dnc_reason_text(stored: str) -> str:
    """The reason to show: translated when the app wrote it, else as the user typed it."""
    code = dnc_reason_code(stored)
    if code is DncReasonCode.SUPPRESSED:
        return QCoreApplication.translate("DncReason", "objected before (suppression list)")
    return stored
