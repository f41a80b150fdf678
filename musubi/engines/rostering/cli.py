"""Command lines ``musubi roster-bench`` and ``musubi roster-solve``.

Top-level imports stay light (argparse, json, sys): the Django management commands
import this module at start-up, and OR-Tools is only loaded when a command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return int(exc.code) if isinstance(exc.code, int) else 2


def _common(parser: argparse.ArgumentParser, default_limit: float) -> None:
    parser.add_argument(
        "--time-limit",
        type=float,
        default=default_limit,
        metavar="S",
        help="wall-clock seconds per problem (default %(default)s)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        metavar="N",
        help="CP-SAT worker threads (default %(default)s)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, metavar="N", help="random seed (default %(default)s)"
    )


def bench_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="musubi roster-bench",
        description="Solve Curtois-Qu InstanceN.txt files and print one JSON line each; "
        "objective and hard_violations come from the independent checker.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="InstanceN.txt files")
    parser.add_argument(
        "--coop",
        action="store_true",
        help="also run the generated cooperative-scale problem "
        "(10 workers, 12 members, one month, labour rules on)",
    )
    _common(parser, 60.0)
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    if not args.paths and not args.coop:
        parser.print_usage(sys.stderr)
        print("musubi roster-bench: error: give instance paths or --coop", file=sys.stderr)
        return 2

    from .checker import check
    from .curtois import BEST_KNOWN, instance_number, read_instance
    from .errors import ProblemError
    from .solver import Options, solve

    code = 0
    jobs: list[tuple[str, Any]] = [(p, None) for p in args.paths]
    if args.coop:
        from .coop import cooperative_problem

        jobs.append(("coop", cooperative_problem(seed=args.seed)))
    for path, problem in jobs:
        try:
            if problem is None:
                problem = read_instance(path)
        except ProblemError as exc:
            print(f"musubi roster-bench: error: {exc}", file=sys.stderr)
            code = 2
            continue
        opt = Options(time_limit=args.time_limit, workers=args.workers, seed=args.seed)
        sol = solve(problem, opt)
        rep = check(problem, sol.assignments)
        n = instance_number(path) if problem is not None and path != "coop" else None
        best = BEST_KNOWN.get(n) if n is not None else None
        obj = rep.objective if sol.status in ("optimal", "feasible") else None
        gap = None
        if best is not None and obj is not None:
            gap = round(100.0 * (obj - best) / best, 2)
        if path == "coop" and obj is not None and sol.bound is not None and sol.bound > 0:
            gap = round(100.0 * (obj - sol.bound) / sol.bound, 2)
        line = {
            "instance": problem.name or path,
            "objective": obj,
            "best_known": best,
            "gap_pct": gap,
            "hard_violations": len(rep.violations) if obj is not None else None,
            "status": sol.status,
            "seconds": round(sol.seconds, 2),
            "seconds_to_best": round(sol.seconds_to_best, 2),
        }
        if path == "coop":
            line["bound"] = sol.bound
        print(json.dumps(line), flush=True)
    return code


def solve_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="musubi roster-solve",
        description="Solve a problem in the engine's JSON format "
        "(docs/rostering-problem-format.md) and print the solution as JSON.",
    )
    parser.add_argument("problem", metavar="PROBLEM.json")
    _common(parser, 30.0)
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args

    from .errors import ProblemError
    from .jsonio import load_problem, solution_to_dict
    from .solver import Options, solve

    try:
        problem = load_problem(args.problem)
    except ProblemError as exc:
        print(f"musubi roster-solve: error: {exc}", file=sys.stderr)
        return 2
    sol = solve(problem, Options(time_limit=args.time_limit, workers=args.workers, seed=args.seed))
    print(json.dumps(solution_to_dict(sol), indent=1, ensure_ascii=False))
    return 0 if sol.status in ("optimal", "feasible") else 1
