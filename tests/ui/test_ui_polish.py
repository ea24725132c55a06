"""Issue 15 (items 7 to 11): keyboard walk-through defects, each driven by keys or reads."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from prospection.core.db import Database
from prospection.core.enums import Outcome
from prospection.core.weekly_goals import set_targets
from prospection.core.weeks import Week
from prospection.ui.data_events import DataEvents
from prospection.ui.goals.goal_labels import metric_label
from prospection.ui.goals.goal_panel import WeeklyGoalPanel
from tests.goal_data import log_calls, prospect


@pytest.fixture
def events() -> DataEvents:
    return DataEvents()


# ------------------------------------------------------------------ 8. weekly strip


def test_strip_says_met_only_for_the_measure_that_is_met(
    qtbot: QtBot, db: Database, events: DataEvents
) -> None:
    from datetime import datetime

    with db.session() as session:
        set_targets(session, Week.current(), calls=2, reached=8)
        row = prospect(session)
        log_calls(session, row, datetime.now().astimezone(), Outcome.NO_ANSWER, count=2)
        log_calls(session, row, datetime.now().astimezone(), Outcome.CONVERSATION, count=7)
    panel = WeeklyGoalPanel(db, events)
    qtbot.addWidget(panel)
    assert panel.bars.bars["reached"].text == "7 / 8"
    # The "met" of the strip names the measure it is about (calls), not the reached bar.
    assert metric_label("calls") in panel.pace.text()
    assert "met" in panel.pace.text()
    assert not panel.bars.bars["reached"].progress.met  # type: ignore[union-attr]


def test_a_measure_without_target_is_not_an_empty_box(
    qtbot: QtBot, db: Database, events: DataEvents
) -> None:
    panel = WeeklyGoalPanel(db, events)
    qtbot.addWidget(panel)
    panel.show()
    new_clients = panel.bars.bars["new_clients"]
    assert new_clients.progress is not None and new_clients.progress.target == 0
    assert new_clients.bar.isHidden()
    assert new_clients.count.isVisible()
    assert new_clients.count.text() == "0"
    calls = panel.bars.bars["calls"]
    assert calls.bar.isVisible() and calls.count.isHidden()
