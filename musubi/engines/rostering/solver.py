"""Solve a roster problem: construction, full CP-SAT, large-neighbourhood search.

Phases, all sharing one incumbent roster:

1. Construction: workers are added a few at a time; each step solves a sub-model in
   which only those workers are free, earlier workers are fixed and later ones are
   absent. Worker rules only involve the worker's own cells, so each step is small and
   the result satisfies every worker rule (it is the CP-SAT warm start / hint).
   From ``LONG_HORIZON`` days on, CP-SAT needs seconds per worker even for one legal
   row, so rows come from a dynamic programme instead (rows.py, pattern.py), and a
   sweep rebuilds them one by one while that pays (sweep.py).
2. Full model with the hint: first, for a slice of the time, on tiny models (where it
   often proves optimality); last, for at least 2 s, on small models (the lower bound
   and sometimes the proof). Large models skip it: CP-SAT alone finds nothing there.
3. LNS: free a few workers, workers sharing a shift type, or a subset of workers over a
   one- or two-week window of days; fix the rest to the incumbent and solve the
   sub-model with a deterministic-time limit. Two neighbourhoods are solved in parallel
   threads (one CP-SAT worker each) and the better one is kept.
   Neighbourhood sizes adapt: grow when sub-models are solved to optimality, shrink when
   they time out.

Determinism: every random choice comes from ``random.Random(seed)`` and sub-solves use
fixed seeds and deterministic-time limits, so a run with ``max_iterations`` set and a
generous time limit is reproducible; a wall-clock limit can cut the run at a different
iteration on a busy machine.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from .builder import Builder, Neighbourhood, Roster
from .clock import ROW_CHARGE_PER_CELL, Clock, build_charge, solve_charge
from .compiled import Compiled
from .construct import construct, construct_rows
from .model import Assignment, Problem, Solution
from .subsolve import _extract, _hint, _params, evaluate, solve_sub
from .sweep import plain_objective
from .validate import validate

Progress = Callable[[int, int | None, float], None]

# From this many days on, rows come from the dynamic programme (pattern.py): CP-SAT's
# worker-by-worker construction needs seconds per worker there, minutes per instance.
LONG_HORIZON = 56
HALF_YEAR = 182
YEAR = 364


@dataclass(frozen=True)
class Options:
    time_limit: float = 60.0
    workers: int = 2
    seed: int = 0
    max_iterations: int | None = None
    progress: Progress | None = None
    # Fraction of the time given to the full model before LNS starts.
    full_share: float = 0.1
    log: bool = False
    # Budgets in CP-SAT deterministic time instead of wall-clock seconds (clock.py): the
    # run then repeats exactly, whatever the load on the machine.
    deterministic: bool = False
    # Column generation before LNS where it applies (off only for A/B measurements).
    colgen: bool = True


def _to_assignments(p: Problem, roster: Roster) -> tuple[Assignment, ...]:
    out = [
        Assignment(p.workers[e].id, d, p.shifts[s].id) for (e, d), ss in roster.items() for s in ss
    ]
    return tuple(sorted(out, key=lambda a: (a.worker, a.day, a.shift)))


def roster_from(p: Problem, assignments: Any) -> dict[tuple[int, int], tuple[int, ...]]:
    widx = {w.id: i for i, w in enumerate(p.workers)}
    sidx = {s.id: i for i, s in enumerate(p.shifts)}
    cells: dict[tuple[int, int], list[int]] = {}
    for a in assignments:
        if a.worker in widx and a.shift in sidx and 0 <= a.day < p.horizon:
            cells.setdefault((widx[a.worker], a.day), []).append(sidx[a.shift])
    return {k: tuple(sorted(v)) for k, v in cells.items()}


class _Search:
    def __init__(self, p: Problem, opt: Options, **model_kw: Any) -> None:
        self.p = p
        self.c = Compiled(p)
        self.opt = opt
        self.kw = model_kw
        self.clock = Clock(opt.deterministic)
        self.t0 = self.clock.now()
        self.deadline = self.t0 + opt.time_limit
        self.rng = random.Random(opt.seed)
        self.cache: dict[Any, dict[str, int]] = {}
        self.best: dict[tuple[int, int], tuple[int, ...]] | None = None
        self.best_obj: int | None = None
        self.bound: int | None = None
        self.t_best = 0.0
        self.optimal = False
        self.infeasible = False
        self.hint: dict[tuple[int, int], tuple[int, ...]] | None = None
        self.iterations = 0
        self.dtime = 0.3
        # Experimental, off: double the sub-solve time when stuck. Mixed in A/B runs.
        self.escalate = False
        self.cg: Any = None

    def elapsed(self) -> float:
        return self.clock.now() - self.t0

    def left(self) -> float:
        return self.deadline - self.clock.now()

    def offer(self, roster: dict[tuple[int, int], tuple[int, ...]] | None, obj: int | None) -> bool:
        if roster is None or obj is None:
            return False
        if self.best_obj is None or obj < self.best_obj:
            self.best, self.best_obj = roster, obj
            self.t_best = self.elapsed()
            if self.opt.progress:
                self.opt.progress(obj, self.bound, self.t_best)
            return True
        if obj == self.best_obj:
            self.best = roster  # sideways moves help the search leave plateaus
        return False

    def full(self, seconds: float) -> None:
        b = Builder(self.c, worker_cache=None, **self.kw)
        built = b.build()
        hint = self.best or self.hint
        if hint is not None:
            _hint(built, hint)
        solver = cp_model.CpSolver()
        _params(solver, self.opt.workers, self.opt.seed, seconds, self.clock, len(built.x))
        search = self

        class _Cb(cp_model.CpSolverSolutionCallback):
            def on_solution_callback(self) -> None:
                if search.opt.progress:
                    search.opt.progress(
                        round(self.objective_value),
                        round(self.best_objective_bound),
                        search.elapsed(),
                    )

        st = solver.solve(built.model, _Cb())
        cells = self.c.E * self.c.H + len(self.p.cover)
        dt = solver.response_proto.deterministic_time
        self.clock.charge(build_charge(cells, len(built.x)) + solve_charge(dt, len(built.x)))
        if st == cp_model.INFEASIBLE:
            self.infeasible = True
            return
        if st in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            # Every term is non-negative, whatever the LP says about the spread terms.
            bound = max(0, round(solver.best_objective_bound))
            self.bound = bound if self.bound is None else max(self.bound, bound)
            roster = _extract(self.c, built, solver, {}, Neighbourhood())
            self.offer(roster, round(solver.objective_value))
            if st == cp_model.OPTIMAL:
                self.optimal = True
        elif st == cp_model.UNKNOWN:
            bound = round(solver.best_objective_bound)
            if bound > -(10**15):
                self.bound = bound if self.bound is None else max(self.bound, bound)

    def sweep(self, until: float) -> None:
        """Rebuild rows one worker at a time with the dynamic programme (pattern.py) until
        a whole pass gains under 0.5 % or ``until`` (monotonic) passes."""
        from .sweep import Sweeper

        if self.best is None or self.best_obj is None:
            return
        sw = Sweeper(self.c, dict(self.best))
        obj = float(self.best_obj)
        per_row = self.c.H * self.c.S * ROW_CHARGE_PER_CELL
        while self.clock.now() < until:
            order = list(range(self.c.E))
            self.rng.shuffle(order)
            start = obj
            for e in order:
                if self.clock.now() >= until:
                    break
                obj += sw.improve(e)
                self.clock.charge(per_row)
            self.offer(sw.roster(), round(obj))
            if start - obj < 0.005 * start:
                break

    def colgen(self, until: float) -> None:
        """Column generation until ``until`` (clock): the LP bound, then the restricted
        master as an integer programme warm-started from the incumbent (colgen.py)."""
        from .colgen import ColumnGeneration

        if self.best is None:
            return
        cg = ColumnGeneration(self.c, self.clock, self.opt.seed, self.opt.workers)
        cg.add_roster(self.best)
        res = cg.run(until, log=print if self.opt.log else None)
        # The master over columns of a half-finished generation is rarely better than
        # the incumbent (Instance8: 4977 against 2981), so only a converged one is used.
        self.cg = cg if res.converged else None
        if res.bound is not None:
            self.bound = res.bound if self.bound is None else max(self.bound, res.bound)
        if self.best_obj is not None and self.bound is not None and self.best_obj <= self.bound:
            self.optimal = True

    def master(self, seconds: float) -> None:
        """Solve the restricted master over the columns so far plus the incumbent's rows."""
        cg = self.cg
        if cg is None or self.best is None or self.optimal or seconds <= 0.05:
            return
        cg.add_roster(self.best)
        # One worker: measured better than two interleaved (Instance5: 1151 vs 1269).
        ip = cg.solve_ip(seconds, self.opt.seed, 1)
        if ip.roster is not None:
            self.offer(ip.roster, sum(evaluate(self.c, ip.roster, **self.kw).values()))
        if self.best_obj is not None and self.bound is not None and self.best_obj <= self.bound:
            self.optimal = True

    def pick(self, size: float) -> Neighbourhood:
        c, rng = self.c, self.rng
        kind = rng.random()
        cells_per_worker = c.H * max(1, c.S)
        nw = max(1, min(c.E, round(size / max(1, cells_per_worker))))
        if kind < 0.4 or c.H <= 14:
            return Neighbourhood(workers=frozenset(rng.sample(range(c.E), nw)))
        if kind < 0.7:
            # Workers sharing a random shift type: they are the ones who can swap.
            s = rng.randrange(c.S)
            pool = [e for e in range(c.E) if c.skill[e][s]] or list(range(c.E))
            k = min(len(pool), max(2, nw))
            return Neighbourhood(workers=frozenset(rng.sample(pool, k)))
        # A window of days for as many workers as the size allows: windows over all
        # workers of a large instance are slow to solve (seconds) and rarely pay off.
        length = min(c.H, rng.choice((7, 14)))
        k = max(2, round(size / max(1, length * c.S)))
        a = rng.randrange(0, max(1, c.H - length + 1))
        if k >= c.E:
            return Neighbourhood(days=(a, a + length))
        return Neighbourhood(workers=frozenset(rng.sample(range(c.E), k)), days=(a, a + length))

    def lns(self, stop_before: float = 0.0) -> None:
        c = self.c
        size = float(min(c.E * c.H * c.S, 3 * c.H * c.S))
        it = 0
        stale = 0
        par = 2 if self.opt.workers >= 2 else 1
        with ThreadPoolExecutor(max_workers=par) as pool:
            # Building a sub-model takes up to a second on a year-long instance and is not
            # covered by CP-SAT's time limit: keep that much in hand.
            build = 0.0
            while (
                self.left() > 0.2 + stop_before + build
                and self.best is not None
                and not self.optimal
            ):
                if self.opt.max_iterations is not None and it >= self.opt.max_iterations:
                    break
                base = self.best
                jobs = []
                for j in range(par):
                    nbh = self.pick(size)
                    seed = self.opt.seed * 7919 + it * 2 + j
                    jobs.append(
                        pool.submit(
                            solve_sub,
                            c,
                            base,
                            nbh,
                            seed=seed,
                            dtime=self.dtime,
                            seconds=max(0.05, min(self.left() - stop_before - build, 10.0)),
                            cache=self.cache,
                            clock=self.clock,
                            **self.kw,
                        )
                    )
                results = [f.result() for f in jobs]
                self.clock.charge(max(r.charge for r in results))
                # A deterministic clock already counts the build in the charge.
                if not self.clock.deterministic:
                    build = max(r.build_seconds for r in results)
                it += 1
                if self.opt.log:
                    print(
                        f"it {it} size {size:.0f} {[int(r.status) for r in results]}"
                        f" {[r.objective for r in results]}"
                        f" best {self.best_obj} t {self.elapsed():.1f}",
                        flush=True,
                    )
                proved = sum(1 for r in results if r.status == cp_model.OPTIMAL)
                before = self.best_obj
                # Prefer the better result; ties go to the first job for determinism.
                for r in sorted(
                    results, key=lambda r: r.objective if r.objective is not None else 1 << 62
                ):
                    self.offer(r.roster, r.objective)
                    break
                if proved == len(results):
                    size = min(size * 1.15, float(c.E * c.H * c.S))
                else:
                    size = max(50.0, size * 0.85)
                # Stuck in a local optimum: search bigger neighbourhoods for longer.
                stale = 0 if self.best_obj != before else stale + 1
                if stale >= 15 and self.escalate:
                    self.dtime = min(4.0, self.dtime * 2)
                    size = min(size * 1.3, float(c.E * c.H * c.S))
                    stale = 0
                elif stale == 0:
                    self.dtime = 0.3
                if len(self.cache) > 20000:
                    self.cache.clear()
                if (
                    self.bound is not None
                    and self.best_obj is not None
                    and (self.best_obj <= self.bound)
                ):
                    self.optimal = True
        self.iterations = it


def _rows_first(c: Compiled, opt: Options, repairing: bool) -> bool:
    """Start from dynamic-programme rows (rows.py) rather than CP-SAT blocks?

    Measured on Curtois-Qu (docs/benchmarks/rostering.md): rows are the only start a year
    (364 days) gets in time, and from 8-12 weeks they led to better rosters (Instance16 at
    300 s: 0.43 % against 6.67 %; 18 and 19 within noise). For half a year (Instance20)
    with 600 s the CP-SAT start led further (5.81 % and 3.06 % in two runs, against
    9.18 %), while with 60 s it only just finishes, so there the time limit decides.
    """
    if repairing or c.p.max_shifts_per_day != 1 or c.H < LONG_HORIZON:
        return False
    if c.H < HALF_YEAR or c.H >= YEAR:
        return True
    return opt.time_limit < 300


# Column generation prices every worker each round; beyond this many worker-day-shift
# cells a round takes a large share of the limit and the bound stays weak.
COLGEN_CELLS = 200_000
# Pricing is one CP-SAT solve per worker: measured 0.05-0.1 s on a 28-day, 4-type row and
# about a minute on a 182-day, 6-type one (Instance20), which makes rounds far too slow.
PRICING_CELLS = 450


def _colgen_first(c: Compiled, repairing: bool) -> bool:
    from .colgen import applicable

    return (
        not repairing
        and c.E * c.H * c.S <= COLGEN_CELLS
        and c.H * c.S <= PRICING_CELLS
        and applicable(c)
    )


def solve(
    p: Problem,
    opt: Options | None = None,
    *,
    previous: tuple[Assignment, ...] | None = None,
    change_weight: int = 0,
) -> Solution:
    """Solve ``p``; with ``previous``, each changed assignment costs ``change_weight``."""
    from .diagnose import explain_infeasible, uncovered_reasons

    opt = opt or Options()
    validate(p)
    kw: dict[str, Any] = {}
    if previous is not None:
        kw = {"previous": roster_from(p, previous), "change_weight": change_weight}
    s = _Search(p, opt, **kw)
    c = s.c
    # Keep the end of the time limit for the final evaluation and the reasons for
    # uncovered demand (seconds on a year-long instance), so the limit holds.
    # About 0.5 s for Instance24's 1.7 million cells, mostly the uncovered-demand reasons.
    # Under load the last steps take longer: Instance6 overran 60 s by 0.19 s with 0.3 s.
    s.deadline -= min(0.08 * opt.time_limit, 0.6 + c.E * c.H * c.S / 200_000)
    if previous is not None:
        # Repair: the previous roster, minus cells that became impossible, is the hint;
        # construction then rebuilds worker by worker, paying for every change.
        prev = kw["previous"]
        s.hint = {
            k: tuple(x for x in v if c.skill[k[0]][x] and (k[1], x) not in c.blocked[k[0]])
            for k, v in prev.items()
        }
    # The full model is hopeless on large instances, so construction may use almost all
    # the time there; on small ones the full model is a real fallback.
    small = c.E * c.H * c.S <= 8000
    share = 0.6 if small else 0.95
    deadline = s.t0 + opt.time_limit * share
    roster = None
    rows = _rows_first(c, opt, previous is not None)
    if rows:
        roster = construct_rows(c, deadline, opt.seed, s.cache, s.clock)
    if roster is None:
        roster = construct(c, deadline, opt.seed, s.cache, min(2, opt.workers), clock=s.clock, **kw)
    if roster is not None and not any(cv.hard_min for cv in p.cover):
        s.offer(roster, sum(evaluate(c, roster, **kw).values()))
    elif roster is not None:
        s.hint = roster  # may break a cross-worker hard minimum: a hint only
    # Tiny models: a short full solve first (it often proves optimality). Small models:
    # LNS, then a final hinted full solve for the bound. Large models: LNS only.
    tiny = c.E * c.H * c.S <= 1000
    if s.left() > 0 and opt.full_share > 0 and (tiny or s.best is None):
        s.full(max(0.5, min(s.left() * opt.full_share, 8.0)))
    # Nothing found yet: give the full model the remaining time, unless the model is so
    # large that merely building it would overrun the time limit.
    if s.best is None and not s.infeasible and s.left() > (0.5 if small else 30.0):
        s.full(s.left())
    if rows and s.best is not None and plain_objective(c):
        s.sweep(s.t0 + opt.time_limit * 0.7)
    if not s.infeasible and s.best is not None:
        proof = 0.0
        if small and opt.full_share > 0:
            # At least two seconds: building and presolving the full model takes ~1 s.
            proof = max(opt.time_limit * opt.full_share, min(2.0, 0.25 * opt.time_limit))
        if opt.colgen and _colgen_first(c, previous is not None) and not s.optimal:
            # LNS first: under load, generation may not converge in the limit, and LNS
            # alone was better than plain CP-SAT there (Instance5 at 60 s: generation
            # first 1654 against plain 1461). Then generation from LNS's rows (the bound),
            # the master if it converged, and LNS again from the master's roster.
            left = s.left() - proof
            s.lns(stop_before=proof + 0.5 * left)
            left = s.left() - proof
            s.colgen(s.clock.now() + 0.6 * left)
            s.master(min(0.5 * max(0.0, s.left() - proof), s.left() - proof - 0.5))
        s.lns(stop_before=proof)
        if proof and not s.optimal and s.left() > 0.5:
            s.full(s.left())
    if s.infeasible or s.best is None:
        conflicts = (
            explain_infeasible(p, min(30.0, max(5.0, opt.time_limit))) if s.infeasible else ()
        )
        status: Any = "infeasible" if s.infeasible else "unknown"
        return Solution(
            status, conflicts=conflicts, seconds=s.elapsed(), seconds_to_best=s.elapsed()
        )
    terms = evaluate(c, s.best, **kw)
    obj = sum(terms.values())
    bound = s.bound
    optimal = s.optimal or (bound is not None and obj <= bound)
    assignments = _to_assignments(p, s.best)
    budget = max(0.0, s.t0 + opt.time_limit - s.clock.now() - 0.1)
    if opt.deterministic:
        budget = 2.0  # the reasons are not part of the objective: any budget repeats it
    return Solution(
        "optimal" if optimal else "feasible",
        assignments,
        obj,
        obj if optimal else bound,
        tuple(sorted(terms.items())),
        uncovered_reasons(p, assignments, budget),
        seconds=s.elapsed(),
        seconds_to_best=s.t_best,
    )
