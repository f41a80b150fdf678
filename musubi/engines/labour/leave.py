"""Annual paid leave (39条, R3.9): grants on the 基準日, 比例付与 by days, the 5-day obligation.

Leave is counted per working day (whole or half); a range of dates is turned into working days
with ``working_days`` before it reaches ``paid_leave``. Attendance of 80% is assumed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set

from .clock import add_months
from .types import Finding, Leave, LeaveYear, Worker

ONE = dt.timedelta(days=1)
# Days granted at 0.5, 1.5, … 6.5+ years of service: full-time, then 比例付与 by days a week
# (則24条の3).
GRANT_TABLES: dict[int, tuple[int, ...]] = {
    5: (10, 11, 12, 14, 16, 18, 20),
    4: (7, 8, 9, 10, 12, 13, 15),
    3: (5, 6, 6, 8, 9, 10, 11),
    2: (3, 4, 4, 5, 6, 6, 7),
    1: (1, 2, 2, 2, 3, 3, 3),
}
FIVE_DAY_FROM = dt.date(2019, 4, 1)  # 39条7項 applies to grants from this date


def grant_table(worker: Worker) -> tuple[int, ...]:
    """比例付与 applies under 30 h a week with at most 4 scheduled days a week."""
    if worker.weekly_minutes < 30 * 60 and worker.days_per_week <= 4:
        return GRANT_TABLES[worker.days_per_week]
    return GRANT_TABLES[5]


def grants(worker: Worker, until: dt.date) -> list[tuple[dt.date, int]]:
    """(基準日, days) of each grant up to ``until``: six months after hiring, then yearly."""
    table = grant_table(worker)
    out: list[tuple[dt.date, int]] = []
    i = 0
    while True:
        day = add_months(worker.hire_date, 6 + 12 * i)
        if day > until:
            return out
        out.append((day, table[min(i, len(table) - 1)]))
        i += 1


def working_days(first: dt.date, last: dt.date, rest_weekdays: Iterable[int]) -> list[dt.date]:
    """The working days of a leave request from ``first`` to ``last`` (rest weekdays skipped):
    leave is taken on working days only, so Friday–Tuesday is three days, not five."""
    rest = set(rest_weekdays)
    out, d = [], first
    while d <= last:
        if d.weekday() not in rest:
            out.append(d)
        d += ONE
    return out


def paid_leave(
    worker: Worker,
    leave: Sequence[Leave],
    as_of: dt.date,
    holidays: Set[dt.date] = frozenset(),
) -> tuple[list[LeaveYear], list[Finding]]:
    per_day: dict[dt.date, float] = defaultdict(float)
    findings = []
    for item in leave:
        if item.date in holidays:
            findings.append(
                Finding(
                    "R3.9",
                    item.date,
                    "leave_on_holiday",
                    f"{item.date}: paid leave on a legal holiday is not a leave day (39条)",
                    item.date,
                    item.date,
                    hard=False,
                )
            )
            continue
        per_day[item.date] = min(1.0, per_day[item.date] + item.days)
    years = []
    for granted_on, days in grants(worker, as_of):
        year_end = add_months(granted_on, 12) - ONE
        dates = tuple(sorted(d for d in per_day if granted_on <= d <= year_end))
        taken = sum(per_day[d] for d in dates)
        due = days >= 10 and granted_on >= FIVE_DAY_FROM
        short = max(0.0, 5 - taken) if due else 0.0
        years.append(LeaveYear(granted_on, days, taken, dates, short, year_end))
        if short and as_of > year_end:
            findings.append(
                Finding(
                    "R3.9",
                    granted_on,
                    "five_days",
                    f"grant of {granted_on} ({days} days): {taken:g} taken by {year_end}, "
                    f"{short:g} short of the 5 days the employer must see taken (39条7項)",
                    granted_on,
                    year_end,
                    params=(("taken", f"{taken:g}"), ("short", f"{short:g}")),
                )
            )
    return years, findings
