"""One worker's statutory figures and findings: the single place the law is computed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .caps import agreement_findings, cap_findings
from .clock import add_months, months_between, touched_dates
from .days import break_findings, interval_findings
from .hours import day_figures
from .leave import paid_leave
from .minors import minor_dates, minor_findings
from .rest import legal_holidays, rest_findings
from .types import DayFigures, Finding, Leave, MonthFigures, Result, Settings, WorkDay, Worker
from .variable import calendar_findings, run_findings


def evaluate(
    settings: Settings,
    worker: Worker,
    work: Sequence[WorkDay],
    leave: Sequence[Leave] = (),
    *,
    as_of: dt.date | None = None,
    period: tuple[dt.date, dt.date] | None = None,
) -> Result:
    """Figures for every day and month with work, and the findings whose span meets ``period``
    (all of them without one). Pass the days before the period too: weeks, 4-week blocks and the
    2–6-month averages that reach back into them are judged whole."""
    worked: set[dt.date] = set()
    for w in work:
        worked |= touched_dates(w)
    busy = worked | {item.date for item in leave}
    span = sorted(busy | set(period or ()))
    if not span:
        return Result((), (), ())
    first, last = span[0], span[-1]
    as_of = as_of or last
    holidays = legal_holidays(settings, worked, busy, first, last)
    days = day_figures(settings, worker, work, holidays, as_of)
    all_months = _months(days, first, last)
    minors = minor_dates(worker, [d.date for d in days])
    cal = settings.variable if worker.variable else None
    long_variable = cal is not None and cal.end >= add_months(cal.start, 3)

    findings: list[Finding] = []
    findings += break_findings(work)
    findings += interval_findings(work, settings.interval_minutes)
    findings += rest_findings(settings, busy, first, last)
    findings += cap_findings(settings, all_months, variable=long_variable)
    findings += agreement_findings(settings, days, minors)
    findings += minor_findings(settings, worker, work, days)
    if cal is not None:
        findings += calendar_findings(settings, cal)
        findings += run_findings(cal, worked)
    years, leave_findings = paid_leave(worker, leave, as_of, holidays)
    findings += leave_findings
    if period is not None:
        findings = [f for f in findings if f.first <= period[1] and f.last >= period[0]]
    findings.sort(key=lambda f: (f.date, _rule_order(f.rule), f.code))
    months = tuple(m for m in all_months if m.worked or m.overtime or m.holiday)
    return Result(tuple(days), months, tuple(findings), tuple(years))


def _rule_order(rule: str) -> int:
    return int(rule.rsplit(".", 1)[1])


def _months(days: Sequence[DayFigures], first: dt.date, last: dt.date) -> list[MonthFigures]:
    """Every calendar month from ``first`` to ``last`` (and any day after), zeros included."""
    end = max([last, *(d.date for d in days)])
    out = []
    for y, m in months_between(first, end):
        ds = [d for d in days if (d.date.year, d.date.month) == (y, m)]
        out.append(
            MonthFigures(
                year=y,
                month=m,
                worked=sum(d.worked for d in ds),
                overtime=sum(d.overtime for d in ds),
                over_60h=sum(d.over_60h for d in ds),
                holiday=sum(d.holiday for d in ds),
                night=sum(d.night for d in ds),
                overtime_night=sum(d.overtime_night for d in ds),
                over_60h_night=sum(d.over_60h_night for d in ds),
                holiday_night=sum(d.holiday_night for d in ds),
                days_worked=sum(1 for d in ds if d.worked),
            )
        )
    return out
