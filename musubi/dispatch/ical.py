"""A minimal RFC 5545 calendar of shifts (no dependency needed for VEVENTs with local times)."""

import datetime as dt
from collections.abc import Iterable

from musubi.dispatch.models import Shift


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,").replace("\n", r"\n")


def _local(day: dt.date, t: dt.time) -> str:
    return f"{day:%Y%m%d}T{t:%H%M%S}"


def calendar(shifts: Iterable[Shift], *, name: str) -> str:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Musubi//dispatch//JA", "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}", "X-WR-TIMEZONE:Asia/Tokyo",
    ]  # fmt: skip
    for s in shifts:
        lines += [
            "BEGIN:VEVENT",
            f"UID:shift-{s.pk}@musubi",
            f"DTSTAMP:{stamp}",
            f"DTSTART;TZID=Asia/Tokyo:{_local(s.date, s.start_time)}",
            f"DTEND;TZID=Asia/Tokyo:{_local(s.date, s.end_time)}",
            f"SUMMARY:{_escape(s.site.member.name)} {_escape(s.site.name)}",
            f"LOCATION:{_escape(s.site.address)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
