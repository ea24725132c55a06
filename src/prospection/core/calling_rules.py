"""When a person may be called: French consumer rules as data, and a B2B calling window.

Consumers (décret n° 2022-1313 of 13 October 2022, in force 1 March 2023): weekdays
10:00-13:00 and 14:00-20:00, never on weekends or public holidays, at most 4 calls in
30 days, no call for 60 days after a refusal. Since 11 August 2026 (loi n° 2025-594 of
30 June 2025) prior, provable consent is required, except within a contract in force.
Times are the person's local time (mainland France or the overseas department).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from prospection.core import working_days

#: Settings key of the optional B2B calling window (see `b2b_rules_from_setting`).
B2B_WINDOW_SETTING = "calling.b2b_window"

#: Regions whose consumers the French rules protect, with their time zone and the
#: `holidays` subdivision whose public holidays apply there.
FRENCH_REGIONS: dict[str, tuple[str, str | None]] = {
    "FR": ("Europe/Paris", None),
    "GP": ("America/Guadeloupe", "971"),
    "MQ": ("America/Martinique", "972"),
    "GF": ("America/Cayenne", "973"),
    "RE": ("Indian/Reunion", "974"),
    "YT": ("Indian/Mayotte", "976"),
}


class Reason(StrEnum):
    """Why a call is or is not allowed now (the UI turns each into a sentence)."""

    ALLOWED = "allowed"
    DO_NOT_CONTACT = "do_not_contact"
    NO_CONSENT = "no_consent"
    REFUSED_RECENTLY = "refused_recently"
    TOO_MANY_CALLS = "too_many_calls"
    PUBLIC_HOLIDAY = "public_holiday"
    WEEKEND = "weekend"
    OUTSIDE_HOURS = "outside_hours"


#: English explanations, used by the CLI and the logs; the UI has translated ones.
REASON_TEXT: dict[Reason, str] = {
    Reason.ALLOWED: "may be called now",
    Reason.DO_NOT_CONTACT: "asked not to be called",
    Reason.NO_CONSENT: "no recorded consent to be called (required for consumers "
    "since 11 August 2026)",
    Reason.REFUSED_RECENTLY: "refused less than 60 days ago",
    Reason.TOO_MANY_CALLS: "at the limit of 4 calls in 30 days",
    Reason.PUBLIC_HOLIDAY: "no calls to consumers on public holidays",
    Reason.WEEKEND: "no calls to consumers on Saturdays and Sundays",
    Reason.OUTSIDE_HOURS: "outside calling hours",
}


@dataclass(frozen=True)
class Window:
    """A time range on some weekdays (0 = Monday) when calls are allowed."""

    weekdays: frozenset[int]
    start: time
    end: time


@dataclass(frozen=True)
class CallingRules:
    """A set of rules; `None` switches a rule off."""

    windows: tuple[Window, ...] = ()
    skip_public_holidays: bool = False
    max_calls: int | None = None
    period_days: int = 30
    refusal_pause_days: int | None = None
    consent_required_from: date | None = None
    timezone: str = "Europe/Paris"
    holiday_subdivision: str | None = None

    def for_region(self, region: str, postal_code: str = "") -> CallingRules:
        """The same rules in the local time and holidays of a French region."""
        zone, subdivision = FRENCH_REGIONS.get(region, FRENCH_REGIONS["FR"])
        if region == "FR":
            subdivision = alsace_moselle_subdivision(postal_code)
        return CallingRules(
            windows=self.windows,
            skip_public_holidays=self.skip_public_holidays,
            max_calls=self.max_calls,
            period_days=self.period_days,
            refusal_pause_days=self.refusal_pause_days,
            consent_required_from=self.consent_required_from,
            timezone=zone,
            holiday_subdivision=subdivision,
        )


WEEKDAYS = frozenset(range(5))

#: The French rules for calling consumers.
FRENCH_CONSUMER_RULES = CallingRules(
    windows=(
        Window(WEEKDAYS, time(10, 0), time(13, 0)),
        Window(WEEKDAYS, time(14, 0), time(20, 0)),
    ),
    skip_public_holidays=True,
    max_calls=4,
    period_days=30,
    refusal_pause_days=60,
    consent_required_from=date(2026, 8, 11),
)

#: Businesses: no restriction unless the user sets a calling window.
UNRESTRICTED = CallingRules()


@dataclass(frozen=True)
class CallHistory:
    """What the rules need to know about one person."""

    calls: Sequence[datetime] = ()  # every call attempt, answered or not
    last_refusal_at: datetime | None = None
    consent_at: datetime | None = None
    do_not_call: bool = False
    under_contract: bool = False  # calls within a contract in force need no consent


@dataclass(frozen=True)
class Decision:
    """Whether a call is allowed now; if not, why, and from when it will be."""

    allowed: bool
    reason: Reason
    next_allowed_at: datetime | None = None  # None when only the person can change it
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The reason in English (the CLI's wording)."""
        if self.reason == Reason.TOO_MANY_CALLS and "calls" in self.details:
            return (
                f"already called {self.details['calls']} times in the last 30 days "
                f"(at most {self.details['max_calls']})"
            )
        return REASON_TEXT[self.reason]


def alsace_moselle_subdivision(postal_code: str) -> str | None:
    """Alsace and Moselle keep two more public holidays (Good Friday, 26 December)."""
    code = postal_code.strip()
    if code.startswith("57"):
        return "57"
    if code.startswith(("67", "68")):
        return "6AE"
    return None


def french_region(e164: str | None) -> str | None:
    """The French region ("FR", "RE", ...) of a number, or None if it is not French."""
    if not e164:
        return None
    # Imported when first needed: calls.py (so the main window) imports these rules, and
    # phonenumbers costs tens of milliseconds before the first paint.
    import phonenumbers
    from phonenumbers import NumberParseException

    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region if region in FRENCH_REGIONS else None


def is_public_holiday(day: date, subdivision: str | None = None) -> bool:
    """Whether `day` is a French public holiday (in `subdivision` when given)."""
    # Shared with the working days (computed there for mainland France, Alsace and
    # Moselle; overseas departments from the `holidays` library, imported when needed).
    return working_days.is_public_holiday(day, "FR", subdivision)


def _day_blocked(rules: CallingRules, day: date) -> Reason | None:
    if rules.skip_public_holidays and is_public_holiday(day, rules.holiday_subdivision):
        return Reason.PUBLIC_HOLIDAY
    if rules.windows and not any(day.weekday() in w.weekdays for w in rules.windows):
        return Reason.WEEKEND if day.weekday() >= 5 else Reason.OUTSIDE_HOURS
    return None


def next_window_start(moment: datetime, rules: CallingRules) -> datetime | None:
    """The first instant at or after `moment` inside a calling window (aware datetime)."""
    zone = ZoneInfo(rules.timezone)
    local = moment.astimezone(zone)
    if not rules.windows and not rules.skip_public_holidays:
        return moment
    for offset in range(400):
        day = local.date() + timedelta(days=offset)
        if _day_blocked(rules, day) is not None:
            continue
        windows = rules.windows or (Window(frozenset(range(7)), time(0, 0), time.max),)
        for window in sorted(windows, key=lambda w: w.start):
            if day.weekday() not in window.weekdays:
                continue
            start = datetime.combine(day, window.start, zone)
            end = datetime.combine(day, window.end, zone)
            if local < end:
                return max(local, start).astimezone(moment.tzinfo)
    return None


def _window_reason(moment: datetime, rules: CallingRules) -> Reason | None:
    local = moment.astimezone(ZoneInfo(rules.timezone))
    blocked = _day_blocked(rules, local.date())
    if blocked is not None:
        return blocked
    if not rules.windows:
        return None
    clock = local.time()
    inside = any(local.weekday() in w.weekdays and w.start <= clock < w.end for w in rules.windows)
    return None if inside else Reason.OUTSIDE_HOURS


def _earliest_by_history(
    now: datetime, rules: CallingRules, history: CallHistory
) -> tuple[datetime, Reason | None]:
    """The first instant the call count and the refusal pause allow, and which rule binds."""
    limits: list[tuple[datetime, Reason]] = []
    if rules.refusal_pause_days is not None and history.last_refusal_at is not None:
        until = history.last_refusal_at + timedelta(days=rules.refusal_pause_days)
        limits.append((until, Reason.REFUSED_RECENTLY))
    if rules.max_calls is not None:
        period = timedelta(days=rules.period_days)
        recent = sorted(c for c in history.calls if c > now - period)
        if len(recent) >= rules.max_calls:
            # Allowed again once enough of the recent calls have left the rolling period.
            limits.append((recent[len(recent) - rules.max_calls] + period, Reason.TOO_MANY_CALLS))
    binding = [limit for limit in limits if limit[0] > now]
    if not binding:
        return now, None
    return max(binding, key=lambda limit: limit[0])


def check_call(now: datetime, rules: CallingRules, history: CallHistory) -> Decision:
    """May this person be called at `now` under `rules`? If not: why, and from when."""
    if now.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
    if history.do_not_call:
        return Decision(False, Reason.DO_NOT_CONTACT)
    if (
        rules.consent_required_from is not None
        and now.astimezone(ZoneInfo(rules.timezone)).date() >= rules.consent_required_from
        and history.consent_at is None
        and not history.under_contract
    ):
        return Decision(False, Reason.NO_CONSENT)
    earliest, history_reason = _earliest_by_history(now, rules, history)
    if history_reason is not None:
        details: dict[str, Any] = {}
        if history_reason == Reason.TOO_MANY_CALLS:
            period = timedelta(days=rules.period_days)
            details = {
                "calls": sum(1 for c in history.calls if now - period < c <= now),
                "max_calls": rules.max_calls,
            }
        return Decision(False, history_reason, next_window_start(earliest, rules), details)
    window_reason = _window_reason(now, rules)
    if window_reason is not None:
        return Decision(False, window_reason, next_window_start(now, rules))
    return Decision(True, Reason.ALLOWED, now)


def b2b_rules_from_setting(value: Any) -> CallingRules:
    """Rules from the stored B2B window setting, or no restriction when it is off.

    The setting is {"enabled": bool, "weekdays": [0..6], "start": "HH:MM", "end": "HH:MM",
    "skip_public_holidays": bool}.
    """
    if not isinstance(value, dict) or not value.get("enabled"):
        return UNRESTRICTED
    try:
        start = time.fromisoformat(str(value.get("start", "09:00")))
        end = time.fromisoformat(str(value.get("end", "18:00")))
        weekdays = frozenset(int(d) for d in value.get("weekdays", range(5)) if 0 <= int(d) < 7)
    except (TypeError, ValueError):
        return UNRESTRICTED
    if not weekdays or end <= start:
        return UNRESTRICTED
    return CallingRules(
        windows=(Window(weekdays, start, end),),
        skip_public_holidays=bool(value.get("skip_public_holidays", False)),
    )


def b2b_setting(
    weekdays: Iterable[int], start: time, end: time, *, skip_public_holidays: bool = False
) -> dict[str, Any]:
    """The JSON value of an enabled B2B window (for `settings.set_setting`)."""
    return {
        "enabled": True,
        "weekdays": sorted(set(weekdays)),
        "start": start.strftime("%H:%M"),
        "end": end.strftime("%H:%M"),
        "skip_public_holidays": skip_public_holidays,
    }


def rule_breaches(now: datetime, rules: CallingRules, history: CallHistory) -> list[Reason]:
    """Every rule a call at `now` breaks, for a call that already happened (warnings).

    `check_call` stops at the first reason, which is what a queue needs; a call being
    recorded should tell everything it broke. `history` holds the calls before this one.
    """
    if now.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
    found: list[Reason] = []
    if history.do_not_call:
        found.append(Reason.DO_NOT_CONTACT)
    if (
        rules.consent_required_from is not None
        and now.astimezone(ZoneInfo(rules.timezone)).date() >= rules.consent_required_from
        and history.consent_at is None
        and not history.under_contract
    ):
        found.append(Reason.NO_CONSENT)
    if (
        rules.refusal_pause_days is not None
        and history.last_refusal_at is not None
        and now < history.last_refusal_at + timedelta(days=rules.refusal_pause_days)
    ):
        found.append(Reason.REFUSED_RECENTLY)
    if rules.max_calls is not None:
        period = timedelta(days=rules.period_days)
        if sum(1 for c in history.calls if now - period < c <= now) >= rules.max_calls:
            found.append(Reason.TOO_MANY_CALLS)
    window_reason = _window_reason(now, rules)
    if window_reason is not None:
        found.append(window_reason)
    return found


def next_allowed_slot(moment: datetime, rules: CallingRules, history: CallHistory) -> datetime:
    """The first instant at or after `moment` the windows, call count and pause allow.

    For scheduling a follow-up: the do-not-call and consent rules are left to the queue
    (only the person can lift them), so they do not move the date. Falls back to
    `moment` when no window opens within a year (rules that can never be met).
    """
    earliest, _reason = _earliest_by_history(moment, rules, history)
    return next_window_start(earliest, rules) or moment
