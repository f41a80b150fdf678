"""The engine's notion of time: the wall clock, or a deterministic budget.

By default every limit is wall-clock seconds. With ``deterministic=True`` the clock is
virtual: it advances by CP-SAT's deterministic time of each solve (a machine-independent
work measure, roughly seconds on one idle core) and by fixed charges for the engine's own
Python work, proportional to the cells it touches. Nothing then depends on the machine's
load, so a run repeats exactly and two variants can be compared on a busy machine. The
wall-clock duration of a deterministic run is not bounded by its budget.
"""

from __future__ import annotations

import time

# Charges for work CP-SAT's deterministic time does not see, calibrated with
# ``time.thread_time`` (CPU seconds, which load does not inflate) on Instance8: building
# one row by dynamic programme (5.5 ms for 112 cells), building a sub-model (walking the
# workers' rows and the cover, then one variable at a time), and a CP-SAT call's fixed
# cost beyond its deterministic time (a pricing solve: 0.11 s CPU for 0.05 deterministic).
ROW_CHARGE_PER_CELL = 5e-5
BUILD_CHARGE_PER_CELL = 1e-5
BUILD_CHARGE_PER_VAR = 2e-5
SOLVE_CHARGE = 0.005
SOLVE_CHARGE_PER_VAR = 5e-5
SOLVE_DTIME_FACTOR = 1.5


def solve_charge(dtime: float, n_vars: int) -> float:
    """Virtual seconds of one CP-SAT call with ``n_vars`` variables."""
    return SOLVE_DTIME_FACTOR * dtime + SOLVE_CHARGE + SOLVE_CHARGE_PER_VAR * n_vars


def dtime_within(seconds: float, n_vars: int) -> float:
    """The deterministic-time limit whose ``solve_charge`` stays within ``seconds``."""
    spare = seconds - SOLVE_CHARGE - SOLVE_CHARGE_PER_VAR * n_vars
    return max(0.01, spare / SOLVE_DTIME_FACTOR)


def build_charge(cells: int, n_vars: int) -> float:
    """Virtual seconds of building a model that walks ``cells`` cells."""
    return BUILD_CHARGE_PER_CELL * cells + BUILD_CHARGE_PER_VAR * n_vars


class Clock:
    def __init__(self, deterministic: bool = False) -> None:
        self.deterministic = deterministic
        self._t = 0.0

    def now(self) -> float:
        return self._t if self.deterministic else time.monotonic()

    def charge(self, seconds: float) -> None:
        """Account for work done (deterministic mode only; the wall clock moves by itself).

        Only the thread running the search calls this, after parallel jobs have joined,
        with the largest of their charges: they ran side by side."""
        if self.deterministic:
            self._t += max(0.0, seconds)


WALL = Clock()
