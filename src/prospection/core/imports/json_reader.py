"""Prospection's own JSON export, read back into the columns of its CSV export.

Each contact becomes one row (a prospect without contact, one row of its own), with the
same column names as the CSV export, so that the "prospection" layout maps it and an
export imported back changes nothing.
"""

from __future__ import annotations

import json
from typing import Any

from prospection.core.imports.fields import (
    EXPORT_COLUMNS,
    MULTI_SEPARATOR,
    OWNER_HEADER,
    TAG_SEPARATOR,
    Field,
)

_PROSPECT_KEYS = {
    Field.COMPANY: "name",
    Field.WEBSITE: "website",
    Field.INDUSTRY: "industry",
    Field.SIZE: "size",
    Field.ADDRESS: "address",
    Field.POSTAL_CODE: "postal_code",
    Field.CITY: "city",
    Field.COUNTRY: "country",
    Field.STAGE: "stage",
    Field.PAINS: "pains",
    Field.PITCH: "pitch",
    Field.NOTES: "notes",
}
_CONTACT_KEYS = {
    Field.FIRST_NAME: "first_name",
    Field.LAST_NAME: "last_name",
    Field.TITLE: "title",
    Field.EMAIL: "email",
    Field.LINKEDIN: "linkedin_url",
}
_PHONE_KINDS = {
    Field.PHONE_WORK: "work",
    Field.PHONE_MOBILE: "mobile",
    Field.PHONE_SWITCHBOARD: "switchboard",
    Field.PHONE_HOME: "home",
    Field.PHONE_OTHER: "other",
}


def looks_like_our_json(text: str) -> bool:
    """Whether `text` starts like Prospection's JSON export."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    return head.startswith("{") and '"prospects"' in head


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _neutralised(text: str) -> str:
    # The import removes the apostrophe our spreadsheet exports put before a formula
    # sign; a JSON value is the text itself, so the same apostrophe is added here.
    from prospection.core.exports import neutralise

    return neutralise(text)


def read_json(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and rows of a Prospection JSON export; ValueError when it is not one."""
    document = json.loads(text.lstrip("\ufeff"))
    if not isinstance(document, dict) or not isinstance(document.get("prospects"), list):
        raise ValueError("not a Prospection JSON export")
    fields = [field for field, _ in EXPORT_COLUMNS]
    extra_keys: list[str] = []
    cells_of_rows: list[tuple[dict[Field, str], dict[str, str]]] = []
    for prospect in document["prospects"]:
        if not isinstance(prospect, dict):
            raise ValueError("not a Prospection JSON export")
        base = {field: _text(prospect.get(key)) for field, key in _PROSPECT_KEYS.items()}
        if "is_consumer" in prospect:
            base[Field.CONSUMER] = "yes" if prospect.get("is_consumer") is True else "no"
        tags = prospect.get("tags")
        if isinstance(tags, list):
            base[Field.TAGS] = TAG_SEPARATOR.join(_text(t) for t in tags)
        for contact in prospect.get("contacts") or [None]:
            cells = dict(base)
            extra: dict[str, str] = {}
            if isinstance(contact, dict):
                for field, key in _CONTACT_KEYS.items():
                    cells[field] = _text(contact.get(key))
                role = _text(contact.get("role"))
                cells[Field.ROLE] = "" if role == "other" else role
                phones = [p for p in contact.get("phones") or [] if isinstance(p, dict)]
                for field, kind in _PHONE_KINDS.items():
                    cells[field] = MULTI_SEPARATOR.join(
                        _text(p.get("raw")) for p in phones if p.get("kind") == kind
                    )
                for key, value in (contact.get("extra_fields") or {}).items():
                    extra[str(key)] = _text(value)
                    if str(key) not in extra_keys:
                        extra_keys.append(str(key))
            cells_of_rows.append((cells, extra))
    # A team's export: each prospect's owner (a label), then the contacts' extra fields.
    if any(isinstance(p, dict) and "owner" in p for p in document["prospects"]):
        owners = [_text(p.get("owner")) for p in document["prospects"]]
        by_row = [
            owner
            for owner, p in zip(owners, document["prospects"], strict=True)
            for _ in p.get("contacts") or [None]
        ]
        for (_, extra), owner in zip(cells_of_rows, by_row, strict=True):
            extra[OWNER_HEADER] = owner
        extra_keys.insert(0, OWNER_HEADER)
    header = [name for _, name in EXPORT_COLUMNS] + extra_keys
    rows = [
        (
            number,
            [_neutralised(cells.get(field, "")) for field in fields]
            + [_neutralised(extra.get(key, "")) for key in extra_keys],
        )
        for number, (cells, extra) in enumerate(cells_of_rows, start=1)
    ]
    return header, rows
