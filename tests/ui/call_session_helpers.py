"""Scripted answers to the call session's prompts, and a session ready to work through."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from prospection.core.call_queue import QueueSource, QueueSpec, build_queue
from prospection.core.call_sessions import start_session
from prospection.core.db import Database
from prospection.ui.call_session import launcher, session_dialog
from tests.call_factories import NOW

Answer = Callable[[QDialog], bool]


class Prompts:
    """Stands in for `run_dialog`: answers each prompt with the next scripted answer.

    Every prompt shown is kept in `seen`, so tests check what the user was asked.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, settle: bool = False) -> None:
        # Scripted prompts close at machine speed: the keys that follow are meant, unless
        # a test checks the pause after a prompt (`settle`).
        if not settle:
            monkeypatch.setattr(session_dialog, "KEYS_SETTLE_SECONDS", 0.0)
        self.answers: list[Answer] = []
        self.seen: list[QDialog] = []
        self.texts: list[str] = []
        for module in (session_dialog, launcher):
            monkeypatch.setattr(module, "run_dialog", self)

    def then(self, answer: Answer) -> Prompts:
        self.answers.append(answer)
        return self

    def __call__(self, dialog: QDialog) -> bool:
        self.seen.append(dialog)
        text = getattr(dialog, "text", None)
        self.texts.append(text() if callable(text) else "")
        if not self.answers:
            return False
        return self.answers.pop(0)(dialog)


def accept(dialog: QDialog) -> bool:
    """Accept the prompt as it is (its defaults)."""
    return True


def yes(dialog: QDialog) -> bool:
    """Answer Yes to a question box."""
    assert isinstance(dialog, QMessageBox)
    return True


def no(dialog: QDialog) -> bool:
    """Answer No."""
    return False


def start(db: Database, size: int = 20, **spec: Any) -> int:
    """A stored session over every open prospect; its id."""
    queue_spec = QueueSpec(spec.pop("source", QueueSource.ALL), size=size, **spec)
    with db.session() as session:
        state = start_session(session, queue_spec, build_queue(session, queue_spec, now=NOW))
    return state.id
