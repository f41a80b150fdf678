"""Repair: re-solve after a change while keeping as much of a previous roster as possible."""

from __future__ import annotations

from dataclasses import replace

from .model import Assignment, Problem, Solution
from .solver import Options, solve


def worker_absent(p: Problem, worker: str, days: range | list[int]) -> Problem:
    """The problem with ``worker`` unavailable on ``days`` (e.g. ill for three days)."""
    if worker not in {w.id for w in p.workers}:
        raise KeyError(worker)
    workers = tuple(
        replace(w, days_off=w.days_off | frozenset(days)) if w.id == worker else w
        for w in p.workers
    )
    locked = tuple(x for x in p.locked if not (x[0] == worker and x[1] in set(days)))
    return replace(p, workers=workers, locked=locked)


def repair(
    p: Problem,
    previous: tuple[Assignment, ...],
    opt: Options | None = None,
    change_weight: int = 50,
) -> Solution:
    """Solve ``p`` (already carrying the change) paying ``change_weight`` per changed cell.

    A changed cell is a (worker, day) whose previous shift is no longer worked, or a day
    off that became a working day. The previous roster is the warm start, so only the
    neighbourhood of the change has to be searched: seconds even for a month of work.
    """
    opt = opt or Options(time_limit=5.0)
    return solve(p, opt, previous=previous, change_weight=change_weight)
