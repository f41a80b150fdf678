"""Worker rows for long horizons: work days (pattern.py), then shift types.

1. **Work days** maximise the worth of the days worked plus ``lam`` per 480 minutes; the
   total-minutes window is aimed at by searching ``lam``, and where pricing jumps over
   the window, days are added or dropped at the ends of runs.
2. **Shift types**: a Viterbi pass per run of worked days respects forbidden
   successions; per-type caps are priced by a subgradient and then enforced greedily.

Rules these passes ignore (labour law, two-day rest gaps) are caught by the exact check
``row_violations``; the solver mends such rows with CP-SAT. About 0.1 s per year-long
worker.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

import numpy as np

from .checker import check_worker
from .compiled import Compiled
from .model import Request, ShiftType
from .pattern import NEG, UNIT, adjust_days, work_days


def successions(c: Compiled) -> np.ndarray:
    """compat[a, b]: shift type b may be worked the day after a (two-day gaps are left to
    the exact check)."""
    compat = np.ones((c.S, c.S), dtype=bool)
    for cl in c.clashes:
        if cl.delta == 1:
            compat[cl.a, cl.b] = False
    return compat


def type_caps(c: Compiled, e: int) -> np.ndarray:
    """Worker e's most shifts of each type over the horizon (inf = no cap)."""
    wk = c.p.workers[e]
    return np.asarray([np.inf if (m := wk.max_for(sh.id)) is None else m for sh in c.p.shifts])


def _fits_neighbours(t: np.ndarray, compat: np.ndarray) -> np.ndarray:
    """ok[d, b]: type b on day d may follow day d-1's type and precede day d+1's."""
    before = np.concatenate(([-1], t[:-1]))
    after = np.concatenate((t[1:], [-1]))
    ok = np.where(before[:, None] >= 0, compat[np.maximum(before, 0)], True)
    ok &= np.where(after[:, None] >= 0, compat[:, np.maximum(after, 0)].T, True)
    return ok


def shift_types(
    c: Compiled,
    e: int,
    days: list[bool],
    val: np.ndarray,
    lam: float,
    prices: np.ndarray | None = None,
) -> list[int] | None:
    """A shift type for each worked day (-1 = off), honouring successions and type caps."""
    S = c.S
    minutes = np.asarray(c.minutes, dtype=float)
    compat = successions(c)
    caps = type_caps(c, e)
    # ``prices`` (per type, filled in on return) carry the caps' prices between calls.
    pen = np.zeros(S) if prices is None else prices.copy()
    H = len(days)
    runs: list[list[int]] = []
    for d in range(H):
        if days[d]:
            if d > 0 and days[d - 1]:
                runs[-1].append(d)
            else:
                runs.append([d])
    # Lagrangian prices for the type caps, by a shrinking subgradient step; the best
    # assignment within the caps wins (else the one least over them).
    best: list[int] | None = None
    best_key: tuple[float, float] | None = None
    step = 30.0
    capped = np.isfinite(caps)
    for _ in range(20):
        score = val + lam * minutes[None, :] / UNIT - pen[None, :]
        types = [-1] * H
        for run in runs:
            chosen = _best_run(run, score, compat)
            if chosen is None:
                return None
            for d, s in zip(run, chosen, strict=True):
                types[d] = s
        worked = [(d, t) for d, t in enumerate(types) if t >= 0]
        counts = np.bincount([t for _, t in worked], minlength=S)
        excess = np.where(capped, counts - caps, 0.0)
        worth = float(sum(val[d, t] + lam * minutes[t] / UNIT for d, t in worked))
        key = (float(np.maximum(excess, 0).sum()), -worth)
        if best_key is None or key < best_key:
            best, best_key = types, key
            if prices is not None:
                prices[:] = pen
        if not (excess > 0).any() and not (pen > 0).any():
            break  # within the caps with no price: this is the unconstrained optimum
        pen = np.where(capped, np.maximum(0.0, pen + step * np.sign(excess)), 0.0)
        step *= 0.8
    return best


def _best_run(run: list[int], score: np.ndarray, compat: np.ndarray) -> list[int] | None:
    """Best types along one run of consecutive worked days (Viterbi)."""
    S = score.shape[1]
    fwd = score[run[0]].copy()
    ptr: list[np.ndarray] = []
    for d in run[1:]:
        cand = np.where(compat, fwd[:, None], NEG)
        j = cand.argmax(axis=0)
        fwd = cand[j, np.arange(S)] + score[d]
        ptr.append(j)
    s = int(fwd.argmax())
    if fwd[s] <= NEG / 2:
        return None
    out = [s]
    for j in reversed(ptr):
        s = int(j[s])
        out.append(s)
    out.reverse()
    return out


class RowBuilder:
    """Builds worker rows one after another against the cover left by earlier rows."""

    def __init__(self, c: Compiled) -> None:
        self.c = c
        p = c.p
        H, S = c.H, c.S
        self.target = np.zeros((H, S))
        self.w_under = np.zeros((H, S))
        self.w_over = np.zeros((H, S))
        for cv in p.cover:
            if 0 <= cv.day < H:
                s = c.sidx[cv.shift]
                self.target[cv.day, s] += cv.target
                self.w_under[cv.day, s] = max(self.w_under[cv.day, s], cv.weight_under)
                self.w_over[cv.day, s] = max(self.w_over[cv.day, s], cv.weight_over)
        self.count = np.zeros((H, S))
        self.weekend_end: dict[int, int] = {}
        for days in c.weekends:
            if all(b == a + 1 for a, b in itertools.pairwise(days)) and len(days) <= 2:
                self.weekend_end[days[-1]] = len(days)
        rng = np.random.default_rng(12345)
        self.noise = [rng.uniform(0, 0.5, size=(H, S)) for _ in range(4)]
        self.requests: dict[str, list[Request]] = {}
        for r in p.requests:
            self.requests.setdefault(r.worker, []).append(r)

    def values(self, e: int) -> np.ndarray:
        """Worth of each (day, shift) for worker e given the rows built so far."""
        c, p = self.c, self.c.p
        val = np.where(self.count < self.target, self.w_under, -self.w_over)
        for s in range(c.S):
            if not c.skill[e][s]:
                val[:, s] = NEG
        for d, s in c.blocked[e]:
            if d < c.H:
                val[d, s] = NEG
        wk = p.workers[e]
        for r in self.requests.get(wk.id, ()):
            if not 0 <= r.day < c.H:
                continue
            cols = range(c.S) if r.shift is None else [c.sidx[r.shift]]
            for s in cols:
                if val[r.day, s] > NEG / 2:
                    val[r.day, s] += r.weight if r.on else -r.weight
        for wid, d, sid in p.locked:
            if wid == wk.id and 0 <= d < c.H:
                s = c.sidx[sid]
                keep = val[d, s]
                val[d, :] = NEG
                val[d, s] = max(keep, 0.0) + 1e6
        return val

    def row(self, e: int) -> dict[int, tuple[int, ...]]:
        """The best row found for worker e (not guaranteed to keep every rule)."""
        c, p = self.c, self.c.p
        wk = p.workers[e]
        val = self.values(e)
        max_w = wk.max_weekends
        if max_w == 0:
            # No weekend at all: simpler to forbid the days than to count to zero.
            for days in c.weekends:
                val[list(days), :] = NEG
            max_w = None
        minutes = np.asarray(c.minutes, dtype=float)
        lab = p.labour
        max_c = wk.max_consecutive_days or max(14, wk.min_consecutive_days)
        if lab.max_consecutive_days.mode == "hard":
            max_c = min(max_c, max(1, lab.max_consecutive_days.limit))
        max_c = max(max_c, wk.min_consecutive_days, 1)
        lo_min = float(wk.min_total_minutes)
        hi_min = float(wk.max_total_minutes) if wk.max_total_minutes is not None else 1e12
        # A little deterministic noise breaks ties, so the days worked grow one by one
        # with lam instead of jumping over a narrow minutes window.
        val = val + self.noise[e % len(self.noise)]
        # The programme counts minutes with each day's best shift type; type caps and
        # successions then pick other types. Aim again, off by what was missed.
        lo_t, hi_t = lo_min, hi_min
        best_row: dict[int, tuple[int, ...]] = {}
        best_miss = float("inf")
        prices = np.zeros(c.S)
        for _ in range(3):
            # The days are chosen with the type caps priced in, as learnt so far.
            found = self._search(val - prices[None, :], max_c, max_w, wk, lo_t, hi_t)
            if found is None:
                break
            worked, lam = found
            for _ in range(4):
                types = shift_types(c, e, worked, val, lam, prices)
                if types is None:
                    break
                _fit_caps(c, e, types, val)
                _fit_minutes(c, e, types, val, lo_min, hi_min)
                total = float(sum(minutes[t] for t in types if t >= 0))
                miss = max(0.0, lo_min - total) + max(0.0, total - hi_min)
                if miss < best_miss:
                    best_miss = miss
                    best_row = {d: (s,) for d, s in enumerate(types) if s >= 0}
                if miss == 0:
                    return best_row
                # Pricing cannot reach every total (the days worked can jump by weeks
                # at one price): add or drop days at the ends of runs instead.
                priced = val - prices[None, :]
                worked = adjust_days(
                    worked,
                    priced.max(axis=1),
                    minutes[priced.argmax(axis=1)],
                    (lo_min - total) if total < lo_min else (hi_min - total),
                    max_c=max_c,
                    min_c=wk.min_consecutive_days,
                    min_off=wk.min_consecutive_days_off,
                    weekends=c.weekends,
                    max_w=max_w,
                )
            shift_by = lo_min - total if total < lo_min else hi_min - total
            lo_t, hi_t = lo_t + shift_by, hi_t + shift_by
        return best_row

    def _search(
        self, val: np.ndarray, max_c: int, max_w: int | None, wk: Any, lo_min: float, hi_min: float
    ) -> tuple[list[bool], float] | None:
        """Days to work, and the price lam that chose them, aiming at [lo_min, hi_min]."""
        c = self.c
        minutes = np.asarray(c.minutes, dtype=float)
        # Beyond the largest worth per day, lam alone decides: work everywhere or nowhere.
        top = float(np.abs(np.where(val > NEG / 2, val, 0)).max()) + 1.0
        span = top * UNIT / max(1, min(c.minutes))
        lo, hi = -span, span
        best: tuple[float, float, list[bool], float] | None = None  # (miss, -raw, days, lam)
        raw_day = val.max(axis=1)
        for _ in range(8):
            lams = np.linspace(lo, hi, 24)
            sc = val[None, :, :] + lams[:, None, None] * minutes[None, None, :] / UNIT
            gain = sc.max(axis=2)
            arg = sc.argmax(axis=2)
            pats = work_days(
                gain,
                max_c=max_c,
                min_c=wk.min_consecutive_days,
                min_off=wk.min_consecutive_days_off,
                weekend_end=self.weekend_end,
                max_w=max_w,
            )
            below: float | None = None
            above: float | None = None
            for li, days in enumerate(pats):
                if not days:
                    continue
                mask = np.asarray(days)
                total = float(minutes[arg[li]][mask].sum())
                miss = max(0.0, lo_min - total) + max(0.0, total - hi_min)
                raw = float(raw_day[mask].sum())
                key = (miss, -raw)
                if best is None or key < best[:2]:
                    best = (miss, -raw, days, float(lams[li]))
                if total < lo_min:
                    below = float(lams[li])
                elif total > hi_min and above is None:
                    above = float(lams[li])
            if best is not None and best[0] == 0:
                break
            if below is None or above is None or above - below < 1e-3:
                break
            lo, hi = below, above
        if best is None:
            return None
        return best[2], best[3]

    def commit(self, row: dict[int, tuple[int, ...]]) -> None:
        for d, ss in row.items():
            for s in ss:
                self.count[d, s] += 1

    def uncommit(self, row: dict[int, tuple[int, ...]]) -> None:
        for d, ss in row.items():
            for s in ss:
                self.count[d, s] -= 1


def _fit_caps(c: Compiled, e: int, types: list[int], val: np.ndarray) -> None:
    """Move days off over-used shift types onto others, least worth lost first."""
    S, H = c.S, len(types)
    compat = successions(c)
    caps = type_caps(c, e)
    usable = val > NEG / 2
    t = np.asarray(types)
    worked = t >= 0
    for _ in range(H):
        counts = np.bincount(t[worked], minlength=S)
        over = counts > caps
        if not over.any():
            break
        ta = np.where(worked, t, 0)
        ok = usable & (worked & over[ta])[:, None] & (counts < caps)[None, :]
        ok &= _fits_neighbours(t, compat)
        if not ok.any():
            break
        loss = np.where(ok, val[np.arange(H), ta][:, None] - val, np.inf)
        d, b = np.unravel_index(int(loss.argmin()), loss.shape)
        t[d] = b
    types[:] = [int(x) for x in t]


def _fit_minutes(
    c: Compiled, e: int, types: list[int], val: np.ndarray, lo: float, hi: float
) -> None:
    """Swap shift types on worked days until total minutes are within [lo, hi].

    Greedy: each step takes the swap toward the window that loses the least worth,
    keeping successions and per-type caps. Leaves ``types`` as close as it got.
    """
    S, H = c.S, len(types)
    compat = successions(c)
    caps = type_caps(c, e)
    m = np.asarray(c.minutes, dtype=float)
    usable = val > NEG / 2
    t = np.asarray(types)
    worked = t >= 0
    for _ in range(4 * H):
        total = float(m[t[worked]].sum())
        if lo <= total <= hi:
            break
        up = total < lo
        counts = np.bincount(t[worked], minlength=S)
        ta = np.where(worked, t, 0)
        delta = m[None, :] - m[ta][:, None]
        ok = usable & worked[:, None] & (counts < caps)[None, :]
        ok &= (delta > 0) if up else (delta < 0)
        ok &= _fits_neighbours(t, compat)
        new_total = total + delta
        ok &= (new_total <= hi) if up else (new_total >= lo)
        if not ok.any():
            break
        loss = (val[np.arange(H), ta][:, None] - val) / np.maximum(np.abs(delta), 1)
        loss = np.where(ok, loss, np.inf)
        d, b = np.unravel_index(int(loss.argmin()), loss.shape)
        t[d] = b
    types[:] = [int(x) for x in t]


def row_violations(c: Compiled, e: int, row: dict[int, tuple[int, ...]]) -> list[str]:
    """Hard-rule violations of worker e's row, by the independent checker's own rules."""
    p = c.p
    wk = p.workers[e]
    days: dict[int, list[ShiftType]] = {}
    for d, ss in row.items():
        days[d] = [p.shifts[s] for s in ss]
    bad: list[str] = []
    check_worker(p, wk, days, bad, Counter())
    for wid, d, sid in p.locked:
        if wid == wk.id and c.sidx[sid] not in row.get(d, ()):
            bad.append(f"{wid}: locked {sid} on day {d} missing")
    return bad
