"""The calling rules' reasons in the user's language (for the call queue's "left out" list)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from prospection.core.calling_rules import Reason

translate = QCoreApplication.translate


def calling_rule_labels() -> dict[str, str]:
    """Each reason code of `core.calling_rules.Reason`, translated."""

    return {
        Reason.ALLOWED.value: translate("CallingRules", "may be called now"),
        Reason.DO_NOT_CONTACT.value: translate("CallingRules", "asked not to be called"),
        Reason.NO_CONSENT.value: translate(
            "CallingRules",
            "no recorded consent to be called (required for consumers since 11 August 2026)",
        ),
        Reason.REFUSED_RECENTLY.value: translate("CallingRules", "said no less than 60 days ago"),
        Reason.TOO_MANY_CALLS.value: translate(
            "CallingRules", "at the limit of 4 calls in 30 days"
        ),
        Reason.PUBLIC_HOLIDAY.value: translate(
            "CallingRules", "no calls to consumers on public holidays"
        ),
        Reason.WEEKEND.value: translate(
            "CallingRules", "no calls to consumers on Saturdays and Sundays"
        ),
        Reason.OUTSIDE_HOURS.value: translate("CallingRules", "outside calling hours"),
    }


def calling_rule_label(code: str) -> str | None:
    """The translated reason for `code`, or None when it is not a calling-rule code."""
    return calling_rule_labels().get(code)


def calling_rules_help() -> str:
    """Why the queue leaves consumers out (a tooltip citing the law)."""
    return QCoreApplication.translate(
        "CallingRules",
        "French rules for calling consumers (décret n° 2022-1313 of 13 October 2022): "
        "weekdays 10:00–13:00 and 14:00–20:00, never on weekends or public holidays, at "
        "most 4 calls in 30 days, and none for 60 days after a refusal. Since 11 August "
        "2026 (loi n° 2025-594), only with the person's recorded prior consent, except "
        "for clients under contract.",
    )
