"""Work days by dynamic programming: the heart of rows on long horizons (see rows.py).

On a year-long contract (364 days, a minutes window of two shifts, at most 26 worked
weekends, runs of 2-5 days) CP-SAT cannot find even one feasible row for a single worker
in 10 s: the LP relaxation says nothing about run lengths. A shortest-path view does: a
programme over days whose state is the current run (working or off, its length, whether
it touches day 0) and the number of weekends worked so far. Min/max run lengths and the
weekend cap hold by construction; many prices ``lam`` per 480 minutes are solved at once.
"""

from __future__ import annotations

import numpy as np

NEG = -1e15  # float32 keeps about 7 digits: still far below any real worth
UNIT = 480  # lam is a price per 8 hours, so one scale serves every shift length


def work_days(
    gain: np.ndarray,
    *,
    max_c: int,
    min_c: int,
    min_off: int,
    weekend_end: dict[int, int],
    max_w: int | None,
) -> list[list[bool]]:
    """Best work-day pattern for each row of ``gain`` (shape (L, H); NEG = cannot work).

    ``weekend_end`` maps the last day of each weekend to its number of days (1 or 2).
    Runs touching day 0 or day H-1 are exempt from the minimum lengths (the caller's
    exact check catches the other boundary conventions).

    States are laid out in four blocks so that a day is a handful of array operations:
    working runs touching day 0 (WT), later working runs (WF), and the same for days
    off (OT, OF); within a block the index is the run length - 1, and the last off state
    means "at least K days off".
    """
    L, H = gain.shape
    C = max(1, max_c)
    K = max(2, min_off)
    U = 1 if max_w is None else max_w + 1
    WT, WF, OT, OF = 0, C, 2 * C, 2 * C + K
    n = 2 * C + 2 * K
    # Off states from which work may start, and work states from which a rest may start.
    sw = np.asarray([OT + k for k in range(K)] + [OF + k for k in range(K) if k + 1 >= min_off])
    so = np.asarray([WT + k for k in range(C)] + [WF + k for k in range(C) if k + 1 >= min_c])

    def shift(a: np.ndarray) -> np.ndarray:
        out = np.full_like(a, NEG)
        out[..., 1:] = a[..., :-1]
        return out

    V = np.full((n, L, U), NEG, dtype=np.float32)
    V[WT, :, 0] = gain[:, 0]
    V[OT, :, 0] = 0.0
    if weekend_end.get(0) and U > 1:
        V[WT] = shift(V[WT])
    hist = [V]  # back-pointers are recomputed from these on the chosen paths only
    for d in range(1, H):
        g = gain[:, d][:, None].astype(np.float32)
        wk = weekend_end.get(d, 0) if U > 1 else 0
        N = np.empty_like(V)
        N[WT] = NEG
        N[WT + 1 : WT + C] = V[WT : WT + C - 1] + g
        N[WF + 1 : WF + C] = V[WF : WF + C - 1] + g
        N[WF] = V[sw].max(axis=0) + g
        if gain[:, d].min() <= NEG / 2:
            N[WT:OT, gain[:, d] <= NEG / 2, :] = NEG
        if wk:
            N[WT:OT] = shift(N[WT:OT])
        top = V[so].max(axis=0)
        N[OF] = shift(top) if wk == 2 else top
        N[OT] = NEG
        for base in (OT, OF):
            if K > 2:
                N[base + 1 : base + K - 1] = V[base : base + K - 2]
            N[base + K - 1] = np.maximum(V[base + K - 1], V[base + K - 2])
        V = N
        hist.append(V)
    lanes = np.arange(L)
    flat = V.transpose(1, 0, 2).reshape(L, -1)
    pick = flat.argmax(axis=1)
    alive = flat[lanes, pick] > NEG / 2
    i, u = np.divmod(pick, U)
    days = np.zeros((L, H), dtype=bool)
    for d in range(H - 1, 0, -1):
        working = i < OT
        days[:, d] = working
        wk = weekend_end.get(d, 0) if U > 1 else 0
        if wk:
            # This day closed a worked weekend: the previous count was one less.
            u = u - (working | ((i == OF) if wk == 2 else False))
        Vp = hist[d - 1][:, lanes, u]  # (n, L)
        prev = i - 1
        prev = np.where(i == WF, sw[Vp[sw].argmax(axis=0)], prev)
        prev = np.where(i == OF, so[Vp[so].argmax(axis=0)], prev)
        for last in (OT + K - 1, OF + K - 1):
            stay = Vp[last] >= Vp[last - 1]
            prev = np.where((i == last) & stay, last, prev)
        i = prev
    days[:, 0] = i < OT
    return [list(map(bool, days[k])) if alive[k] else [] for k in range(L)]


def adjust_days(
    worked: list[bool],
    worth: np.ndarray,
    minutes: np.ndarray,
    need: float,
    *,
    max_c: int,
    min_c: int,
    min_off: int,
    weekends: list[tuple[int, ...]],
    max_w: int | None,
) -> list[bool]:
    """Add (need > 0) or drop (need < 0) worked days, best worth first, keeping the run
    rules and the weekend cap, until about ``need`` minutes have changed."""
    days = list(worked)
    H = len(days)
    weekend_of = {d: k for k, ws in enumerate(weekends) for d in ws}

    def run(d: int) -> tuple[int, int]:
        a = z = d
        while a > 0 and days[a - 1] == days[d]:
            a -= 1
        while z + 1 < H and days[z + 1] == days[d]:
            z += 1
        return a, z

    def side_ok(length: int, touches: bool, minimum: int) -> bool:
        return length == 0 or touches or length >= minimum

    def worked_weekends() -> int:
        return sum(1 for ws in weekends if any(days[d] for d in ws))

    changed = 0.0
    adding = need > 0
    while changed < abs(need):
        best: tuple[float, int] | None = None
        used = worked_weekends() if adding and max_w is not None else 0
        for d in range(H):
            if days[d] == adding or (adding and worth[d] <= NEG / 2):
                continue
            a, z = run(d)
            # The run d leaves, split in two around d, must keep its own minimum.
            if not side_ok(d - a, a == 0, min_off if adding else min_c):
                continue
            if not side_ok(z - d, z == H - 1, min_off if adding else min_c):
                continue
            # The run d joins: the neighbours' runs merge through d.
            left = run(d - 1)[0] if d == a and d > 0 else d
            right = run(d + 1)[1] if d == z and d + 1 < H else d
            length = right - left + 1
            touches = left == 0 or right == H - 1
            if adding:
                if length > max_c or not side_ok(length, touches, min_c):
                    continue
                k = weekend_of.get(d)
                if max_w is not None and k is not None:
                    fresh = not any(days[x] for x in weekends[k])
                    if fresh and used >= max_w:
                        continue
            elif not side_ok(length, touches, min_off):
                continue
            score = float(worth[d]) if adding else -float(worth[d])
            if best is None or score > best[0]:
                best = (score, d)
        if best is None:
            break
        d = best[1]
        days[d] = adding
        changed += float(minutes[d])
    return days
