"""The dynamic programme that builds long rows, checked against brute force."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from musubi.engines.rostering.checker import check
from musubi.engines.rostering.compiled import Compiled
from musubi.engines.rostering.model import Cover, Problem, Request, ShiftType, Worker
from musubi.engines.rostering.pattern import NEG, work_days
from musubi.engines.rostering.rows import RowBuilder, row_violations
from musubi.engines.rostering.solver import LONG_HORIZON, Options, solve
from musubi.engines.rostering.sweep import Sweeper


def _runs_ok(days: tuple[bool, ...], max_c: int, min_c: int, min_off: int) -> bool:
    """Run rules with Curtois-Qu's boundary exemption, written out plainly."""
    H = len(days)
    d = 0
    while d < H:
        z = d
        while z + 1 < H and days[z + 1] == days[d]:
            z += 1
        length = z - d + 1
        if days[d] and length > max_c:
            return False
        touches_edge = d == 0 or z == H - 1
        if not touches_edge and length < (min_c if days[d] else min_off):
            return False
        d = z + 1
    return True


def _weekends(days: tuple[bool, ...], ends: dict[int, int]) -> int:
    return sum(1 for end, n in ends.items() if any(days[end - k] for k in range(n)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    H=st.integers(1, 11),
    max_c=st.integers(1, 4),
    min_c=st.integers(1, 3),
    min_off=st.integers(1, 3),
    max_w=st.sampled_from([None, 0, 1, 2]),
    first_sat=st.integers(0, 6),
    data=st.data(),
)
def test_work_days_is_the_best_pattern_that_keeps_the_run_and_weekend_rules(
    H: int,
    max_c: int,
    min_c: int,
    min_off: int,
    max_w: int | None,
    first_sat: int,
    data: st.DataObject,
) -> None:
    gains = data.draw(st.lists(st.integers(-5, 9), min_size=H, max_size=H))
    blocked = data.draw(st.sets(st.integers(0, H - 1), max_size=2))
    gain = np.array([[NEG if d in blocked else float(g) for d, g in enumerate(gains)]])
    ends: dict[int, int] = {}
    for sat in range(first_sat - 7, H, 7):
        days = [d for d in (sat, sat + 1) if 0 <= d < H]
        if days:
            ends[days[-1]] = len(days)
    if max_w == 0:
        return  # the caller turns a zero cap into blocked days (tested through rows)
    best = None
    for cand in itertools.product((False, True), repeat=H):
        if any(cand[d] for d in blocked) or not _runs_ok(cand, max_c, min_c, min_off):
            continue
        if max_w is not None and _weekends(cand, ends) > max_w:
            continue
        value = sum(gains[d] for d in range(H) if cand[d])
        best = value if best is None else max(best, value)
    (got,) = work_days(
        gain, max_c=max_c, min_c=min_c, min_off=min_off, weekend_end=ends, max_w=max_w
    )
    if best is None:
        assert got == []
        return
    pattern = tuple(got)
    assert _runs_ok(pattern, max_c, min_c, min_off)
    assert not any(pattern[d] for d in blocked)
    if max_w is not None:
        assert _weekends(pattern, ends) <= max_w
    assert sum(gains[d] for d in range(H) if pattern[d]) == best


SHIFTS = (
    ShiftType("E", 420, 900, 0, site="a"),
    ShiftType("L", 900, 1380, 0, site="a"),
    ShiftType("X", 420, 1140, 0, site="a"),  # 12 hours
)


def year_problem(workers: int = 6, horizon: int = 112) -> Problem:
    """A long horizon with tight minutes windows, type caps and a forbidden succession."""
    staff = tuple(
        Worker(
            f"w{i}",
            max_shifts=(("X", 6),),
            min_total_minutes=(horizon * 4 // 7) * 480,
            max_total_minutes=(horizon * 4 // 7) * 480 + 720,
            max_consecutive_days=5,
            min_consecutive_days=2,
            min_consecutive_days_off=2,
            max_weekends=horizon // 14,
            days_off=frozenset({(7 * i + 3) % horizon, (7 * i + 4) % horizon}),
        )
        for i in range(workers)
    )
    cover = tuple(
        Cover(d, s.id, 1 + (d + j) % 2, 100, 1)
        for d in range(horizon)
        for j, s in enumerate(SHIFTS)
    )
    requests = (Request("w0", 10, None, 3, on=False), Request("w1", 20, "E", 2, on=True))
    return Problem(
        horizon=horizon,
        shifts=SHIFTS,
        workers=staff,
        cover=cover,
        requests=requests,
        forbidden_successions=(("L", "E"), ("X", "E")),
    )


def test_rows_keep_every_worker_rule_on_a_long_horizon() -> None:
    p = year_problem()
    c = Compiled(p)
    rb = RowBuilder(c)
    for e in range(c.E):
        row = rb.row(e)
        assert row, f"no row for {p.workers[e].id}"
        assert row_violations(c, e, row) == []
        rb.commit(row)


def test_a_sweep_never_makes_the_roster_worse_and_its_books_match_the_checker() -> None:
    p = year_problem()
    c = Compiled(p)
    rb = RowBuilder(c)
    roster = {}
    for e in range(c.E):
        row = rb.row(e)
        rb.commit(row)
        roster.update({(e, d): ss for d, ss in row.items()})

    def objective(r: dict[tuple[int, int], tuple[int, ...]]) -> int:
        from musubi.engines.rostering.solver import _to_assignments

        rep = check(p, _to_assignments(p, r))
        assert rep.violations == ()
        return rep.objective

    before = objective(roster)
    sw = Sweeper(c, roster)
    change = sum(sw.improve(e) for e in range(c.E))
    after = objective(sw.roster())
    assert after <= before
    assert after == round(before + change)


def test_solve_uses_rows_on_long_horizons_and_the_checker_agrees() -> None:
    p = year_problem(horizon=max(LONG_HORIZON, 112))
    sol = solve(p, Options(time_limit=8, seed=0))
    assert sol.status in ("optimal", "feasible")
    rep = check(p, sol.assignments)
    assert rep.violations == ()
    assert rep.objective == sol.objective
