"""A minimal iCalendar writer (RFC 5545) for meeting invitations: no dependency needed."""

import datetime as dt
from collections.abc import Iterable

UTC = dt.UTC


def escape(text: str) -> str:
    """TEXT escaping of RFC 5545 §3.3.11."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold at 75 octets (§3.1) without splitting a UTF-8 character."""
    out: list[str] = []
    current = b""
    limit = 75
    for ch in line:
        encoded = ch.encode()
        if len(current) + len(encoded) > limit:
            out.append(current.decode())
            current = b" "
            limit = 75
        current += encoded
    out.append(current.decode())
    return "\r\n".join(out)


def _utc(value: dt.datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def invitation(
    *,
    uid: str,
    start: dt.datetime,
    end: dt.datetime,
    summary: str,
    description: str,
    url: str,
    organizer: str,
    attendees: Iterable[tuple[str, str]],
    sequence: int = 0,
    stamp: dt.datetime | None = None,
) -> str:
    """A METHOD:REQUEST calendar with one event; ``attendees`` are (name, email) pairs."""
    stamp = stamp or dt.datetime.now(UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Musubi//Cocreation//JA",
        "CALSCALE:GREGORIAN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(start)}",
        f"DTEND:{_utc(end)}",
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        f"LOCATION:{escape(url)}",
        f"URL:{url}",
        f"ORGANIZER:mailto:{organizer}",
    ]
    for name, email in attendees:
        lines.append(
            f'ATTENDEE;CN="{name.replace(chr(34), "")}";ROLE=REQ-PARTICIPANT;'
            f"PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{email}"
        )
    lines += [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape(summary)}",
        "TRIGGER:-PT24H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
