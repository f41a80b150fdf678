"""``musubi roster-report``: run the roster benchmarks and write docs/benchmarks/rostering.md.

One command regenerates the whole page: the engine beside the plain CP-SAT model under the
same wall-clock limit and under the same deterministic budget, the engine's lower bound,
the cooperative and season problems, and each target marked met or missed from the
figures just measured. Hand-written notes (what was tried, why a target is missed) come
from a notes file and are copied in unchanged. Best-known values are read from the
benchmark folder's README at run time; the page shows gaps, not the values themselves.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .cli import _parse

TARGET_60 = range(1, 13)
TARGET_300 = range(13, 20)
TARGET_600 = range(20, 25)


def _ints(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def _fmt(v: Any, pct: bool = False) -> str:
    if v is None:
        return "—"
    if pct:
        return f"{v:.2f}"
    return str(v)


def _row(n: Any, r: dict[str, Any], det: bool) -> str:
    b = r.get("baseline") or {}
    eng, pl = r["objective"], b.get("objective")
    if eng is None:
        verdict = "no roster"
    elif pl is None or eng <= pl:
        verdict = "yes"
    else:
        verdict = f"**no (+{eng - pl})**"
    used = r.get("budget_used") if det else r["seconds"]
    return (
        f"| {n} | {_fmt(eng)} | {_fmt(r['gap_pct'], True)} | {_fmt(r['bound'])} "
        f"| {_fmt(r['bound_gap_pct'], True)} | {_fmt(r['hard_violations'])} | {_fmt(used)} "
        f"| {_fmt(r['seconds'])} | {_fmt(pl)} | {_fmt(b.get('gap_pct'), True)} "
        f"| {_fmt(b.get('bound'))} | {_fmt(b.get('seconds'))} | {verdict} |"
    )


HEADER = (
    "| Instance | Engine | Gap % | Engine bound | Gap to bound % | Hard viol. | {used} "
    "| Wall s | Plain CP-SAT | Plain gap % | Plain bound | Plain wall s | Engine ≤ plain |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def report_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="musubi roster-report",
        description="Run the roster benchmarks (engine and plain CP-SAT side by side) and "
        "write the Markdown page.",
    )
    parser.add_argument("folder", metavar="DIR", help="folder with InstanceN.txt and README.md")
    parser.add_argument("--out", default="docs/benchmarks/rostering.md", metavar="FILE")
    parser.add_argument("--notes", default="docs/benchmarks/rostering-notes.md", metavar="FILE")
    parser.add_argument("--instances", default="1-24", help="numbers, e.g. 1-12,14 (default all)")
    parser.add_argument("--limit", type=float, default=60.0, help="wall-clock seconds (60)")
    parser.add_argument(
        "--det-budget", type=float, default=20.0, help="deterministic budget (20); 0 skips"
    )
    parser.add_argument(
        "--long", action="store_true", help="also 13-19 at 300 s and 20-24 at 600 s"
    )
    parser.add_argument("--coop-seeds", default="0-4", help="cooperative seeds at 10 s")
    parser.add_argument("--season-seeds", default="0", help="season seeds at 120 s")
    parser.add_argument("--workers", type=int, default=2)
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args

    from .cli import bench_line
    from .coop import cooperative_problem, season_problem
    from .curtois import read_best_known, read_instance
    from .errors import ProblemError

    folder = Path(args.folder)
    best = read_best_known(folder / "README.md") or read_best_known(folder.parent / "README.md")
    inst = folder / "instances" if (folder / "instances").is_dir() else folder
    wanted = [n for n in _ints(args.instances) if (inst / f"Instance{n}.txt").exists()]
    load0 = os.getloadavg()
    # The code measured is the one loaded now, not whatever the checkout holds at the end.
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())

    def run(problem: Any, n: int | None, limit: float, det: bool, base: bool = True) -> Any:
        line = bench_line(
            problem,
            best.get(n) if n else None,
            limit=limit,
            workers=args.workers,
            deterministic=det,
            baseline=base,
        )
        print(json.dumps({"n": n, **line}), file=sys.stderr, flush=True)
        return line

    problems = {}
    for n in wanted:
        try:
            problems[n] = read_instance(inst / f"Instance{n}.txt")
        except ProblemError as exc:
            print(f"musubi roster-report: error: {exc}", file=sys.stderr)
            return 2
    wall = {n: run(p, n, args.limit, False) for n, p in problems.items()}
    det = {}
    if args.det_budget > 0:
        det = {n: run(p, n, args.det_budget, True) for n, p in problems.items()}
    long: dict[int, Any] = {}
    if args.long:
        for n, p in problems.items():
            if n in TARGET_300:
                long[n] = run(p, n, 300.0, False)
            elif n in TARGET_600:
                long[n] = run(p, n, 600.0, False)
    coop = {s: run(cooperative_problem(seed=s), None, 10.0, False) for s in _ints(args.coop_seeds)}
    season = {s: run(season_problem(seed=s), None, 120.0, False) for s in _ints(args.season_seeds)}
    load1 = os.getloadavg()

    out: list[str] = []
    w = out.append
    from importlib.metadata import version

    ortools_version = version("ortools")
    w("# Roster engine benchmark (Curtois–Qu Instances 1–24, cooperative and season scale)\n")
    w("Generated by `musubi roster-report` (musubi/engines/rostering/report.py); do not edit")
    w("by hand: change the notes file and re-run. Objectives and hard-violation counts come")
    w("from the independent checker. Gaps are against the best-known values in the benchmark")
    w("folder's README (read at run time, not kept in this repository).\n")
    w("## Setup\n")
    w("| | |\n|---|---|")
    w(f"| Started | {started}; finished {time.strftime('%H:%M UTC', time.gmtime())} |")
    w(f"| Code | commit `{commit}` |")
    w(
        f"| Machine | {os.cpu_count()} CPUs, {platform.machine()}; load average "
        f"{load0[0]:.1f} at the start, {load1[0]:.1f} at the end |"
    )
    w(f"| Solver | OR-Tools {ortools_version}, `--workers {args.workers} --seed 0` |")
    w(f"| Command | `musubi roster-report {' '.join(argv)}` |")
    w("")
    w("Wall-clock figures depend on the load: with other jobs on the two cores the engine")
    w("and the plain model each get a share of the machine. The deterministic table does not:")
    w("its budget is CP-SAT deterministic time plus fixed charges for the engine's own work")
    w("(`clock.py`), and a re-run gives the same objectives.\n")
    w("Columns: *Engine bound* is the engine's proven lower bound (column generation's")
    w("Lagrangian bound, or CP-SAT's on small models), *Gap to bound* how far the roster is")
    w("from it; *Plain CP-SAT* is `baseline.py`: the same model, no hint, no search strategy,")
    w("the same limit.\n")
    w(f"## Engine and plain CP-SAT, {args.limit:g} s wall clock\n")
    w(HEADER.format(used="Seconds"))
    for n, r in wall.items():
        w(_row(n, r, False))
    w("")
    if det:
        w(f"## Engine and plain CP-SAT, deterministic budget {args.det_budget:g}\n")
        w(HEADER.format(used="Budget used"))
        for n, r in det.items():
            w(_row(n, r, True))
        w("")
    if long:
        w("## Long runs (13–19 at 300 s, 20–24 at 600 s, wall clock)\n")
        w(HEADER.format(used="Seconds"))
        for n, r in long.items():
            w(_row(n, r, False))
        w("")
    for title, runs in (
        ("Cooperative scale (`--coop`, 10 workers, 12 members, a month), 10 s", coop),
        ("Season scale (`--season`, 40 workers, 30 members, 13 weeks), 120 s", season),
    ):
        if not runs:
            continue
        w(f"## {title}\n")
        w(
            "| Seed | Engine | Bound | Gap to bound % | Hard viol. | Seconds "
            "| Plain CP-SAT | Plain bound | Engine ≤ plain |"
        )
        w("|---|---|---|---|---|---|---|---|---|")
        for s, r in runs.items():
            b = r.get("baseline") or {}
            ok = r["objective"] is not None and (
                b.get("objective") is None or r["objective"] <= b["objective"]
            )
            w(
                f"| {s} | {_fmt(r['objective'])} | {_fmt(r['bound'])} "
                f"| {_fmt(r['bound_gap_pct'], True)} | {_fmt(r['hard_violations'])} "
                f"| {r['seconds']} | {_fmt(b.get('objective'))} | {_fmt(b.get('bound'))} "
                f"| {'yes' if ok else '**no**'} |"
            )
        w("")
    w("## Targets, from the figures above\n")
    w("| Target | Met | Missed |\n|---|---|---|")

    def verdict(name: str, runs: dict[Any, Any], ok: Any) -> None:
        met = [str(k) for k, r in runs.items() if ok(r)]
        miss = []
        for k, r in runs.items():
            if not ok(r):
                gap = r["gap_pct"] if r["gap_pct"] is not None else r["bound_gap_pct"]
                miss.append(f"{k} ({_fmt(gap, True)} %)")
        if runs:
            w(f"| {name} | {', '.join(met) or '—'} | {', '.join(miss) or '—'} |")

    def gap_ok(limit: float) -> Any:
        return lambda r: r["gap_pct"] is not None and r["gap_pct"] <= limit

    verdict(
        f"1–12 at best known in {args.limit:g} s",
        {n: r for n, r in wall.items() if n in TARGET_60},
        gap_ok(0.0),
    )
    verdict(
        "13–19 within 2 % in 300 s", {n: r for n, r in long.items() if n in TARGET_300}, gap_ok(2.0)
    )
    verdict(
        "20–24 within 5 % in 600 s", {n: r for n, r in long.items() if n in TARGET_600}, gap_ok(5.0)
    )
    every = list(wall.values()) + list(det.values()) + list(long.values())
    every += list(coop.values()) + list(season.values())
    verdict(
        "0 hard violations, every run",
        {str(i): r for i, r in enumerate(every)},
        lambda r: r["hard_violations"] == 0,
    )

    def never_worse(r: dict[str, Any]) -> bool:
        b = r.get("baseline") or {}
        return r["objective"] is not None and (
            b.get("objective") is None or r["objective"] <= b["objective"]
        )

    verdict(f"never worse than plain CP-SAT, {args.limit:g} s", wall, never_worse)
    verdict(f"never worse than plain CP-SAT, budget {args.det_budget:g}", det, never_worse)
    verdict(
        "cooperative within 1 % of the bound in 10 s",
        coop,
        lambda r: r["bound_gap_pct"] is not None and r["bound_gap_pct"] <= 1.0,
    )
    verdict(
        "season within 2 % of the engine's bound in 120 s",
        season,
        lambda r: r["bound_gap_pct"] is not None and r["bound_gap_pct"] <= 2.0,
    )
    w("")
    notes = Path(args.notes)
    if notes.exists():
        w(notes.read_text(encoding="utf-8").rstrip() + "\n")
    Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0
