"""One CP-SAT solve of a roster sub-model, and the objective of a complete roster."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from .builder import Builder, Built, Neighbourhood, Roster
from .clock import WALL, Clock, build_charge, dtime_within, solve_charge
from .compiled import Compiled


@dataclass
class _Sub:
    status: Any
    objective: int | None
    roster: dict[tuple[int, int], tuple[int, ...]] | None
    bound: int | None = None
    build_seconds: float = 0.0
    # Virtual seconds this solve costs on a deterministic clock (build + CP-SAT work).
    charge: float = 0.0


def _params(
    solver: cp_model.CpSolver,
    workers: int,
    seed: int,
    seconds: float,
    clock: Clock = WALL,
    n_vars: int = 0,
) -> None:
    prm = solver.parameters
    prm.num_workers = max(1, workers)
    prm.random_seed = seed
    if clock.deterministic:
        prm.max_deterministic_time = dtime_within(seconds, n_vars)
    else:
        prm.max_time_in_seconds = max(0.01, seconds)
    if workers > 1:
        # Interleaved search is CP-SAT's deterministic multi-worker mode.
        prm.interleave_search = True


def _extract(
    c: Compiled, built: Built, solver: cp_model.CpSolver, base: Roster, nbh: Neighbourhood
) -> dict[tuple[int, int], tuple[int, ...]]:
    roster: dict[tuple[int, int], tuple[int, ...]] = {}
    for key, val in base.items():
        e, d = key
        in_w = nbh.workers is None or e in nbh.workers
        in_d = nbh.days is None or nbh.days[0] <= d < nbh.days[1]
        if not (in_w and in_d):
            roster[key] = val
    cells: dict[tuple[int, int], list[int]] = {}
    for (e, d, s), v in built.x.items():
        if solver.boolean_value(v):
            cells.setdefault((e, d), []).append(s)
    for key, ss in cells.items():
        roster[key] = tuple(sorted(ss))
    return roster


def _hint(built: Built, roster: Roster) -> None:
    for (e, d, s), v in built.x.items():
        built.model.add_hint(v, s in roster.get((e, d), ()))


def solve_sub(
    c: Compiled,
    roster: Roster,
    nbh: Neighbourhood,
    *,
    seed: int,
    dtime: float,
    seconds: float,
    workers: int = 1,
    cache: dict[Any, dict[str, int]] | None = None,
    relax: frozenset[int] = frozenset(),
    skip_hard_min: bool = False,
    hint: bool = True,
    previous: Roster | None = None,
    change_weight: int = 0,
    clock: Clock = WALL,
) -> _Sub:
    t0 = time.monotonic()
    b = Builder(
        c,
        roster=roster,
        nbh=nbh,
        worker_cache=cache,
        relax_workers=relax,
        skip_hard_min=skip_hard_min,
        previous=previous,
        change_weight=change_weight,
    )
    built = b.build()
    if hint:
        _hint(built, roster)
    solver = cp_model.CpSolver()
    _params(solver, workers, seed, seconds, clock, len(built.x))
    if dtime > 0:
        solver.parameters.max_deterministic_time = min(
            dtime, solver.parameters.max_deterministic_time
        )
    # The full LP relaxation of the cover and sliding-window rules is what proves small
    # sub-models optimal quickly (about 10x faster than the default level on Curtois-Qu).
    solver.parameters.linearization_level = 2
    t_build = time.monotonic() - t0
    st = solver.solve(built.model)
    charge = build_charge(c.E * c.H + len(c.p.cover), len(built.x))
    charge += solve_charge(solver.response_proto.deterministic_time, len(built.x))
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _Sub(st, None, None, build_seconds=t_build, charge=charge)
    return _Sub(
        st,
        round(solver.objective_value),
        _extract(c, built, solver, roster, nbh),
        round(solver.best_objective_bound),
        t_build,
        charge,
    )


def evaluate(c: Compiled, roster: Roster, **kw: Any) -> dict[str, int]:
    """Objective terms of a complete roster, computed by the builder with nothing free."""
    b = Builder(c, roster=roster, nbh=Neighbourhood(workers=frozenset()), **kw)
    built = b.build()
    assert not built.terms or all(not ts for ts in built.terms.values())
    return {k: v for k, v in built.const.items() if v}
