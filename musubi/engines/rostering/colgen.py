"""Column generation: a set-partitioning master over whole worker schedules.

Master (one column per worker schedule, lambda_ep in [0, 1]):

    min  sum cost_p lambda_ep + sum_(d,s) (w_under u_ds + w_over o_ds)
    s.t. sum_e sum_p a_pds lambda_ep + u_ds - o_ds = target_ds      (cover, dual pi_ds)
         sum_p lambda_ep = 1                                           (one schedule each)

The LP is solved by GLOP (OR-Tools' simplex). Pricing finds, for each worker, the legal
schedule of least ``cost(x) - sum pi_ds x_ds``: a CP-SAT model of that one worker's rules
(the same ``Builder`` and ``rules`` as everything else), so every column is a legal row.

Lower bound: for any pi with -w_over <= pi <= w_under, the Lagrangian bound

    L(pi) = sum_(d,s) pi_ds target_ds + sum_e min_x (cost_e(x) - pi . x_e)

is below the optimum (dualise the cover rows; the u/o terms then vanish). CP-SAT's bound
on each worker's pricing problem is a valid lower bound on that minimum even when the
solve is cut short, and duals are rounded down in the pricing objective, so the bound is
valid whatever the budget. The restricted master is then solved as an integer programme
by CP-SAT with the incumbent's rows among the columns and as the hint.

Only for objectives that split by worker plus cover (no spread terms, no hard cover
minimum); ``applicable`` says so.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from . import rules
from .builder import Builder, Neighbourhood, Roster
from .clock import Clock, build_charge, dtime_within, solve_charge
from .compiled import Compiled

# Pricing objective scale: duals are rounded down to 1/SCALE (keeps the bound valid).
SCALE = 1000
LP_CHARGE_PER_NONZERO = 2e-7
Row = tuple[tuple[int, int], ...]  # sorted (day, shift) cells of one worker


def applicable(c: Compiled) -> bool:
    w = c.p.weights
    return not (w.minutes_spread or w.weekend_spread) and not any(cv.hard_min for cv in c.p.cover)


@dataclass
class _Pricer:
    """One worker's rules as a CP-SAT model; only the objective changes between rounds."""

    model: cp_model.CpModel
    x: dict[tuple[int, int], Any]
    own: list[tuple[int, Any]]
    const: int
    n_vars: int


@dataclass
class Result:
    bound: int | None = None
    roster: dict[tuple[int, int], tuple[int, ...]] | None = None
    objective: int | None = None
    iterations: int = 0
    columns: int = 0
    lp: float | None = None
    # No column prices out at the LP duals: the LP is solved and its bound is exact.
    converged: bool = False
    log: list[str] = field(default_factory=list)


def row_of(roster: Roster, e: int) -> Row:
    return tuple(sorted((d, s) for (w, d), ss in roster.items() if w == e for s in ss))


class ColumnGeneration:
    def __init__(self, c: Compiled, clock: Clock, seed: int = 0, workers: int = 2) -> None:
        self.c = c
        self.clock = clock
        self.seed = seed
        self.par = max(1, min(2, workers))
        self.cover: dict[tuple[int, int], tuple[int, int, int]] = {}
        for cv in c.p.cover:
            if 0 <= cv.day < c.H:
                self.cover[cv.day, c.sidx[cv.shift]] = (cv.target, cv.weight_under, cv.weight_over)
        self.cols: list[dict[Row, int]] = [{} for _ in range(c.E)]
        self.pricers: dict[int, _Pricer] = {}
        self.best_bound: float | None = None
        self.best_pi: dict[tuple[int, int], float] | None = None
        self.hint_rows: dict[int, Row] = {}
        self._lp_setup()

    # ----- columns -----------------------------------------------------------------
    def own_cost(self, e: int, row: Row) -> int:
        """Worker e's own objective terms for a row (requests, soft labour rules, ...)."""

        roster: dict[tuple[int, int], tuple[int, ...]] = {}
        for d, s in row:
            roster[e, d] = (*roster.get((e, d), ()), s)
        b = Builder(self.c, roster=roster, nbh=Neighbourhood(workers=frozenset()))
        b.xs = [[] for _ in range(self.c.E)]
        b.w = [[] for _ in range(self.c.E)]
        rules.worker_rules(b, e)
        return sum(b.const.values())

    def add(self, e: int, row: Row, cost: int | None = None) -> bool:
        if row in self.cols[e]:
            return False
        if cost is None:
            cost = self.own_cost(e, row)
        self.cols[e][row] = cost
        self._lp_column(e, row, cost)
        return True

    def add_roster(self, roster: Roster) -> None:
        for e in range(self.c.E):
            row = row_of(roster, e)
            self.add(e, row)
            self.hint_rows[e] = row

    # ----- LP master -------------------------------------------------------------------
    def _lp_setup(self) -> None:
        lp = pywraplp.Solver.CreateSolver("GLOP")
        assert lp is not None
        self.lp = lp
        inf = lp.infinity()
        self.cover_ct: dict[tuple[int, int], Any] = {}
        for (d, s), (t, wu, wo) in self.cover.items():
            u = lp.NumVar(0, inf, "")
            o = lp.NumVar(0, inf, "")
            ct = lp.Constraint(t, t)
            ct.SetCoefficient(u, 1)
            ct.SetCoefficient(o, -1)
            lp.Objective().SetCoefficient(u, wu)
            lp.Objective().SetCoefficient(o, wo)
            self.cover_ct[d, s] = ct
        self.one_ct = [lp.Constraint(1, 1) for _ in range(self.c.E)]
        lp.Objective().SetMinimization()

    def _lp_column(self, e: int, row: Row, cost: int) -> None:
        v = self.lp.NumVar(0, 1, "")
        self.lp.Objective().SetCoefficient(v, cost)
        self.one_ct[e].SetCoefficient(v, 1)
        for cell in row:
            ct = self.cover_ct.get(cell)
            if ct is not None:
                ct.SetCoefficient(v, 1)

    def solve_lp(self) -> tuple[float, dict[tuple[int, int], float], list[float]] | None:
        """LP optimum, cover duals (clipped to their valid range) and worker duals."""
        st = self.lp.Solve()
        # GLOP's work grows with the nonzeros; charge for it like any other step.
        nnz = sum(len(r) + 1 for cols in self.cols for r in cols)
        self.clock.charge(nnz * LP_CHARGE_PER_NONZERO)
        if st != pywraplp.Solver.OPTIMAL:
            return None
        pi: dict[tuple[int, int], float] = {}
        for cell, ct in self.cover_ct.items():
            _, wu, wo = self.cover[cell]
            pi[cell] = min(float(wu), max(-float(wo), ct.dual_value()))
        mu = [ct.dual_value() for ct in self.one_ct]
        return self.lp.Objective().Value(), pi, mu

    # ----- pricing -----------------------------------------------------------------------
    def _pricer(self, e: int) -> _Pricer:

        pr = self.pricers.get(e)
        if pr is not None:
            return pr
        b = Builder(self.c, nbh=Neighbourhood(workers=frozenset([e])))
        b.xs = [[] for _ in range(self.c.E)]
        b.w = [[] for _ in range(self.c.E)]
        rules.worker_rules(b, e)
        own = [pair for ts in b.terms.values() for pair in ts]
        x = {(d, s): v for (_, d, s), v in b.x.items()}
        pr = _Pricer(b.m, x, own, sum(b.const.values()), len(b.x))
        self.pricers[e] = pr
        self.clock.charge(build_charge(self.c.H * self.c.S, pr.n_vars))
        return pr

    def price(
        self, e: int, pi: dict[tuple[int, int], float], dtime: float, seconds: float
    ) -> tuple[float, Row | None, int | None, float]:
        """(lower bound on the least reduced cost without mu, best row, its own cost,
        charge)."""
        pr = self._pricer(e)
        m = pr.model
        coefs: list[int] = []
        vs: list[Any] = []
        for w, v in pr.own:
            vs.append(v)
            coefs.append(w * SCALE)
        for cell, v in pr.x.items():
            p = pi.get(cell, 0.0)
            if p:
                vs.append(v)
                coefs.append(math.floor(-p * SCALE))
        m.clear_hints()  # type: ignore[no-untyped-call]
        hint = set(self.hint_rows.get(e, ()))
        for cell, v in pr.x.items():
            m.add_hint(v, cell in hint)
        m.minimize(cp_model.LinearExpr.weighted_sum(vs, coefs))
        solver = cp_model.CpSolver()
        prm = solver.parameters
        prm.num_workers = 1
        prm.random_seed = self.seed
        prm.max_deterministic_time = dtime
        # One worker's model is small: presolve costs more than it saves (measured 1.7x
        # faster per pricing solve on Instance8 without it), while the full LP relaxation
        # proves the optimum quickly.
        prm.cp_model_presolve = False
        prm.linearization_level = 2
        if not self.clock.deterministic:
            prm.max_time_in_seconds = max(0.01, seconds)
        st = solver.solve(m)
        charge = solve_charge(solver.response_proto.deterministic_time, pr.n_vars)
        charge += build_charge(len(vs), 0)  # the objective is rebuilt each round
        if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            bound = solver.best_objective_bound
            lb = bound / SCALE + pr.const if math.isfinite(bound) else -math.inf
            return lb, None, None, charge
        row = tuple(sorted(cell for cell, v in pr.x.items() if solver.boolean_value(v)))
        own = pr.const + sum(w * solver.value(v) for w, v in pr.own)
        return solver.best_objective_bound / SCALE + pr.const, row, own, charge

    # ----- the loop ------------------------------------------------------------------------
    def run(
        self,
        until: float,
        *,
        dtime: float = 0.5,
        log: Callable[[str], None] | None = None,
    ) -> Result:
        """Generate columns until ``until`` on the clock or until no column prices out."""
        res = Result()
        it = 0
        with ThreadPoolExecutor(max_workers=self.par) as pool:
            while self.clock.now() < until:
                out = self.solve_lp()
                if out is None:
                    break
                z, pi, mu = out
                res.lp = z
                it += 1
                # Smooth the duals towards the best-bound ones (Wentges): fewer rounds.
                use = pi
                if self.best_pi is not None:
                    use = {k: 0.5 * v + 0.5 * self.best_pi.get(k, 0.0) for k, v in pi.items()}
                # Workers are priced ``par`` at a time so the clock is checked between
                # pairs: a round on a large instance may not fit in what is left.
                results: list[tuple[float, Row | None, int | None, float]] = []
                for k in range(0, self.c.E, self.par):
                    left = until - self.clock.now()
                    if left <= 0:
                        break
                    es = range(k, min(self.c.E, k + self.par))
                    jobs = [pool.submit(self.price, e, use, min(dtime, left), left) for e in es]
                    done = [f.result() for f in jobs]
                    self.clock.charge(max(r[3] for r in done))
                    results.extend(done)
                complete = len(results) == self.c.E
                lag = sum(use[k] * self.cover[k][0] for k in use)
                lag += sum(r[0] for r in results)
                if complete and (self.best_bound is None or lag > self.best_bound):
                    self.best_bound, self.best_pi = lag, use
                added = 0
                for e, (_, row, own, _) in enumerate(results):
                    if row is None or own is None:
                        continue
                    rc = own - sum(pi.get(cell, 0.0) for cell in row)
                    if rc - mu[e] < -1e-6 and self.add(e, row, own):
                        added += 1
                if log:
                    log(f"cg it {it} lp {z:.1f} lag {lag:.1f} best {self.best_bound} +{added}")
                if not complete:
                    break
                if added == 0:
                    if use is pi:
                        res.converged = True
                        break  # nothing prices out at the LP duals: the LP is optimal
                    self.best_pi = None  # mispricing with smoothed duals: use plain ones
        res.iterations = it
        res.columns = sum(len(c) for c in self.cols)
        if self.best_bound is not None:
            res.bound = max(0, math.ceil(self.best_bound - 1e-6))
        return res

    # ----- integer master --------------------------------------------------------------------
    def solve_ip(self, seconds: float, seed: int = 0, workers: int = 1) -> Result:
        c = self.c
        m = cp_model.CpModel()
        lam: list[list[tuple[Row, Any]]] = []
        by_cell: dict[tuple[int, int], list[Any]] = {}
        obj: list[tuple[int, Any]] = []
        for e in range(c.E):
            vs = []
            for row, cost in self.cols[e].items():
                v = m.new_bool_var("")
                vs.append((row, v))
                obj.append((cost, v))
                for cell in row:
                    by_cell.setdefault(cell, []).append(v)
                m.add_hint(v, self.hint_rows.get(e) == row)
            m.add_exactly_one(v for _, v in vs)
            lam.append(vs)
        # The hint is complete (slack too), so CP-SAT starts from the incumbent for sure.
        count: dict[tuple[int, int], int] = {}
        for row in self.hint_rows.values():
            for cell in row:
                count[cell] = count.get(cell, 0) + 1
        for cell, (t, wu, wo) in self.cover.items():
            vs2 = by_cell.get(cell, [])
            under = m.new_int_var(0, t, "")
            over = m.new_int_var(0, max(0, len(vs2) - t), "")
            m.add(cp_model.LinearExpr.sum(vs2) + under - over == t)
            k = count.get(cell, 0)
            m.add_hint(under, max(0, t - k))
            m.add_hint(over, max(0, k - t))
            obj += [(wu, under), (wo, over)]
        m.minimize(cp_model.LinearExpr.weighted_sum([v for _, v in obj], [w for w, _ in obj]))
        n = sum(len(x) for x in self.cols)
        solver = cp_model.CpSolver()
        prm = solver.parameters
        prm.num_workers = max(1, workers)
        prm.random_seed = seed
        if self.clock.deterministic:
            prm.max_deterministic_time = dtime_within(seconds, n)
            prm.interleave_search = workers > 1
        else:
            prm.max_time_in_seconds = max(0.01, seconds)
        st = solver.solve(m)
        self.clock.charge(
            build_charge(n + len(self.cover), n)
            + solve_charge(solver.response_proto.deterministic_time, n)
        )
        res = Result(columns=n)
        if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return res
        roster: dict[tuple[int, int], tuple[int, ...]] = {}
        for e, vs in enumerate(lam):
            for row, v in vs:
                if solver.boolean_value(v):
                    for d, s in row:
                        roster[e, d] = (*roster.get((e, d), ()), s)
        res.roster = roster
        res.objective = round(solver.objective_value)
        return res
