"""The plain CP-SAT model: the yardstick the engine is measured against.

One Boolean per worker, day and shift type, the same hard rules and soft terms as the
engine (the same ``Builder``), handed to CP-SAT as a whole with its default search: no
hint, no construction, no neighbourhood search. ``roster-bench --baseline`` runs it with
the same limit as the engine, so each table shows what the engine's search adds.
"""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from .builder import Builder, Neighbourhood
from .compiled import Compiled
from .model import Problem, Solution
from .solver import _to_assignments
from .subsolve import _extract, evaluate
from .validate import validate


def solve_plain(
    p: Problem,
    *,
    time_limit: float,
    workers: int = 2,
    seed: int = 0,
    deterministic: bool = False,
) -> Solution:
    """Solve ``p`` with the whole model and CP-SAT's defaults.

    With a wall-clock limit, building the model counts against it. With
    ``deterministic``, the limit is CP-SAT deterministic time and the workers interleave
    (CP-SAT's reproducible multi-worker mode), so the run repeats exactly.
    """
    t0 = time.monotonic()
    validate(p)
    c = Compiled(p)
    built = Builder(c).build()
    solver = cp_model.CpSolver()
    prm = solver.parameters
    prm.num_workers = max(1, workers)
    prm.random_seed = seed
    if deterministic:
        prm.max_deterministic_time = max(0.01, time_limit)
        prm.interleave_search = workers > 1
    else:
        prm.max_time_in_seconds = max(0.01, time_limit - (time.monotonic() - t0) - 0.2)
    st = solver.solve(built.model)
    seconds = time.monotonic() - t0
    if st == cp_model.INFEASIBLE:
        return Solution("infeasible", seconds=seconds, seconds_to_best=seconds)
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Solution("unknown", seconds=seconds, seconds_to_best=seconds)
    roster = _extract(c, built, solver, {}, Neighbourhood())
    terms = evaluate(c, roster)
    obj = sum(terms.values())
    bound = max(0, round(solver.best_objective_bound))
    return Solution(
        "optimal" if st == cp_model.OPTIMAL else "feasible",
        _to_assignments(p, roster),
        obj,
        bound,
        tuple(sorted(terms.items())),
        seconds=seconds,
        seconds_to_best=seconds,
    )
