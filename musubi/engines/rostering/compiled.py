"""Index-based view of a Problem shared by the CP-SAT builder and the heuristics.

Computed once per problem: integer indexes for workers and shifts, which cells a worker
may work at all, and which pairs of shifts on the same or nearby days clash. The checker
does NOT use this module, so that a bug here cannot hide from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import MINUTES_PER_DAY, Problem, weekend_pairs


@dataclass(frozen=True)
class Clash:
    """Shift ``a`` on day d and shift ``b`` on day d + ``delta`` may not both be worked."""

    a: int
    b: int
    delta: int


class Compiled:
    def __init__(self, p: Problem) -> None:
        self.p = p
        self.H = p.horizon
        self.E = len(p.workers)
        self.S = len(p.shifts)
        self.sidx = {s.id: i for i, s in enumerate(p.shifts)}
        self.widx = {w.id: i for i, w in enumerate(p.workers)}
        self.minutes = [s.minutes for s in p.shifts]
        # skill[e][s]: qualified and not capped at zero shifts of that type.
        self.skill = [
            [
                (sh.skill is None or sh.skill in w.skills) and w.max_for(sh.id) != 0
                for sh in p.shifts
            ]
            for w in p.workers
        ]
        # blocked[e]: cells (d, s) excluded by fixed days off or unavailable windows.
        self.blocked: list[set[tuple[int, int]]] = []
        for w in p.workers:
            cells: set[tuple[int, int]] = set()
            for d in w.days_off:
                if 0 <= d < self.H:
                    cells.update((d, s) for s in range(self.S))
            for win in w.unavailable:
                # A shift on day d covers at most [d, d + 2) days, so look two days back.
                lo = max(0, win.start // MINUTES_PER_DAY - 2)
                hi = min(self.H, win.end // MINUTES_PER_DAY + 1)
                for d in range(lo, hi):
                    for s, sh in enumerate(p.shifts):
                        a = d * MINUTES_PER_DAY + sh.start
                        b = d * MINUTES_PER_DAY + sh.end
                        if a < win.end and win.start < b:
                            cells.add((d, s))
            self.blocked.append(cells)
        self.weekends = [tuple(d for d in pair if 0 <= d < self.H) for pair in weekend_pairs(p)]
        self.weekends = [w for w in self.weekends if w]
        self.rest = p.min_rest_minutes
        lab = p.labour
        if lab.interval.mode == "hard":
            self.rest = max(self.rest, lab.interval.limit)
        self.clashes = self._clashes(self.rest, with_successions=True)
        self.soft_interval = (
            self._clashes(lab.interval.limit, with_successions=False)
            if lab.interval.mode == "soft"
            else []
        )

    def travel(self, a: str, b: str) -> int:
        if a == b:
            return 0
        for x, y, m in self.p.travel_minutes:
            if {x, y} == {a, b}:
                return m
        return 0

    def _clashes(self, rest: int, *, with_successions: bool) -> list[Clash]:
        p = self.p
        out: list[Clash] = []
        forbidden = {(self.sidx[a], self.sidx[b]) for a, b in p.forbidden_successions}
        for a, sa in enumerate(p.shifts):
            for b, sb in enumerate(p.shifts):
                if p.max_shifts_per_day > 1 and a < b and with_successions:
                    # Two shifts on one day must not overlap and must leave travel time.
                    first, second = (sa, sb) if sa.start <= sb.start else (sb, sa)
                    gap = second.start - first.end
                    if gap < self.travel(sa.site, sb.site):
                        out.append(Clash(a, b, 0))
                for delta in (1, 2):
                    gap = delta * MINUTES_PER_DAY + sb.start - sa.end
                    bad = gap < rest or (with_successions and delta == 1 and (a, b) in forbidden)
                    if bad:
                        out.append(Clash(a, b, delta))
        return out
