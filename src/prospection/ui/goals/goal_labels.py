"""Translated names of metrics, paces and funnel rates, and locale-aware number formats."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from prospection.core.enums import Outcome
from prospection.core.weekly_goals import Pace
from prospection.core.weeks import Week

#: lupdate finds the strings of calls to `translate("Context", "text")`.
translate = QCoreApplication.translate


def metric_label(metric: str) -> str:
    """The short name of a weekly metric, as shown beside its bar."""
    names = {
        "calls": translate("GoalLabels", "Calls"),
        "reached": translate("GoalLabels", "Reached"),
        "conversations": translate("GoalLabels", "Conversations"),
        "meetings": translate("GoalLabels", "Meetings"),
        "new_clients": translate("GoalLabels", "New clients"),
    }
    return names[metric]


def metric_tooltip(metric: str) -> str:
    """What a metric counts, in one sentence."""
    texts = {
        "calls": translate("GoalLabels", "Calls you placed this week."),
        "reached": translate(
            "GoalLabels",
            "Calls where someone answered (a gatekeeper counts, a wrong number does not).",
        ),
        "conversations": translate(
            "GoalLabels",
            "Calls where you really spoke with the prospect: conversation, meeting booked, "
            'or not interested. "Call back later" is not one yet.',
        ),
        "meetings": translate("GoalLabels", "Meetings booked this week."),
        "new_clients": translate("GoalLabels", "Prospects who became clients this week."),
    }
    return texts[metric]


def pace_label(pace: Pace) -> str:
    """Ahead, on track, behind, met."""
    names = {
        Pace.MET: translate("GoalLabels", "met"),
        Pace.AHEAD: translate("GoalLabels", "ahead"),
        Pace.ON_TRACK: translate("GoalLabels", "on track"),
        Pace.BEHIND: translate("GoalLabels", "behind"),
        Pace.NO_TARGET: translate("GoalLabels", "no target"),
    }
    return names[pace]


def pace_symbol(pace: Pace) -> str:
    """A small sign that reads without colour: ✓ ▲ ● ▼."""
    return {
        Pace.MET: "✓",
        Pace.AHEAD: "▲",
        Pace.ON_TRACK: "●",
        Pace.BEHIND: "▼",
        Pace.NO_TARGET: "",
    }[pace]


def rate_label(key: str) -> str:
    """The name of a funnel rate (dial -> reached -> conversation -> meeting -> client)."""
    names = {
        "reach": translate("GoalLabels", "Calls that reach someone"),
        "conversation": translate("GoalLabels", "Reached who talk with you"),
        "meeting": translate("GoalLabels", "Conversations that book a meeting"),
        "close": translate("GoalLabels", "Meetings that become clients"),
    }
    return names[key]


def rate_reference(key: str) -> str:
    """Where a default rate comes from (the source named in the interface)."""
    belkins = translate("GoalLabels", "Belkins 2025 cold-calling benchmarks, over 175,000 dials")
    texts = {
        "reach": translate("GoalLabels", "{source}: 9.9% of dials reach someone.").format(
            source=belkins
        ),
        "conversation": translate(
            "GoalLabels", "{source}: 58% of people reached become a conversation."
        ).format(source=belkins),
        "meeting": translate(
            "GoalLabels", "{source}: 4.6% of conversations book a meeting."
        ).format(source=belkins),
        "close": translate(
            "GoalLabels",
            "A rule of thumb, not a published benchmark: one meeting in five. Put your own figure.",
        ),
    }
    return texts[key]


def outcome_label(outcome: Outcome) -> str:
    """The name of a call outcome."""
    names = {
        Outcome.NO_ANSWER: translate("GoalLabels", "No answer"),
        Outcome.VOICEMAIL: translate("GoalLabels", "Voicemail"),
        Outcome.GATEKEEPER: translate("GoalLabels", "Gatekeeper"),
        Outcome.WRONG_NUMBER: translate("GoalLabels", "Wrong number"),
        Outcome.NOT_INTERESTED: translate("GoalLabels", "Not interested"),
        Outcome.CALL_BACK: translate("GoalLabels", "Call back later"),
        Outcome.CONVERSATION: translate("GoalLabels", "Conversation"),
        Outcome.MEETING_BOOKED: translate("GoalLabels", "Meeting booked"),
    }
    return names[outcome]


def weekday_label(weekday: int) -> str:
    """The short name of a weekday (Monday = 0) in the user's locale."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def percent(value: float | None, decimals: int = 0) -> str:
    """A share as a percentage in the user's locale ("12%", "12 %"); a dash for None."""
    if value is None:
        return "–"
    number = QLocale().toString(value * 100, "f", decimals)
    return translate("GoalLabels", "{number}%").format(number=number)


def number(value: float, decimals: int = 0) -> str:
    """A number in the user's locale, with its group separators."""
    if decimals == 0:
        return QLocale().toString(round(value))
    return QLocale().toString(value, "f", decimals)


def week_title(week: Week) -> str:
    """ "Week 48 · 23 Nov – 29 Nov" in the user's locale."""
    locale = QLocale()
    monday = QDate(week.monday.year, week.monday.month, week.monday.day)
    sunday = monday.addDays(6)
    return translate("GoalLabels", "Week {number} · {first} – {last}").format(
        number=week.number,
        first=locale.toString(monday, "d MMM"),
        last=locale.toString(sunday, "d MMM"),
    )


def short_week(week: Week) -> str:
    """ "W48" (with the year when it is January's first week), for chart axes."""
    return translate("GoalLabels", "W{number}").format(number=f"{week.number:02d}")
