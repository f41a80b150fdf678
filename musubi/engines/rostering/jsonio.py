"""The engine's JSON problem format (see docs/rostering-problem-format.md and
problem.schema.json) and the JSON form of a solution.

The reader checks types itself rather than depending on a JSON Schema library, so every
error names the field path, e.g. ``problem.json: workers[2].max_total_minutes``.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from .errors import ProblemError
from .model import (
    Cover,
    History,
    LabourRules,
    Problem,
    Request,
    Rule,
    ShiftType,
    Solution,
    Weights,
    Window,
    Worker,
)
from .validate import validate

SCHEMA_PATH = Path(__file__).with_name("problem.schema.json")


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, msg: str) -> ProblemError:
        return ProblemError(f"{self.source}: {path}", msg)

    def obj(
        self,
        v: Any,
        path: str,
        allowed: set[str],
        required: frozenset[str] | set[str] = frozenset(),
    ) -> dict[str, Any]:
        if not isinstance(v, dict):
            raise self.fail(path, "must be an object")
        for k in v:
            if k not in allowed:
                raise self.fail(f"{path}.{k}" if path else k, "unknown field")
        for k in required:
            if k not in v:
                raise self.fail(f"{path}.{k}" if path else k, "required field missing")
        return v

    def int_(self, v: Any, path: str, minimum: int | None = 0) -> int:
        if isinstance(v, bool) or not isinstance(v, int):
            raise self.fail(path, f"must be an integer, got {v!r}")
        if minimum is not None and v < minimum:
            raise self.fail(path, f"must be >= {minimum}, got {v} (negative minutes?)")
        return v

    def opt_int(self, v: Any, path: str) -> int | None:
        return None if v is None else self.int_(v, path)

    def str_(self, v: Any, path: str) -> str:
        if not isinstance(v, str) or not v:
            raise self.fail(path, "must be a non-empty string")
        return v

    def list_(self, v: Any, path: str) -> list[Any]:
        if not isinstance(v, list):
            raise self.fail(path, "must be an array")
        return v

    def bool_(self, v: Any, path: str) -> bool:
        if not isinstance(v, bool):
            raise self.fail(path, "must be true or false")
        return v


def load_problem(path: str | Path) -> Problem:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemError(str(path), f"cannot read file: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError(f"{path}:{exc.lineno}:{exc.colno}", f"invalid JSON: {exc.msg}") from None
    return problem_from_dict(data, str(path))


def _rule(r: _Reader, v: Any, path: str, default: Rule) -> Rule:
    d = r.obj(v, path, {"mode", "limit", "weight"})
    mode = d.get("mode", default.mode)
    if mode not in ("off", "hard", "soft"):
        raise r.fail(f"{path}.mode", "must be off, hard or soft")
    return Rule(
        mode,
        r.int_(d.get("limit", default.limit), f"{path}.limit"),
        r.int_(d.get("weight", default.weight), f"{path}.weight"),
    )


def problem_from_dict(data: Any, source: str = "problem") -> Problem:
    r = _Reader(source)
    top = r.obj(
        data,
        "",
        {
            "name",
            "horizon",
            "first_weekday",
            "min_rest_minutes",
            "max_shifts_per_day",
            "exempt_edges",
            "shifts",
            "forbidden_successions",
            "travel_minutes",
            "workers",
            "cover",
            "requests",
            "locked",
            "labour",
            "weights",
            "$schema",
        },
        {"horizon", "shifts", "workers"},
    )
    horizon = r.int_(top["horizon"], "horizon", 1)
    shifts = []
    for i, s in enumerate(r.list_(top["shifts"], "shifts")):
        p = f"shifts[{i}]"
        d = r.obj(s, p, {"id", "start", "end", "break_minutes", "site", "skill"}, {"id", "end"})
        shifts.append(
            ShiftType(
                r.str_(d["id"], f"{p}.id"),
                r.int_(d.get("start", 0), f"{p}.start"),
                r.int_(d["end"], f"{p}.end"),
                r.int_(d.get("break_minutes", 0), f"{p}.break_minutes"),
                str(d.get("site", "")),
                None if d.get("skill") is None else r.str_(d["skill"], f"{p}.skill"),
            )
        )
    known = {s.id for s in shifts}

    def shift_ref(v: Any, path: str) -> str:
        sid = r.str_(v, path)
        if sid not in known:
            raise r.fail(path, f"unknown shift type {sid!r}")
        return sid

    workers = []
    wfields = {f.name for f in fields(Worker)}
    for i, w in enumerate(r.list_(top["workers"], "workers")):
        p = f"workers[{i}]"
        d = r.obj(w, p, wfields, {"id"})
        maxes = r.obj(d.get("max_shifts", {}), f"{p}.max_shifts", known)
        hist = r.obj(d.get("history", {}), f"{p}.history", {f.name for f in fields(History)})
        last = hist.get("last_shift_end")
        unavailable = []
        for j, win in enumerate(r.list_(d.get("unavailable", []), f"{p}.unavailable")):
            wp = f"{p}.unavailable[{j}]"
            pair = r.list_(win, wp)
            if len(pair) != 2:
                raise r.fail(wp, "must be [start, end] in minutes from day 0")
            unavailable.append(Window(r.int_(pair[0], wp, None), r.int_(pair[1], wp, None)))
        workers.append(
            Worker(
                id=r.str_(d["id"], f"{p}.id"),
                skills=frozenset(
                    r.str_(x, f"{p}.skills") for x in r.list_(d.get("skills", []), f"{p}.skills")
                ),
                max_shifts=tuple((k, r.int_(v, f"{p}.max_shifts.{k}")) for k, v in maxes.items()),
                min_total_minutes=r.int_(d.get("min_total_minutes", 0), f"{p}.min_total_minutes"),
                max_total_minutes=r.opt_int(d.get("max_total_minutes"), f"{p}.max_total_minutes"),
                max_consecutive_days=r.opt_int(
                    d.get("max_consecutive_days"), f"{p}.max_consecutive_days"
                ),
                min_consecutive_days=r.int_(
                    d.get("min_consecutive_days", 1), f"{p}.min_consecutive_days"
                ),
                min_consecutive_days_off=r.int_(
                    d.get("min_consecutive_days_off", 1), f"{p}.min_consecutive_days_off"
                ),
                max_weekends=r.opt_int(d.get("max_weekends"), f"{p}.max_weekends"),
                days_off=frozenset(
                    r.int_(x, f"{p}.days_off")
                    for x in r.list_(d.get("days_off", []), f"{p}.days_off")
                ),
                unavailable=tuple(unavailable),
                contract_minutes=r.int_(d.get("contract_minutes", 0), f"{p}.contract_minutes"),
                history=History(
                    r.int_(hist.get("consecutive_days_worked", 0), f"{p}.history"),
                    r.int_(hist.get("consecutive_days_off", 0), f"{p}.history"),
                    None if last is None else r.int_(last, f"{p}.history.last_shift_end", None),
                    r.int_(hist.get("days_worked_this_year", 0), f"{p}.history"),
                    r.int_(hist.get("week_minutes", 0), f"{p}.history.week_minutes"),
                    r.int_(hist.get("week_within_minutes", 0), f"{p}.history.week_within_minutes"),
                    r.int_(hist.get("block_days_worked", 0), f"{p}.history.block_days_worked"),
                ),
            )
        )
    cover = []
    for i, c in enumerate(r.list_(top.get("cover", []), "cover")):
        p = f"cover[{i}]"
        d = r.obj(
            c,
            p,
            {"day", "shift", "target", "weight_under", "weight_over", "hard_min"},
            {"day", "shift", "target"},
        )
        cover.append(
            Cover(
                r.int_(d["day"], f"{p}.day"),
                shift_ref(d["shift"], f"{p}.shift"),
                r.int_(d["target"], f"{p}.target"),
                r.int_(d.get("weight_under", 100), f"{p}.weight_under"),
                r.int_(d.get("weight_over", 1), f"{p}.weight_over"),
                r.opt_int(d.get("hard_min"), f"{p}.hard_min"),
            )
        )
    requests = []
    for i, q in enumerate(r.list_(top.get("requests", []), "requests")):
        p = f"requests[{i}]"
        d = r.obj(q, p, {"worker", "day", "shift", "weight", "on"}, {"worker", "day", "weight"})
        requests.append(
            Request(
                r.str_(d["worker"], f"{p}.worker"),
                r.int_(d["day"], f"{p}.day"),
                None if d.get("shift") is None else shift_ref(d["shift"], f"{p}.shift"),
                r.int_(d["weight"], f"{p}.weight"),
                r.bool_(d.get("on", True), f"{p}.on"),
            )
        )
    locked = []
    for i, q in enumerate(r.list_(top.get("locked", []), "locked")):
        p = f"locked[{i}]"
        d = r.obj(q, p, {"worker", "day", "shift"}, {"worker", "day", "shift"})
        locked.append(
            (
                r.str_(d["worker"], f"{p}.worker"),
                r.int_(d["day"], f"{p}.day"),
                shift_ref(d["shift"], f"{p}.shift"),
            )
        )
    forb = []
    for i, pair in enumerate(
        r.list_(top.get("forbidden_successions", []), "forbidden_successions")
    ):
        p = f"forbidden_successions[{i}]"
        if not isinstance(pair, list) or len(pair) != 2:
            raise r.fail(p, "must be [shift, next-day shift]")
        forb.append((shift_ref(pair[0], p), shift_ref(pair[1], p)))
    travel = []
    for i, t in enumerate(r.list_(top.get("travel_minutes", []), "travel_minutes")):
        p = f"travel_minutes[{i}]"
        if not isinstance(t, list) or len(t) != 3:
            raise r.fail(p, "must be [site, site, minutes]")
        travel.append((str(t[0]), str(t[1]), r.int_(t[2], p)))
    lab = LabourRules()
    ld = r.obj(top.get("labour", {}), "labour", {f.name for f in fields(LabourRules)})
    lab_kw: dict[str, Any] = {}
    for f in fields(LabourRules):
        if f.name not in ld:
            continue
        default = getattr(lab, f.name)
        if isinstance(default, Rule):
            lab_kw[f.name] = _rule(r, ld[f.name], f"labour.{f.name}", default)
        elif f.name == "designated_period":
            v = ld[f.name]
            if v is not None:
                if not isinstance(v, list) or len(v) != 2:
                    raise r.fail("labour.designated_period", "must be [first day, end day)")
                v = (
                    r.int_(v[0], "labour.designated_period"),
                    r.int_(v[1], "labour.designated_period"),
                )
            lab_kw[f.name] = v
        elif f.name == "legal_overtime":
            lab_kw[f.name] = r.bool_(ld[f.name], "labour.legal_overtime")
        elif f.name in ("week_start_day", "block_start_day"):
            v = r.int_(ld[f.name], f"labour.{f.name}", -27)
            if v > 0:
                raise r.fail(f"labour.{f.name}", "must be 0 or a day before day 0")
            lab_kw[f.name] = v
        else:
            lab_kw[f.name] = r.int_(ld[f.name], f"labour.{f.name}")
    wd = r.obj(top.get("weights", {}), "weights", {f.name for f in fields(Weights)})
    weights = Weights(**{k: r.int_(v, f"weights.{k}") for k, v in wd.items()})
    problem = Problem(
        horizon=horizon,
        shifts=tuple(shifts),
        workers=tuple(workers),
        cover=tuple(cover),
        requests=tuple(requests),
        locked=tuple(locked),
        first_weekday=r.int_(top.get("first_weekday", 0), "first_weekday"),
        forbidden_successions=tuple(forb),
        min_rest_minutes=r.int_(top.get("min_rest_minutes", 0), "min_rest_minutes"),
        max_shifts_per_day=r.int_(top.get("max_shifts_per_day", 1), "max_shifts_per_day", 1),
        travel_minutes=tuple(travel),
        exempt_edges=r.bool_(top.get("exempt_edges", True), "exempt_edges"),
        labour=LabourRules(**lab_kw),
        weights=weights,
        name=str(top.get("name", "")),
    )
    validate(problem, source)
    return problem


def solution_to_dict(sol: Solution) -> dict[str, Any]:
    return {
        "status": sol.status,
        "objective": sol.objective,
        "bound": sol.bound,
        "terms": dict(sol.terms),
        "assignments": [
            {"worker": a.worker, "day": a.day, "shift": a.shift} for a in sol.assignments
        ],
        "uncovered": [
            {
                "day": u.day,
                "shift": u.shift,
                "target": u.target,
                "assigned": u.assigned,
                "reason": u.reason,
                "details": [{"worker": w, "why": y} for w, y in u.details],
            }
            for u in sol.uncovered
        ],
        "conflicts": list(sol.conflicts),
        "seconds": round(sol.seconds, 3),
        "seconds_to_best": round(sol.seconds_to_best, 3),
    }
