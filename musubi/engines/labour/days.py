"""Day rules: breaks (34条, R3.2) and the interval between working days (R3.7)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise

from .clock import absolute
from .types import Finding, WorkDay


def required_break(minutes: int) -> int:
    """Over 6 h of work needs 45 min, over 8 h needs 60 min; exactly 6 h needs none."""
    if minutes > 480:
        return 60
    if minutes > 360:
        return 45
    return 0


def break_shortfall(w: WorkDay) -> int:
    """Minutes of break missing on one span (0 when lawful); 41条1号 work has no break rule."""
    if w.exempt:
        return 0
    return max(0, required_break(w.minutes) - w.break_minutes)


def break_findings(work: Sequence[WorkDay]) -> list[Finding]:
    """Breaks per date: spans on one date add up, and the free time between them is break time."""
    by_date: dict[dt.date, list[WorkDay]] = defaultdict(list)
    for w in work:
        if not w.exempt:
            by_date[w.date].append(w)
    out = []
    for day, items in sorted(by_date.items()):
        items.sort(key=lambda x: x.start)
        worked = sum(w.minutes for w in items)
        rest = sum(w.break_minutes for w in items)
        rest += sum(max(0, b.start - a.end) for a, b in pairwise(items))
        need = required_break(worked)
        if rest < need:
            out.append(
                Finding(
                    "R3.2",
                    day,
                    "break",
                    f"{day}: {worked // 60}h{worked % 60:02d} of work with a {rest}-minute break; "
                    f"at least {need} minutes required (34条)",
                    day,
                    day,
                    params=(("worked", worked), ("break", rest), ("need", need)),
                )
            )
    return out


def interval_findings(work: Sequence[WorkDay], minimum: int) -> list[Finding]:
    """Rest between the end of one day's work and the start of the next day's under the set
    minimum (a duty of effort only: a warning on the later day)."""
    spans: dict[dt.date, tuple[int, int]] = {}
    for w in work:
        if w.exempt:
            continue
        a, b = absolute(w.date, w.start), absolute(w.date, w.end)
        lo, hi = spans.get(w.date, (a, b))
        spans[w.date] = (min(lo, a), max(hi, b))
    out = []
    for (_, (_, end)), (day, (start, _)) in pairwise(sorted(spans.items())):
        gap = start - end
        if gap < minimum:
            out.append(
                Finding(
                    "R3.7",
                    day,
                    "interval",
                    f"{day}: {max(gap, 0) // 60}h{max(gap, 0) % 60:02d} since the previous "
                    f"day's work, under the {minimum // 60} h interval",
                    day,
                    day,
                    hard=False,
                    params=(("gap", gap), ("minimum", minimum)),
                )
            )
    return out
