"""A meeting invitation (METHOD:REQUEST) as an iCalendar document."""

import datetime as dt
from collections.abc import Iterable

from icalendar import Alarm, Event

from musubi.core.calendars import TOKYO, address, new_calendar, serialise


def invitation(
    *,
    uid: str,
    start: dt.datetime,
    end: dt.datetime,
    summary: str,
    description: str,
    url: str,
    organizer: tuple[str, str],
    attendees: Iterable[tuple[str, str]],
    sequence: int = 0,
    stamp: dt.datetime | None = None,
) -> str:
    """One event; ``organizer`` and ``attendees`` are (name, email) pairs.

    The organizer is the cooperative that books the meeting, never a participant: calendar
    programs let the organizer change or cancel the event for everyone.
    """
    cal = new_calendar(product="Cocreation", method="REQUEST")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp or dt.datetime.now(dt.UTC))
    event.add("dtstart", start.astimezone(TOKYO))
    event.add("dtend", end.astimezone(TOKYO))
    event.add("sequence", sequence)
    event.add("summary", summary)
    event.add("description", description)
    event.add("location", url)
    event.add("url", url)
    event.add("organizer", address(organizer[1], organizer[0]))
    for name, email in attendees:
        event.add(
            "attendee",
            address(email, name, role="REQ-PARTICIPANT", partstat="NEEDS-ACTION", rsvp="TRUE"),
        )
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", dt.timedelta(hours=-24))
    event.add_component(alarm)
    cal.add_component(event)
    return serialise(cal)
