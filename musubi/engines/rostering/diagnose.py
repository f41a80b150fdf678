"""Explanations: why demand stays uncovered, and which constraints make a problem infeasible."""

from __future__ import annotations

import time
from dataclasses import replace

from ortools.sat.python import cp_model

from .builder import Builder
from .checker import check
from .compiled import Compiled
from .model import Assignment, Problem, UncoveredDemand, Worker

# Detailed per-worker analysis is quadratic-ish; beyond this budget reasons are summarised.
_ANALYSIS_SECONDS = 5.0


def uncovered_reasons(
    p: Problem, assignments: tuple[Assignment, ...], seconds: float = _ANALYSIS_SECONDS
) -> tuple[UncoveredDemand, ...]:
    t0 = time.monotonic()
    qualified_for: dict[str, list[Worker]] = {}
    shifts = {s.id: s for s in p.shifts}
    count: dict[tuple[int, str], int] = {}
    mine: dict[str, list[Assignment]] = {}
    for a in assignments:
        count[a.day, a.shift] = count.get((a.day, a.shift), 0) + 1
        mine.setdefault(a.worker, []).append(a)
    out = []
    for cv in p.cover:
        n = count.get((cv.day, cv.shift), 0)
        if n >= cv.target:
            continue
        sh = shifts[cv.shift]
        if sh.id not in qualified_for:
            qualified_for[sh.id] = [
                w
                for w in p.workers
                if (sh.skill is None or sh.skill in w.skills) and w.max_for(sh.id) != 0
            ]
        qualified = qualified_for[sh.id]
        if not qualified:
            out.append(UncoveredDemand(cv.day, cv.shift, cv.target, n, "nobody qualified"))
            continue
        if time.monotonic() - t0 > seconds:
            out.append(UncoveredDemand(cv.day, cv.shift, cv.target, n, "not analysed (time)"))
            continue
        details = []
        for w in qualified:
            own = mine.get(w.id, [])
            today = [a for a in own if a.day == cv.day]
            if any(a.shift == cv.shift for a in today):
                continue
            if cv.day in w.days_off or any(
                cv.day * 1440 + sh.start < win.end and win.start < cv.day * 1440 + sh.end
                for win in w.unavailable
            ):
                details.append((w.id, "unavailable"))
                continue
            if len(today) >= p.max_shifts_per_day:
                details.append((w.id, f"busy: works {today[0].shift}"))
                continue
            alone = replace(p, workers=(w,), cover=(), requests=(), locked=())
            extra = (*own, Assignment(w.id, cv.day, cv.shift))
            rep = check(alone, extra)
            if rep.violations:
                rule = rep.violations[0].split(": ", 1)[-1]
                details.append((w.id, f"at a limit: {rule}"))
            else:
                details.append((w.id, "available (cost trade-off)"))
        kinds = {why.split(":")[0] for _, why in details}
        if kinds <= {"unavailable"}:
            reason = "everyone qualified is unavailable"
        elif kinds <= {"unavailable", "busy"}:
            reason = "everyone qualified is busy or unavailable"
        elif kinds <= {"unavailable", "busy", "at a limit"}:
            reason = "everyone qualified is busy, unavailable or at a legal/contract limit"
        else:
            reason = "a qualified worker is free but covering costs more (soft trade-off)"
        out.append(UncoveredDemand(cv.day, cv.shift, cv.target, n, reason, tuple(details)))
    return tuple(out)


def explain_infeasible(p: Problem, seconds: float = 30.0) -> tuple[str, ...]:
    """A small set of constraint groups that cannot hold together, or () if none proven.

    CP-SAT's sufficient assumptions give a core; a deletion pass then drops groups whose
    removal keeps the rest infeasible, so the answer is usually minimal.
    """
    deadline = time.monotonic() + seconds
    built = Builder(Compiled(p), explain=True).build()
    model = built.model
    model.clear_objective()  # type: ignore[no-untyped-call]
    names = {v.index: n for n, v in built.groups.items()}

    def infeasible_core(groups: list[str], limit: float) -> list[str] | None:
        model.clear_assumptions()
        model.add_assumptions([built.groups[g] for g in groups])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = max(0.1, limit)
        st = solver.solve(model)
        if st != cp_model.INFEASIBLE:
            return None
        return [names[i] for i in solver.sufficient_assumptions_for_infeasibility()]

    core = infeasible_core(sorted(built.groups), deadline - time.monotonic())
    if core is None:
        return ()
    if len(core) <= 40:
        i = 0
        while i < len(core) and time.monotonic() < deadline:
            trial = core[:i] + core[i + 1 :]
            left = deadline - time.monotonic()
            smaller = infeasible_core(trial, min(2.0, left)) if trial else None
            if smaller is not None:
                core = [g for g in trial if g in smaller] or trial
            else:
                i += 1
    return tuple(sorted(core))
