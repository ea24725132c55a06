"""Translated words of the call session: why now, why left out, past activities, sources."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from prospection.core.call_cards import CardActivity
from prospection.core.call_queue import LeftOut, LeftOutReason, QueueReason
from prospection.core.enums import ActivityKind
from prospection.ui.call_session.dialog_runner import to_qdatetime
from prospection.ui.labels import activity_kind_label, outcome_label, stage_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("CallLabels", text)


def reason_label(reason: QueueReason) -> str:
    """Why a prospect is in the queue, in a few words."""
    return {
        QueueReason.OVERDUE: _tr("follow-up overdue"),
        QueueReason.DUE_TODAY: _tr("follow-up due today"),
        QueueReason.NEVER_CONTACTED: _tr("never contacted yet"),
        QueueReason.NOT_CONTACTED_RECENTLY: _tr("not contacted for a while"),
        QueueReason.SCHEDULED_LATER: _tr("chosen by you (follow-up set for later)"),
    }[reason]


def left_out_label(item: LeftOut) -> str:
    """Why a prospect was left out of the queue (extra rules show their own detail)."""
    if item.reason == LeftOutReason.NO_PHONE:
        return _tr("no number to dial")
    if item.reason == LeftOutReason.DO_NOT_CALL:
        return _tr("asked not to be called")
    return item.detail or item.reason


def short_date_time(moment: datetime) -> str:
    """A date and time in the user's locale, short form."""
    return QLocale().toString(to_qdatetime(moment), QLocale.FormatType.ShortFormat)


def short_date(moment: datetime) -> str:
    """A date in the user's locale, short form."""
    return QLocale().toString(to_qdatetime(moment).date(), QLocale.FormatType.ShortFormat)


def activity_line(activity: CardActivity) -> str:
    """One past activity in a few words: "20/11/2026 Call: voicemail left ("…")"."""
    what = activity_kind_label(activity.kind)
    if activity.outcome is not None:
        what = f"{what}: {outcome_label(activity.outcome)}"
    elif activity.kind == ActivityKind.STAGE_CHANGE and activity.stage_to:
        what = f"{what}: {stage_label(activity.stage_to)}"
    line = f"{short_date(activity.occurred_at)} {what}"
    notes = " ".join(activity.notes.split())
    if notes:
        line += f" (“{notes[:60]}{'…' if len(notes) > 60 else ''}”)"
    return line


def duration_text(seconds: int) -> str:
    """A duration as "1 h 05 min", "12 min" or "40 s"."""
    if seconds < 60:
        return _tr("{n} s").format(n=seconds)
    minutes = seconds // 60
    if minutes < 60:
        return _tr("{n} min").format(n=minutes)
    return _tr("{h} h {m:02d} min").format(h=minutes // 60, m=minutes % 60)


def source_label(source: str) -> str:
    """A stored session source ("due", "tag:bakery" ...) in words."""
    if source.startswith("tag:"):
        return _tr("tag “{name}”").format(name=source[4:])
    return {
        "due": _tr("follow-ups due"),
        "new": _tr("never contacted"),
        "all": _tr("all open prospects"),
        "filter": _tr("the list's filter"),
        "selection": _tr("selected prospects"),
    }.get(source, source)


def interface_language() -> str:
    """The language the interface runs in ("en", "fr"), as the app set it at start."""
    app = QCoreApplication.instance()
    chosen = app.property("prospection_language") if app is not None else None
    return str(chosen or "en")
