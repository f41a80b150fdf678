"""The annual variable system's limits (32条の4, 則12条の4, R3.5), judged on its calendar, and
the runs of consecutive working days actually worked."""

from __future__ import annotations

import datetime as dt

from .clock import add_months, week_start
from .types import Finding, Settings, VariableCalendar

ONE = dt.timedelta(days=1)


def _f(day: dt.date, last: dt.date, code: str, detail: str, **params: int | str) -> Finding:
    return Finding("R3.5", day, code, detail, day, last, params=tuple(params.items()))


def day_limit(cal: VariableCalendar) -> int | None:
    """Scheduled working days allowed in the period: none up to 3 months, 280 a year beyond."""
    if cal.end < add_months(cal.start, 3):
        return None
    return 280 * min(cal.days, 365) // 365 if cal.days < 365 else 280


def calendar_findings(settings: Settings, cal: VariableCalendar) -> list[Finding]:
    sched = {d: m for d, m in cal.scheduled if cal.contains(d) and m > 0}
    out = []
    for d, m in sorted(sched.items()):
        if m > 600:
            out.append(_f(d, d, "day_10h", f"{d}: {m} min scheduled, above 10 h", minutes=m))
    long_period = cal.end >= add_months(cal.start, 3)
    weeks: list[tuple[dt.date, int]] = []
    start = week_start(cal.start, settings.week_start)
    while start <= cal.end:
        total = sum(sched.get(start + dt.timedelta(days=i), 0) for i in range(7))
        weeks.append((start, total))
        if total > 52 * 60:
            out.append(
                _f(start, start + 6 * ONE, "week_52h", f"week {start}: {total} min, above 52 h")
            )
        start += 7 * ONE
    if long_period:
        run = 0
        for start, total in weeks:
            run = run + 1 if total > 48 * 60 else 0
            if run == 4:
                out.append(
                    _f(
                        start,
                        start + 6 * ONE,
                        "weeks_48h_run",
                        f"week {start}: 4th week in a row scheduled above 48 h",
                    )
                )
        block = cal.start
        while block <= cal.end:
            nxt = add_months(block, 3)
            # Counted by the week's first day falling in the 3-month block.
            count = sum(1 for s, t in weeks if block <= s < nxt and t > 48 * 60)
            if count > 3:
                out.append(
                    _f(
                        block,
                        nxt - ONE,
                        "weeks_48h_block",
                        f"3 months from {block}: {count} weeks scheduled above 48 h, at most 3",
                    )
                )
            block = nxt
    limit = day_limit(cal)
    if limit is not None and len(sched) > limit:
        out.append(
            _f(
                cal.start,
                cal.end,
                "days_280",
                f"{len(sched)} scheduled working days in the period, at most {limit}",
                days=len(sched),
                limit=limit,
            )
        )
    return out


def run_findings(cal: VariableCalendar, worked: set[dt.date]) -> list[Finding]:
    """Consecutive working days: at most 6, or 12 inside the 特定期間."""
    out = []
    run: list[dt.date] = []
    d = cal.start
    while d <= cal.end + ONE:
        if d <= cal.end and d in worked:
            run.append(d)
        else:
            special = cal.special_period
            in_special = special is not None and all(special[0] <= x <= special[1] for x in run)
            limit = 12 if in_special else 6
            if len(run) > limit:
                day = run[limit]
                out.append(
                    _f(
                        day,
                        run[-1],
                        "consecutive",
                        f"{day}: working day {limit + 1} in a row, at most {limit}",
                        run=len(run),
                        limit=limit,
                    )
                )
            run = []
        d += ONE
    return out
