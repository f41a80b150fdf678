"""Explanations: reasons for uncovered demand and conflicting constraint groups."""

from __future__ import annotations

from dataclasses import replace

from musubi.engines.rostering.model import Cover, Problem, Worker
from musubi.engines.rostering.solver import Options, solve

from .helpers import DAY, problem, solved


def test_demand_nobody_is_qualified_for_is_reported_as_such() -> None:
    care = replace(DAY, skill="care")
    p = problem(horizon=1, shifts=(care,))
    sol = solved(p)
    (u,) = sol.uncovered
    assert (u.day, u.shift, u.assigned, u.reason) == (0, "D", 0, "nobody qualified")


def test_demand_left_because_everyone_is_off_or_at_a_limit_names_each_worker() -> None:
    p = replace(
        problem(horizon=3, workers=1, max_shifts=(("D", 2),)),
        cover=(
            Cover(0, "D", 1),
            Cover(1, "D", 2),
            Cover(2, "D", 1),
        ),
    )
    sol = solved(p)
    reasons = {(u.day, u.reason) for u in sol.uncovered}
    assert any("busy" in r or "limit" in r for _, r in reasons)
    details = [why for u in sol.uncovered for _, why in u.details]
    assert any(why.startswith("at a limit") for why in details)


def test_an_infeasible_problem_reports_a_small_set_of_conflicting_groups() -> None:
    p = Problem(
        horizon=7,
        shifts=(DAY,),
        workers=(Worker("w0", min_total_minutes=5 * 480, max_consecutive_days=3), Worker("w1")),
        cover=(Cover(0, "D", 1),),
        locked=(("w1", 2, "D"),),
    )
    p = replace(p, workers=(replace(p.workers[0], days_off=frozenset({0, 1})), p.workers[1]))
    sol = solve(p, Options(time_limit=5))
    assert sol.status == "infeasible"
    assert set(sol.conflicts) == {
        "w0: days off / unavailable",
        "w0: max consecutive days",
        "w0: min total minutes",
    }


def test_a_locked_shift_for_an_unqualified_worker_is_its_own_conflict() -> None:
    care = replace(DAY, skill="care")
    p = Problem(horizon=2, shifts=(care,), workers=(Worker("w0"),), locked=(("w0", 1, "D"),))
    sol = solve(p, Options(time_limit=5))
    assert sol.status == "infeasible" and sol.conflicts == ("locked w0 day 1 D",)
