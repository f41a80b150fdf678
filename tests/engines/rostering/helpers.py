"""Small problem builders shared by the roster-engine tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from musubi.engines.rostering.checker import check
from musubi.engines.rostering.model import Cover, Problem, ShiftType, Solution, Worker
from musubi.engines.rostering.solver import Options, solve

BENCH = Path(__file__).resolve().parents[3] / ".." / "shared" / "benchmarks" / "shift-scheduling"
INSTANCES = BENCH / "instances"

DAY = ShiftType("D", 480, 960, 0, site="a")
NIGHT = ShiftType("N", 1320, 1800, 0, site="a")


def problem(
    horizon: int = 7,
    workers: int = 1,
    target: int = 1,
    shifts: tuple[ShiftType, ...] = (DAY,),
    **worker_kw: object,
) -> Problem:
    """Every shift wanted by ``target`` people every day, under-cover costing 100 each."""
    staff = tuple(replace(Worker(f"w{i}"), **worker_kw) for i in range(workers))  # type: ignore[arg-type]
    cover = tuple(Cover(d, s.id, target) for d in range(horizon) for s in shifts)
    return Problem(horizon=horizon, shifts=shifts, workers=staff, cover=cover)


def solved(p: Problem, seconds: float = 5.0) -> Solution:
    """Solve and insist the independent checker agrees with the solver."""
    sol = solve(p, Options(time_limit=seconds, workers=2, seed=0))
    assert sol.status in ("optimal", "feasible"), sol
    rep = check(p, sol.assignments)
    assert rep.violations == ()
    assert rep.objective == sol.objective
    return sol


def days_worked(sol: Solution, worker: str = "w0") -> list[int]:
    return sorted({a.day for a in sol.assignments if a.worker == worker})
