"""Settings stored with the data (they belong to the prospect file, not the machine)."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from prospection.core.models import Setting

T = TypeVar("T")


def get_setting(session: Session, key: str, default: T) -> T:
    """The stored value of `key`, or `default` when it was never set."""
    row = session.get(Setting, key)
    if row is None:
        return default
    value: T = row.value
    return value


def set_setting(session: Session, key: str, value: Any) -> None:
    """Store `value` (any JSON value) under `key`."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
