"""Translated words of the call session: why now, why left out, past activities, sources."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from prospection.core.call_cards import CardActivity
from prospection.core.call_queue import LeftOut, LeftOutReason, QueueReason
from prospection.core.enums import ActivityKind, Outcome
from prospection.ui.call_session.dialog_runner import to_qdatetime
from prospection.ui.labels import activity_kind_label, outcome_label, stage_label
from prospection.ui.qt_dates import with_zone


def reason_label(reason: QueueReason) -> str:
    """Why a prospect is in the queue, in a few words."""
    return {
        QueueReason.OVERDUE: QCoreApplication.translate("CallLabels", "follow-up overdue"),
        QueueReason.DUE_TODAY: QCoreApplication.translate("CallLabels", "follow-up due today"),
        QueueReason.NEVER_CONTACTED: QCoreApplication.translate(
            "CallLabels", "never contacted yet"
        ),
        QueueReason.NOT_CONTACTED_RECENTLY: QCoreApplication.translate(
            "CallLabels", "not contacted for a while"
        ),
        QueueReason.SCHEDULED_LATER: QCoreApplication.translate(
            "CallLabels", "chosen by you (follow-up set for later)"
        ),
    }[reason]


def left_out_label(item: LeftOut, names: Mapping[int, str] | None = None) -> str:
    """Why a prospect was left out of the queue, and when it may be called again.

    `names`: users' names by id, for the reasons naming a colleague (team mode).
    """
    who = (names or {}).get(item.by_user_id or 0) or QCoreApplication.translate(
        "CallLabels", "a colleague"
    )
    reasons = {
        LeftOutReason.RESERVED: QCoreApplication.translate(
            "CallLabels", "in {who}'s call session"
        ).format(who=who),
        LeftOutReason.CALLED_BY_COLLEAGUE: QCoreApplication.translate(
            "CallLabels", "called by {who} recently"
        ).format(who=who),
        LeftOutReason.NO_PHONE: QCoreApplication.translate("CallLabels", "no number to dial"),
        LeftOutReason.DO_NOT_CALL: QCoreApplication.translate(
            "CallLabels", "asked not to be called"
        ),
        # The French calling rules (core.calling_rules.Reason values).
        "do_not_contact": QCoreApplication.translate("CallLabels", "asked not to be called"),
        "no_consent": QCoreApplication.translate(
            "CallLabels", "no recorded consent (required for consumers since 11 August 2026)"
        ),
        "refused_recently": QCoreApplication.translate(
            "CallLabels", "said no less than 60 days ago"
        ),
        "too_many_calls": QCoreApplication.translate(
            "CallLabels", "at the limit of 4 calls in 30 days"
        ),
        "public_holiday": QCoreApplication.translate(
            "CallLabels", "no consumer calls on public holidays"
        ),
        "weekend": QCoreApplication.translate("CallLabels", "no consumer calls at weekends"),
        "outside_hours": QCoreApplication.translate("CallLabels", "outside calling hours"),
    }
    text = reasons.get(item.reason) or item.detail or item.reason
    if item.callable_again_at is not None:
        text = QCoreApplication.translate("CallLabels", "{why}; callable from {when}").format(
            why=text,
            when=with_zone(short_date_time(item.callable_again_at), item.callable_again_at),
        )
    return text


def short_date_time(moment: datetime) -> str:
    """A date and time in the user's locale, short form."""
    return QLocale().toString(to_qdatetime(moment), QLocale.FormatType.ShortFormat)


def short_date(moment: datetime) -> str:
    """A date in the user's locale, short form."""
    return QLocale().toString(to_qdatetime(moment).date(), QLocale.FormatType.ShortFormat)


def activity_line(activity: CardActivity) -> str:
    """One past activity in a few words: "20/11/2026 Call: voicemail left ("…")"."""
    what = activity_kind_label(activity.kind)
    detail = ""
    if activity.outcome is not None:
        detail = outcome_label(activity.outcome)
    elif activity.kind == ActivityKind.STAGE_CHANGE and activity.stage_to:
        detail = stage_label(activity.stage_to)
    if detail:
        what = QCoreApplication.translate("CallLabels", "{kind}: {detail}").format(
            kind=what, detail=detail
        )
    line = f"{short_date(activity.occurred_at)} {what}"
    notes = " ".join(activity.notes.split())
    if notes:
        line += f" (“{notes[:60]}{'…' if len(notes) > 60 else ''}”)"
    return line


def duration_text(seconds: int) -> str:
    """A duration as "1 h 05 min", "12 min" or "40 s"."""
    if seconds < 60:
        return QCoreApplication.translate("CallLabels", "{n} s").format(n=seconds)
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("CallLabels", "{n} min").format(n=minutes)
    return QCoreApplication.translate("CallLabels", "{h} h {m:02d} min").format(
        h=minutes // 60, m=minutes % 60
    )


def source_label(source: str) -> str:
    """A stored session source ("due", "tag:bakery" ...) in words."""
    if source.startswith("tag:"):
        return QCoreApplication.translate("CallLabels", "tag “{name}”").format(name=source[4:])
    return {
        "due": QCoreApplication.translate("CallLabels", "follow-ups due"),
        "new": QCoreApplication.translate("CallLabels", "never contacted"),
        "all": QCoreApplication.translate("CallLabels", "all open prospects"),
        "filter": QCoreApplication.translate("CallLabels", "the list's filter"),
        "selection": QCoreApplication.translate("CallLabels", "selected prospects"),
    }.get(source, source)


def interface_language() -> str:
    """The language the interface runs in ("en", "fr"), as the app set it at start."""
    app = QCoreApplication.instance()
    chosen = app.property("prospection_language") if app is not None else None
    return str(chosen or "en")


def default_next_text(outcome: Outcome, location: str = "") -> str | None:
    """The next-action text an outcome leaves when the user wrote none (None: no text)."""
    texts = {
        Outcome.NO_ANSWER: QCoreApplication.translate("CallLabels", "Call again (no answer)"),
        Outcome.VOICEMAIL: QCoreApplication.translate("CallLabels", "Call again (voicemail left)"),
        Outcome.GATEKEEPER: QCoreApplication.translate(
            "CallLabels", "Call again (reached the switchboard)"
        ),
        Outcome.CALL_BACK: QCoreApplication.translate("CallLabels", "Call back as agreed"),
        Outcome.CONVERSATION: QCoreApplication.translate(
            "CallLabels", "Follow up on the conversation"
        ),
        Outcome.WRONG_NUMBER: QCoreApplication.translate("CallLabels", "Find a new number"),
    }
    if outcome == Outcome.MEETING_BOOKED:
        meeting = QCoreApplication.translate("CallLabels", "Meeting")
        return (
            QCoreApplication.translate("CallLabels", "{kind}: {detail}").format(
                kind=meeting, detail=location
            )
            if location
            else meeting
        )
    return texts.get(outcome)
