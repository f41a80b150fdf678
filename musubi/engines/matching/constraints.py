"""Hard constraints: hours, shared time windows, on-site visits, language, capacity.

A talent satisfies a need when its *remaining* hours (monthly hours minus what active
engagements already use) cover the need, they share a time window, it can visit at least
once if the need is on-site, and it speaks the language. The scalar check explains one
pair; the vectorised mask filters a whole index before any scoring.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .types import WINDOWS, ConstraintFit, Need, Talent, Window

WINDOW_BIT: dict[Window, int] = {w: 1 << i for i, w in enumerate(WINDOWS)}
FEE_RANK = {"probono": 0, "low": 1, "standard": 2}
BUDGET_RANK = {"probono_ok": 0, "low": 1, "standard": 2}


def window_mask(windows: frozenset[Window]) -> int:
    m = 0
    for w in windows:
        m |= WINDOW_BIT[w]
    return m


def check(need: Need, talent: Talent, committed_extra: int = 0) -> ConstraintFit:
    """Constraint fit of one pair; ``committed_extra`` = hours promised within a batch."""
    shared = tuple(w for w in WINDOWS if w in need.windows and w in talent.available)
    return ConstraintFit(
        hours=talent.remaining_hours - committed_extra >= need.hours_per_month_needed,
        # A need without stated windows accepts any time.
        window=bool(shared) or not need.windows,
        onsite=(not need.needs_onsite) or talent.onsite_visits_per_month >= 1,
        language=need.language_needed in talent.languages,
        shared_windows=shared,
    )


def fee_fits(need: Need, talent: Talent) -> bool:
    """Soft signal: the talent's usual fee is within what the owner can pay."""
    return FEE_RANK[talent.fee] <= BUDGET_RANK[need.budget]


def feasible_mask(
    need: Need,
    remaining: npt.NDArray[np.int32],
    windows: npt.NDArray[np.uint8],
    onsite: npt.NDArray[np.int16],
    lang_bits: npt.NDArray[np.uint64],
    lang_bit: int | None,
) -> npt.NDArray[np.bool_]:
    """Vectorised :func:`check` over index columns; ``lang_bit`` None = nobody speaks it."""
    ok = remaining >= need.hours_per_month_needed
    if need.windows:
        ok &= (windows & np.uint8(window_mask(need.windows))) != 0
    if need.needs_onsite:
        ok &= onsite >= 1
    if lang_bit is None:
        ok &= False
    else:
        ok &= (lang_bits & np.uint64(lang_bit)) != 0
    return ok
