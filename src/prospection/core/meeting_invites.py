"""Calendar invitations (.ics) for meetings booked during a call, with icalendar."""

from __future__ import annotations

from datetime import datetime

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
) -> bytes:
    """An iCalendar file holding one meeting, for the user's own calendar."""
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise ValueError("meeting times must carry a time zone")
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
    return bytes(calendar.to_ical())
