"""The cooperative generator, determinism, and the checker on hand-made rosters."""

from __future__ import annotations

import ast
from pathlib import Path

from musubi.engines.rostering.checker import check
from musubi.engines.rostering.coop import cooperative_problem
from musubi.engines.rostering.model import Assignment
from musubi.engines.rostering.solver import Options, solve

from .helpers import problem

PACKAGE = Path(__file__).resolve().parents[3] / "musubi" / "engines" / "rostering"


def test_the_cooperative_generator_is_seeded_and_cooperative_sized() -> None:
    p = cooperative_problem(seed=4)
    assert p == cooperative_problem(seed=4)
    assert len(p.workers) == 10 and p.horizon == 30
    sites = {s.site for s in p.shifts}
    assert len(sites) == 12
    assert all(1 <= sum(s.site == m for s in p.shifts) <= 3 for m in sites)
    assert p.labour.weekly_max.mode == "hard" and p.labour.interval.limit == 660


def test_a_cooperative_month_solves_feasibly_and_the_checker_agrees() -> None:
    p = cooperative_problem(seed=0)
    # A deterministic budget: on a loaded machine a wall-clock one may end before any roster.
    sol = solve(p, Options(time_limit=4, deterministic=True))
    rep = check(p, sol.assignments)
    assert rep.violations == () and rep.objective == sol.objective
    assert sol.bound is not None and sol.bound <= sol.objective


def test_same_seed_and_iteration_budget_give_the_same_roster() -> None:
    p = cooperative_problem(seed=5)
    opt = Options(time_limit=60, seed=3, max_iterations=4, full_share=0.0)
    a = solve(p, opt)
    b = solve(p, opt)
    assert a.assignments == b.assignments and a.objective == b.objective


def test_the_checker_flags_each_broken_rule_and_prices_cover() -> None:
    p = problem(horizon=7, max_consecutive_days=2, min_total_minutes=480 * 5, max_weekends=0)
    roster = [Assignment("w0", d, "D") for d in (0, 1, 2, 5)]
    rep = check(p, roster)
    text = " | ".join(rep.violations)
    assert "more than 2 days in a row" in text
    assert "< min 2400" in text
    assert "1 weekends > 0" in text
    assert dict(rep.terms) == {"cover_under": 300}


def test_the_package_never_imports_django() -> None:
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] == "django" for n in names), path
        assert len(path.read_text(encoding="utf-8").splitlines()) < 520, path
