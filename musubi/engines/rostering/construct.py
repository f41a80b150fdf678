"""Start rosters: worker blocks solved exactly one after another, or rows by dynamic
programming on long horizons (rows.py), mended by CP-SAT where needed."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ortools.sat.python import cp_model

from .builder import Neighbourhood
from .clock import ROW_CHARGE_PER_CELL, WALL, Clock
from .compiled import Compiled
from .subsolve import _Sub, solve_sub


def construct(
    c: Compiled,
    deadline: float,
    seed: int,
    cache: dict[Any, dict[str, int]],
    parallel: int = 1,
    clock: Clock = WALL,
    **kw: Any,
) -> dict[tuple[int, int], tuple[int, ...]] | None:
    """Greedy by blocks of workers, each block solved exactly given earlier blocks.

    With ``parallel`` = 2, two blocks are solved at once against the same earlier roster
    (each ignores the other), which halves the time on long horizons for a slightly
    worse start; the LNS repairs that quickly.
    """
    roster: dict[tuple[int, int], tuple[int, ...]] = {}
    E = c.E
    cells = max(1, c.H * max(1, c.S))
    # Blocks of one or two workers: each step is then proved optimal in milliseconds.
    size = max(1, min(E, 120 // cells))
    blocks = [frozenset(range(i, min(E, i + size))) for i in range(0, E, size)]

    def step(k: int, base: dict[tuple[int, int], tuple[int, ...]]) -> _Sub:
        done = frozenset(e for b in blocks[:k] for e in b)
        relax = frozenset(range(E)) - done - blocks[k]
        spent = 0.0
        for dtime in (0.5, 5.0):
            # A year-long contract with a tight minutes window can need the longer search.
            left = deadline - clock.now()
            sub = solve_sub(
                c,
                base,
                Neighbourhood(workers=blocks[k]),
                seed=seed + k,
                dtime=dtime,
                seconds=max(0.5, min(left, 20.0)),
                relax=relax,
                skip_hard_min=True,
                hint=False,
                cache=cache,  # rows of earlier blocks are fixed: their costs are cached
                clock=clock,
                **kw,
            )
            spent += sub.charge
            if sub.roster is not None or sub.status == cp_model.INFEASIBLE:
                sub.charge = spent
                return sub
        sub.charge = spent
        return sub

    with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
        k = 0
        while k < len(blocks):
            if clock.now() > deadline:
                return None  # too slow: leave it to the full model
            ks = list(range(k, min(len(blocks), k + max(1, parallel))))
            base = dict(roster)
            results = list(pool.map(step, ks, [base] * len(ks)))
            clock.charge(max(r.charge for r in results))
            for j, sub in zip(ks, results, strict=True):
                if sub.roster is None:
                    return None
                for e in blocks[j]:
                    for d in range(c.H):
                        if (e, d) in sub.roster:
                            roster[e, d] = sub.roster[e, d]
            k += len(ks)
    return roster


def construct_rows(
    c: Compiled,
    deadline: float,
    seed: int,
    cache: dict[Any, dict[str, int]],
    clock: Clock = WALL,
) -> dict[tuple[int, int], tuple[int, ...]] | None:
    """Worker by worker with the dynamic programme of ``pattern``; CP-SAT mends the rows
    the programme could not make legal (labour rules it ignores, a minutes window missed
    by one shift), with the programme's row as its hint."""
    from .rows import RowBuilder, row_violations

    rb = RowBuilder(c)
    roster: dict[tuple[int, int], tuple[int, ...]] = {}
    bad: list[int] = []
    for e in range(c.E):
        if clock.now() > deadline:
            return None
        row = rb.row(e)
        clock.charge(c.H * c.S * ROW_CHARGE_PER_CELL)
        if row_violations(c, e, row):
            bad.append(e)
        rb.commit(row)
        for d, ss in row.items():
            roster[e, d] = ss
    rng = random.Random(seed)
    for k, e in enumerate(bad):
        # A row usually misses only its minutes window: re-solving ten weeks of it is
        # quick and enough; the whole row (slow on a year) is the last resort.
        span = 70
        windows: list[tuple[int, int] | None] = []
        if 2 * span < c.H:
            starts = rng.sample(range(0, c.H - span + 1, 7), 4)
            windows = [(a, a + span) for a in starts]
        windows.append(None)
        for days in windows:
            left = deadline - clock.now()
            if left <= 0:
                return None
            sub = solve_sub(
                c,
                roster,
                Neighbourhood(workers=frozenset([e]), days=days),
                seed=seed + k,
                dtime=1.0 if days else 5.0,
                seconds=min(left, 10.0),
                cache=cache,
                clock=clock,
            )
            clock.charge(sub.charge)
            if sub.roster is not None:
                roster = dict(sub.roster)
                break
        else:
            return None
    return roster
