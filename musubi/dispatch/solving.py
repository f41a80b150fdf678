"""Roster runs: build the problem, solve outside any transaction, store the result in one.

CP-SAT reports progress from its own threads; those threads only write into a shared dict and
the calling thread copies it to the RosterRun row, so all database work stays on one thread.
"""

import datetime as dt
import threading
import time
from typing import Any

from django.db import transaction
from django.tasks import task
from django.utils.translation import gettext as _
from django_scopes import scope

from musubi.core.models import Cooperative, User
from musubi.dispatch.models import Roster, RosterRun, RunStatus
from musubi.dispatch.problem import (
    UNDER_WEIGHT,
    Built,
    assignments_of,
    build_problem,
    reason_text,
    rule_label,
    violation_text,
)
from musubi.dispatch.services import roster_replace_shifts
from musubi.engines.rostering import checker, solver
from musubi.engines.rostering.model import Solution
from musubi.engines.rostering.repair import repair


def summarise(built: Built, solution: Solution, seconds: float) -> dict[str, Any]:
    """The figures the batch command prints and the result page shows."""
    p = built.problem
    report = checker.check(p, solution.assignments)
    wanted = sum(c.target for c in p.cover)
    count: dict[tuple[int, str], int] = {}
    for a in solution.assignments:
        count[a.day, a.shift] = count.get((a.day, a.shift), 0) + 1
    met = sum(min(c.target, count.get((c.day, c.shift), 0)) for c in p.cover)
    unmet = []
    for u in solution.uncovered:
        if u.target <= u.assigned:
            continue
        req = built.requests[u.shift]
        unmet.append(
            {
                "date": built.date(u.day).isoformat(),
                "request": req.pk,
                "title": req.title,
                "member": req.member.name,
                "missing": u.target - u.assigned,
                "reason": reason_text(u.reason),
            }
        )
    warnings: dict[str, int] = {}
    for name, value in report.terms:
        if name not in {"cover_under", "cover_over"} and value:
            warnings[name] = value
    return {
        "status": solution.status,
        "coverage_pct": round(100 * met / wanted, 1) if wanted else 100.0,
        "wanted_slots": wanted,
        "unmet_slots": wanted - met,
        "hard_violations": len(report.violations),
        "violations": [violation_text(built, v) for v in report.violations],
        "warnings_by_kind": warnings,
        "warnings": [f"{rule_label(k)}: {v}" for k, v in warnings.items()],
        "objective": solution.objective,
        "bound": solution.bound,
        "seconds": round(seconds, 2),
        "unmet": unmet,
        "excluded": built.excluded,
    }


def as_rows(built: Built, solution: Solution) -> list[dict[str, Any]]:
    return [
        {
            "worker": built.workers[a.worker].pk,
            "request": built.requests[a.shift].pk,
            "date": built.date(a.day).isoformat(),
        }
        for a in solution.assignments
    ]


def progress_words(run: RosterRun | None) -> str:
    """The run's progress in plain words for the coordinator, never the solver's objective or
    bound: each unmet slot costs at least UNDER_WEIGHT, so best // UNDER_WEIGHT bounds the
    slots still short in the best roster found so far."""
    if run is None or run.status not in {RunStatus.QUEUED, RunStatus.RUNNING}:
        return ""
    if run.best is None:
        return _("Looking for a first roster…")
    short = run.best // UNDER_WEIGHT
    finished = run.bound is not None and run.bound >= run.best
    if short == 0:
        return (
            _("Every slot is filled; finishing.")
            if finished
            else _("Every slot is filled · improving fairness and wishes")
        )
    return _("At most %(n)s slot(s) short · improving") % {"n": short}


def _solve_with_progress(run: RosterRun, work: Any, *, poll: float = 0.5) -> Solution:
    """Run ``work(progress)`` in a thread; copy progress to ``run`` from this thread."""
    state: dict[str, Any] = {}
    box: dict[str, Any] = {}

    def progress(best: int, bound: int | None, elapsed: float) -> None:
        state.update(best=best, bound=bound, elapsed=elapsed)

    def target() -> None:
        try:
            box["solution"] = work(progress)
        except Exception as error:  # reported on the run row by the caller
            box["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    t0 = time.monotonic()
    thread.start()
    while thread.is_alive():
        thread.join(poll)
        RosterRun.objects.filter(pk=run.pk).update(
            best=state.get("best"), bound=state.get("bound"), elapsed=time.monotonic() - t0
        )
    if "error" in box:
        raise box["error"]
    solution: Solution = box["solution"]
    return solution


def run_roster(run_id: int, cooperative_id: int) -> dict[str, Any]:
    """Execute a queued RosterRun (solve or repair proposal) and return its summary."""
    coop = Cooperative.objects.get(pk=cooperative_id)
    with scope(cooperative=coop):
        run = RosterRun.objects.select_related("roster").get(pk=run_id, cooperative=coop)
        roster = run.roster
        absent: dict[int, set[dt.date]] = {}
        if run.kind == "repair" and run.absent_worker_id:
            absent[run.absent_worker_id] = {dt.date.fromisoformat(d) for d in run.absent_dates}
        built = build_problem(roster=roster, absent=absent)
        previous = assignments_of(built, roster.shifts.all())
        RosterRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
        t0 = time.monotonic()
        try:
            if run.kind == "repair":
                solution = _solve_with_progress(
                    run,
                    lambda cb: repair(
                        built.problem,
                        previous,
                        solver.Options(time_limit=run.time_limit, progress=cb),
                    ),
                )
            else:
                solution = _solve_with_progress(
                    run,
                    lambda cb: solver.solve(
                        built.problem, solver.Options(time_limit=run.time_limit, progress=cb)
                    ),
                )
        except Exception as error:
            RosterRun.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error=str(error))
            raise
        seconds = time.monotonic() - t0
        summary = summarise(built, solution, seconds)
        rows = as_rows(built, solution)
        if run.kind == "repair":
            before = {(a.worker, a.day, a.shift) for a in previous}
            after = {(a.worker, a.day, a.shift) for a in solution.assignments}
            summary["removed"] = len(before - after)
            summary["added"] = len(after - before)
        if solution.status in {"infeasible", "unknown"}:
            summary["error"] = _("No roster satisfies every hard rule: %(conflicts)s") % {
                "conflicts": ", ".join(solution.conflicts) or "-"
            }
        with transaction.atomic():
            run.refresh_from_db()
            run.status = RunStatus.DONE
            run.summary = summary
            run.proposal = rows
            run.elapsed = seconds
            run.best = solution.objective
            run.bound = solution.bound
            run.save()
            if run.kind == "solve" and solution.assignments:
                roster_replace_shifts(roster=roster, assignments=rows, actor=run.created_by)
        return summary


def run_start(*, roster: Roster, actor: User, kind: str = "solve", time_limit: float = 10.0,
              absent_worker_id: int | None = None,
              absent_dates: list[str] | None = None) -> RosterRun:  # fmt: skip
    """Queue a background run once the current transaction commits."""
    run = RosterRun.objects.create(
        cooperative=roster.cooperative, roster=roster, kind=kind, time_limit=time_limit,
        absent_worker_id=absent_worker_id, absent_dates=absent_dates or [], created_by=actor,
    )  # fmt: skip
    rid, cid = run.pk, roster.cooperative_id
    transaction.on_commit(lambda: roster_run_task.enqueue(rid, cid))
    return run


@task()
def roster_run_task(run_id: int, cooperative_id: int) -> dict[str, Any]:
    """Solve or repair a roster; ids only, the task enters the cooperative's scope itself.

    Defined beside the run it performs, so queuing a run needs no import back from tasks.py."""
    return run_roster(run_id, cooperative_id)
