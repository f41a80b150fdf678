"""``musubi labour-check FILE [--json]``: the law module on one worker (exit 2 on bad input)."""

from __future__ import annotations

import argparse
import json
import sys

from .evaluate import evaluate
from .jsonio import InputError, dump, parse


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="musubi labour-check",
        description="Statutory figures and findings (労働基準法) for one worker's days.",
    )
    ap.add_argument("file", help="input JSON (see docs/law.md); - reads standard input")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    try:
        if args.file == "-":
            data = json.load(sys.stdin)
        else:
            with open(args.file, encoding="utf-8") as fh:
                data = json.load(fh)
    except OSError as e:
        print(f"{args.file}: {e.strerror}", file=sys.stderr)
        return 2
    except json.JSONDecodeError as e:
        print(f"{args.file}:{e.lineno}:{e.colno}: invalid JSON: {e.msg}", file=sys.stderr)
        return 2
    try:
        case = parse(data)
    except InputError as e:
        print(f"{args.file}: {e}", file=sys.stderr)
        return 2
    result = evaluate(case.settings, case.worker, case.work, case.leave, as_of=case.as_of)
    out = dump(result)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for key, m in out["months"].items():
        print(
            f"{key}  worked {_h(m['worked_minutes'])}  overtime {_h(m['overtime_minutes'])}"
            f" (over 60 h {_h(m['overtime_over_60h_minutes'])})"
            f"  holiday {_h(m['holiday_work_minutes'])}  night {_h(m['night_minutes'])}"
        )
    for y in out["paid_leave"]:
        print(
            f"paid leave granted {y['granted_on']}: {y['days']} days, taken {y['taken_days']},"
            f" 5-day shortfall {y['five_day_shortfall']}"
        )
    print(f"{len(out['findings'])} finding(s)")
    for f in out["findings"]:
        print(f"  {f['rule']:<6} {f['date']}  {f['detail']}")
    return 0


def _h(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"
