"""Deterministic budgets, the plain CP-SAT baseline, column generation, the season problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from musubi.engines.rostering.baseline import solve_plain
from musubi.engines.rostering.checker import check
from musubi.engines.rostering.cli import bench_main
from musubi.engines.rostering.clock import Clock
from musubi.engines.rostering.colgen import ColumnGeneration, applicable
from musubi.engines.rostering.compiled import Compiled
from musubi.engines.rostering.coop import season_problem
from musubi.engines.rostering.model import Cover, Problem, Request, ShiftType, Worker
from musubi.engines.rostering.solver import Options, solve
from musubi.engines.rostering.subsolve import evaluate

from .helpers import INSTANCES
from .test_properties import problems

E = ShiftType("E", 360, 840, 0, site="a")
L = ShiftType("L", 840, 1320, 0, site="a")


def ward(days: int = 14, staff: int = 5) -> Problem:
    """Two shifts a day for five nurses over two weeks: enough for LNS to have work."""
    workers = tuple(
        Worker(
            f"n{i}",
            max_total_minutes=480 * 9,
            min_total_minutes=480 * 4,
            max_consecutive_days=4,
            min_consecutive_days=2,
            min_consecutive_days_off=2,
            max_weekends=1,
        )
        for i in range(staff)
    )
    cover = tuple(
        Cover(d, s.id, 1 + (d + i) % 2, 100, 1) for d in range(days) for i, s in enumerate((E, L))
    )
    requests = tuple(
        Request(w.id, (3 * i) % days, "E" if i % 2 else None, 1 + i % 3, on=bool(i % 2))
        for i, w in enumerate(workers)
    )
    return Problem(
        horizon=days,
        shifts=(E, L),
        workers=workers,
        cover=cover,
        requests=requests,
        forbidden_successions=(("L", "E"),),
        exempt_edges=True,
    )


def test_a_deterministic_run_repeats_exactly() -> None:
    p = ward()
    opt = Options(time_limit=2.0, workers=2, seed=3, deterministic=True)
    first, second = solve(p, opt), solve(p, opt)
    assert first.status in ("optimal", "feasible")
    assert first.assignments == second.assignments
    assert first.objective == second.objective and first.bound == second.bound


def test_the_plain_model_gives_a_legal_roster_scored_like_the_checker() -> None:
    p = ward()
    plain = solve_plain(p, time_limit=5, workers=2, deterministic=True)
    assert plain.status in ("optimal", "feasible")
    rep = check(p, plain.assignments)
    assert rep.violations == ()
    assert rep.objective == plain.objective
    assert plain.bound is not None and plain.bound <= plain.objective


def test_column_generation_bound_and_master_roster_on_a_ward() -> None:
    p = ward()
    c = Compiled(p)
    clock = Clock(deterministic=True)
    plain = solve_plain(p, time_limit=10, workers=2, deterministic=True)
    assert plain.status == "optimal" and plain.objective is not None
    start = solve(p, Options(time_limit=0.5, deterministic=True))
    cg = ColumnGeneration(c, clock)
    cg.add_roster({(c.widx[a.worker], a.day): (c.sidx[a.shift],) for a in start.assignments})
    res = cg.run(until=50.0)
    assert res.bound is not None and res.bound <= plain.objective
    assert res.lp is not None and res.bound <= res.lp + 1e-6
    ip = cg.solve_ip(5.0)
    assert ip.roster is not None and ip.objective is not None
    assert sum(evaluate(c, ip.roster).values()) == ip.objective >= plain.objective
    assert check(p, [a for a in _assignments(p, ip.roster)]).violations == ()


def _assignments(p: Problem, roster: dict[tuple[int, int], tuple[int, ...]]) -> list:
    from musubi.engines.rostering.model import Assignment

    return [
        Assignment(p.workers[e].id, d, p.shifts[s].id) for (e, d), ss in roster.items() for s in ss
    ]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_days=5, max_workers=3))
def test_the_column_generation_bound_never_exceeds_a_proven_optimum(p: Problem) -> None:
    c = Compiled(p)
    if not applicable(c):
        return
    plain = solve_plain(p, time_limit=5, workers=1, deterministic=True)
    if plain.status != "optimal":
        return
    sol = solve(p, Options(time_limit=0.5, deterministic=True))
    if sol.status not in ("optimal", "feasible"):
        return
    cg = ColumnGeneration(c, Clock(deterministic=True))
    cg.add_roster({(c.widx[a.worker], a.day): (c.sidx[a.shift],) for a in sol.assignments})
    res = cg.run(until=20.0)
    assert res.bound is not None and plain.objective is not None
    assert res.bound <= plain.objective


def test_the_season_problem_is_forty_workers_thirty_members_thirteen_weeks_all_rules_hard() -> None:
    p = season_problem(seed=1)
    assert p == season_problem(seed=1) and p != season_problem(seed=2)
    assert len(p.workers) == 40 and p.horizon == 91
    assert len({s.site for s in p.shifts}) == 30
    lab = p.labour
    rules = (lab.daily_max, lab.weekly_max, lab.rest_days, lab.max_consecutive_days)
    rules += (lab.interval, lab.monthly_overtime, lab.annual_days)
    assert all(r.mode == "hard" for r in rules)
    assert applicable(Compiled(p))


@pytest.mark.skipif(not (INSTANCES / "Instance1.txt").exists(), reason="benchmark folder absent")
def test_bench_baseline_sits_beside_the_engine_in_the_same_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = [str(INSTANCES / "Instance1.txt"), "--time-limit", "3", "--deterministic", "--baseline"]
    assert bench_main(argv) == 0
    line = json.loads(capsys.readouterr().out.strip())
    assert line["deterministic"] is True and line["objective"] == 607
    assert line["baseline"]["objective"] == 607 and line["baseline"]["hard_violations"] == 0
    assert line["bound"] == 607


@pytest.mark.skipif(not (INSTANCES / "Instance1.txt").exists(), reason="benchmark folder absent")
def test_the_report_writes_the_page_with_baseline_bound_and_targets(tmp_path: Path) -> None:
    from musubi.engines.rostering.report import report_main

    out, notes = tmp_path / "page.md", tmp_path / "notes.md"
    notes.write_text("## Notes\n\nWritten by hand.\n", encoding="utf-8")
    argv = [str(INSTANCES.parent), "--out", str(out), "--notes", str(notes), "--instances", "1"]
    argv += ["--limit", "3", "--det-budget", "1", "--coop-seeds", "", "--season-seeds", ""]
    assert report_main(argv) == 0
    page = out.read_text(encoding="utf-8")
    assert "| 1 | 607 | 0.00 | 607 | 0.00 | 0 |" in page
    assert "Plain CP-SAT" in page and "deterministic budget 1" in page
    assert "| 1–12 at best known in 3 s | 1 | — |" in page
    assert page.rstrip().endswith("Written by hand.")
    assert "| 607 |" in page and "best_known" not in page
