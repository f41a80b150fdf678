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
    parser.add_argument(
        "--deterministic",
        action="store_true",
        help="read --time-limit as CP-SAT deterministic time (plus fixed charges for the "
        "engine's own work) instead of wall-clock seconds: the run repeats exactly, "
        "whatever the machine's load, but its wall-clock duration is not bounded",
    )


def _gap(obj: int | None, ref: int | None) -> float | None:
    if obj is None or ref is None or ref <= 0:
        return None
    return round(100.0 * (obj - ref) / ref, 2)


def bench_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="musubi roster-bench",
        description="Solve Curtois-Qu InstanceN.txt files and print one JSON line each; "
        "objective and hard_violations come from the independent checker. Best-known "
        "values are read from the README.md beside the instances (or --best-known).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="InstanceN.txt files")
    parser.add_argument(
        "--coop",
        action="store_true",
        help="also run the generated cooperative-scale problem "
        "(10 workers, 12 members, one month, labour rules on)",
    )
    parser.add_argument(
        "--season",
        action="store_true",
        help="also run the generated season-scale problem "
        "(40 workers, 30 members, 13 weeks, every labour rule on)",
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also solve each problem with the plain CP-SAT model (one Boolean per "
        "worker, day and shift type, no search strategy) under the same limit",
    )
    parser.add_argument(
        "--best-known",
        metavar="FILE",
        help="README.md with the best-known table (default: found beside the instances)",
    )
    _common(parser, 60.0)
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    if not args.paths and not args.coop and not args.season:
        parser.print_usage(sys.stderr)
        print(
            "musubi roster-bench: error: give instance paths, --coop or --season",
            file=sys.stderr,
        )
        return 2

    from .curtois import best_known_near, instance_number, read_best_known, read_instance
    from .errors import ProblemError

    code = 0
    jobs: list[tuple[str, Any]] = [(p, None) for p in args.paths]
    if args.coop:
        from .coop import cooperative_problem

        jobs.append(("coop", cooperative_problem(seed=args.seed)))
    if args.season:
        from .coop import season_problem

        jobs.append(("season", season_problem(seed=args.seed)))
    fixed_best = read_best_known(args.best_known) if args.best_known else None
    for path, problem in jobs:
        try:
            if problem is None:
                problem = read_instance(path)
        except ProblemError as exc:
            print(f"musubi roster-bench: error: {exc}", file=sys.stderr)
            code = 2
            continue
        generated = path in ("coop", "season")
        n = None if generated else instance_number(path)
        table = fixed_best if fixed_best is not None else best_known_near(path)
        best = table.get(n) if n is not None else None
        line = bench_line(
            problem,
            best,
            limit=args.time_limit,
            workers=args.workers,
            seed=args.seed,
            deterministic=args.deterministic,
            baseline=args.baseline,
        )
        line["instance"] = problem.name or path
        print(json.dumps(line), flush=True)
    return code


def bench_line(
    problem: Any,
    best: int | None,
    *,
    limit: float,
    workers: int = 2,
    seed: int = 0,
    deterministic: bool = False,
    baseline: bool = False,
) -> dict[str, Any]:
    """Solve one problem (and the plain model with ``baseline``); score both with the
    independent checker. Gaps are against ``best`` and against the engine's bound."""
    import time

    from .checker import check
    from .solver import Options, solve

    opt = Options(time_limit=limit, workers=workers, seed=seed, deterministic=deterministic)
    t0 = time.monotonic()
    sol = solve(problem, opt)
    wall = time.monotonic() - t0
    rep = check(problem, sol.assignments)
    obj = rep.objective if sol.status in ("optimal", "feasible") else None
    line: dict[str, Any] = {
        "instance": problem.name,
        "objective": obj,
        "bound": sol.bound,
        "best_known": best,
        "gap_pct": _gap(obj, best),
        "bound_gap_pct": _gap(obj, sol.bound),
        "hard_violations": len(rep.violations) if obj is not None else None,
        "status": sol.status,
        "seconds": round(wall, 2),
        "seconds_to_best": round(sol.seconds_to_best, 2),
        "limit": limit,
        "deterministic": deterministic,
    }
    if deterministic:
        line["budget_used"] = round(sol.seconds, 2)
    if baseline:
        from .baseline import solve_plain

        plain = solve_plain(
            problem, time_limit=limit, workers=workers, seed=seed, deterministic=deterministic
        )
        prep = check(problem, plain.assignments)
        pobj = prep.objective if plain.status in ("optimal", "feasible") else None
        line["baseline"] = {
            "objective": pobj,
            "bound": plain.bound,
            "gap_pct": _gap(pobj, best),
            "hard_violations": len(prep.violations) if pobj is not None else None,
            "status": plain.status,
            "seconds": round(plain.seconds, 2),
        }
    return line


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
    opt = Options(
        time_limit=args.time_limit,
        workers=args.workers,
        seed=args.seed,
        deterministic=args.deterministic,
    )
    sol = solve(problem, opt)
    print(json.dumps(solution_to_dict(sol), indent=1, ensure_ascii=False))
    return 0 if sol.status in ("optimal", "feasible") else 1
