"""Reasons the app itself records on a do-not-contact flag, as codes the UI translates.

The reason is stored as English text (the CLI and exports show it as is); a reason the
user typed is shown as typed, and one the app wrote is recognised here by its text and
given a code, so the interface can show it in the user's language.
"""

from __future__ import annotations

from enum import StrEnum

#: Recorded on a contact flagged because their phone or email is on the suppression list.
SUPPRESSED_REASON = "objected before (suppression list)"


class DncReasonCode(StrEnum):
    """A do-not-contact reason written by the app, not typed by the user."""

    SUPPRESSED = "suppressed"


_CODES = {SUPPRESSED_REASON: DncReasonCode.SUPPRESSED}


def dnc_reason_code(stored: str) -> DncReasonCode | None:
    """The code of a reason the app wrote; None for a reason the user typed."""
    return _CODES.get(stored.strip())
