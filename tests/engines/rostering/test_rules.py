"""Each rule, solved on a tiny problem: the solver obeys it and the checker agrees."""

from __future__ import annotations

from dataclasses import replace

from musubi.engines.rostering.checker import check
from musubi.engines.rostering.model import (
    Assignment,
    Cover,
    History,
    LabourRules,
    Problem,
    Request,
    Rule,
    ShiftType,
    Window,
    Worker,
)

from .helpers import DAY, NIGHT, days_worked, problem, solved


def test_an_unconstrained_worker_covers_every_day() -> None:
    sol = solved(problem(horizon=7))
    assert days_worked(sol) == list(range(7))
    assert sol.objective == 0 and sol.status == "optimal"


def test_max_consecutive_days_forces_a_day_off_in_every_window() -> None:
    sol = solved(problem(horizon=10, max_consecutive_days=3))
    worked = days_worked(sol)
    assert all(not {d, d + 1, d + 2, d + 3} <= set(worked) for d in range(7))
    assert sol.objective == 200  # 10 days, at most 8 worked


def test_min_consecutive_days_applies_except_at_the_horizon_edges() -> None:
    # Day 3 is a day off, so the worker cannot work a lone day 2 or 4 ... unless exempt.
    base = problem(horizon=7, min_consecutive_days=3, days_off=frozenset({1, 5}))
    sol = solved(base)
    # Days 0 and 6 touch the edges and are exempt; days 2-4 form a run of 3.
    assert days_worked(sol) == [0, 2, 3, 4, 6]
    # Without the exemption day 0 needs history; the end of the horizon stays exempt
    # because the run continues into the next period.
    strict = replace(base, exempt_edges=False)
    assert days_worked(solved(strict)) == [2, 3, 4, 6]


def test_min_consecutive_days_off_keeps_rest_blocks_together() -> None:
    p = problem(horizon=7, min_consecutive_days_off=2, days_off=frozenset({3}))
    worked = days_worked(solved(p))
    assert 3 not in worked and (2 not in worked or 4 not in worked)


def test_max_weekends_counts_a_weekend_worked_if_either_day_is() -> None:
    sol = solved(problem(horizon=14, max_weekends=1))
    worked = set(days_worked(sol))
    weekends = [w for w in ((5, 6), (12, 13)) if worked & set(w)]
    assert len(weekends) == 1


def test_forbidden_succession_blocks_the_next_day_shift() -> None:
    late = ShiftType("L", 840, 1320, 0, site="a")
    p = replace(
        problem(
            horizon=2,
            shifts=(DAY,),
        ),
        shifts=(DAY, late),
        cover=(Cover(0, "L", 1), Cover(1, "D", 1)),
        forbidden_successions=(("L", "D"),),
    )
    sol = solved(p)
    assert len(sol.assignments) == 1 and sol.objective == 100


def test_minimum_rest_between_shifts_applies_across_sites() -> None:
    night = replace(NIGHT, site="b")
    p = Problem(
        horizon=2,
        shifts=(DAY, night),
        workers=(Worker("w0"),),
        cover=(Cover(0, "N", 1), Cover(1, "D", 1)),
        min_rest_minutes=11 * 60,
    )
    sol = solved(p)
    assert len(sol.assignments) == 1
    assert check(p, (Assignment("w0", 0, "N"), Assignment("w0", 1, "D"))).violations


def test_rest_after_history_blocks_an_early_first_shift() -> None:
    hist = History(consecutive_days_worked=1, last_shift_end=-60)
    p = problem(horizon=2, history=hist)
    p = replace(p, min_rest_minutes=660)
    # The last shift ended at 23:00 the evening before: 08:00 on day 0 is only 9 h later.
    assert days_worked(solved(p)) == [1]


def test_skills_and_zero_maxima_exclude_workers() -> None:
    skilled = replace(DAY, skill="care")
    p = problem(horizon=3, workers=2, shifts=(skilled,))
    p = replace(p, workers=(Worker("w0", skills=frozenset({"care"})), Worker("w1")))
    sol = solved(p)
    assert {a.worker for a in sol.assignments} == {"w0"}


def test_max_shifts_per_type_and_total_minutes_bound_the_workload() -> None:
    sol = solved(problem(horizon=7, max_shifts=(("D", 4),)))
    assert len(sol.assignments) == 4
    sol = solved(problem(horizon=7, max_total_minutes=3 * 480))
    assert len(sol.assignments) == 3


def test_min_total_minutes_forces_over_cover() -> None:
    p = problem(horizon=3, workers=2, min_total_minutes=3 * 480)
    sol = solved(p)
    assert len(sol.assignments) == 6 and sol.objective == 3  # over-cover weight 1


def test_days_off_and_unavailable_windows_are_respected() -> None:
    p = problem(
        horizon=4, days_off=frozenset({1}), unavailable=(Window(2 * 1440 + 600, 2 * 1440 + 700),)
    )
    assert days_worked(solved(p)) == [0, 3]


def test_locked_shifts_stay_even_when_costly() -> None:
    p = replace(problem(horizon=2, workers=2), locked=(("w1", 0, "D"), ("w0", 0, "D")))
    sol = solved(p)
    assert {(a.worker, a.day) for a in sol.assignments} >= {("w0", 0), ("w1", 0)}


def test_requests_on_and_off_are_weighed_against_cover() -> None:
    p = replace(
        problem(horizon=2, workers=2),
        requests=(Request("w0", 0, "D", 150, on=False), Request("w1", 1, None, 5, on=False)),
    )
    sol = solved(p)
    assert ("w0", 0) not in {(a.worker, a.day) for a in sol.assignments}
    assert sol.objective == 0


def test_hard_minimum_cover_is_met_even_against_requests() -> None:
    p = Problem(
        horizon=1,
        shifts=(DAY,),
        workers=(Worker("w0"), Worker("w1")),
        cover=(Cover(0, "D", 0, weight_under=0, weight_over=0, hard_min=2),),
        requests=(Request("w0", 0, None, 9, on=False),),
    )
    sol = solved(p)
    assert len(sol.assignments) == 2 and sol.objective == 9


def test_two_shifts_a_day_need_travel_time_between_sites() -> None:
    morning = ShiftType("M", 480, 720, 0, site="farm")
    afternoon = ShiftType("A", 750, 1020, 0, site="inn")
    p = Problem(
        horizon=1,
        shifts=(morning, afternoon),
        workers=(Worker("w0"),),
        cover=(Cover(0, "M", 1), Cover(0, "A", 1)),
        max_shifts_per_day=2,
        travel_minutes=(("farm", "inn", 20),),
    )
    assert len(solved(p).assignments) == 2
    far = replace(p, travel_minutes=(("farm", "inn", 45),))
    assert len(solved(far).assignments) == 1


def _labour(**rules: object) -> LabourRules:
    return replace(LabourRules(), **rules)  # type: ignore[arg-type]


def test_labour_daily_maximum_excludes_long_shifts() -> None:
    long = ShiftType("X", 480, 1140, 60, site="a")  # 10 h paid
    p = replace(problem(horizon=2, shifts=(long,)), labour=_labour(daily_max=Rule("hard", 480)))
    assert solved(p).assignments == ()
    variable = replace(p, labour=_labour(daily_max=Rule("hard", 600)))
    assert len(solved(variable).assignments) == 2


def test_labour_weekly_maximum_caps_hours_per_week() -> None:
    p = replace(problem(horizon=7), labour=_labour(weekly_max=Rule("hard", 2400)))
    assert len(solved(p).assignments) == 5


def test_labour_rest_day_rule_needs_one_day_off_per_week_or_four_per_four_weeks() -> None:
    p = replace(problem(horizon=14), labour=_labour(rest_days=Rule("hard", 1)))
    worked = days_worked(solved(p))
    assert len([d for d in worked if d < 7]) == 6 and len([d for d in worked if d >= 7]) == 6
    p4 = replace(problem(horizon=28), labour=_labour(rest_days=Rule("hard", 4)))
    assert len(solved(p4).assignments) == 24


def test_labour_consecutive_days_are_six_or_twelve_in_a_designated_period() -> None:
    p = replace(problem(horizon=14), labour=_labour(max_consecutive_days=Rule("hard", 6)))
    assert len(solved(p).assignments) == 12
    period = _labour(max_consecutive_days=Rule("hard", 6), designated_period=(0, 14))
    assert len(solved(replace(p, labour=period)).assignments) == 13


def test_labour_interval_can_be_soft_and_is_then_paid_for() -> None:
    late = ShiftType("L", 840, 1320, 0, site="a")
    early = ShiftType("E", 360, 840, 0, site="a")
    p = Problem(
        horizon=2,
        shifts=(late, early),
        workers=(Worker("w0"),),
        cover=(Cover(0, "L", 1), Cover(1, "E", 1)),
        labour=_labour(interval=Rule("soft", 660, 30)),
    )
    sol = solved(p)
    assert len(sol.assignments) == 2 and dict(sol.terms)["labour_interval"] == 30
    hard = replace(p, labour=_labour(interval=Rule("hard", 660)))
    assert len(solved(hard).assignments) == 1


def test_labour_monthly_overtime_and_annual_day_caps() -> None:
    p = replace(
        problem(horizon=28), labour=_labour(monthly_overtime=Rule("hard", 0), month_days=28)
    )
    assert len(solved(p).assignments) == 20  # 160 h frame for four weeks
    worker = replace(Worker("w0"), history=History(days_worked_this_year=275))
    q = replace(
        problem(horizon=7), workers=(worker,), labour=_labour(annual_days=Rule("hard", 280))
    )
    assert len(solved(q).assignments) == 5


def test_fairness_spreads_work_and_continuity_prefers_the_same_worker() -> None:
    p = replace(problem(horizon=4, workers=2), weights=replace(problem().weights, minutes_spread=1))
    sol = solved(p)
    assert len(days_worked(sol, "w0")) == len(days_worked(sol, "w1")) == 2
    q = replace(problem(horizon=4, workers=2), weights=replace(problem().weights, continuity=10))
    assert dict(solved(q).terms)["continuity"] == 10
