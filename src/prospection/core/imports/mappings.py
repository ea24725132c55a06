"""Column mappings the user chose, remembered per header for the next file like it."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from prospection.core.imports.fields import Field, Mapping
from prospection.core.imports.layouts import header_signature
from prospection.core.settings import get_setting, set_setting

_PREFIX = "import.mapping."
_UNMAPPED = ""


def remembered_mapping(session: Session, headers: Sequence[str]) -> Mapping | None:
    """The mapping last used for this header, if any (and still the right width)."""
    stored = get_setting(session, _PREFIX + header_signature(headers), None)
    if not isinstance(stored, list) or len(stored) != len(headers):
        return None
    mapping: Mapping = []
    for value in stored:
        if value == _UNMAPPED:
            mapping.append(None)
            continue
        try:
            mapping.append(Field(value))
        except ValueError:
            return None
    return mapping


def remember_mapping(session: Session, headers: Sequence[str], mapping: Mapping) -> None:
    """Remember `mapping` for files with this header."""
    values = [field.value if field is not None else _UNMAPPED for field in mapping]
    set_setting(session, _PREFIX + header_signature(headers), values)
