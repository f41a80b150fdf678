"""Legal overtime, holiday work, night work and their premium buckets per day (R3.1, R3.5, R3.8).

Legal overtime (法定時間外労働) is the time beyond 8 h in a day plus the time beyond 40 h in a week
not already counted daily, counted on the day the week passes 40 h (昭和63年1月1日基発1号).
Work on a legal holiday is holiday work (35%), not overtime, and does not count toward the 40 h.
Under the annual variable system a day or week scheduled above 8 h / 40 h is measured against its
schedule, and the period's total against 40 h × days / 7 (平成6年1月4日基発1号).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .clock import (
    Interval,
    is_under,
    last_minutes,
    night_minutes,
    split_on_dates,
    week_start,
    worked_intervals,
)
from .types import DayFigures, Settings, WorkDay, Worker

DAILY = 480
WEEKLY = 2400
SIXTY = 3600


@dataclass
class _Day:
    date: dt.date
    worked: int = 0
    regular: list[Interval] = field(default_factory=list)  # counts toward 8 h / 40 h
    holiday: int = 0
    holiday_night: int = 0
    night: int = 0
    overtime: int = 0
    over_60h: int = 0


def variable_days(settings: Settings, worker: Worker) -> dict[dt.date, int]:
    """Scheduled minutes per date of the annual variable calendar, if the worker is on it."""
    if not worker.variable or settings.variable is None:
        return {}
    return dict(settings.variable.scheduled)


def on_variable(settings: Settings, worker: Worker, day: dt.date) -> bool:
    """Whether the variable system applies on ``day``: never to a minor (60条1項)."""
    if not worker.variable or settings.variable is None:
        return False
    if worker.birth_date is not None and is_under(worker.birth_date, 18, day):
        return False
    return settings.variable.contains(day)


def day_figures(
    settings: Settings,
    worker: Worker,
    work: Sequence[WorkDay],
    holidays: set[dt.date],
    as_of: dt.date | None,
) -> list[DayFigures]:
    days: dict[dt.date, _Day] = {}
    for w in sorted(work, key=lambda x: (x.date, x.start)):
        d = days.setdefault(w.date, _Day(w.date))
        iv = worked_intervals(w)
        d.worked += w.minutes
        d.night += night_minutes(iv)
        if w.exempt:  # 41条1号: no hours, breaks or holidays; night premium still due
            continue
        kept, inside = split_on_dates(iv, holidays)
        d.regular.extend(kept)
        d.holiday += inside
        d.holiday_night += night_minutes(iv) - night_minutes(kept)

    sched = variable_days(settings, worker)
    weeks: dict[dt.date, list[_Day]] = defaultdict(list)
    for d in sorted(days.values(), key=lambda x: x.date):
        weeks[week_start(d.date, settings.week_start)].append(d)
    for start, items in weeks.items():
        week_dates = [start + dt.timedelta(days=i) for i in range(7)]
        var_week = [x for x in week_dates if on_variable(settings, worker, x)]
        week_limit = max(WEEKLY, sum(sched.get(x, 0) for x in var_week)) if var_week else WEEKLY
        counted = 0
        for d in items:
            minutes = sum(b - a for a, b in d.regular)
            limit = DAILY
            if on_variable(settings, worker, d.date):
                limit = max(DAILY, sched.get(d.date, 0))
            daily = max(0, minutes - limit)
            within = minutes - daily
            weekly = max(0, counted + within - week_limit) - max(0, counted - week_limit)
            counted += within
            d.overtime = daily + weekly

    _period_total(settings, worker, days, as_of)

    by_month: dict[tuple[int, int], int] = defaultdict(int)
    out = []
    for d in sorted(days.values(), key=lambda x: x.date):
        key = (d.date.year, d.date.month)
        before = by_month[key]
        by_month[key] += d.overtime
        d.over_60h = max(0, by_month[key] - SIXTY) - max(0, before - SIXTY)
        # The day's overtime is its last minutes, and the minutes past 60 h the last of those.
        ot_iv = last_minutes(d.regular, d.overtime)
        out.append(
            DayFigures(
                date=d.date,
                worked=d.worked,
                overtime=d.overtime,
                over_60h=d.over_60h,
                holiday=d.holiday,
                night=d.night,
                overtime_night=night_minutes(ot_iv),
                over_60h_night=night_minutes(last_minutes(ot_iv, d.over_60h)),
                holiday_night=d.holiday_night,
            )
        )
    return out


def _period_total(
    settings: Settings, worker: Worker, days: dict[dt.date, _Day], as_of: dt.date | None
) -> None:
    """Variable system: time within the daily and weekly limits that still exceeds 40 h × days/7
    over the whole period is overtime, counted on the period's last day once the period is over."""
    cal = settings.variable
    if cal is None or not worker.variable:
        return
    inside = [d for d in days.values() if on_variable(settings, worker, d.date)]
    if not inside or as_of is None or as_of < cal.end:
        return
    within = sum(sum(b - a for a, b in d.regular) - d.overtime for d in inside)
    extra = within - WEEKLY * cal.days // 7
    if extra > 0:
        days.setdefault(cal.end, _Day(cal.end)).overtime += extra
