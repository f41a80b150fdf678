"""36協定 limits (36条, R3.4) and work without a valid agreement (32条, 35条).

Months are calendar months; the agreement's year starts on the business year's start. The 100 h
month and the 2–6-month 80 h averages apply with or without a special clause and run across
business-year boundaries, so the months before the period must be passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .types import Agreement, DayFigures, Finding, MonthFigures, Settings

HOUR = 60


def _month_last(y: int, m: int) -> dt.date:
    nxt = dt.date(y + 1, 1, 1) if m == 12 else dt.date(y, m + 1, 1)
    return nxt - dt.timedelta(days=1)


def _finding(rule: str, m: MonthFigures, code: str, detail: str, **params: int | str) -> Finding:
    first = dt.date(m.year, m.month, 1)
    return Finding(
        rule, first, code, detail, first, _month_last(m.year, m.month), params=tuple(params.items())
    )


def monthly_cap_minutes(agreement: Agreement | None, *, variable: bool) -> int:
    """Legal overtime a plan may hold in a month: none without an agreement, else the normal cap
    (42 h at most under a variable period over 3 months, 36条4項). The special clause is for
    temporary, unforeseen needs (36条5項), so a plan never relies on it."""
    if agreement is None:
        return 0
    hours = min(agreement.month_hours, 42) if variable else agreement.month_hours
    return hours * HOUR


def business_year(settings: Settings, y: int, m: int) -> int:
    """The calendar year in which the business year holding month (y, m) starts."""
    # Caps are counted in calendar months, so a year starting mid-month starts with that month.
    return y if m >= settings.business_year_start[0] else y - 1


def cap_findings(
    settings: Settings, months: Sequence[MonthFigures], *, variable: bool
) -> list[Finding]:
    """``months`` consecutive and in calendar order (months without work included as zero)."""
    out: list[Finding] = []
    for i, m in enumerate(months):
        both = m.overtime_and_holiday
        if both >= 100 * HOUR:
            out.append(
                _finding(
                    "R3.4",
                    m,
                    "month_100h",
                    f"{m.key}: overtime and holiday work {both // HOUR}h{both % HOUR:02d} "
                    "reach 100 h (36条6項2号)",
                    minutes=both,
                )
            )
        for width in range(2, 7):
            if i + 1 < width:
                break
            window = months[i + 1 - width : i + 1]
            total = sum(x.overtime_and_holiday for x in window)
            if total > 80 * HOUR * width:
                out.append(
                    _finding(
                        "R3.4",
                        m,
                        "average_80h",
                        f"{window[0].key}–{m.key}: overtime and holiday work average "
                        f"{total / width / HOUR:.1f} h over {width} months, above 80 h "
                        "(36条6項3号)",
                        months=width,
                        minutes=total,
                    )
                )
                break  # one finding per month is enough to name the breach
    year_total: dict[int, int] = {}
    over_months: dict[int, int] = {}
    for m in months:
        # The agreement in force in the month; days outside any are agreement_findings' part.
        a = settings.agreement_on(dt.date(m.year, m.month, 1)) or settings.agreement_on(
            _month_last(m.year, m.month)
        )
        if a is None:
            continue
        month_cap, year_cap = a.month_hours * HOUR, a.year_hours * HOUR
        if variable:  # 1年単位変形 over 3 months: 42 h / 320 h (36条4項)
            month_cap, year_cap = min(month_cap, 42 * HOUR), min(year_cap, 320 * HOUR)
        if a.special_clause:
            month_limit, year_limit = a.special_month_hours * HOUR, a.special_year_hours * HOUR
        else:
            month_limit, year_limit = month_cap, year_cap
        by = business_year(settings, m.year, m.month)
        before = year_total.get(by, 0)
        year_total[by] = before + m.overtime
        if m.overtime > month_limit:
            out.append(
                _finding(
                    "R3.4",
                    m,
                    "month_cap",
                    f"{m.key}: overtime {m.overtime // HOUR}h{m.overtime % HOUR:02d} above the "
                    f"agreed {month_limit // HOUR} h a month (36条)",
                    minutes=m.overtime,
                    cap=month_limit // HOUR,
                )
            )
        if before <= year_limit < year_total[by]:
            out.append(
                _finding(
                    "R3.4",
                    m,
                    "year_cap",
                    f"{m.key}: overtime in the year from {by} passes the agreed "
                    f"{year_limit // HOUR} h (36条)",
                    minutes=year_total[by],
                    cap=year_limit // HOUR,
                )
            )
        if a.special_clause and m.overtime > month_cap:
            over_months[by] = over_months.get(by, 0) + 1
            if over_months[by] == a.special_months + 1:
                out.append(
                    _finding(
                        "R3.4",
                        m,
                        "special_months",
                        f"{m.key}: month {over_months[by]} of the year over "
                        f"{month_cap // HOUR} h; the special clause allows "
                        f"{a.special_months} (36条5項)",
                        count=over_months[by],
                    )
                )
    return out


def agreement_findings(
    settings: Settings, days: Sequence[DayFigures], minors: set[dt.date]
) -> list[Finding]:
    """Overtime or holiday work on a day no valid 36協定 covers (minors are judged in minors.py)."""
    out = []
    for d in days:
        if d.date in minors:
            continue
        a = settings.agreement_on(d.date)
        covered = a is not None
        if d.overtime and not covered:
            out.append(
                Finding(
                    "R3.1",
                    d.date,
                    "overtime_without_agreement",
                    f"{d.date}: {d.overtime} min beyond 8 h/day or 40 h/week without a valid "
                    "36協定 (32条)",
                    d.date,
                    d.date,
                    params=(("minutes", d.overtime),),
                )
            )
        if d.holiday and not (covered and a is not None and a.holiday_work):
            out.append(
                Finding(
                    "R3.3",
                    d.date,
                    "holiday_without_agreement",
                    f"{d.date}: {d.holiday} min on the legal holiday without a 36協定 "
                    "allowing holiday work (35条)",
                    d.date,
                    d.date,
                    params=(("minutes", d.holiday),),
                )
            )
    return out
