from collections.abc import Sequence

import numpy as np

from musubi.engines.matching import rank
from musubi.engines.matching.embedding import FloatMatrix, HashingEmbedder, from_bytes
from musubi.engines.matching.index import TalentIndex

from .conftest import SMALL_TALENTS, need, talent


class CountingFake(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__(32)
        self.calls: list[str] = []

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        self.calls.extend(texts)
        return super().encode(texts)


def test_upsert_one_touches_only_its_slot() -> None:
    emb = CountingFake()
    index = TalentIndex(emb)
    index.upsert_many(SMALL_TALENTS)
    before_emb = index.emb.copy()
    before_concepts = index.concepts.copy()
    emb.calls.clear()
    changed = talent("photo", "ドローン空撮と動画編集。")
    index.upsert(changed)
    assert len(emb.calls) == 1  # only the changed profile was encoded
    slot = index.slot_of("photo")
    others = np.arange(index.capacity) != slot
    assert np.array_equal(index.emb[others], before_emb[others])
    assert np.array_equal(index.concepts[others], before_concepts[others])
    assert index.get("photo").text.startswith("ドローン")
    assert "media" in index.profile_at(slot).categories


def test_stored_embedding_skips_encoding_and_round_trips() -> None:
    emb = CountingFake()
    a = TalentIndex(emb)
    a.upsert(SMALL_TALENTS[0])
    blob = a.embedding_bytes(SMALL_TALENTS[0].id)
    emb2 = CountingFake()
    b = TalentIndex(emb2)
    b.upsert(SMALL_TALENTS[0], embedding=blob)
    assert emb2.calls == []
    assert np.array_equal(from_bytes(b.embedding_bytes(SMALL_TALENTS[0].id)), from_bytes(blob))


def test_remove_and_reuse_slots(small_index: TalentIndex) -> None:
    n = len(small_index)
    assert small_index.remove("somm") and not small_index.remove("somm")
    assert len(small_index) == n - 1 and "somm" not in small_index
    n1 = need("n", "ワインのソムリエ", windows=frozenset({"weekday_day", "weekend"}))
    assert all(m.talent_id != "somm" for m in rank(n1, small_index, top=20, constraints=False))
    small_index.upsert(talent("new", "ワインのソムリエ"))
    assert rank(n1, small_index, top=1)[0].talent_id == "new"


def test_grows_past_capacity(fake: HashingEmbedder) -> None:
    index = TalentIndex(fake, capacity=16)
    index.upsert_many([talent(f"t{i}", f"写真撮影 {i}") for i in range(40)])
    assert len(index) == 40 and index.capacity >= 40
    assert len(rank(need("n", "写真を撮ってほしい"), index, top=10)) == 10


def test_two_stage_projection_matches_exact_ranking(fake: HashingEmbedder) -> None:
    """The approximate first stage (used on large indexes) returns the exact top results
    when the projection keeps every dimension, and stays close with fewer."""
    index = TalentIndex(fake)
    texts = [
        "Shopify構築",
        "ネットショップ運営",
        "商品撮影",
        "会計",
        "Wi-Fi",
        "LINE公式",
        "求人",
        "介護記録",
    ]
    index.upsert_many([talent(f"t{i}", f"{texts[i % 8]} 経験{i}年") for i in range(120)])
    q = need("n", "ネットで売りたい、写真もきれいに撮りたい")
    exact = [m.talent_id for m in rank(q, index, top=10)]
    index.fit_projection(dim=64)
    assert index.approximate
    assert [m.talent_id for m in rank(q, index, top=10)] == exact
    index.fit_projection(dim=16)
    approx = {m.talent_id for m in rank(q, index, top=10)}
    # A quarter of the dimensions of a bag-of-words fake is a harsh test; real USE vectors
    # keep 91% of their variance in 128 of 512 dimensions (see the benchmark doc).
    assert len(approx & set(exact)) >= 5
    # Upserts after fitting are projected with the same basis.
    index.upsert(talent("late", "Shopify構築 ネットショップ 物撮り"))
    assert "late" in {m.talent_id for m in rank(q, index, top=10)}


def test_single_threaded_blas_restores_the_setting() -> None:
    from musubi.engines.matching.blas import _controls, single_threaded

    controls = _controls()
    if controls is None:  # another numpy build: the helper is a documented no-op
        with single_threaded():
            pass
        return
    get, _ = controls
    before = get()
    with single_threaded():
        assert get() == 1
    assert get() == before
