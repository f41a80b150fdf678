"""Time arithmetic: worked intervals, night minutes, calendar dates touched, ages, weeks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from .types import DAY, WorkDay

Interval = tuple[int, int]  # absolute minutes since the epoch date below
EPOCH = dt.date(2000, 1, 1)
NIGHT = (22 * 60, 5 * 60)  # 37条4項: 22:00–05:00


def absolute(day: dt.date, minute: int) -> int:
    return (day - EPOCH).days * DAY + minute


def date_of(minute: int) -> dt.date:
    return EPOCH + dt.timedelta(days=minute // DAY)


def worked_intervals(w: WorkDay) -> list[Interval]:
    """The span minus its break. The break is placed in the middle of the span: the inputs give
    only its length, and a mid-shift break is the usual practice (it matters for night minutes)."""
    a, b = absolute(w.date, w.start), absolute(w.date, w.end)
    if not w.break_minutes:
        return [(a, b)]
    bs = a + (b - a - w.break_minutes) // 2
    return [(a, bs), (bs + w.break_minutes, b)]


def overlap(iv: Iterable[Interval], lo: int, hi: int) -> int:
    return sum(max(0, min(b, hi) - max(a, lo)) for a, b in iv)


def night_minutes(iv: Sequence[Interval]) -> int:
    """Minutes of ``iv`` between 22:00 and 05:00 on any calendar day."""
    if not iv:
        return 0
    first = min(a for a, _ in iv) // DAY - 1
    last = max(b for _, b in iv) // DAY
    return sum(
        overlap(iv, d * DAY + NIGHT[0], (d + 1) * DAY + NIGHT[1]) for d in range(first, last + 1)
    )


def on_dates(iv: Sequence[Interval], dates: set[dt.date]) -> int:
    """Minutes of ``iv`` that fall on the given calendar dates."""
    total = 0
    for a, b in iv:
        for d in range(a // DAY, (b - 1) // DAY + 1):
            if EPOCH + dt.timedelta(days=d) in dates:
                total += overlap([(a, b)], d * DAY, (d + 1) * DAY)
    return total


def split_on_dates(iv: Sequence[Interval], dates: set[dt.date]) -> tuple[list[Interval], int]:
    """The parts of ``iv`` outside the given calendar dates, and the minutes inside them."""
    kept: list[Interval] = []
    inside = 0
    for a, b in iv:
        cur = a
        while cur < b:
            day_end = (cur // DAY + 1) * DAY
            hi = min(b, day_end)
            if date_of(cur) in dates:
                inside += hi - cur
            elif kept and kept[-1][1] == cur:
                kept[-1] = (kept[-1][0], hi)
            else:
                kept.append((cur, hi))
            cur = hi
    return kept, inside


def last_minutes(iv: Sequence[Interval], n: int) -> list[Interval]:
    """The last ``n`` minutes of ``iv`` (intervals in time order)."""
    out: list[Interval] = []
    for a, b in reversed(iv):
        if n <= 0:
            break
        take = min(n, b - a)
        out.append((b - take, b))
        n -= take
    return out[::-1]


def touched_dates(w: WorkDay) -> set[dt.date]:
    """Calendar dates on which the span has work: a rest day (休日) is a whole calendar day free
    of work (昭和23年基発535号), so work past midnight takes the next day too."""
    out: set[dt.date] = set()
    for a, b in worked_intervals(w):
        for d in range(a // DAY, (b - 1) // DAY + 1):
            out.add(EPOCH + dt.timedelta(days=d))
    return out


def week_start(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def block_start(day: dt.date, origin: dt.date, size: int = 28) -> dt.date:
    return day - dt.timedelta(days=(day - origin).days % size)


def anniversary(birth: dt.date, years: int) -> dt.date:
    """The birthday ``years`` later (29 February → 1 March in common years)."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:
        return dt.date(birth.year + years, 3, 1)


def is_under(birth: dt.date, years: int, on: dt.date) -> bool:
    """Under ``years`` old during the day ``on``: the age is attained at the end of the day
    before the birthday (年齢計算ニ関スル法律), so all of that day is still the younger age."""
    return on < anniversary(birth, years)


def school_leaving(birth: dt.date) -> dt.date:
    """The first 31 March on or after the day the child reaches 15 (56条1項)."""
    reached = anniversary(birth, 15) - dt.timedelta(days=1)
    march = dt.date(reached.year, 3, 31)
    return march if reached <= march else dt.date(reached.year + 1, 3, 31)


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clamped to the month's end."""
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def months_between(a: dt.date, b: dt.date) -> list[tuple[int, int]]:
    """Calendar months from a's to b's, inclusive."""
    out = []
    y, m = a.year, a.month
    while (y, m) <= (b.year, b.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
