from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from musubi.engines.matching.embedding import (
    CachedEmbedder,
    Embedder,
    FloatMatrix,
    HashingEmbedder,
    USEEmbedder,
    from_bytes,
    to_bytes,
)


@given(arrays(np.float32, st.integers(1, 600), elements=st.floats(-1, 1, width=32)))
def test_bytes_round_trip(vec: FloatMatrix) -> None:
    blob = to_bytes(vec)
    assert len(blob) == 4 * vec.shape[0]
    assert np.array_equal(from_bytes(blob, vec.shape[0]), vec)


def test_wrong_width_is_rejected() -> None:
    with pytest.raises(ValueError, match="expected 512"):
        from_bytes(to_bytes(np.zeros(3, dtype=np.float32)), 512)


def test_fake_is_deterministic_normalised_and_an_embedder() -> None:
    a, b = HashingEmbedder(32), HashingEmbedder(32)
    x = a.encode(["ネットショップを作る", "写真を撮る"])
    assert isinstance(a, Embedder)
    assert np.allclose(x, b.encode(["ネットショップを作る", "写真を撮る"]))
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)


class Counting:
    name = "counting"
    dim = 8

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        self.seen.extend(texts)
        return np.ones((len(texts), 8), dtype=np.float32) / np.sqrt(8)


def test_cache_encodes_each_text_once() -> None:
    inner = Counting()
    cached = CachedEmbedder(inner)
    cached.encode(["a", "b"])
    cached.encode(["b", "c", "a"])
    assert inner.seen == ["a", "b", "c"]


@settings(deadline=None, max_examples=10)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=4))
def test_fake_handles_any_text(texts: list[str]) -> None:
    out = HashingEmbedder(16).encode(texts)
    assert out.shape == (len(texts), 16) and out.dtype == np.float32


def test_real_model_offline_and_semantic(use_embedder: USEEmbedder) -> None:
    v = use_embedder.encode(
        ["ネットショップを開きたい", "ECサイトの構築を支援します", "介護記録の電子化"]
    )
    assert v.shape == (3, 512) and v.dtype == np.float32
    assert v[0] @ v[1] > v[0] @ v[2]
    assert np.array_equal(from_bytes(to_bytes(v[0]), 512), v[0])
