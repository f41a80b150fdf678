"""``musubi roster-month``: solve one month from the database without publishing it."""

import json
import time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scope

from musubi.core.models import Cooperative
from musubi.core.months import month_bounds, parse_month
from musubi.dispatch.models import Roster
from musubi.dispatch.problem import build_problem
from musubi.dispatch.solving import summarise
from musubi.engines.rostering import solver

KEYS = (
    "coverage_pct",
    "unmet_slots",
    "hard_violations",
    "warnings_by_kind",
    "objective",
    "seconds",
)


class Command(BaseCommand):
    help = "Solve a month's roster from the database (nothing is saved) and print a summary."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cooperative", required=True, help="the cooperative's slug")
        parser.add_argument("--month", required=True, help="YYYY-MM")
        parser.add_argument("--time-limit", type=float, default=6.0, help="seconds of solving")
        parser.add_argument("--json", action="store_true", help="print JSON only")

    def handle(self, *args: Any, **options: Any) -> None:
        coop = Cooperative.objects.filter(slug=options["cooperative"]).first()
        if coop is None:
            raise CommandError(f"no cooperative {options['cooperative']!r}")
        try:
            start, end = month_bounds(parse_month(options["month"]))
        except ValidationError as error:
            raise CommandError("--month must be YYYY-MM") from error
        t0 = time.monotonic()
        with scope(cooperative=coop):
            # An unsaved roster: the problem builder only needs the period and the cooperative.
            roster = Roster(cooperative=coop, start_date=start, end_date=end)
            built = build_problem(roster=roster)
            solution = solver.solve(built.problem, solver.Options(time_limit=options["time_limit"]))
            summary = summarise(built, solution, time.monotonic() - t0)
        out = {k: summary[k] for k in KEYS}
        if options["json"]:
            self.stdout.write(json.dumps(out, ensure_ascii=False))
            return
        for key in KEYS:
            self.stdout.write(f"{key}: {out[key]}")
        for line in summary["excluded"]:
            self.stdout.write(f"excluded: {line}")
