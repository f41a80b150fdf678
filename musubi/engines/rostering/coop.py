"""Generator of cooperative-scale problems (特定地域づくり事業協同組合 dispatch).

A cooperative employs a handful of multi-skilled workers and dispatches them to member
businesses (a farm, an inn, a care home, ...) that each need one to three kinds of shift.
The generator is seeded and deterministic, so benchmarks and tests can use it.
"""

from __future__ import annotations

import random

from .model import (
    Cover,
    History,
    LabourRules,
    Problem,
    Request,
    Rule,
    ShiftType,
    Weights,
    Worker,
)

_SKILLS = ("farm", "care", "inn", "retail", "fishery", "office")
# (start, end, break) of the shift patterns members use.
_PATTERNS = ((480, 1020, 60), (360, 660, 0), (780, 1320, 60), (540, 900, 0))


def cooperative_problem(
    seed: int = 0, workers: int = 10, members: int = 12, days: int = 30
) -> Problem:
    """Ten workers, twelve members with one to three shift types each, one month.

    Labour rules are on as hard constraints (8 h day, 40 h week, a rest day each week,
    6 consecutive days, 11 h interval, 45 h monthly overtime); fairness and continuity
    are soft terms.
    """
    rng = random.Random(seed)
    shifts: list[ShiftType] = []
    for m in range(members):
        site = f"m{m + 1:02d}"
        skill = _SKILLS[m % len(_SKILLS)]
        for k, (start, end, brk) in enumerate(rng.sample(_PATTERNS, rng.randint(1, 3))):
            shifts.append(ShiftType(f"{site}-{k}", start, end, brk, site, skill))
    staff: list[Worker] = []
    for i in range(workers):
        skills = frozenset(rng.sample(_SKILLS, rng.randint(2, 4)))
        off = frozenset(rng.sample(range(days), rng.randint(0, 3)))
        staff.append(
            Worker(
                id=f"w{i + 1:02d}",
                skills=skills,
                max_total_minutes=9600,
                max_consecutive_days=5,
                min_consecutive_days_off=1,
                max_weekends=3,
                days_off=off,
                contract_minutes=rng.choice((6720, 7680, 8640)),
            )
        )
    # Demand: each shift type is wanted on some weekdays; about 6 shifts per day overall.
    cover: list[Cover] = []
    for sh in shifts:
        weekdays = rng.sample(range(7), rng.randint(1, 3))
        for d in range(days):
            if d % 7 in weekdays:
                cover.append(Cover(d, sh.id, 1, weight_under=1000, weight_over=200))
    requests = []
    for w in staff:
        for d in rng.sample(range(days), 3):
            requests.append(Request(w.id, d, None, rng.choice((10, 20, 30)), on=False))
    labour = LabourRules(
        daily_max=Rule("hard", 480),
        weekly_max=Rule("hard", 2400),
        rest_days=Rule("hard", 1),
        max_consecutive_days=Rule("hard", 6),
        interval=Rule("hard", 660),
        monthly_overtime=Rule("hard", 2700),
        annual_days=Rule("off", 280),
    )
    return Problem(
        horizon=days,
        shifts=tuple(shifts),
        workers=tuple(staff),
        cover=tuple(cover),
        requests=tuple(requests),
        first_weekday=rng.randrange(7),
        exempt_edges=True,
        labour=labour,
        weights=Weights(minutes_spread=0, weekend_spread=50, contract_shortfall=1, continuity=30),
        name=f"coop-seed{seed}",
    )


def season_problem(seed: int = 0, workers: int = 40, members: int = 30, weeks: int = 13) -> Problem:
    """A season (13 weeks) of a larger cooperative: 40 workers, 30 members.

    Every labour rule is on and hard: the daily and weekly maxima, a rest day each week,
    6 consecutive days (12 in a designated busy fortnight), the 11 h interval, the monthly
    overtime cap per 4-week month, and the annual day cap counted on from days already
    worked this year. Demand peaks in a busy fortnight (harvest, the inn's high season).
    Soft terms are cover, day-off requests and contract shortfall, so the engine's own
    lower bound (column generation, colgen.py) applies.
    """
    rng = random.Random(10_000 + seed)
    days = 7 * weeks
    shifts: list[ShiftType] = []
    for m in range(members):
        site = f"m{m + 1:02d}"
        skill = _SKILLS[m % len(_SKILLS)]
        for k, (start, end, brk) in enumerate(rng.sample(_PATTERNS, rng.randint(1, 2))):
            shifts.append(ShiftType(f"{site}-{k}", start, end, brk, site, skill))
    busy = rng.randrange(0, days - 14)
    staff: list[Worker] = []
    for i in range(workers):
        skills = frozenset(rng.sample(_SKILLS, rng.randint(2, 4)))
        off = frozenset(rng.sample(range(days), rng.randint(0, 6)))
        staff.append(
            Worker(
                id=f"w{i + 1:02d}",
                skills=skills,
                max_consecutive_days=6,
                min_consecutive_days_off=1,
                max_weekends=rng.choice((8, 10, 13)),
                days_off=off,
                # 28-36 contracted hours a week over the season.
                contract_minutes=rng.choice((28, 32, 36)) * 60 * weeks,
                history=History(days_worked_this_year=rng.randrange(120, 200)),
            )
        )
    # Each shift type is wanted on some weekdays, more of them in the busy fortnight.
    cover: list[Cover] = []
    for sh in shifts:
        weekdays = set(rng.sample(range(7), rng.randint(2, 4)))
        for d in range(days):
            if d % 7 in weekdays or (busy <= d < busy + 14 and rng.random() < 0.5):
                cover.append(Cover(d, sh.id, 1, weight_under=1000, weight_over=200))
    requests = []
    for w in staff:
        for d in rng.sample(range(days), 6):
            requests.append(Request(w.id, d, None, rng.choice((10, 20, 30)), on=False))
    labour = LabourRules(
        daily_max=Rule("hard", 480),
        weekly_max=Rule("hard", 2400),
        rest_days=Rule("hard", 1),
        max_consecutive_days=Rule("hard", 6),
        designated_period=(busy, busy + 14),
        designated_max=12,
        interval=Rule("hard", 660),
        monthly_overtime=Rule("hard", 2700),
        month_days=28,
        annual_days=Rule("hard", 280),
    )
    return Problem(
        horizon=days,
        shifts=tuple(shifts),
        workers=tuple(staff),
        cover=tuple(cover),
        requests=tuple(requests),
        first_weekday=0,
        exempt_edges=True,
        labour=labour,
        weights=Weights(contract_shortfall=1),
        name=f"season-seed{seed}",
    )
