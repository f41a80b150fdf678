"""Small builders for the law tests: a day is written as it would be on a timesheet."""

from __future__ import annotations

import datetime as dt

from musubi.engines.labour import Agreement, Settings, WorkDay, Worker

D = dt.date
AGREED = Agreement(month_hours=45, year_hours=360)
SETTINGS = Settings(agreement=AGREED)
ADULT = Worker(hire_date=D(2025, 4, 1), birth_date=D(1990, 5, 1))


def hm(s: str) -> int:
    h, m = s.split(":")
    return int(h) * 60 + int(m)


def day(
    date: dt.date, start: str = "09:00", end: str = "18:00", brk: int = 60, **kw: bool
) -> WorkDay:
    a, b = hm(start), hm(end)
    if b <= a:
        b += 1440
    return WorkDay(date, a, b, brk, **kw)


def days(first: dt.date, n: int, **kw: object) -> list[WorkDay]:
    return [day(first + dt.timedelta(days=i), **kw) for i in range(n)]  # type: ignore[arg-type]


def span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def codes(result: object, rule: str) -> list[tuple[str, dt.date]]:
    return [(f.code, f.date) for f in result.by_rule(rule)]  # type: ignore[attr-defined]
