"""Translated messages for the problems the editing API reports on fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from prospection.core import limits
from prospection.core.prospect_editing import FieldIssue, IssueCode
from prospection.ui.calling_rule_labels import calling_rule_label


def field_label(name: str) -> str:
    """A translated name for a field path such as "email" or "contacts[0].phones[1]"."""
    base = name.split(".")[-1].split("[")[0]
    labels = {
        "name": QCoreApplication.translate("IssueText", "Name"),
        "email": QCoreApplication.translate("IssueText", "Email"),
        "phones": QCoreApplication.translate("IssueText", "Phone"),
        "priority": QCoreApplication.translate("IssueText", "Priority"),
        "stage": QCoreApplication.translate("IssueText", "Stage"),
        "country": QCoreApplication.translate("IssueText", "Country"),
        "yearly_revenue": QCoreApplication.translate("IssueText", "Yearly revenue"),
        "tags": QCoreApplication.translate("IssueText", "Tags"),
        "ends_at": QCoreApplication.translate("IssueText", "End"),
        "duration_seconds": QCoreApplication.translate("IssueText", "Duration"),
        "contact_id": QCoreApplication.translate("IssueText", "Contact"),
        "notes": QCoreApplication.translate("IssueText", "Notes"),
        "pains": QCoreApplication.translate("IssueText", "Their problems"),
        "pitch": QCoreApplication.translate("IssueText", "How we help them"),
        "city": QCoreApplication.translate("IssueText", "City"),
        "address": QCoreApplication.translate("IssueText", "Address"),
        "first_name": QCoreApplication.translate("IssueText", "First name"),
        "last_name": QCoreApplication.translate("IssueText", "Last name"),
        "website": QCoreApplication.translate("IssueText", "Website"),
        "industry": QCoreApplication.translate("IssueText", "Industry"),
        "size": QCoreApplication.translate("IssueText", "Size"),
        "postal_code": QCoreApplication.translate("IssueText", "Postcode"),
        "next_action_at": QCoreApplication.translate("IssueText", "Next action date"),
        "next_action_text": QCoreApplication.translate("IssueText", "Next action"),
        "is_consumer": QCoreApplication.translate("IssueText", "Consumer"),
        "client_since": QCoreApplication.translate("IssueText", "Client since"),
        "owner_id": QCoreApplication.translate("IssueText", "Owner"),
        "title": QCoreApplication.translate("IssueText", "Job title"),
        "role": QCoreApplication.translate("IssueText", "Role"),
        "linkedin_url": QCoreApplication.translate("IssueText", "LinkedIn"),
    }
    return labels.get(base, base)


def issue_text(issue: FieldIssue) -> str:
    """What is wrong, in the interface's language."""
    code = issue.code
    if code == IssueCode.REQUIRED:
        return QCoreApplication.translate("IssueText", "{field} is needed.").format(
            field=field_label(issue.field)
        )
    if code == IssueCode.TOO_LONG:
        return QCoreApplication.translate(
            "IssueText", "{field} is too long (at most {limit} characters)."
        ).format(
            field=field_label(issue.field),
            limit=QLocale().toString(limits.max_length(issue.field)),
        )
    if code == IssueCode.INVALID_EMAIL:
        return QCoreApplication.translate(
            "IssueText", "“{value}” does not look like an email address (name@example.com)."
        ).format(value=issue.value)
    if code == IssueCode.UNPARSED_PHONE:
        return QCoreApplication.translate(
            "IssueText", "“{value}” is not a phone number we recognise; it is kept as typed."
        ).format(value=issue.value)
    if code == IssueCode.OUT_OF_RANGE:
        return QCoreApplication.translate(
            "IssueText", "{field}: this value is out of range."
        ).format(field=field_label(issue.field))
    if code == IssueCode.INVALID_COUNTRY:
        return QCoreApplication.translate("IssueText", "Country: a two-letter code such as FR.")
    if code == IssueCode.EMPTY_CONTACT:
        return QCoreApplication.translate(
            "IssueText", "A contact needs at least a name, a title, a phone or an email."
        )
    if code == IssueCode.NOT_FOUND:
        return QCoreApplication.translate("IssueText", "This was deleted meanwhile.")
    if code == IssueCode.CHANGED_MEANWHILE:
        return QCoreApplication.translate(
            "IssueText",
            "Someone else changed this meanwhile: nothing was saved. Your changes are still here.",
        )
    if code == IssueCode.CALLING_RULE:
        return calling_rule_label(issue.value) or issue.message
    return QCoreApplication.translate("IssueText", "{field}: this value cannot be used.").format(
        field=field_label(issue.field)
    )
