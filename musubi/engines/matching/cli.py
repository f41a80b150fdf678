"""``musubi match-eval``: rank needs against talents from JSON lines, optionally score them.

Top-level imports stay in the standard library so ``musubi --help`` and Django's command
discovery do not pay for numpy, Sudachi or the sentence encoder.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="musubi match-eval",
        description="Rank talents for each need (one JSON line per need); with --qrels also "
        "print nDCG@10, recall@10 of grade-2 talents and constraint satisfaction.",
    )
    p.add_argument("--talents", metavar="T.jsonl", help="talents, JSON lines")
    p.add_argument("--needs", metavar="N.jsonl", help="needs, JSON lines")
    p.add_argument("--qrels", metavar="Q.jsonl", help="relevance judgements, JSON lines")
    p.add_argument("--top", type=int, default=10, help="results per need (default 10)")
    p.add_argument(
        "--no-constraints", action="store_true", help="also return talents that break constraints"
    )
    p.add_argument(
        "--method", choices=("bm25", "dense", "hybrid"), default="hybrid", help="default hybrid"
    )
    p.add_argument(
        "--embedder",
        choices=("use", "fake"),
        default="use",
        help="'use' = multilingual USE (default); 'fake' = hashing stand-in, for quick checks",
    )
    p.add_argument(
        "--weights", metavar="JSON", help="override fusion weights, e.g. '{\"dense\": 0.5}'"
    )
    p.add_argument("--quiet", action="store_true", help="print only the metrics line")
    p.add_argument(
        "--bench",
        type=int,
        metavar="N",
        help="instead of evaluating, build N synthetic talents and time queries",
    )
    p.add_argument("--bench-queries", type=int, default=200, metavar="Q")
    return p


def eval_main(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.top <= 0:
        parser.error("--top must be positive")
    if args.bench is not None:
        from .bench import projection_check, run_benchmark

        result = run_benchmark(args.bench, args.bench_queries)
        if result["two_stage"]:
            result["projection_on_real_use_vectors"] = projection_check()
        print(json.dumps(result, ensure_ascii=False))
        return 0
    if not args.talents or not args.needs:
        parser.error("--talents and --needs are required (unless --bench)")
    try:
        return _evaluate(args)
    except _UsageError as e:
        print(f"musubi match-eval: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


class _UsageError(Exception):
    pass


def _evaluate(args: argparse.Namespace) -> int:
    from dataclasses import fields, replace

    from .constraints import check
    from .embedding import Embedder, HashingEmbedder, USEEmbedder
    from .evaluation import evaluate
    from .exchange import InputError, load_needs, load_qrels, load_talents
    from .index import TalentIndex
    from .ranking import DEFAULT_WEIGHTS, Weights, prepare, rank_prepared

    weights: Weights = DEFAULT_WEIGHTS
    if args.weights:
        try:
            overrides = json.loads(args.weights)
            names = {f.name for f in fields(Weights)}
            if not isinstance(overrides, dict) or not set(overrides) <= names:
                raise ValueError
            weights = replace(DEFAULT_WEIGHTS, **{k: float(v) for k, v in overrides.items()})
        except (ValueError, TypeError):
            raise _UsageError(
                f"--weights: expected a JSON object with keys from {sorted(names)}"
            ) from None
    try:
        talents = load_talents(args.talents)
        needs = load_needs(args.needs)
        qrels = load_qrels(args.qrels) if args.qrels else None
    except InputError as e:
        raise _UsageError(str(e)) from None

    embedder: Embedder = USEEmbedder() if args.embedder == "use" else HashingEmbedder()
    index = TalentIndex(embedder)
    index.upsert_many(talents)
    constraints = not args.no_constraints
    expansion = weights.expansion if args.method == "hybrid" else 0.0
    rankings: dict[str, list[str]] = {}
    for need in needs:
        prep = prepare(need, index, expansion)
        matches = rank_prepared(prep, index, args.top, constraints, args.method, weights)
        rankings[need.id] = [m.talent_id for m in matches]
        if not args.quiet:
            line: dict[str, Any] = {
                "need": need.id,
                "ranking": rankings[need.id],
                "explanations": [
                    {"talent": m.talent_id, "score": round(m.score, 4), **m.explanation.as_dict()}
                    for m in matches
                ],
            }
            print(json.dumps(line, ensure_ascii=False))
    if qrels is not None:
        by_id = {t.id: t for t in talents}
        need_by_id = {n.id: n for n in needs}
        pairs = {(n, t) for n, r in rankings.items() for t in r}
        pairs |= {(q.need, q.talent) for q in qrels if q.need in need_by_id and q.talent in by_id}
        satisfied = {(n, t): check(need_by_id[n], by_id[t]).ok for n, t in pairs}
        m = evaluate(
            rankings, [(q.need, q.talent, q.grade) for q in qrels], satisfied, 10, constraints
        )
        out = {
            "metrics": m.as_dict(10),
            "method": args.method,
            "embedder": embedder.name,
            "constraints": constraints,
            "needs": len(needs),
            "talents": len(talents),
        }
        print(json.dumps(out, ensure_ascii=False))
    return 0
