"""Common meeting slots across participants' time windows, in Asia/Tokyo (pure functions)."""

import datetime as dt
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

import jpholiday

TOKYO = ZoneInfo("Asia/Tokyo")

# Clock hours of each engine window; a public holiday counts as a weekend day.
WINDOW_HOURS = {
    "weekday_day": (9, 17),
    "weekday_evening": (19, 22),
    "weekend": (10, 17),
}


def _is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5 or bool(jpholiday.is_holiday(day))


def window_spans(day: dt.date, windows: Iterable[str]) -> list[tuple[dt.datetime, dt.datetime]]:
    spans = []
    for window in windows:
        if (window == "weekend") != _is_weekend(day) or window not in WINDOW_HOURS:
            continue
        start_h, end_h = WINDOW_HOURS[window]
        spans.append(
            (
                dt.datetime.combine(day, dt.time(start_h), TOKYO),
                dt.datetime.combine(day, dt.time(end_h), TOKYO),
            )
        )
    return spans


def _inside(start: dt.datetime, end: dt.datetime, spans: Sequence[tuple[dt.datetime, ...]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def overlaps(
    a_start: dt.datetime, a_end: dt.datetime, b_start: dt.datetime, b_end: dt.datetime
) -> bool:
    return a_start < b_end and b_start < a_end


def common_slots(
    participant_windows: Sequence[Iterable[str]],
    busy: Sequence[tuple[dt.datetime, dt.datetime]],
    *,
    after: dt.datetime,
    days: int = 14,
    minutes: int = 60,
    limit: int = 8,
) -> list[dt.datetime]:
    """Start times (on the hour or half hour) inside every participant's windows, not busy.

    A participant with no windows declared is taken as free whenever the others are.
    """
    declared = [list(w) for w in participant_windows if list(w)]
    length = dt.timedelta(minutes=minutes)
    first_day = after.astimezone(TOKYO).date()
    found: list[dt.datetime] = []
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        per_person = [window_spans(day, windows) for windows in declared]
        candidates = [
            dt.datetime.combine(day, dt.time(h, m), TOKYO) for h in range(8, 23) for m in (0, 30)
        ]
        for start in candidates:
            end = start + length
            if start <= after:
                continue
            if not all(_inside(start, end, spans) for spans in per_person):
                continue
            if any(overlaps(start, end, b_start, b_end) for b_start, b_end in busy):
                continue
            found.append(start)
            if len(found) >= limit:
                return found
    return found
