"""Rest days (35条, R3.3) on the fixed cycle, and which dates are legal holidays (法定休日)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .clock import block_start, week_start
from .types import Finding, RestRule, Settings

ONE = dt.timedelta(days=1)


def blocks(settings: Settings, first: dt.date, last: dt.date) -> Iterator[tuple[dt.date, int]]:
    """(start, size) of every week or 4-week block on the fixed cycle meeting [first, last]."""
    if settings.rest_rule is RestRule.FOUR_WEEKS:
        assert settings.rest_origin is not None
        start, size = block_start(first, settings.rest_origin), 28
    else:
        start, size = week_start(first, settings.week_start), 7
    while start <= last:
        yield start, size
        start += dt.timedelta(days=size)


def legal_holidays(
    settings: Settings, worked: set[dt.date], busy: set[dt.date], first: dt.date, last: dt.date
) -> set[dt.date]:
    """The 法定休日 among [first, last]: the fixed weekday when the rules name one; otherwise,
    as the administrative reading goes (平成6年1月4日基発1号), the last day of a week worked in
    full, and under 4週4休 the last worked days that leave the block short of four rest days."""
    if settings.legal_holiday is not None:
        out, d = set(), first
        while d <= last:
            if d.weekday() == settings.legal_holiday:
                out.add(d)
            d += ONE
        return out
    need = 4 if settings.rest_rule is RestRule.FOUR_WEEKS else 1
    out = set()
    for start, size in blocks(settings, first, last):
        days = [start + dt.timedelta(days=i) for i in range(size)]
        short = need - sum(1 for d in days if d not in busy)
        if short > 0:
            out.update([d for d in days if d in worked][-short:])
    return out


def rest_findings(
    settings: Settings, busy: set[dt.date], first: dt.date, last: dt.date
) -> list[Finding]:
    """One finding per week (or 4-week block from the 起算日) with too few rest days. ``busy``
    holds every date that was a working day: worked (41条1号 days included) or taken as paid
    leave, which is only ever taken on a working day."""
    four = settings.rest_rule is RestRule.FOUR_WEEKS
    need = 4 if four else 1
    out = []
    for start, size in blocks(settings, first, last):
        end = start + dt.timedelta(days=size - 1)
        rest = sum(1 for i in range(size) if start + dt.timedelta(days=i) not in busy)
        if rest < need:
            what = "4-week block" if four else "week"
            out.append(
                Finding(
                    "R3.3",
                    start,
                    "rest_days_four_weeks" if four else "rest_day_weekly",
                    f"{what} {start}–{end}: {rest} rest day(s), at least {need} required (35条)",
                    start,
                    end,
                    params=(("rest", rest), ("need", need), ("end", end.isoformat())),
                )
            )
    return out
