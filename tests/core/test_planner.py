"""The planner's arithmetic against hand-computed cases, and portfolio concentration."""

from __future__ import annotations

from datetime import date

import pytest

from prospection.core.db import Database
from prospection.core.enums import Outcome
from prospection.core.insights import Funnel
from prospection.core.planner import (
    BENCHMARK_RATES,
    PlannerInputs,
    Rate,
    RateSource,
    choose_rates,
    concentration,
    gather_inputs,
    plan,
    plan_as_json,
    save_choices,
)
from tests.goal_data import PARIS, at, client, log_calls, prospect


def _rates(reach: float, conversation: float, meeting: float, close: float) -> dict[str, Rate]:
    values = {"reach": reach, "conversation": conversation, "meeting": meeting, "close": close}
    return {k: Rate(k, v, RateSource.USER) for k, v in values.items()}


def _benchmarks() -> dict[str, Rate]:
    return {k: Rate(k, v, RateSource.DEFAULT) for k, (v, _) in BENCHMARK_RATES.items()}


def test_plan_with_round_rates() -> None:
    # 10 clients x 20% = 2 lost; + 2 growth = 4 new clients a year.
    # 4 / 25% = 16 meetings; / 10% = 160 conversations; / 50% = 320 reached;
    # / 10% = 3,200 calls; / 40 weeks = 80 calls, 8 reached, 4 conversations,
    # 0.4 -> 1 meeting a week (rounded up), 0.1 -> 0 new clients.
    inputs = PlannerInputs(
        clients=10,
        revenues=(),
        attrition=0.2,
        growth=2,
        working_weeks=40,
        rates=_rates(0.10, 0.5, 0.10, 0.25),
    )
    result = plan(inputs)
    assert result.lost_per_year == pytest.approx(2)
    assert result.new_clients_per_year == pytest.approx(4)
    assert result.yearly == pytest.approx(
        {"meetings": 16, "conversations": 160, "reached": 320, "calls": 3200}
    )
    assert result.weekly == {
        "calls": 80,
        "reached": 8,
        "conversations": 4,
        "meetings": 1,
        "new_clients": 0,
    }
    assert [s.key for s in result.steps] == [
        "lost",
        "new_clients",
        "meetings",
        "conversations",
        "reached",
        "calls",
        "weekly",
    ]
    assert result.problem is None


def test_plan_with_the_published_benchmarks() -> None:
    # 20 x 15% = 3 lost + 2 = 5; / 20% = 25 meetings; / 4.6% = 543.48 conversations;
    # / 58% = 937.03 reached; / 9.9% = 9,464.96 calls; / 46 weeks = 205.8 -> 206 a week.
    inputs = PlannerInputs(clients=20, revenues=(), growth=2, rates=_benchmarks())
    result = plan(inputs)
    assert result.yearly is not None
    assert result.yearly["calls"] == pytest.approx(9464.96, abs=0.01)
    assert result.weekly == {
        "calls": 206,
        "reached": 21,
        "conversations": 12,
        "meetings": 1,
        "new_clients": 0,
    }
    assert "206 calls a week" in result.steps[-1].text


def test_a_zero_rate_gives_no_plan_and_says_why() -> None:
    inputs = PlannerInputs(clients=5, revenues=(), growth=1, rates=_rates(0.1, 0.5, 0.0, 0.2))
    result = plan(inputs)
    assert result.weekly is None
    assert result.problem is not None and "meeting" in result.problem


def test_concentration_of_an_uneven_portfolio() -> None:
    # Shares 50/30/10/10: HHI = 2500 + 900 + 100 + 100 = 3600 points, as 2.8 equal clients.
    # Losing the 50 takes 50 / (50/3) = 3 average clients; at 100 calls a week and a
    # funnel yield of 0.1 x 0.5 x 0.1 x 0.25 = 0.125% that is 0.125 a week: 24 weeks.
    inputs = PlannerInputs(
        clients=5,
        revenues=(10.0, 50.0, 30.0, 10.0),
        rates=_rates(0.1, 0.5, 0.1, 0.25),
        weekly_calls_now=100,
    )
    risk = concentration(inputs)
    assert risk.largest_share == pytest.approx(0.5)
    assert risk.top3_share == pytest.approx(0.9)
    assert risk.herfindahl == pytest.approx(3600)
    assert risk.equivalent_clients == pytest.approx(2.8)
    assert risk.warning
    assert risk.clients_without_revenue == 1
    assert risk.replace_largest_clients == 3
    assert risk.replace_largest_weeks == pytest.approx(24)


def test_concentration_of_an_even_portfolio() -> None:
    risk = concentration(PlannerInputs(clients=10, revenues=(10.0,) * 10))
    assert risk.herfindahl == pytest.approx(1000)
    assert risk.largest_share == pytest.approx(0.1)
    assert not risk.warning
    assert risk.replace_largest_clients == 1
    assert risk.replace_largest_weeks is None  # no pace yet: no promise


def test_concentration_without_revenue_or_with_one_client() -> None:
    empty = concentration(PlannerInputs(clients=3, revenues=()))
    assert empty.largest_share is None and not empty.warning
    alone = concentration(PlannerInputs(clients=1, revenues=(1000.0,)))
    assert alone.herfindahl == pytest.approx(10_000)
    assert alone.replace_largest_clients == 1


def test_rates_measured_only_with_enough_events() -> None:
    measured = Funnel(date(2026, 9, 1), date(2026, 11, 29), 100, 20, 10, 2, 0)
    rates = choose_rates(measured, {"conversation": 0.7})
    assert rates["reach"].source == RateSource.MEASURED
    assert rates["reach"].value == pytest.approx(0.2)
    assert (rates["reach"].successes, rates["reach"].events) == (20, 100)
    assert rates["conversation"].source == RateSource.USER  # the user's saved default
    assert rates["conversation"].value == pytest.approx(0.7)
    assert rates["meeting"].source == RateSource.DEFAULT
    assert "Belkins" in rates["meeting"].reference
    assert rates["close"].source == RateSource.DEFAULT


def test_gather_inputs_from_the_data(db: Database) -> None:
    today = date(2026, 11, 27)
    with db.session() as session:
        client(session, "Big", 60_000.0)
        client(session, "Small", 20_000.0)
        client(session, "Unknown", None)
        p = prospect(session, "Target")
        # 40 calls in the last 90 days, 8 reaching someone: a measured 20% reach rate.
        log_calls(session, p, at(2026, 11, 2), Outcome.NO_ANSWER, count=32)
        log_calls(session, p, at(2026, 11, 3), Outcome.GATEKEEPER, count=8)
        # Too old to count in the rates.
        log_calls(session, p, at(2026, 6, 1), Outcome.CONVERSATION, count=50)
        inputs = gather_inputs(session, today, PARIS)
    assert inputs.clients == 3
    assert sorted(inputs.revenues) == [20_000.0, 60_000.0]
    assert inputs.attrition == pytest.approx(0.15)
    assert inputs.rates["reach"].source == RateSource.MEASURED
    assert inputs.rates["reach"].value == pytest.approx(0.2)
    assert inputs.rates["conversation"].source == RateSource.DEFAULT
    assert inputs.weekly_calls_now > 0


def test_saved_choices_come_back(db: Database) -> None:
    today = date(2026, 11, 27)
    with db.session() as session:
        inputs = gather_inputs(session, today, PARIS)
        edited = PlannerInputs(
            clients=inputs.clients,
            revenues=inputs.revenues,
            attrition=0.25,
            growth=4,
            working_weeks=44,
            rates=inputs.rates,
        ).with_rate("close", 0.3)
        save_choices(session, edited)
    with db.session() as session:
        again = gather_inputs(session, today, PARIS)
    assert (again.attrition, again.growth, again.working_weeks) == (0.25, 4, 44)
    assert again.rates["close"].value == pytest.approx(0.3)
    assert again.rates["close"].source == RateSource.USER


def test_plan_as_json_names_each_rate_source() -> None:
    inputs = PlannerInputs(clients=4, revenues=(5.0, 5.0), growth=1, rates=_benchmarks())
    data = plan_as_json(plan(inputs))
    assert data["inputs"]["rates"]["reach"]["source"] == "default"
    assert data["outputs"]["weekly"]["calls"] > 0
    assert data["concentration"]["largest_share"] == 0.5
