"""Semantic validation of a Problem, with errors that name the offending field."""

from __future__ import annotations

from .errors import ProblemError
from .model import Problem


def validate(p: Problem, where: str = "problem") -> None:
    def fail(field: str, msg: str) -> None:
        raise ProblemError(f"{where}: {field}", msg)

    if p.horizon < 1:
        fail("horizon", "must be >= 1")
    if not 0 <= p.first_weekday <= 6:
        fail("first_weekday", "must be 0 (Monday) .. 6 (Sunday)")
    if p.min_rest_minutes < 0:
        fail("min_rest_minutes", "must be >= 0")
    if p.max_shifts_per_day < 1:
        fail("max_shifts_per_day", "must be >= 1")
    shift_ids: set[str] = set()
    for i, s in enumerate(p.shifts):
        f = f"shifts[{i}]"
        if not s.id or s.id in shift_ids:
            fail(f"{f}.id", f"empty or duplicate shift id {s.id!r}")
        shift_ids.add(s.id)
        if s.start < 0 or s.end <= s.start:
            fail(f"{f}.end", "start must be >= 0 and end > start")
        if s.break_minutes < 0:
            fail(f"{f}.break_minutes", "must be >= 0 (negative minutes)")
        if s.minutes <= 0:
            fail(f"{f}.break_minutes", "break leaves no working time")

    def shift_ref(field: str, sid: str) -> None:
        if sid not in shift_ids:
            fail(field, f"unknown shift type {sid!r}")

    worker_ids: set[str] = set()
    for i, w in enumerate(p.workers):
        f = f"workers[{i}]"
        if not w.id or w.id in worker_ids:
            fail(f"{f}.id", f"empty or duplicate worker id {w.id!r}")
        worker_ids.add(w.id)
        for j, (sid, n) in enumerate(w.max_shifts):
            shift_ref(f"{f}.max_shifts[{j}]", sid)
            if n < 0:
                fail(f"{f}.max_shifts[{j}]", "must be >= 0")
        for name in ("min_total_minutes", "contract_minutes"):
            if getattr(w, name) < 0:
                fail(f"{f}.{name}", "must be >= 0 (negative minutes)")
        for name in ("max_total_minutes", "max_consecutive_days", "max_weekends"):
            v = getattr(w, name)
            if v is not None and v < 0:
                fail(f"{f}.{name}", "must be >= 0")
        if w.min_consecutive_days < 0 or w.min_consecutive_days_off < 0:
            fail(f"{f}.min_consecutive_days", "must be >= 0")
        for j, win in enumerate(w.unavailable):
            if win.end <= win.start:
                fail(f"{f}.unavailable[{j}]", "end must be after start")
    for i, cv in enumerate(p.cover):
        f = f"cover[{i}]"
        shift_ref(f"{f}.shift", cv.shift)
        if not 0 <= cv.day < p.horizon:
            fail(f"{f}.day", f"day {cv.day} outside horizon")
        if cv.target < 0 or cv.weight_under < 0 or cv.weight_over < 0:
            fail(f, "target and weights must be >= 0")
        if cv.hard_min is not None and cv.hard_min < 0:
            fail(f"{f}.hard_min", "must be >= 0")
    for i, r in enumerate(p.requests):
        f = f"requests[{i}]"
        if r.worker not in worker_ids:
            fail(f"{f}.worker", f"unknown worker {r.worker!r}")
        if r.shift is not None:
            shift_ref(f"{f}.shift", r.shift)
        if r.weight < 0:
            fail(f"{f}.weight", "must be >= 0")
    for i, (wid, d, sid) in enumerate(p.locked):
        if wid not in worker_ids:
            fail(f"locked[{i}]", f"unknown worker {wid!r}")
        shift_ref(f"locked[{i}]", sid)
        if not 0 <= d < p.horizon:
            fail(f"locked[{i}]", f"day {d} outside horizon")
    for i, (a, b) in enumerate(p.forbidden_successions):
        shift_ref(f"forbidden_successions[{i}]", a)
        shift_ref(f"forbidden_successions[{i}]", b)
    for i, (_, _, m) in enumerate(p.travel_minutes):
        if m < 0:
            fail(f"travel_minutes[{i}]", "must be >= 0 (negative minutes)")
    lab = p.labour
    if lab.interval.mode != "off" and lab.interval.limit < 540:
        fail("labour.interval.limit", "the interval may not be set below 9 h (540 min)")
