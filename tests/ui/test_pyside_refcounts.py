"""PySide6 must keep the reference counts of None and True balanced.

PySide6 6.12.0 on CPython 3.11 (where None and True are not immortal) took one reference
from None on every call of a method returning nothing, and one from True on every signal
emit: the interpreter aborted ("none_dealloc") after a few thousand clicks. pyproject.toml
excludes that release; this test fails on any release with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

CALLS = 2000


class _Source(QObject):
    ping = Signal(int)


def test_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        widget.setEnabled(True)
        widget.setToolTip("")
    assert before - sys.getrefcount(None) < CALLS // 10


def test_signal_emits_keep_true_alive(qtbot: QtBot) -> None:
    source = _Source()
    received: list[int] = []
    source.ping.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(CALLS):
        source.ping.emit(number)
    assert before - sys.getrefcount(True) < CALLS // 10
    assert len(received) == CALLS
