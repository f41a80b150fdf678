"""Coordinate descent over workers: take one row out, rebuild it, keep it if cheaper.

Used on long horizons after construction, before CP-SAT's large-neighbourhood search.
"""

from __future__ import annotations

from .compiled import Compiled
from .rows import RowBuilder, row_violations


def plain_objective(c: Compiled) -> bool:
    """Is the objective only cover and requests (what ``RowBuilder`` prices exactly)?"""
    p = c.p
    lab = p.labour
    rules = (
        lab.daily_max,
        lab.weekly_max,
        lab.rest_days,
        lab.max_consecutive_days,
        lab.interval,
        lab.monthly_overtime,
        lab.annual_days,
    )
    w = p.weights
    return (
        not any(r.mode == "soft" for r in rules)
        and not (w.minutes_spread or w.weekend_spread or w.contract_shortfall or w.continuity)
        and p.max_shifts_per_day == 1
    )


class Sweeper:
    """Coordinate descent over workers: take one row out, rebuild it, keep it if cheaper.

    Valid only for a plain objective (cover + requests), whose change for one row is
    exact from the head-counts: adding (d, s) costs w_over if the cell is already
    covered, else saves w_under.
    """

    def __init__(self, c: Compiled, roster: dict[tuple[int, int], tuple[int, ...]]) -> None:
        self.c = c
        self.rb = RowBuilder(c)
        self.rows: list[dict[int, tuple[int, ...]]] = [{} for _ in range(c.E)]
        for (e, d), ss in roster.items():
            self.rows[e][d] = ss
        for row in self.rows:
            self.rb.commit(row)

    def row_cost(self, e: int, row: dict[int, tuple[int, ...]]) -> float:
        rb, c = self.rb, self.c
        cost = 0.0
        for d, ss in row.items():
            for s in ss:
                if rb.count[d, s] < rb.target[d, s]:
                    cost -= rb.w_under[d, s]
                else:
                    cost += rb.w_over[d, s]
        for r in rb.requests.get(c.p.workers[e].id, ()):
            if not 0 <= r.day < c.H:
                continue
            here = row.get(r.day, ())
            hit = bool(here) if r.shift is None else c.sidx[r.shift] in here
            if hit != r.on:
                cost += r.weight
        return cost

    def improve(self, e: int) -> float:
        """Rebuild worker e's row; returns the objective change (<= 0)."""
        old = self.rows[e]
        self.rb.uncommit(old)
        new = self.rb.row(e)
        gain = 0.0
        if new != old and not row_violations(self.c, e, new):
            gain = self.row_cost(e, new) - self.row_cost(e, old)
        if gain < 0:
            self.rows[e] = new
            self.rb.commit(new)
            return gain
        self.rb.commit(old)
        return 0.0

    def roster(self) -> dict[tuple[int, int], tuple[int, ...]]:
        return {(e, d): ss for e, row in enumerate(self.rows) for d, ss in row.items()}
