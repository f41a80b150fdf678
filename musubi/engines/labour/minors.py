"""Minors (年少者, 56–64条, R3.10): the age is judged on the date of each day's work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .clock import is_under, school_leaving
from .types import DayFigures, Finding, Settings, WorkDay, Worker


def minor_dates(worker: Worker, dates: Sequence[dt.date]) -> set[dt.date]:
    if worker.birth_date is None:
        return set()
    birth = worker.birth_date
    return {d for d in dates if is_under(birth, 18, d)}


def _f(day: dt.date, code: str, detail: str, **params: int | str) -> Finding:
    return Finding("R3.10", day, code, detail, day, day, params=tuple(params.items()))


def minor_findings(
    settings: Settings,
    worker: Worker,
    work: Sequence[WorkDay],
    figures: Sequence[DayFigures],
) -> list[Finding]:
    dates = sorted({w.date for w in work})
    if not dates:
        return []
    if worker.birth_date is None:
        return [_f(dates[0], "birth_date_missing", "no birth date: the age cannot be judged")]
    out = []
    minors = minor_dates(worker, dates)
    leaving = school_leaving(worker.birth_date)
    early = [d for d in dates if d <= leaving]
    if early:
        out.append(
            _f(
                early[0],
                "child",
                f"{early[0]}: work before the end of compulsory schooling ({leaving}) (56条)",
                until=leaving.isoformat(),
            )
        )
    if not minors:
        return out
    first = min(minors)
    if not worker.age_certificate:
        out.append(_f(first, "age_certificate", "no age certificate kept for a minor (57条)"))
    if worker.variable and settings.variable is not None:
        out.append(
            _f(first, "variable", "the annual variable system does not apply to minors (60条)")
        )
    for d in figures:
        if d.date not in minors:
            continue
        if d.overtime:
            out.append(
                _f(
                    d.date,
                    "overtime",
                    f"{d.date}: a minor works {d.overtime} min beyond 8 h/day or 40 h/week (60条)",
                    minutes=d.overtime,
                )
            )
        if d.holiday:
            out.append(
                _f(d.date, "holiday", f"{d.date}: a minor works on the legal holiday (60条)")
            )
    for w in work:
        if w.date in minors and _night_span(w):
            out.append(
                _f(
                    w.date,
                    "night",
                    f"{w.date}: a minor works {_hhmm(w.start)}–{_hhmm(w.end)}, inside "
                    "22:00–05:00 (61条)",
                )
            )
    return out


def _night_span(w: WorkDay) -> bool:
    """Presence at work between 22:00 and 05:00, break included: a break is not leave to go."""
    for day in (-1, 0, 1):
        lo, hi = day * 1440 + 22 * 60, (day + 1) * 1440 + 5 * 60
        if min(w.end, hi) > max(w.start, lo):
            return True
    return False


def _hhmm(m: int) -> str:
    return f"{m // 60:02d}:{m % 60:02d}"
