"""iCalendar documents (RFC 5545), written with the icalendar library.

The library folds long lines at 75 octets, escapes TEXT values and quotes parameters; the calendar
carries the VTIMEZONE of every zone it uses, so clients without the tz database still place
Asia/Tokyo times right.
"""

from zoneinfo import ZoneInfo

from icalendar import Calendar, vCalAddress, vText

from musubi.core.mail import one_line

TOKYO = ZoneInfo("Asia/Tokyo")


def new_calendar(*, product: str, name: str | None = None, method: str | None = None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", f"-//Musubi//{product}//JA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name is not None:
        cal.add("x-wr-calname", one_line(name))
        cal.add("x-wr-timezone", "Asia/Tokyo")
    return cal


def address(email: str, name: str, **params: str) -> vCalAddress:
    """``mailto:`` with a common name stripped of line breaks and quotes (a parameter value)."""
    value = vCalAddress(f"mailto:{one_line(email)}")
    value.params["CN"] = vText(one_line(name).replace('"', ""))
    for key, param in params.items():
        value.params[key.upper().replace("_", "-")] = vText(param)
    return value


def serialise(cal: Calendar) -> str:
    cal.add_missing_timezones()
    text: str = cal.to_ical().decode("utf-8")
    return text
