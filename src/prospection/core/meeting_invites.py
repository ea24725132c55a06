"""Calendar invitations (.ics) for meetings booked during a call, with icalendar."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event

from prospection import __version__
from prospection.core.models import utcnow


def meeting_ics(
    *,
    uid: str,
    summary: str,
    starts_at: datetime,
    ends_at: datetime,
    location: str = "",
    description: str = "",
    time_zone: str = "",
) -> bytes:
    """An iCalendar file holding one meeting, for the user's own calendar.

    The times are written in `time_zone` (an IANA name such as "Europe/Paris") with the
    VTIMEZONE that defines it, as RFC 5545 asks of every TZID; without a known zone name
    they are written in UTC, which needs no definition. A bare offset ("CET" read from the
    system clock) is never written as a TZID: no calendar could resolve it.
    """
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise ValueError("meeting times must carry a time zone")
    zone = _zone(time_zone)
    if zone is None and isinstance(starts_at.tzinfo, ZoneInfo):
        zone = starts_at.tzinfo
    if zone is None or zone.key in ("UTC", "Etc/UTC"):
        starts_at, ends_at = starts_at.astimezone(UTC), ends_at.astimezone(UTC)
    else:
        starts_at, ends_at = starts_at.astimezone(zone), ends_at.astimezone(zone)
    calendar = Calendar()
    calendar.add("prodid", f"-//Prospection {__version__}//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", utcnow())
    event.add("dtstart", starts_at)
    event.add("dtend", ends_at)
    event.add("summary", summary)
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _zone(name: str) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
