"""The weekly-goal panel, targets editor, planner dialog and insights window."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from pytestqt.qtbot import QtBot

from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.planner import RateSource
from prospection.core.prospect_editing import ActivityInput, log_activity
from prospection.core.weekly_goals import set_targets, targets_for
from prospection.core.weeks import Week
from prospection.paths import resources_dir
from prospection.ui.data_events import DataEvents
from prospection.ui.goals.goal_panel import WeeklyGoalDock, WeeklyGoalPanel
from prospection.ui.goals.insights_window import InsightsWindow
from prospection.ui.goals.planner_dialog import PlannerDialog
from prospection.ui.goals.targets_dialog import TargetsDialog
from prospection.ui.goals.week_bars import WeekBars
from tests.goal_data import client, log_calls, prospect


@pytest.fixture
def events() -> DataEvents:
    return DataEvents()


@pytest.fixture
def prospect_id(db: Database) -> int:
    with db.session() as session:
        return prospect(session).id


def _log_call(db: Database, events: DataEvents, prospect_id: int, outcome: Outcome) -> None:
    """What any screen does: write through core, commit, then tell everyone."""
    with db.session() as session:
        result = log_activity(
            session, prospect_id, ActivityInput(kind=ActivityKind.CALL, outcome=outcome)
        )
        assert result.ok, result
    events.activities_changed.emit()


def test_logging_a_call_moves_the_bar(
    qtbot: QtBot, db: Database, events: DataEvents, prospect_id: int
) -> None:
    panel = WeeklyGoalPanel(db, events)
    qtbot.addWidget(panel)
    calls = panel.bars.bars["calls"]
    assert calls.text == "0 / 40"
    assert calls.bar.value() == 0
    _log_call(db, events, prospect_id, Outcome.CONVERSATION)
    qtbot.waitUntil(lambda: calls.text == "1 / 40")
    assert calls.bar.value() == 1
    assert panel.bars.bars["conversations"].text == "1 / 5"
    assert panel.bars.bars["reached"].text == "1 / 8"
    assert panel.bars.bars["meetings"].text == "0 / 2"


def test_meeting_a_target_is_acknowledged_once(
    qtbot: QtBot, db: Database, events: DataEvents, prospect_id: int
) -> None:
    with db.session() as session:
        set_targets(session, Week.current(), calls=2, meetings=1)
    panel = WeeklyGoalPanel(db, events)
    qtbot.addWidget(panel)
    assert panel.acknowledgement.isHidden()
    _log_call(db, events, prospect_id, Outcome.MEETING_BOOKED)
    qtbot.waitUntil(lambda: panel.bars.bars["meetings"].text == "1 / 1")
    assert not panel.acknowledgement.isHidden()
    assert "Meetings" in panel.acknowledgement.text()
    _log_call(db, events, prospect_id, Outcome.NO_ANSWER)
    qtbot.waitUntil(lambda: panel.bars.bars["calls"].text == "2 / 2")
    assert "goal met" in panel.acknowledgement.text()
    assert panel.status is not None and panel.status.goal_met


def test_expanding_shows_twelve_weeks(
    qtbot: QtBot, db: Database, events: DataEvents, prospect_id: int
) -> None:
    last_week = Week.current().previous()
    with db.session() as session:
        p = prospect(session, "Earlier")
        monday = datetime.combine(last_week.monday, time(10)).astimezone()
        log_calls(session, p, monday, Outcome.NO_ANSWER, count=7)
    dock = WeeklyGoalDock(db, events)
    qtbot.addWidget(dock)
    panel = dock.panel
    qtbot.waitUntil(lambda: panel.status is not None)  # the dock reads once the loop runs
    assert panel.charts is None  # built only when first shown
    with qtbot.waitSignal(panel.expandedChanged):
        panel.more.setChecked(True)
    assert panel.charts is not None
    values = panel.charts.calls.values()
    assert len(values) == 12
    assert values[-2:] == [7.0, 0.0]
    assert panel.charts.calls.weeks_axis.count() == 12
    panel.more.setChecked(False)
    assert not panel.is_expanded()


def test_targets_dialog_sets_this_week_only(qtbot: QtBot, db: Database, events: DataEvents) -> None:
    this_week = Week.current()
    panel = WeeklyGoalPanel(db, events)
    qtbot.addWidget(panel)
    dialog = TargetsDialog(db, events, this_week=this_week)
    qtbot.addWidget(dialog)
    assert dialog.spins["calls"].value() == 40
    dialog.spins["calls"].setValue(55)
    with qtbot.waitSignal(events.goals_changed):
        dialog.save()
    qtbot.waitUntil(lambda: panel.bars.bars["calls"].text == "0 / 55")
    with db.session() as session:
        assert targets_for(session, this_week.previous()).calls == 40
        assert targets_for(session, this_week.next()).calls == 55


def test_planner_dialog_shows_sources_and_applies_targets(
    qtbot: QtBot, db: Database, events: DataEvents
) -> None:
    with db.session() as session:
        client(session, "Big", 50_000.0, since=date(2024, 1, 1))
        client(session, "Small", 10_000.0, since=date(2024, 1, 1))
    dialog = PlannerDialog(db, events)
    qtbot.addWidget(dialog)
    reach = dialog.rates["reach"]
    assert reach.rate is not None and reach.rate.source == RateSource.DEFAULT
    assert "Belkins" in reach.badge.text()
    assert "Each week" in dialog.headline.text()
    assert "Largest client" in dialog.risk.text()
    before = dialog.plan_result.weekly
    assert before is not None
    reach.spin.setValue(20.0)  # the user's own figure: twice the benchmark
    assert reach.rate.source == RateSource.USER
    assert "Your figure" in reach.badge.text()
    after = dialog.plan_result.weekly
    assert after is not None and after["calls"] < before["calls"]
    with qtbot.waitSignal(events.goals_changed):
        dialog.apply_button.click()
    with db.session() as session:
        targets = targets_for(session, Week.current())
    assert targets.calls == after["calls"]
    assert targets.meetings == after["meetings"]


def test_planner_says_when_a_rate_is_zero(qtbot: QtBot, db: Database, events: DataEvents) -> None:
    dialog = PlannerDialog(db, events)
    qtbot.addWidget(dialog)
    dialog.rates["meeting"].spin.setValue(0.0)
    assert dialog.plan_result.weekly is None
    assert not dialog.apply_button.isEnabled()
    assert "zero" in dialog.headline.text()


def test_insights_draw_no_conclusion_from_few_calls(
    qtbot: QtBot, db: Database, events: DataEvents, prospect_id: int
) -> None:
    today = date.today()
    window = InsightsWindow(db, events, today=today)
    qtbot.addWidget(window)
    assert "Not enough calls" in window.best.text()
    with db.session() as session:
        p = prospect(session, "Slot")
        # Twelve calls in one hour slot two weeks ago, a weekday at 10:00.
        day = today - timedelta(days=14)
        while day.weekday() > 4:
            day -= timedelta(days=1)
        at = datetime.combine(day, time(10, 15)).astimezone()
        log_calls(session, p, at, Outcome.CONVERSATION, count=3)
        log_calls(session, p, at, Outcome.NO_ANSWER, count=9)
    events.activities_changed.emit()
    assert window.data is not None and window.data.funnel.calls == 12
    item = window.heat.item(day.weekday(), 10 - 8)
    assert item is not None and item.text() == "25% (12)"
    assert "Best so far" in window.best.text()
    assert "Calls" in window.funnel.text()


def test_bars_alone_for_other_screens(
    qtbot: QtBot, db: Database, events: DataEvents, prospect_id: int
) -> None:
    bars = WeekBars(db, events, metrics=("calls", "meetings"))
    qtbot.addWidget(bars)
    assert set(bars.bars) == {"calls", "meetings"}
    with qtbot.waitSignal(bars.refreshed):
        _log_call(db, events, prospect_id, Outcome.VOICEMAIL)
    assert bars.bars["calls"].text == "1 / 40"


def test_panel_in_french(qtbot: QtBot, db: Database, events: DataEvents) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    folder = resources_dir() / "translations" / "fr"
    translators = []
    for name in ("ui.goals.goal_labels", "ui.goals.goal_panel"):
        translator = QTranslator()
        assert translator.load(str(folder / f"{name}.qm"))
        app.installTranslator(translator)
        translators.append(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        panel = WeeklyGoalPanel(db, events)
        qtbot.addWidget(panel)
        assert panel.title.text() == "Cette semaine"
        assert panel.bars.bars["calls"].name.text() == "Appels"
        assert panel.streak.text().startswith("Série")
    finally:
        QLocale.setDefault(previous)
        for translator in translators:
            app.removeTranslator(translator)
