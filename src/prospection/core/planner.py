"""The honest planner: how much prospecting keeps and grows the client portfolio.

Working back from clients: new clients needed a year = clients lost to attrition plus
the growth wanted; each funnel rate (dial -> reached -> conversation -> meeting ->
client) turns that into meetings, conversations, people reached and calls, spread over
the working weeks of a year. Rates come from the user's own last 90 days once there are
enough events, otherwise from published benchmarks, and each says which.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prospection.core.enums import Stage
from prospection.core.insights import Funnel, funnel
from prospection.core.models import Prospect
from prospection.core.settings import get_setting, set_setting
from prospection.core.weekly_goals import average_weekly_calls
from prospection.core.weeks import Week

DEFAULT_ATTRITION = 0.15
#: 52 weeks less about five weeks of leave and one of public holidays.
DEFAULT_WORKING_WEEKS = 46
#: Days of history the rates are measured over, and the events needed to trust one.
MEASURE_DAYS = 90
MIN_EVENTS = 30
#: A client above this share of revenue is one loss away from a bad year.
LARGEST_SHARE_WARNING = 0.20

ATTRITION_SETTING = "planner.attrition"
GROWTH_SETTING = "planner.growth"
WORKING_WEEKS_SETTING = "planner.working_weeks"
DEFAULT_RATES_SETTING = "planner.default_rates"

#: The funnel rates, in order: dial->reached, reached->conversation, ->meeting, ->client.
RATE_KEYS: tuple[str, ...] = ("reach", "conversation", "meeting", "close")

BELKINS = (
    "Belkins 2025 cold-calling benchmarks, 175,000+ dials (belkins.io/blog/cold-calling-benchmarks)"
)
#: Published defaults, used until the user's own history is large enough.
BENCHMARK_RATES: dict[str, tuple[float, str]] = {
    "reach": (0.099, f"{BELKINS}: 9.9% of dials reach someone"),
    "conversation": (0.58, f"{BELKINS}: 58% of people reached become a conversation"),
    "meeting": (0.046, f"{BELKINS}: 4.6% of conversations book a meeting"),
    # No source we trust publishes this one for small businesses: say so.
    "close": (0.20, "Rule of thumb, not a published benchmark: one meeting in five"),
}


class RateSource(StrEnum):
    MEASURED = "measured"  # from the user's own last 90 days
    DEFAULT = "default"  # a published benchmark (or the rule of thumb for closing)
    USER = "user"  # typed in by the user


@dataclass(frozen=True)
class Rate:
    """One funnel rate, where it comes from, and the events it was measured on."""

    key: str
    value: float
    source: RateSource
    successes: int = 0
    events: int = 0
    reference: str = ""


@dataclass(frozen=True)
class PlannerInputs:
    """Everything the plan is computed from; the dialog lets the user change each."""

    clients: int
    revenues: tuple[float, ...]  # yearly revenue of the clients that have one
    attrition: float = DEFAULT_ATTRITION
    growth: float = 0.0  # new clients per year wanted beyond replacing losses
    working_weeks: int = DEFAULT_WORKING_WEEKS
    rates: dict[str, Rate] = field(default_factory=dict)
    weekly_calls_now: float = 0.0  # the user's current pace, for "weeks to replace"

    def with_rate(self, key: str, value: float) -> PlannerInputs:
        """A copy with one rate typed in by the user."""
        rates = dict(self.rates)
        rates[key] = Rate(key, value, RateSource.USER)
        return replace(self, rates=rates)


@dataclass(frozen=True)
class PlanStep:
    """One line of the arithmetic: `key` names it, `operands` and `result` are its numbers."""

    key: str
    operands: tuple[float, ...]
    result: float
    text: str  # English, for the CLI; the UI words it from key and numbers


@dataclass(frozen=True)
class Concentration:
    """How much the revenue depends on few clients."""

    clients_with_revenue: int
    clients_without_revenue: int
    total_revenue: float
    largest_revenue: float
    largest_share: float | None
    top3_share: float | None
    herfindahl: float | None  # sum of squared shares, 0..10,000 points
    equivalent_clients: float | None  # 10,000 / Herfindahl: as many equal clients
    warning: bool
    replace_largest_clients: int | None  # new clients of average size to replace it
    replace_largest_weeks: float | None  # at the current pace of calls


@dataclass(frozen=True)
class Plan:
    """The planner's answer."""

    inputs: PlannerInputs
    lost_per_year: float
    new_clients_per_year: float
    yearly: dict[str, float] | None  # meetings, conversations, reached, calls
    weekly: dict[str, int] | None  # calls, reached, conversations, meetings, new_clients
    steps: list[PlanStep]
    problem: str | None  # why no plan could be made (a zero rate), else None
    concentration: Concentration


def measured_rates(session: Session, today: date, tz: tzinfo | None = None) -> Funnel:
    """The funnel of the last MEASURE_DAYS days up to `today`."""
    return funnel(session, today - timedelta(days=MEASURE_DAYS - 1), today, tz)


def choose_rates(measured: Funnel, defaults: Mapping[str, float] | None = None) -> dict[str, Rate]:
    """Each rate measured when it rests on MIN_EVENTS events, else the default."""
    pairs = {
        "reach": (measured.reached, measured.calls),
        "conversation": (measured.conversations, measured.reached),
        "meeting": (measured.meetings, measured.conversations),
        "close": (measured.new_clients, measured.meetings),
    }
    result: dict[str, Rate] = {}
    for key in RATE_KEYS:
        successes, events = pairs[key]
        if events >= MIN_EVENTS:
            value = min(1.0, successes / events)
            result[key] = Rate(key, value, RateSource.MEASURED, successes, events, "")
        elif defaults and key in defaults:
            result[key] = Rate(key, defaults[key], RateSource.USER, successes, events, "")
        else:
            value, reference = BENCHMARK_RATES[key]
            result[key] = Rate(key, value, RateSource.DEFAULT, successes, events, reference)
    return result


def gather_inputs(session: Session, today: date, tz: tzinfo | None = None) -> PlannerInputs:
    """The planner's inputs from the data: clients, revenues, saved choices, rates, pace."""
    revenues = session.scalars(
        select(Prospect.yearly_revenue).where(Prospect.stage == Stage.CLIENT)
    ).all()
    clients = len(revenues)
    known = tuple(float(r) for r in revenues if r is not None and r > 0)
    saved_rates: dict[str, float] = get_setting(session, DEFAULT_RATES_SETTING, {})
    default_growth = float(max(1, round(clients * 0.1)))
    this_week = Week.of(today)
    pace = average_weekly_calls(session, this_week.previous(), tz=tz)
    if pace == 0:
        pace = average_weekly_calls(session, this_week, weeks=1, tz=tz)
    return PlannerInputs(
        clients=clients,
        revenues=known,
        attrition=float(get_setting(session, ATTRITION_SETTING, DEFAULT_ATTRITION)),
        growth=float(get_setting(session, GROWTH_SETTING, default_growth)),
        working_weeks=int(get_setting(session, WORKING_WEEKS_SETTING, DEFAULT_WORKING_WEEKS)),
        rates=choose_rates(measured_rates(session, today, tz), saved_rates),
        weekly_calls_now=round(pace, 1),
    )


def save_choices(session: Session, inputs: PlannerInputs) -> None:
    """Remember attrition, growth, working weeks and the rates the user typed in."""
    set_setting(session, ATTRITION_SETTING, inputs.attrition)
    set_setting(session, GROWTH_SETTING, inputs.growth)
    set_setting(session, WORKING_WEEKS_SETTING, inputs.working_weeks)
    typed = {k: r.value for k, r in inputs.rates.items() if r.source == RateSource.USER}
    saved: dict[str, float] = dict(get_setting(session, DEFAULT_RATES_SETTING, {}))
    saved.update(typed)
    set_setting(session, DEFAULT_RATES_SETTING, saved)


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def _num(value: float) -> str:
    return f"{value:,.1f}"


def concentration(inputs: PlannerInputs) -> Concentration:
    """Largest client's share, top three's, Herfindahl, and what losing the largest costs."""
    revenues = sorted(inputs.revenues, reverse=True)
    total = sum(revenues)
    without = max(0, inputs.clients - len(revenues))
    if total <= 0:
        return Concentration(0, without, 0.0, 0.0, None, None, None, None, False, None, None)
    shares = [r / total for r in revenues]
    hhi = sum(s * s for s in shares) * 10_000
    largest = revenues[0]
    others = revenues[1:]
    typical = sum(others) / len(others) if others else largest
    to_replace = max(1, math.ceil(largest / typical - 1e-9))
    funnel_yield = math.prod(r.value for r in inputs.rates.values()) if inputs.rates else 0.0
    clients_per_week = inputs.weekly_calls_now * funnel_yield
    weeks = to_replace / clients_per_week if clients_per_week > 0 else None
    return Concentration(
        clients_with_revenue=len(revenues),
        clients_without_revenue=without,
        total_revenue=total,
        largest_revenue=largest,
        largest_share=shares[0],
        top3_share=sum(shares[:3]),
        herfindahl=round(hhi, 1),
        equivalent_clients=round(10_000 / hhi, 1),
        warning=shares[0] >= LARGEST_SHARE_WARNING,
        replace_largest_clients=to_replace,
        replace_largest_weeks=round(weeks, 1) if weeks is not None else None,
    )


def plan(inputs: PlannerInputs) -> Plan:
    """Work back from clients to weekly calls, showing each step of the arithmetic."""
    steps: list[PlanStep] = []
    lost = inputs.clients * inputs.attrition
    steps.append(
        PlanStep(
            "lost",
            (inputs.clients, inputs.attrition),
            lost,
            f"{inputs.clients} clients x {_pct(inputs.attrition)} attrition = "
            f"{_num(lost)} clients lost a year",
        )
    )
    needed = lost + inputs.growth
    steps.append(
        PlanStep(
            "new_clients",
            (lost, inputs.growth),
            needed,
            f"{_num(lost)} to replace + {_num(inputs.growth)} growth = "
            f"{_num(needed)} new clients a year",
        )
    )
    risk = concentration(inputs)
    chain = (
        ("meetings", "close", "new clients", "meetings"),
        ("conversations", "meeting", "meetings", "conversations"),
        ("reached", "conversation", "conversations", "people reached"),
        ("calls", "reach", "people reached", "calls"),
    )
    yearly: dict[str, float] = {}
    upstream = needed
    for name, rate_key, upstream_words, words in chain:
        rate = inputs.rates.get(rate_key)
        if rate is None or rate.value <= 0:
            problem = f"the {rate_key} rate is zero: no number of calls reaches the goal"
            return Plan(inputs, lost, needed, None, None, steps, problem, risk)
        value = upstream / rate.value
        steps.append(
            PlanStep(
                name,
                (upstream, rate.value),
                value,
                f"{_num(upstream)} {upstream_words} / {_pct(rate.value)} {rate_key} rate = "
                f"{_num(value)} {words} a year",
            )
        )
        yearly[name] = value
        upstream = value
    weeks = max(1, inputs.working_weeks)
    weekly = {name: math.ceil(yearly[name] / weeks - 1e-9) for name in ("calls", "reached")}
    weekly["conversations"] = math.ceil(yearly["conversations"] / weeks - 1e-9)
    weekly["meetings"] = math.ceil(yearly["meetings"] / weeks - 1e-9)
    # A weekly target of a fraction of a client would always read 0 or 1: round it.
    weekly["new_clients"] = math.floor(needed / weeks + 0.5)
    steps.append(
        PlanStep(
            "weekly",
            (yearly["calls"], float(weeks)),
            float(weekly["calls"]),
            f"{_num(yearly['calls'])} calls / {weeks} working weeks = "
            f"{weekly['calls']} calls a week (rounded up)",
        )
    )
    return Plan(inputs, lost, needed, yearly, weekly, steps, None, risk)


def plan_as_json(result: Plan) -> dict[str, Any]:
    """The plan as plain JSON values (the CLI's `plan --json`)."""
    inputs = result.inputs
    risk = result.concentration
    return {
        "inputs": {
            "clients": inputs.clients,
            "clients_with_revenue": len(inputs.revenues),
            "total_yearly_revenue": round(sum(inputs.revenues), 2),
            "attrition": inputs.attrition,
            "growth_per_year": inputs.growth,
            "working_weeks": inputs.working_weeks,
            "weekly_calls_now": inputs.weekly_calls_now,
            "rates": {
                key: {
                    "value": round(rate.value, 4),
                    "source": rate.source.value,
                    "successes": rate.successes,
                    "events": rate.events,
                    "reference": rate.reference,
                }
                for key, rate in inputs.rates.items()
            },
            "measured_over_days": MEASURE_DAYS,
            "min_events": MIN_EVENTS,
        },
        "outputs": {
            "lost_per_year": round(result.lost_per_year, 2),
            "new_clients_per_year": round(result.new_clients_per_year, 2),
            "yearly": {k: round(v, 1) for k, v in result.yearly.items()} if result.yearly else None,
            "weekly": result.weekly,
            "steps": [step.text for step in result.steps],
            "problem": result.problem,
        },
        "concentration": {
            "clients_with_revenue": risk.clients_with_revenue,
            "clients_without_revenue": risk.clients_without_revenue,
            "largest_share": _round(risk.largest_share, 4),
            "top3_share": _round(risk.top3_share, 4),
            "herfindahl": risk.herfindahl,
            "equivalent_clients": risk.equivalent_clients,
            "warning": risk.warning,
            "warning_threshold": LARGEST_SHARE_WARNING,
            "replace_largest_clients": risk.replace_largest_clients,
            "replace_largest_weeks": risk.replace_largest_weeks,
        },
    }


def _round(value: float | None, digits: int) -> float | None:
    return round(value, digits) if value is not None else None
