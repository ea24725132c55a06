"""Times tied to calls say their zone when the machine is not in the usual one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from prospection.core.call_queue import LeftOut
from prospection.ui import qt_dates
from prospection.ui.call_session.call_labels import left_out_label
from prospection.ui.call_session.follow_up_dialogs import CallBackDialog

MOMENT = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def _waiting() -> str:
    return left_out_label(LeftOut(1, "M. Petit", "weekend", "", MOMENT))


def test_times_say_the_zone_when_the_machine_is_elsewhere(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(qt_dates, "system_zone_id", lambda: "America/New_York")
    zone = qt_dates.zone_abbreviation(MOMENT)
    assert zone and zone[0].isalpha()
    assert _waiting().endswith(" " + zone)
    dialog = CallBackDialog("M. Petit", MOMENT, None)
    qtbot.addWidget(dialog)
    shown = dialog.findChild(qt_dates.QLabel, "zoneName")
    assert shown is not None and shown.text() == zone
    # The row's label still leads to the date (the box passes the focus on).
    assert dialog.when.parentWidget().focusProxy() is dialog.when


def test_times_go_without_zone_in_the_usual_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(qt_dates, "system_zone_id", lambda: qt_dates.USUAL_ZONE_ID)
    zone = qt_dates.zone_abbreviation(MOMENT)
    assert not _waiting().endswith(" " + zone)
    dialog = CallBackDialog("M. Petit", MOMENT, None)
    qtbot.addWidget(dialog)
    assert dialog.findChild(qt_dates.QLabel, "zoneName") is None


def test_a_zone_without_a_name_is_shown_as_an_offset() -> None:
    text = qt_dates.zone_abbreviation(MOMENT)
    assert text  # "UTC", "CET" or "UTC+01:00": never empty
