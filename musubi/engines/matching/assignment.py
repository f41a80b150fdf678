"""Batch assignment of many open needs to talents (CP-SAT), fair and within capacity.

Greedy "best talent per need" hands the one star expert every challenge and leaves
newcomers idle. Here each need gets at most one talent, each talent's monthly hours across
its new assignments stay within its remaining capacity, nobody takes more than
``max_per_talent`` needs, and talents with no past engagements get a bonus so they are
chosen when they fit nearly as well.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from .index import TalentIndex
from .ranking import DEFAULT_WEIGHTS, Weights, rank
from .types import Assignment, Need

_SCALE = 1000  # CP-SAT wants integers: fit scores are kept to three decimals


def assign_batch(
    needs: Sequence[Need],
    index: TalentIndex,
    candidates_per_need: int = 15,
    max_per_talent: int = 2,
    newcomer_bonus: float = 0.15,
    weights: Weights = DEFAULT_WEIGHTS,
    time_limit_s: float = 10.0,
) -> Assignment:
    """Assign needs to talents maximising total fit; unassignable needs are reported."""
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    x: dict[tuple[int, str], cp_model.IntVar] = {}
    fit: dict[tuple[int, str], int] = {}
    by_talent: dict[str, list[tuple[int, str]]] = {}
    for n_i, need in enumerate(needs):
        # Candidates already satisfy every per-pair constraint; capacity across needs is
        # the solver's job.
        for m in rank(need, index, top=candidates_per_need, constraints=True, weights=weights):
            key = (n_i, m.talent_id)
            talent = index.get(m.talent_id)
            bonus = newcomer_bonus if talent.past_engagements == 0 else 0.0
            x[key] = model.new_bool_var(f"x{n_i}_{m.talent_id}")
            fit[key] = max(1, round(_SCALE * (m.score + bonus)))
            by_talent.setdefault(m.talent_id, []).append(key)
    for n_i in range(len(needs)):
        model.add(sum(v for k, v in x.items() if k[0] == n_i) <= 1)
    for tid, keys in by_talent.items():
        talent = index.get(tid)
        model.add(
            sum(needs[n_i].hours_per_month_needed * x[(n_i, t)] for n_i, t in keys)
            <= talent.remaining_hours
        )
        model.add(sum(x[k] for k in keys) <= max_per_talent)
    model.maximize(sum(fit[k] * v for k, v in x.items()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = os.cpu_count() or 1
    solver.parameters.random_seed = 0
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Assignment((), tuple(n.id for n in needs), 0.0, False)
    chosen = [k for k, v in x.items() if solver.boolean_value(v)]
    pairs = sorted((needs[n_i].id, t) for n_i, t in chosen)
    assigned = {n for n, _ in pairs}
    return Assignment(
        pairs=tuple(pairs),
        unassigned=tuple(n.id for n in needs if n.id not in assigned),
        total_fit=sum(fit[k] for k in chosen) / _SCALE,
        optimal=status == cp_model.OPTIMAL,
    )
