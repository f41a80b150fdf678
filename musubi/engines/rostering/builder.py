"""CP-SAT model of a roster problem, whole or restricted to a neighbourhood.

One builder serves three purposes:

* the full model (every cell free);
* large-neighbourhood-search sub-models: cells outside the neighbourhood are Python
  constants taken from the incumbent, so CP-SAT never sees them and the sub-model stays
  small even on a 364-day, 150-worker instance;
* explanation of infeasibility: every hard constraint group gets an enforcement literal
  that can be used as a CP-SAT assumption.

The objective always includes the constant part of fixed cells, so a sub-model's objective
value is the full objective of the completed roster.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from . import rules
from .compiled import Compiled

# A literal is a CP-SAT Boolean variable, its negation, or the Python int 0 or 1.
Lit = Any
# A roster: (worker index, day) -> shift indexes worked that day (absent = day off).
Roster = Mapping[tuple[int, int], tuple[int, ...]]


@dataclass(frozen=True)
class Neighbourhood:
    """The free part of a sub-model: chosen workers (None = all) times a day range."""

    workers: frozenset[int] | None = None
    days: tuple[int, int] | None = None


@dataclass
class Built:
    model: cp_model.CpModel
    x: dict[tuple[int, int, int], Any]
    terms: dict[str, list[tuple[int, Any]]]
    const: dict[str, int]
    groups: dict[str, Any] = field(default_factory=dict)


def _is_const(lit: Lit) -> bool:
    return isinstance(lit, int)


def neg(lit: Lit) -> Lit:
    return 1 - lit if isinstance(lit, int) else lit.Not()


class Builder:
    def __init__(
        self,
        c: Compiled,
        *,
        roster: Roster | None = None,
        nbh: Neighbourhood | None = None,
        explain: bool = False,
        skip_hard_min: bool = False,
        previous: Roster | None = None,
        change_weight: int = 0,
        relax_workers: Iterable[int] = (),
        worker_cache: dict[Any, dict[str, int]] | None = None,
    ) -> None:
        self.c = c
        self.p = c.p
        self.m = cp_model.CpModel()
        self.roster: Roster = roster or {}
        self.nbh = nbh or Neighbourhood()
        self.explain = explain
        self.skip_hard_min = skip_hard_min
        self.previous = previous
        self.change_weight = change_weight
        # Workers whose own hard rules are dropped (used when constructing worker by worker).
        self.relaxed = set(relax_workers)
        self.terms: dict[str, list[tuple[int, Any]]] = defaultdict(list)
        self.const: dict[str, int] = defaultdict(int)
        self.groups: dict[str, Any] = {}
        self.x: dict[tuple[int, int, int], Any] = {}
        self.worker_cache = worker_cache
        self.minutes_pairs: dict[int, list[tuple[int, Lit]]] = {}
        self.weekend_lits: dict[int, list[Lit]] = {}
        self.requests_by_worker: dict[str, list[Any]] = {}
        for r in self.p.requests:
            self.requests_by_worker.setdefault(r.worker, []).append(r)
        # Head-count per (day, shift) in the incumbent, over all workers.
        self.fixed_count: dict[tuple[int, int], int] = defaultdict(int)
        for (_, d), shifts in self.roster.items():
            for s in shifts:
                self.fixed_count[d, s] += 1

    # ----- small helpers -------------------------------------------------------------
    def _group(self, name: str) -> Any:
        if name not in self.groups:
            self.groups[name] = self.m.new_bool_var(name)
        return self.groups[name]

    def _enforce(self, ct: Any, group: str | None) -> None:
        if self.explain and group is not None:
            ct.only_enforce_if(self._group(group))

    def _infeasible(self, group: str | None) -> None:
        # A constant constraint that fails: keep the model honest rather than drop it.
        self._enforce(self.m.add_bool_or([]), group)

    def clause(self, lits: Iterable[Lit], group: str | None) -> None:
        out = []
        for lit in lits:
            if _is_const(lit):
                if lit:
                    return
            else:
                out.append(lit)
        if not out:
            self._infeasible(group)
        else:
            self._enforce(self.m.add_bool_or(out), group)

    @staticmethod
    def split(pairs: Iterable[tuple[int, Lit]]) -> tuple[list[Any], list[int], int]:
        vs: list[Any] = []
        cs: list[int] = []
        k = 0
        for coef, lit in pairs:
            if coef == 0:
                continue
            if _is_const(lit):
                k += coef * lit
            else:
                vs.append(lit)
                cs.append(coef)
        return vs, cs, k

    def at_most(
        self,
        pairs: Iterable[tuple[int, Lit]],
        ub: int,
        group: str | None,
        soft: tuple[str, int] | None = None,
    ) -> None:
        """sum(coef * lit) <= ub; if soft=(term, weight), pay weight per unit of excess."""
        vs, cs, k = self.split(pairs)
        if soft is not None:
            term, weight = soft
            if not vs:
                self.const[term] += weight * max(0, k - ub)
                return
            hi = sum(c for c in cs if c > 0) + k - ub
            if hi <= 0:
                return
            v = self.m.new_int_var(0, hi, "")
            self.m.add(cp_model.LinearExpr.weighted_sum(vs, cs) + k - v <= ub)
            self.terms[term].append((weight, v))
            return
        if not vs:
            if k > ub:
                self._infeasible(group)
            return
        if sum(c for c in cs if c > 0) + k <= ub:
            return  # can never be violated
        self._enforce(self.m.add(cp_model.LinearExpr.weighted_sum(vs, cs) <= ub - k), group)

    def at_least(self, pairs: Iterable[tuple[int, Lit]], lb: int, group: str | None) -> None:
        self.at_most([(-c, lit) for c, lit in pairs], -lb, group)

    def cost(self, term: str, weight: int, lit: Lit) -> None:
        if weight == 0:
            return
        if _is_const(lit):
            self.const[term] += weight * lit
        else:
            self.terms[term].append((weight, lit))

    # ----- cells -----------------------------------------------------------------------
    def _free(self, e: int, d: int) -> bool:
        n = self.nbh
        if n.workers is not None and e not in n.workers:
            return False
        return n.days is None or n.days[0] <= d < n.days[1]

    def _worker_free_days(self, e: int) -> tuple[int, int] | None:
        n = self.nbh
        if n.workers is not None and e not in n.workers:
            return None
        return n.days or (0, self.c.H)

    def _cells(self) -> None:
        c = self.c
        self.xs: list[list[list[Lit]]] = [[] for _ in range(c.E)]
        self.w: list[list[Lit]] = [[] for _ in range(c.E)]
        for e in range(c.E):
            if self._worker_free_days(e) is not None:
                self.row(e)

    def row(self, e: int) -> None:
        """Create worker e's cells: variables where free, incumbent constants elsewhere.

        Rows of fully fixed workers are only created when a rule needs them, which keeps
        building a small neighbourhood of a large instance cheap.
        """
        c, m = self.c, self.m
        if self.xs[e]:
            return
        rows: list[list[Lit]] = []
        wrow: list[Lit] = []
        wid = self.p.workers[e].id
        skill = c.skill[e]
        blocked = c.blocked[e]
        for d in range(c.H):
            worked = self.roster.get((e, d), ())
            cell: list[Lit] = [0] * c.S
            if not self._free(e, d):
                for s in worked:
                    cell[s] = 1
                rows.append(cell)
                wrow.append(1 if worked else 0)
                continue
            for s in range(c.S):
                if not skill[s]:
                    continue
                if (d, s) in blocked:
                    if self.explain:
                        v = m.new_bool_var("")
                        self._enforce(m.add(v == 0), f"{wid}: days off / unavailable")
                        self.x[e, d, s] = v
                        cell[s] = v
                    continue
                v = m.new_bool_var(f"x{e}_{d}_{s}")
                self.x[e, d, s] = v
                cell[s] = v
            rows.append(cell)
            wrow.append(self._work_lit(cell))
        self.xs[e] = rows
        self.w[e] = wrow

    def _work_lit(self, cell: list[Lit]) -> Lit:
        vs = [lit for lit in cell if not _is_const(lit)]
        k = sum(lit for lit in cell if _is_const(lit))
        if not vs:
            return 1 if k else 0
        if self.p.max_shifts_per_day == 1:
            if len(vs) == 1:
                return vs[0]
            w = self.m.new_bool_var("")
            self.m.add(sum(vs) == w)
            return w
        w = self.m.new_bool_var("")
        self.m.add(sum(vs) <= self.p.max_shifts_per_day)
        for v in vs:
            self.m.add_implication(v, w)
        self.m.add_bool_or([*vs, w.Not()])
        return w

    # ----- building --------------------------------------------------------------------
    def build(self) -> Built:
        self._cells()
        for e in range(self.c.E):
            rules.worker_rules(self, e)
        rules.cover_rules(self)
        rules.fairness_rules(self)
        terms: dict[str, list[tuple[int, Any]]] = dict(self.terms)
        objective = [
            cp_model.LinearExpr.weighted_sum([v for _, v in ts], [w for w, _ in ts])
            for ts in terms.values()
        ]
        self.m.minimize(cp_model.LinearExpr.sum(objective) + sum(self.const.values()))
        return Built(self.m, self.x, terms, dict(self.const), self.groups)
