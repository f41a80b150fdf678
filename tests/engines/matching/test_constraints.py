import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from musubi.engines.matching.constraints import check, feasible_mask, fee_fits, window_mask
from musubi.engines.matching.types import WINDOWS

from .conftest import need, talent

windows = st.frozensets(st.sampled_from(WINDOWS))


def test_each_rule() -> None:
    t = talent(
        "t",
        "x",
        hours_per_month=8,
        available=frozenset({"weekend"}),
        onsite_visits_per_month=0,
        languages=frozenset({"ja", "en"}),
    )
    ok = need("n", "x", hours_per_month_needed=8, windows=frozenset({"weekend"}))
    assert check(ok, t).ok and check(ok, t).shared_windows == ("weekend",)
    assert check(
        need("n", "x", hours_per_month_needed=9, windows=frozenset({"weekend"})), t
    ).failed() == ("hours",)
    assert check(need("n", "x", windows=frozenset({"weekday_day"})), t).failed() == ("window",)
    assert check(need("n", "x", windows=frozenset({"weekend"}), needs_onsite=True), t).failed() == (
        "onsite",
    )
    assert check(
        need("n", "x", windows=frozenset({"weekend"}), language_needed="zh"), t
    ).failed() == ("language",)


def test_remaining_capacity_counts_active_engagements() -> None:
    t = talent("t", "x", hours_per_month=10, committed_hours=8)
    assert t.remaining_hours == 2
    assert not check(need("n", "x", hours_per_month_needed=4), t).hours


def test_fee_is_soft() -> None:
    assert fee_fits(need("n", "x", budget="low"), talent("t", "x", fee="probono"))
    assert not fee_fits(need("n", "x", budget="probono_ok"), talent("t", "x", fee="standard"))


@given(
    st.integers(0, 20),
    st.integers(0, 20),
    st.integers(0, 3),
    windows,
    windows,
    st.booleans(),
    st.sampled_from(["ja", "en", "zh"]),
    st.frozensets(st.sampled_from(["ja", "en"]), min_size=1),
)
def test_vectorised_mask_agrees_with_check(
    hours: int,
    needed: int,
    visits: int,
    avail: frozenset,
    wanted: frozenset,  # type: ignore[type-arg]
    onsite: bool,
    lang: str,
    langs: frozenset,  # type: ignore[type-arg]
) -> None:
    t = talent(
        "t",
        "x",
        hours_per_month=hours,
        available=avail,
        onsite_visits_per_month=visits,
        languages=langs,
    )
    n = need(
        "n",
        "x",
        hours_per_month_needed=needed,
        windows=wanted,
        needs_onsite=onsite,
        language_needed=lang,
    )
    bits = {"ja": 1, "en": 2}
    mask = feasible_mask(
        n,
        np.array([hours], dtype=np.int32),
        np.array([window_mask(avail)], dtype=np.uint8),
        np.array([visits], dtype=np.int16),
        np.array([sum(bits[x] for x in langs)], dtype=np.uint64),
        bits.get(lang),
    )
    assert bool(mask[0]) == check(n, t).ok
