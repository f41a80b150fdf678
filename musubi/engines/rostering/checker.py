"""Independent checker: verifies hard constraints and recomputes the objective.

Written straight from the rule definitions in docs/rostering-problem-format.md, using
only the Problem and the list of assignments. It shares no code with the CP-SAT model
(compiled.py, builder.py, rules.py), so tests and benchmarks that trust it are checking
the solver rather than repeating it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from musubi.engines.labour.hours import DAILY, WEEKLY

from .model import Assignment, Problem, Rule, ShiftType, Worker, weekend_pairs

DAY = 1440


@dataclass(frozen=True)
class Report:
    violations: tuple[str, ...]
    terms: tuple[tuple[str, int], ...]

    @property
    def objective(self) -> int:
        return sum(v for _, v in self.terms)

    @property
    def feasible(self) -> bool:
        return not self.violations


def check(
    p: Problem,
    assignments: Iterable[Assignment],
    previous: Iterable[Assignment] | None = None,
    change_weight: int = 0,
) -> Report:
    shifts = {s.id: s for s in p.shifts}
    workers = {w.id: w for w in p.workers}
    bad: list[str] = []
    cost: Counter[str] = Counter()
    by_worker: dict[str, dict[int, list[ShiftType]]] = {w.id: defaultdict(list) for w in p.workers}
    seen: set[tuple[str, int, str]] = set()
    for a in assignments:
        if a.worker not in workers or a.shift not in shifts or not 0 <= a.day < p.horizon:
            bad.append(f"unknown worker/shift/day in {a}")
            continue
        if (a.worker, a.day, a.shift) in seen:
            bad.append(f"duplicate assignment {a}")
            continue
        seen.add((a.worker, a.day, a.shift))
        by_worker[a.worker][a.day].append(shifts[a.shift])

    for w in p.workers:
        check_worker(p, w, by_worker[w.id], bad, cost)

    for wid, d, sid in p.locked:
        if (wid, d, sid) not in seen:
            bad.append(f"locked shift missing: {wid} day {d} {sid}")

    count: Counter[tuple[int, str]] = Counter((d, s) for (_, d, s) in seen)
    for cv in p.cover:
        n = count[cv.day, cv.shift]
        cost["cover_under"] += cv.weight_under * max(0, cv.target - n)
        cost["cover_over"] += cv.weight_over * max(0, n - cv.target)
        if cv.hard_min is not None and n < cv.hard_min:
            bad.append(f"cover day {cv.day} {cv.shift}: {n} < hard minimum {cv.hard_min}")

    for r in p.requests:
        day = by_worker.get(r.worker, {}).get(r.day, [])
        hit = bool(day) if r.shift is None else any(s.id == r.shift for s in day)
        if r.on and not hit:
            cost["request_on"] += r.weight
        if not r.on and hit:
            cost["request_off"] += r.weight

    wt = p.weights
    if wt.minutes_spread:
        tot = [sum(s.minutes for ss in by_worker[w.id].values() for s in ss) for w in p.workers]
        cost["minutes_spread"] += wt.minutes_spread * (max(tot) - min(tot))
    if wt.weekend_spread:
        wk = [_weekends_worked(p, by_worker[w.id]) for w in p.workers]
        cost["weekend_spread"] += wt.weekend_spread * (max(wk) - min(wk))
    if previous is not None and change_weight:
        old: dict[tuple[str, int], set[str]] = defaultdict(set)
        for a in previous:
            old[a.worker, a.day].add(a.shift)
        for w in p.workers:
            for d in range(p.horizon):
                before = old.get((w.id, d), set())
                now = {s.id for s in by_worker[w.id].get(d, [])}
                if before:
                    cost["changes"] += change_weight * len(before - now)
                elif now:
                    cost["changes"] += change_weight
    terms = tuple(sorted((k, v) for k, v in cost.items() if v))
    return Report(tuple(bad), terms)


def _weekends_worked(p: Problem, days: dict[int, list[ShiftType]]) -> int:
    return sum(1 for sat, sun in weekend_pairs(p) if days.get(sat) or days.get(sun))


def _runs(worked: list[bool], value: bool) -> list[tuple[int, int]]:
    """Maximal runs [a, z] of days whose worked flag equals ``value``."""
    out = []
    d = 0
    while d < len(worked):
        if worked[d] == value:
            z = d
            while z + 1 < len(worked) and worked[z + 1] == value:
                z += 1
            out.append((d, z))
            d = z + 1
        else:
            d += 1
    return out


def check_worker(
    p: Problem,
    w: Worker,
    days: dict[int, list[ShiftType]],
    bad: list[str],
    cost: Counter[str],
) -> None:
    """Append worker ``w``'s hard-rule violations to ``bad`` and add its soft costs.

    Public so that the solver can test a row it built without the CP-SAT model (rows.py);
    the checker itself still shares no code with the solver."""
    H = p.horizon
    worked = [bool(days.get(d)) for d in range(H)]
    lab = p.labour
    for d, ss in days.items():
        if len(ss) > p.max_shifts_per_day:
            bad.append(f"{w.id}: {len(ss)} shifts on day {d}")
        for i, a in enumerate(ss):
            for b in ss[i + 1 :]:
                first, second = (a, b) if a.start <= b.start else (b, a)
                if second.start - first.end < _travel(p, a.site, b.site):
                    bad.append(f"{w.id}: shifts {a.id} and {b.id} on day {d} overlap or no travel")
        for s in ss:
            if (s.skill is not None and s.skill not in w.skills) or w.max_for(s.id) == 0:
                bad.append(f"{w.id}: not qualified for {s.id}")
            if d in w.days_off:
                bad.append(f"{w.id}: works on day off {d}")
            for win in w.unavailable:
                if d * DAY + s.start < win.end and win.start < d * DAY + s.end:
                    bad.append(f"{w.id}: works {s.id} on day {d} while unavailable")
    # Rest and forbidden successions between shifts on different days.
    rest = max(p.min_rest_minutes, lab.interval.limit if lab.interval.mode == "hard" else 0)
    forbidden = set(p.forbidden_successions)
    for d, ss in days.items():
        for delta in (1, 2):
            for a in ss:
                for b in days.get(d + delta, []):
                    gap = delta * DAY + b.start - a.end
                    if gap < rest:
                        bad.append(f"{w.id}: rest {gap} min between day {d} and {d + delta}")
                    if delta == 1 and (a.id, b.id) in forbidden:
                        bad.append(f"{w.id}: forbidden succession {a.id}->{b.id} on day {d}")
                    if lab.interval.mode == "soft" and gap < lab.interval.limit:
                        cost["labour_interval"] += lab.interval.weight
    last = w.history.last_shift_end
    if last is not None:
        for d in (0, 1):
            for s in days.get(d, []):
                if d * DAY + s.start < last + rest:
                    bad.append(f"{w.id}: too little rest after history on day {d}")
    per_type = Counter(s.id for ss in days.values() for s in ss)
    for sid, n in w.max_shifts:
        if per_type[sid] > n:
            bad.append(f"{w.id}: {per_type[sid]} {sid} shifts > {n}")
    total = sum(s.minutes for ss in days.values() for s in ss)
    if w.max_total_minutes is not None and total > w.max_total_minutes:
        bad.append(f"{w.id}: {total} min > max {w.max_total_minutes}")
    if total < w.min_total_minutes:
        bad.append(f"{w.id}: {total} min < min {w.min_total_minutes}")
    hist = 0 if p.exempt_edges else w.history.consecutive_days_worked
    if w.max_consecutive_days is not None:
        for excess in _consecutive_excess(worked, hist, lambda a: w.max_consecutive_days or 0):
            bad.append(f"{w.id}: works more than {w.max_consecutive_days} days in a row ({excess})")
    for value, k, before, label in (
        (True, w.min_consecutive_days, w.history.consecutive_days_worked, "working"),
        (False, w.min_consecutive_days_off, w.history.consecutive_days_off, "off"),
    ):
        for run_start, z in _runs(worked, value):
            if z == H - 1:
                continue
            length = z - run_start + 1
            if run_start == 0:
                if p.exempt_edges:
                    continue
                length += before
            if length < k:
                bad.append(f"{w.id}: {label} run of {length} days from day {run_start} < {k}")
    if w.max_weekends is not None:
        n = _weekends_worked(p, days)
        if n > w.max_weekends:
            bad.append(f"{w.id}: {n} weekends > {w.max_weekends}")
    _labour(p, w, days, worked, bad, cost)
    wt = p.weights
    if wt.contract_shortfall and w.contract_minutes:
        cost["contract_shortfall"] += wt.contract_shortfall * max(0, w.contract_minutes - total)
    if wt.continuity:
        sites = {s.site for ss in days.values() for s in ss}
        cost["continuity"] += wt.continuity * len(sites)


def _travel(p: Problem, a: str, b: str) -> int:
    if a == b:
        return 0
    for x, y, m in p.travel_minutes:
        if {x, y} == {a, b}:
            return m
    return 0


def _consecutive_excess(worked: list[bool], hist: int, limit_at: object) -> list[int]:
    """Excess of worked days over the limit in each (limit+1)-day window, history included."""
    assert callable(limit_at)
    H = len(worked)
    out = []
    for a in range(-hist, H):
        L = int(limit_at(max(a, 0)))
        if a < -L or a + L >= H:
            continue
        n = sum(1 for d in range(a, a + L + 1) if d < 0 or worked[d])
        if n > L:
            out.append(n - L)
    return out


def _apply(
    rule: Rule, name: str, excess: int, w: Worker, bad: list[str], cost: Counter[str]
) -> None:
    if excess <= 0 or rule.mode == "off":
        return
    if rule.mode == "hard":
        bad.append(f"{w.id}: labour rule {name} exceeded by {excess}")
    else:
        cost[f"labour_{name}"] += rule.weight * excess


def legal_overtime(p: Problem, w: Worker, days: dict[int, list[ShiftType]]) -> list[int]:
    """Legal overtime per day as musubi.engines.labour.hours counts it (R3.1): minutes beyond
    8 h in the day, plus minutes within 8 h that pass 40 h in the fixed-cycle week, counted on
    the day the week passes 40 h; the part of the first week before day 0 comes from history."""
    lab = p.labour
    out = [0] * p.horizon
    for a in range(lab.week_start_day, p.horizon, 7):
        counted = w.history.week_within_minutes if a < 0 else 0
        for d in range(max(0, a), min(p.horizon, a + 7)):
            m = sum(s.minutes for s in days.get(d, []))
            daily = max(0, m - DAILY)
            within = m - daily
            weekly = max(0, counted + within - WEEKLY) - max(0, counted - WEEKLY)
            counted += within
            out[d] = daily + weekly
    return out


def _labour(
    p: Problem,
    w: Worker,
    days: dict[int, list[ShiftType]],
    worked: list[bool],
    bad: list[str],
    cost: Counter[str],
) -> None:
    lab = p.labour
    H = p.horizon

    def minutes(a: int, z: int) -> int:
        return sum(s.minutes for d in range(a, z) for s in days.get(d, []))

    for d in range(H):
        _apply(lab.daily_max, "daily_max", minutes(d, d + 1) - lab.daily_max.limit, w, bad, cost)
    past = w.history
    for a in range(lab.week_start_day, H, 7):
        before = past.week_minutes if a < 0 else 0
        ex = before + minutes(max(0, a), min(H, a + 7)) - lab.weekly_max.limit
        _apply(lab.weekly_max, "weekly_max", ex, w, bad, cost)
    need = max(1, lab.rest_days.limit)
    span = 7 if need <= 1 else 28
    start = lab.week_start_day if span == 7 else lab.block_start_day
    for a in range(start, H, span):
        # Days after the horizon are free as far as this period goes (R3.3 on the fixed cycle).
        busy = (past.block_days_worked if a < 0 else 0) + sum(
            1 for d in range(max(0, a), min(H, a + span)) if worked[d]
        )
        _apply(lab.rest_days, "rest_days", busy - (span - need), w, bad, cost)
    if lab.max_consecutive_days.mode != "off":
        period = lab.designated_period

        def limit_at(a: int) -> int:
            if period is not None and period[0] <= a < period[1]:
                return lab.designated_max
            return lab.max_consecutive_days.limit

        hist = 0 if p.exempt_edges else w.history.consecutive_days_worked
        for ex in _consecutive_excess(worked, hist, limit_at):
            _apply(lab.max_consecutive_days, "max_consecutive_days", ex, w, bad, cost)
    md = max(1, lab.month_days)
    overtime = legal_overtime(p, w, days) if lab.legal_overtime else []
    for a in range(0, H, md):
        z = min(H, a + md)
        if lab.legal_overtime:
            ex = sum(overtime[a:z]) - lab.monthly_overtime.limit
        else:
            ex = minutes(a, z) - (2400 * (z - a) // 7 + lab.monthly_overtime.limit)
        _apply(lab.monthly_overtime, "monthly_overtime", ex, w, bad, cost)
    ex = w.history.days_worked_this_year + sum(worked) - lab.annual_days.limit
    _apply(lab.annual_days, "annual_days", ex, w, bad, cost)
