"""Property tests on random small problems."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from musubi.engines.rostering.checker import check
from musubi.engines.rostering.model import (
    Assignment,
    Cover,
    LabourRules,
    Problem,
    Request,
    Rule,
    ShiftType,
    Weights,
    Worker,
)
from musubi.engines.rostering.solver import Options, solve

SHIFTS = (
    ShiftType("E", 360, 840, 0, site="a", skill="x"),
    ShiftType("L", 840, 1320, 0, site="b"),
    ShiftType("N", 1320, 1800, 60, site="a"),
)


@st.composite
def problems(draw: st.DrawFn, max_days: int = 7, max_workers: int = 3) -> Problem:
    H = draw(st.integers(2, max_days))
    shifts = SHIFTS[: draw(st.integers(1, 3))]
    workers = []
    for i in range(draw(st.integers(1, max_workers))):
        workers.append(
            Worker(
                f"w{i}",
                skills=frozenset({"x"}) if draw(st.booleans()) else frozenset(),
                max_total_minutes=draw(st.sampled_from([None, 960, 1440, 2400])),
                min_total_minutes=draw(st.sampled_from([0, 0, 480])),
                max_consecutive_days=draw(st.sampled_from([None, 2, 3])),
                min_consecutive_days=draw(st.integers(1, 3)),
                min_consecutive_days_off=draw(st.integers(1, 2)),
                max_weekends=draw(st.sampled_from([None, 0, 1])),
                days_off=frozenset(draw(st.lists(st.integers(0, H - 1), max_size=2))),
            )
        )
    cover = [
        Cover(d, s.id, draw(st.integers(0, 2)), draw(st.integers(1, 50)), draw(st.integers(0, 5)))
        for d in range(H)
        for s in shifts
    ]
    requests = [
        Request(
            w.id,
            draw(st.integers(0, H - 1)),
            draw(st.sampled_from([None, shifts[0].id])),
            draw(st.integers(1, 9)),
            draw(st.booleans()),
        )
        for w in workers
        if draw(st.booleans())
    ]
    labour = LabourRules(
        daily_max=Rule(draw(st.sampled_from(["off", "hard"])), 480),
        interval=Rule(draw(st.sampled_from(["off", "hard", "soft"])), 660, 7),
        weekly_max=Rule(draw(st.sampled_from(["off", "soft"])), 1440, 1),
    )
    return Problem(
        horizon=H,
        shifts=shifts,
        workers=tuple(workers),
        cover=tuple(cover),
        requests=tuple(requests),
        first_weekday=draw(st.integers(0, 6)),
        min_rest_minutes=draw(st.sampled_from([0, 600])),
        forbidden_successions=(("N", "E"),) if len(shifts) == 3 else (),
        exempt_edges=draw(st.booleans()),
        labour=labour,
        weights=Weights(
            weekend_spread=draw(st.integers(0, 3)),
            continuity=draw(st.integers(0, 3)),
            minutes_spread=draw(st.sampled_from([0, 0, 1])),
        ),
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_the_checker_finds_no_hard_violation_in_any_solver_solution(p: Problem) -> None:
    sol = solve(p, Options(time_limit=3, seed=0))
    if sol.status == "infeasible":
        assert sol.conflicts
        return
    assert sol.status in ("optimal", "feasible")
    rep = check(p, sol.assignments)
    assert rep.violations == ()
    assert rep.objective == sol.objective
    assert dict(rep.terms) == dict(sol.terms)


def brute_force(p: Problem) -> int | None:
    """The best objective over every roster with at most one shift a day, or None."""
    cells = [(w.id, d) for w in p.workers for d in range(p.horizon)]
    options = [None, *[s.id for s in p.shifts]]
    best = None
    for choice in itertools.product(options, repeat=len(cells)):
        roster = [Assignment(w, d, s) for (w, d), s in zip(cells, choice, strict=True) if s]
        rep = check(p, roster)
        if rep.feasible and (best is None or rep.objective < best):
            best = rep.objective
    return best


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_days=3, max_workers=2))
def test_on_tiny_problems_brute_force_agrees_with_a_claimed_optimum(p: Problem) -> None:
    cells = len(p.workers) * p.horizon
    if (len(p.shifts) + 1) ** cells > 5000:
        p = Problem(
            **{
                **p.__dict__,
                "shifts": p.shifts[:1],
                "cover": tuple(c for c in p.cover if c.shift == p.shifts[0].id),
                "requests": tuple(r for r in p.requests if r.shift in (None, p.shifts[0].id)),
            }
        )
    sol = solve(p, Options(time_limit=5, seed=0))
    best = brute_force(p)
    if best is None:
        assert sol.status == "infeasible"
        return
    assert sol.status == "optimal"
    assert sol.objective == best
