import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from musubi.engines.matching.bm25 import BM25Index

WORDS = ["ec", "shopify", "写真", "撮影", "会計", "インボイス", "wifi", "予約"]
docs = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)
ops = st.lists(st.tuples(st.integers(0, 7), st.one_of(st.none(), docs)), max_size=25)


def fresh(state: dict[int, list[str]]) -> BM25Index:
    idx = BM25Index(4)
    for slot, terms in sorted(state.items()):
        idx.add(slot, terms)
    return idx


@settings(max_examples=60, deadline=None)
@given(ops, st.sets(st.sampled_from(WORDS), min_size=1))
def test_incremental_updates_equal_a_rebuild(
    sequence: list[tuple[int, list[str] | None]], q: set[str]
) -> None:
    """Any mix of add/replace/remove scores exactly like an index built from scratch."""
    idx = BM25Index(4)
    state: dict[int, list[str]] = {}
    query = {t: 1.0 for t in q}
    for slot, terms in sequence:
        if terms is None:
            idx.remove(slot)
            state.pop(slot, None)
        else:
            idx.add(slot, terms)
            state[slot] = terms
        idx.scores(query, 8)  # materialise arrays mid-way so patching is exercised
    assert np.allclose(idx.scores(query, 8), fresh(state).scores(query, 8), atol=1e-5)


def test_rarer_terms_weigh_more() -> None:
    idx = BM25Index()
    idx.add(0, ["ec", "写真"])
    idx.add(1, ["ec"])
    idx.add(2, ["ec", "会計"])
    assert idx.idf("写真") > idx.idf("ec")
    s = idx.scores({"写真": 1.0, "ec": 1.0}, 3)
    assert s[0] > s[1] and s[0] > s[2]
