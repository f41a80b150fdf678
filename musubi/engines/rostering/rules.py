"""Constraint and objective terms, added to a Builder one rule family at a time.

Each hard constraint belongs to a named group (``"<worker>: max total minutes"``); the
group name is what an infeasibility explanation reports. Windowed rules are only posted
for windows that touch a free day: windows made only of fixed cells are constant and
were already satisfied by the incumbent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ortools.sat.python import cp_model

from musubi.engines.labour.hours import DAILY, WEEKLY

from .model import Rule

if TYPE_CHECKING:  # for annotations only: builder imports this module, never the reverse
    from .builder import Builder, Lit


def _soft(rule: Rule, name: str) -> tuple[str, int] | None:
    return (f"labour_{name}", rule.weight) if rule.mode == "soft" else None


def worker_rules(b: Builder, e: int) -> None:
    if e in b.relaxed:
        return
    fr = b._worker_free_days(e)
    cache = b.worker_cache
    key: Any = None
    if fr is None and cache is not None:
        row = tuple(b.roster.get((e, d), ()) for d in range(b.c.H))
        key = (e, row)
        hit = cache.get(key)
        if hit is not None:
            for term, v in hit.items():
                b.const[term] += v
            return
    before = dict(b.const)
    b.row(e)
    _worker_rules(b, e, fr)
    if key is not None and cache is not None:
        cache[key] = {t: v - before.get(t, 0) for t, v in b.const.items() if v != before.get(t, 0)}


def _worker_rules(b: Builder, e: int, fr: tuple[int, int] | None) -> None:
    c, p = b.c, b.p
    wk = p.workers[e]
    wid = wk.id
    H, S = c.H, c.S
    xs, w = b.xs[e], b.w[e]
    # Hard rules of a fully fixed worker are constants the incumbent already satisfies.
    hard = fr is not None
    lo, hi = fr if fr is not None else (0, H)

    def touches(a: int, z: int) -> bool:
        """Does the day interval [a, z] contain a free day?"""
        return hard and a < hi and z >= lo

    minutes_pairs = [(c.minutes[s], xs[d][s]) for d in range(H) for s in range(S)]

    if hard:
        _rest(b, e, lo, hi)
        for s, sh in enumerate(p.shifts):
            n = wk.max_for(sh.id)
            if n is not None and n > 0:
                b.at_most([(1, xs[d][s]) for d in range(H)], n, f"{wid}: max {sh.id} shifts")
        if wk.max_total_minutes is not None:
            b.at_most(minutes_pairs, wk.max_total_minutes, f"{wid}: max total minutes")
        if wk.min_total_minutes > 0:
            b.at_least(minutes_pairs, wk.min_total_minutes, f"{wid}: min total minutes")
        if wk.max_consecutive_days is not None:
            _max_consecutive(
                b,
                e,
                lambda a: wk.max_consecutive_days or 0,
                f"{wid}: max consecutive days",
                None,
                touches,
            )
        _min_runs(b, e, wk.min_consecutive_days, True, f"{wid}: min consecutive days", touches)
        _min_runs(
            b, e, wk.min_consecutive_days_off, False, f"{wid}: min consecutive days off", touches
        )
        for w_, d0, sid in p.locked:
            if w_ == wid and lo <= d0 < hi and 0 <= d0 < H:
                b.clause([xs[d0][c.sidx[sid]]], f"locked {wid} day {d0} {sid}")
    # Weekend literals are needed by the hard cap and by the fairness term.
    if wk.max_weekends is not None or p.weights.weekend_spread:
        wl = [_or(b, [w[d] for d in days]) for days in c.weekends]
        if hard:
            b.weekend_lits[e] = wl
        if hard and wk.max_weekends is not None:
            b.at_most([(1, lit) for lit in wl], wk.max_weekends, f"{wid}: max weekends")
    if hard:
        b.minutes_pairs[e] = minutes_pairs
    _requests(b, e)
    _labour(b, e, touches, hard)
    if p.weights.contract_shortfall and wk.contract_minutes:
        b.at_most(
            [(-m, lit) for m, lit in minutes_pairs],
            -wk.contract_minutes,
            None,
            ("contract_shortfall", p.weights.contract_shortfall),
        )
    if p.weights.continuity:
        sites: dict[str, list[Lit]] = {}
        for s, sh in enumerate(p.shifts):
            sites.setdefault(sh.site, []).extend(xs[d][s] for d in range(H))
        for lits in sites.values():
            b.cost("continuity", p.weights.continuity, _or(b, lits))
    if b.previous is not None and b.change_weight:
        for d in range(H):
            prev = b.previous.get((e, d), ())
            if prev:
                for s in prev:
                    b.cost("changes", b.change_weight, _not(xs[d][s]))
            else:
                b.cost("changes", b.change_weight, w[d])


def _not(lit: Lit) -> Lit:
    if isinstance(lit, int):
        return 1 - lit
    return lit.Not()


def _or(b: Builder, lits: list[Lit]) -> Lit:
    """A literal equal to the disjunction of ``lits`` (a constant when possible)."""
    vs = [lit for lit in lits if not isinstance(lit, int)]
    if any(isinstance(lit, int) and lit for lit in lits):
        return 1
    if not vs:
        return 0
    if len(vs) == 1:
        return vs[0]
    y = b.m.new_bool_var("")
    for v in vs:
        b.m.add_implication(v, y)
    b.m.add_bool_or([*vs, y.Not()])
    return y


def _rest(b: Builder, e: int, lo: int, hi: int) -> None:
    c, p = b.c, b.p
    wid = p.workers[e].id
    xs = b.xs[e]
    group = f"{wid}: rest between shifts"
    one_per_day = p.max_shifts_per_day == 1
    by_first: dict[tuple[int, int], list[int]] = {}
    for cl in c.clashes:
        if c.skill[e][cl.a] and c.skill[e][cl.b]:
            by_first.setdefault((cl.a, cl.delta), []).append(cl.b)
    for d in range(max(0, lo - 2), hi):
        for (a, delta), bs in by_first.items():
            if d + delta >= c.H or (isinstance(xs[d][a], int) and not xs[d][a]):
                continue
            seconds = [xs[d + delta][s] for s in bs]
            if one_per_day and delta > 0:
                # Shifts of one day exclude each other, so one at-most-one is exact.
                b.at_most([(1, xs[d][a]), *((1, lit) for lit in seconds)], 1, group)
            else:
                for lit in seconds:
                    b.clause([_not(xs[d][a]), _not(lit)], group)
    last = p.workers[e].history.last_shift_end
    if last is not None and lo < 2:
        for d in range(min(2, c.H)):
            for s, sh in enumerate(p.shifts):
                if d * 1440 + sh.start < last + c.rest:
                    b.clause([_not(xs[d][s])], f"{wid}: rest after history")


def _max_consecutive(
    b: Builder, e: int, limit_at: Any, group: str, soft: tuple[str, int] | None, touches: Any
) -> None:
    """Every window of limit+1 days (counting history before day 0) has a day off."""
    p, H = b.p, b.c.H
    w = b.w[e]
    hist = 0 if p.exempt_edges else p.workers[e].history.consecutive_days_worked
    first = limit_at(0)
    for a in range(-min(hist, first), H):
        L = limit_at(max(a, 0))
        z = a + L
        if z >= H:
            continue
        if soft is None and not touches(a, z):
            continue
        pairs: list[tuple[int, Lit]] = [(1, w[d]) for d in range(max(a, 0), z + 1)]
        if a < 0:
            pairs.append((-a, 1))
        b.at_most(pairs, L, group, soft)


def _min_runs(b: Builder, e: int, k: int, working: bool, group: str, touches: Any) -> None:
    """Runs (of work or of days off) shorter than k are forbidden unless they touch an edge."""
    if k <= 1:
        return
    p, H = b.p, b.c.H
    lit = b.w[e] if working else [_not(v) for v in b.w[e]]
    hist = p.workers[e].history
    for d in range(H):
        if not touches(d - 1, d + k - 1):
            continue
        if d == 0:
            if p.exempt_edges:
                continue
            done = hist.consecutive_days_worked if working else hist.consecutive_days_off
            for j in range(1, k - done):
                if j < H:
                    b.clause([_not(lit[0]), lit[j]], group)
            continue
        for j in range(1, k):
            if d + j >= H:
                break  # the run reaches the end of the horizon: exempt
            b.clause([lit[d - 1], _not(lit[d]), lit[d + j]], group)


def _requests(b: Builder, e: int) -> None:
    c, p = b.c, b.p
    wid = p.workers[e].id
    for r in b.requests_by_worker.get(wid, ()):
        if not 0 <= r.day < c.H:
            continue
        lit = b.w[e][r.day] if r.shift is None else b.xs[e][r.day][c.sidx[r.shift]]
        if r.on:
            b.cost("request_on", r.weight, _not(lit))
        else:
            b.cost("request_off", r.weight, lit)


def _labour(b: Builder, e: int, touches: Any, hard: bool) -> None:
    c, p = b.c, b.p
    lab = p.labour
    wk = p.workers[e]
    xs, w, H = b.xs[e], b.w[e], c.H

    def active(rule: Rule) -> bool:
        return rule.mode == "soft" or (rule.mode == "hard" and hard)

    def post(rule: Rule, name: str, a: int, z: int, pairs: list[tuple[int, Lit]], ub: int) -> None:
        soft = _soft(rule, name)
        if soft is None and not touches(a, z):
            return
        b.at_most(pairs, ub, f"{wk.id}: labour {name}", soft)

    def mins(a: int, z: int) -> list[tuple[int, Lit]]:
        return [(c.minutes[s], xs[d][s]) for d in range(a, z) for s in range(c.S)]

    if active(lab.daily_max):
        for d in range(H):
            post(lab.daily_max, "daily_max", d, d, mins(d, d + 1), lab.daily_max.limit)
    past = wk.history
    if active(lab.weekly_max):
        for a in range(lab.week_start_day, H, 7):
            lo, z = max(0, a), min(H, a + 7)
            before = past.week_minutes if a < 0 else 0
            post(
                lab.weekly_max, "weekly_max", lo, z - 1, mins(lo, z), lab.weekly_max.limit - before
            )
    if active(lab.rest_days):
        need = max(1, lab.rest_days.limit)
        span = 7 if need <= 1 else 28
        start = lab.week_start_day if span == 7 else lab.block_start_day
        for a in range(start, H, span):
            # Fixed cycle; days after the horizon are free for this period (see the checker).
            lo, z = max(0, a), min(H, a + span)
            before = past.block_days_worked if a < 0 else 0
            pairs = [(1, w[d]) for d in range(lo, z)]
            post(lab.rest_days, "rest_days", lo, z - 1, pairs, span - need - before)
    rule = lab.max_consecutive_days
    if active(rule):
        period = lab.designated_period

        def limit_at(a: int) -> int:
            if period is not None and period[0] <= a < period[1]:
                return lab.designated_max
            return rule.limit

        _max_consecutive(
            b,
            e,
            limit_at,
            f"{wk.id}: labour max_consecutive_days",
            _soft(rule, "max_consecutive_days"),
            touches,
        )
    if lab.interval.mode == "soft":
        for d in range(H):
            for cl in c.soft_interval:
                if d + cl.delta < H and c.skill[e][cl.a] and c.skill[e][cl.b]:
                    pairs = [(1, xs[d][cl.a]), (1, xs[d + cl.delta][cl.b])]
                    post(lab.interval, "interval", d, d + cl.delta, pairs, 1)
    if active(lab.monthly_overtime):
        md = max(1, lab.month_days)
        for a in range(0, H, md):
            z = min(H, a + md)
            if lab.legal_overtime:
                if touches(a, z - 1) or _soft(lab.monthly_overtime, "monthly_overtime"):
                    _legal_overtime(b, e, a, z)
                continue
            ub = 2400 * (z - a) // 7 + lab.monthly_overtime.limit
            post(lab.monthly_overtime, "monthly_overtime", a, z - 1, mins(a, z), ub)
    if active(lab.annual_days):
        pairs = [(1, w[d]) for d in range(H)]
        ub = lab.annual_days.limit - wk.history.days_worked_this_year
        post(lab.annual_days, "annual_days", 0, H - 1, pairs, ub)


def _legal_overtime(b: Builder, e: int, a: int, z: int) -> None:
    """Legal overtime in days [a, z) at most the monthly limit, as checker.legal_overtime counts
    it: per day an excess var ≥ minutes − 8 h, per fixed-cycle week an excess var ≥ the week's
    within-8h minutes − what 40 h leaves after the history. Excess vars only ever overstate
    (a larger daily excess lowers the week's by at most as much), so a model solution is
    lawful. A week crossing a month edge is counted in both months (exact for one month)."""
    c, p, m = b.c, b.p, b.m
    lab = p.labour
    rule = lab.monthly_overtime
    xs = b.xs[e]
    group = f"{p.workers[e].id}: labour monthly_overtime"
    if _overtime_bound(b, e, a, z) <= rule.limit:
        return  # the shifts open to this worker can never pass the cap: no variables needed
    total: list[tuple[int, Any]] = []
    within: dict[int, tuple[list[Any], list[int], int]] = {}
    for d in range(max(0, lab.week_start_day), c.H):
        vs, cs, k = b.split([(c.minutes[s], xs[d][s]) for s in range(c.S)])
        top = sum(x for x in cs if x > 0) + k
        if top <= DAILY:
            within[d] = (vs, cs, k)
            continue
        dx = m.new_int_var(0, top - DAILY, "")
        m.add(cp_model.LinearExpr.weighted_sum(vs, cs) + k - dx <= DAILY)
        within[d] = ([*vs, dx], [*cs, -1], k)
        if a <= d < z:
            total.append((1, dx))
    past = p.workers[e].history
    for wa in range(lab.week_start_day, c.H, 7):
        lo, hi = max(0, wa), min(c.H, wa + 7)
        if hi <= a or lo >= z:
            continue
        room = max(0, WEEKLY - (past.week_within_minutes if wa < 0 else 0))
        vs, cs, k = [], [], 0
        for d in range(lo, hi):
            dv, dc, dk = within[d]
            vs += dv
            cs += dc
            k += dk
        top = sum(x for x in cs if x > 0) + k - room
        if top <= 0:
            continue
        wx = m.new_int_var(0, top, "")
        m.add(cp_model.LinearExpr.weighted_sum(vs, cs) + k - wx <= room)
        total.append((1, wx))
    if not total:
        return
    expr = cp_model.LinearExpr.weighted_sum([v for _, v in total], [1] * len(total))
    soft = _soft(rule, "monthly_overtime")
    if soft is not None:
        term, weight = soft
        over = m.new_int_var(0, sum(c.minutes) * c.H, "")
        m.add(expr - over <= rule.limit)
        b.terms[term].append((weight, over))
        return
    b._enforce(m.add(expr <= rule.limit), group)


def _overtime_bound(b: Builder, e: int, a: int, z: int) -> int:
    """The most legal overtime days [a, z) could hold: each day's longest open shift(s)."""
    c, lab = b.c, b.p.labour
    past = b.p.workers[e].history
    longest = []
    for d in range(c.H):
        _, cs, k = b.split([(c.minutes[s], b.xs[e][d][s]) for s in range(c.S)])
        open_ = sorted((x for x in cs if x > 0), reverse=True)[: b.p.max_shifts_per_day]
        longest.append(sum(open_) + k)
    bound = sum(max(0, longest[d] - DAILY) for d in range(a, z))
    for wa in range(lab.week_start_day, c.H, 7):
        lo, hi = max(0, wa), min(c.H, wa + 7)
        if hi <= a or lo >= z:
            continue
        room = max(0, WEEKLY - (past.week_within_minutes if wa < 0 else 0))
        bound += max(0, sum(min(longest[d], DAILY) for d in range(lo, hi)) - room)
    return bound


def cover_rules(b: Builder) -> None:
    c, p, m = b.c, b.p, b.m
    nbh = b.nbh
    free_workers = sorted(nbh.workers) if nbh.workers is not None else list(range(c.E))
    fixed_count = b.fixed_count
    for cv in p.cover:
        s = c.sidx[cv.shift]
        d = cv.day
        if not 0 <= d < c.H:
            continue
        in_days = nbh.days is None or nbh.days[0] <= d < nbh.days[1]
        k = fixed_count.get((d, s), 0)
        vs: list[Any] = []
        if in_days:
            for e in free_workers:
                if s in b.roster.get((e, d), ()):
                    k -= 1
                lit = b.xs[e][d][s]
                if isinstance(lit, int):
                    k += lit
                else:
                    vs.append(lit)
        if cv.hard_min is not None and not b.skip_hard_min:
            b.at_least(
                [(1, v) for v in vs] + [(k, 1)], cv.hard_min, f"cover day {d} {cv.shift} minimum"
            )
        if not vs:
            b.const["cover_under"] += cv.weight_under * max(0, cv.target - k)
            b.const["cover_over"] += cv.weight_over * max(0, k - cv.target)
            continue
        under = m.new_int_var(0, max(0, cv.target - k), "")
        over = m.new_int_var(0, max(0, len(vs) + k - cv.target), "")
        m.add(cp_model.LinearExpr.sum(vs) + k + under - over == cv.target)
        b.terms["cover_under"].append((cv.weight_under, under))
        b.terms["cover_over"].append((cv.weight_over, over))


def fairness_rules(b: Builder) -> None:
    p, m = b.p, b.m
    wt = p.weights
    for weight, name, values in (
        (wt.minutes_spread, "minutes_spread", b.minutes_pairs),
        (
            wt.weekend_spread,
            "weekend_spread",
            {e: [(1, x) for x in ls] for e, ls in b.weekend_lits.items()},
        ),
    ):
        if not weight:
            continue
        exprs = []
        consts = []
        for e in range(b.c.E):
            if e in b.relaxed:
                continue
            if e not in values:
                consts.append(_fixed_value(b, e, name))
                continue
            vs, cs, k = b.split(values[e])
            if vs:
                exprs.append(cp_model.LinearExpr.weighted_sum(vs, cs) + k)
            else:
                consts.append(k)
        if not exprs:
            b.const[name] += weight * (max(consts) - min(consts)) if consts else 0
            continue
        big = 10**7
        top = m.new_int_var(0, big, "")
        bot = m.new_int_var(0, big, "")
        for ex in exprs:
            m.add(top >= ex)
            m.add(bot <= ex)
        for k in consts:
            m.add(top >= k)
            m.add(bot <= k)
        b.terms[name].append((weight, top))
        b.terms[name].append((-weight, bot))


def _fixed_value(b: Builder, e: int, name: str) -> int:
    """Minutes or worked weekends of a worker whose row is entirely fixed."""
    c = b.c
    if name == "minutes_spread":
        return sum(c.minutes[s] for d in range(c.H) for s in b.roster.get((e, d), ()))
    return sum(1 for days in c.weekends if any(b.roster.get((e, d)) for d in days))
