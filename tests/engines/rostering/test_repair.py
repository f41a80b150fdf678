"""Repair keeps as much of the previous roster as the change allows."""

from __future__ import annotations

from musubi.engines.rostering.checker import check
from musubi.engines.rostering.coop import cooperative_problem
from musubi.engines.rostering.repair import repair, worker_absent
from musubi.engines.rostering.solver import Options, solve


def test_a_worker_ill_for_three_days_changes_only_a_few_assignments_in_seconds() -> None:
    p = cooperative_problem(seed=3)
    before = solve(p, Options(time_limit=4, seed=1, deterministic=True))
    ill = next(a.worker for a in before.assignments if a.day == 10)
    changed = worker_absent(p, ill, range(10, 13))
    after = repair(
        changed,
        before.assignments,
        Options(time_limit=4, seed=1, deterministic=True),
        change_weight=50,
    )
    assert after.status in ("optimal", "feasible")
    assert check(changed, after.assignments).violations == ()
    assert not any(a.worker == ill and 10 <= a.day < 13 for a in after.assignments)
    old = {(a.worker, a.day, a.shift) for a in before.assignments}
    new = {(a.worker, a.day, a.shift) for a in after.assignments}
    fresh = solve(changed, Options(time_limit=4, seed=2, deterministic=True))
    moved = {(a.worker, a.day, a.shift) for a in fresh.assignments}
    # Three lost days ripple into a few swaps (plus improvements found on the way),
    # far fewer than re-rostering from scratch.
    assert len(old ^ new) * 4 < len(old ^ moved)
    assert after.seconds < 5  # deterministic seconds: the budget holds whatever the load
    assert (
        dict(after.terms).get("changes", 0)
        == check(changed, after.assignments, before.assignments, 50).objective
        - check(changed, after.assignments).objective
    )
