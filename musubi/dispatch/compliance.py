"""Labour Standards Act figures per worker (domain.md R3.1–R3.9): pure functions, no database.

Hours are aggregated across all members, because the cooperative is the single employer. Weeks run
Monday–Sunday. In the standard system, overtime is the time beyond 8 h a day plus the time beyond
40 h a week not already counted daily (R3.1). Holiday work (法定休日労働) is work on the day that
should have been the week's one rest day: the seventh working day of a Monday–Sunday week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

DAILY = 480
WEEKLY = 2400


@dataclass(frozen=True)
class WorkDay:
    """One day's work; times in minutes from midnight (end may pass 1440)."""

    date: dt.date
    start: int
    end: int
    break_minutes: int = 0

    @property
    def minutes(self) -> int:
        return self.end - self.start - self.break_minutes


@dataclass(frozen=True)
class Month:
    worked: int = 0
    overtime: int = 0
    holiday_work: int = 0
    night: int = 0
    rest_days: int = 0
    longest_run: int = 0
    interval_breaches: int = 0
    days_worked: int = 0

    @property
    def overtime_and_holiday(self) -> int:
        return self.overtime + self.holiday_work


def night_minutes(start: int, end: int, night_start: int = 22, night_end: int = 5) -> int:
    """Minutes of [start, end) between night_start and night_end o'clock (R3.8: 22:00–05:00)."""
    total = 0
    for day in (-1, 0, 1):
        lo = day * 1440 + night_start * 60
        hi = (day + 1) * 1440 + night_end * 60
        total += max(0, min(end, hi) - max(start, lo))
    return total


def longest_run(dates: Iterable[dt.date]) -> int:
    best = run = 0
    prev: dt.date | None = None
    for d in sorted(set(dates)):
        run = run + 1 if prev is not None and (d - prev).days == 1 else 1
        best = max(best, run)
        prev = d
    return best


def month_figures(
    days: Sequence[WorkDay],
    first: dt.date,
    last: dt.date,
    *,
    min_interval_minutes: int = 660,
    night: tuple[int, int] = (22, 5),
    exempt: frozenset[dt.date] = frozenset(),
) -> Month:
    """Figures for [first, last]; ``exempt`` days (労基法41条1号 work) count hours and night
    time but no overtime, holiday work or interval (R3.6)."""
    by_date = {d.date: d for d in days if first <= d.date <= last}
    worked = sum(d.minutes for d in by_date.values())
    overtime = holiday = 0
    week: dict[dt.date, list[WorkDay]] = {}
    for d in sorted(by_date.values(), key=lambda x: x.date):
        week.setdefault(d.date - dt.timedelta(days=d.date.weekday()), []).append(d)
    for monday, items in week.items():
        counted = [d for d in items if d.date not in exempt]
        if len({d.date for d in items}) == 7:
            seventh = (
                counted[-1] if counted and counted[-1].date == monday + dt.timedelta(6) else None
            )
            if seventh is not None:
                holiday += seventh.minutes
                counted = counted[:-1]
        daily = sum(max(0, d.minutes - DAILY) for d in counted)
        within = sum(min(d.minutes, DAILY) for d in counted)
        overtime += daily + max(0, within - WEEKLY)
    ordered = sorted(by_date.values(), key=lambda x: x.date)
    breaches = 0
    for a, b in pairwise(ordered):
        if a.date in exempt or b.date in exempt:
            continue
        gap = (b.date - a.date).days * 1440 + b.start - a.end
        if gap < min_interval_minutes:
            breaches += 1
    n_days = (last - first).days + 1
    return Month(
        worked=worked,
        overtime=overtime,
        holiday_work=holiday,
        night=sum(night_minutes(d.start, d.end, *night) for d in by_date.values()),
        rest_days=n_days - len(by_date),
        longest_run=longest_run(by_date),
        interval_breaches=breaches,
        days_worked=len(by_date),
    )


def rest_day_shortfall(dates: Iterable[dt.date], first: dt.date, last: dt.date, *,
                       four_weeks_from: dt.date | None = None) -> int:  # fmt: skip
    """Weeks (or 4-week blocks from the 起算日) of [first, last] with too few rest days (R3.3)."""
    worked = set(dates)
    short = 0
    if four_weeks_from is None:
        start = first - dt.timedelta(days=first.weekday())
        size, need = 7, 1
    else:
        offset = (first - four_weeks_from).days % 28
        start = first - dt.timedelta(days=offset)
        size, need = 28, 4
    while start + dt.timedelta(days=size - 1) <= last:
        block = [start + dt.timedelta(days=i) for i in range(size)]
        if start >= first and sum(1 for d in block if d not in worked) < need:
            short += 1
        start += dt.timedelta(days=size)
    return short


@dataclass(frozen=True)
class CapCheck:
    kind: str
    detail: str


def overtime_caps(
    monthly_hours: int, annual_hours: int, *, annual_variable: bool
) -> tuple[int, int]:
    """The 36協定 caps in minutes: the agreed ones, but never above 42 h / 320 h under the annual
    variable system (R3.4; this cooperative's variable periods are a year, i.e. over 3 months)."""
    if annual_variable:
        monthly_hours, annual_hours = min(monthly_hours, 42), min(annual_hours, 320)
    return monthly_hours * 60, annual_hours * 60


def cap_breaches(
    months: Sequence[Month], *, monthly_cap: int = 45 * 60, annual_cap: int = 360 * 60,
    special_clause: bool = False,
) -> list[CapCheck]:  # fmt: skip
    """36協定 checks over consecutive months (R3.4); ``months`` in calendar order."""
    out: list[CapCheck] = []
    over = [i for i, m in enumerate(months) if m.overtime > monthly_cap]
    if special_clause:
        if len(over) > 6:
            out.append(CapCheck("months_over_cap", f"{len(over)} > 6"))
        if sum(m.overtime for m in months) > 720 * 60:
            out.append(CapCheck("annual_720", f"{sum(m.overtime for m in months) // 60} h"))
    else:
        for i in over:
            out.append(CapCheck("monthly_cap", f"month {i + 1}: {months[i].overtime // 60} h"))
        total = sum(m.overtime for m in months)
        if total > annual_cap:
            out.append(CapCheck("annual_cap", f"{total // 60} h"))
    for i, m in enumerate(months):
        if m.overtime_and_holiday >= 100 * 60:
            out.append(CapCheck("single_month_100", f"month {i + 1}"))
    for width in range(2, 7):
        for i in range(len(months) - width + 1):
            window = months[i : i + width]
            if sum(m.overtime_and_holiday for m in window) > 80 * 60 * width:
                out.append(CapCheck("average_80", f"months {i + 1}–{i + width}"))
    return out


TENURE_YEARS = (0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5)
# Days granted at each tenure above: full-time, then 比例付与 by scheduled days a week (R3.9).
GRANT_TABLES: dict[int, tuple[int, ...]] = {
    5: (10, 11, 12, 14, 16, 18, 20),
    4: (7, 8, 9, 10, 12, 13, 15),
    3: (5, 6, 6, 8, 9, 10, 11),
    2: (3, 4, 4, 5, 6, 6, 7),
    1: (1, 2, 2, 2, 3, 3, 3),
}


def paid_leave_granted(
    hire_date: dt.date, on: dt.date, *, days_per_week: int = 5, weekly_minutes: int = 2400
) -> tuple[dt.date | None, int]:
    """The latest grant date (基準日) on or before ``on`` and its days, with ≥80% attendance
    (R3.9). 比例付与 applies under 30 h a week and at most 4 days a week."""
    proportional = weekly_minutes < 30 * 60 and days_per_week <= 4
    table = GRANT_TABLES[max(1, min(4, days_per_week))] if proportional else GRANT_TABLES[5]
    latest: tuple[dt.date | None, int] = (None, 0)
    for years, days in zip(TENURE_YEARS, table, strict=True):
        grant = _add_months(hire_date, round(years * 12))
        if grant <= on:
            latest = (grant, days)
    if latest[0] is not None and latest[0] == _add_months(hire_date, 78):
        # From 6.5 years on, the last row is granted every year on the same date.
        grant = latest[0]
        while _add_months(grant, 12) <= on:
            grant = _add_months(grant, 12)
        latest = (grant, latest[1])
    return latest


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def five_day_shortfall(granted: int, taken: int) -> int:
    """Days still to take within the year of the 基準日 (only when ≥10 days were granted)."""
    return max(0, 5 - taken) if granted >= 10 else 0
