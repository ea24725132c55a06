"""Translated names of fields, fates and layouts for the import and export screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from prospection.core.imports import Fate, Field

translate = QCoreApplication.translate


def field_label(field: Field | None) -> str:
    """The name of a target field (None: kept as an extra field)."""
    labels = {
        None: translate("ImportLabels", "Keep as extra field"),
        Field.SKIP: translate("ImportLabels", "Leave out"),
        Field.COMPANY: translate("ImportLabels", "Company"),
        Field.FULL_NAME: translate("ImportLabels", "Full name"),
        Field.FIRST_NAME: translate("ImportLabels", "First name"),
        Field.LAST_NAME: translate("ImportLabels", "Last name"),
        Field.TITLE: translate("ImportLabels", "Job title"),
        Field.ROLE: translate("ImportLabels", "Role"),
        Field.EMAIL: translate("ImportLabels", "Email"),
        Field.PHONE: translate("ImportLabels", "Phone"),
        Field.PHONE_WORK: translate("ImportLabels", "Work phone"),
        Field.PHONE_MOBILE: translate("ImportLabels", "Mobile phone"),
        Field.PHONE_SWITCHBOARD: translate("ImportLabels", "Switchboard"),
        Field.PHONE_HOME: translate("ImportLabels", "Home phone"),
        Field.PHONE_OTHER: translate("ImportLabels", "Other phone"),
        Field.LINKEDIN: translate("ImportLabels", "LinkedIn"),
        Field.WEBSITE: translate("ImportLabels", "Website"),
        Field.ADDRESS: translate("ImportLabels", "Address"),
        Field.POSTAL_CODE: translate("ImportLabels", "Postal code"),
        Field.CITY: translate("ImportLabels", "City"),
        Field.COUNTRY: translate("ImportLabels", "Country"),
        Field.INDUSTRY: translate("ImportLabels", "Industry"),
        Field.SIZE: translate("ImportLabels", "Size"),
        Field.STAGE: translate("ImportLabels", "Stage"),
        Field.PAINS: translate("ImportLabels", "Pains"),
        Field.PITCH: translate("ImportLabels", "Pitch"),
        Field.NOTES: translate("ImportLabels", "Notes"),
        Field.TAGS: translate("ImportLabels", "Tags"),
        Field.CONSUMER: translate("ImportLabels", "Consumer (yes/no)"),
        Field.OWNER: translate("ImportLabels", "Owner (a colleague's name or email)"),
    }
    return labels[field]


def fate_label(fate: Fate) -> str:
    """What happens to a row, in words."""
    return {
        Fate.NEW_PROSPECT: translate("ImportLabels", "New prospect"),
        Fate.NEW_CONTACT: translate("ImportLabels", "New contact at a known prospect"),
        Fate.MERGE: translate("ImportLabels", "Duplicate, merged"),
        Fate.POSSIBLE_DUPLICATE: translate("ImportLabels", "Possible duplicate: confirm"),
        Fate.INVALID: translate("ImportLabels", "Invalid"),
    }[fate]


def fate_filter_label(fate: Fate) -> str:
    """A kind of row, as the preview's filter lists them."""
    return {
        Fate.NEW_PROSPECT: translate("ImportLabels", "New prospects"),
        Fate.NEW_CONTACT: translate("ImportLabels", "New contacts at known prospects"),
        Fate.MERGE: translate("ImportLabels", "Duplicates merged"),
        Fate.POSSIBLE_DUPLICATE: translate("ImportLabels", "Possible duplicates"),
        Fate.INVALID: translate("ImportLabels", "Invalid rows"),
    }[fate]


def layout_label(key: str) -> str:
    """The name of a recognised source."""
    return {
        "prospection": translate("ImportLabels", "Prospection export"),
        "vcard": translate("ImportLabels", "vCard"),
        "outlook": translate("ImportLabels", "Microsoft Outlook (English)"),
        "outlook-fr": translate("ImportLabels", "Microsoft Outlook (French)"),
        "outlook-de": translate("ImportLabels", "Microsoft Outlook (German)"),
        "google": translate("ImportLabels", "Google Contacts"),
        "linkedin": translate("ImportLabels", "LinkedIn connections"),
        "hubspot": translate("ImportLabels", "HubSpot contacts"),
        "pipedrive-people": translate("ImportLabels", "Pipedrive people"),
        "pipedrive-organizations": translate("ImportLabels", "Pipedrive organisations"),
        "sirene": translate("ImportLabels", "INSEE SIRENE register"),
        "generic": translate("ImportLabels", "Other (recognised by column names)"),
    }.get(key, key)
