"""A worker's shifts as an iCalendar feed (Asia/Tokyo local times with their VTIMEZONE)."""

import datetime as dt
from collections.abc import Iterable

from icalendar import Event

from musubi.core.calendars import TOKYO, new_calendar, serialise
from musubi.dispatch.models import Shift


def calendar(shifts: Iterable[Shift], *, name: str) -> str:
    cal = new_calendar(product="dispatch", name=name)
    stamp = dt.datetime.now(dt.UTC)
    for s in shifts:
        event = Event()
        event.add("uid", f"shift-{s.pk}@musubi")
        event.add("dtstamp", stamp)
        event.add("dtstart", dt.datetime.combine(s.date, s.start_time, tzinfo=TOKYO))
        event.add("dtend", dt.datetime.combine(s.date, s.end_time, tzinfo=TOKYO))
        event.add("summary", f"{s.site.member.name} {s.site.name}")
        event.add("location", s.site.address)
        cal.add_component(event)
    return serialise(cal)
