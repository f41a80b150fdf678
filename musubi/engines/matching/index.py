"""``TalentIndex``: everything needed to rank talents, updatable one talent at a time.

Each talent owns one *slot*: a row in the embedding matrix, the concept matrices and the
constraint columns, plus its postings in the BM25 index. Upserting or removing a talent
rewrites only its own slot, so a profile edit in the web app costs one encode (or none, if
the stored embedding bytes are passed in) and never a rebuild.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from .bm25 import BM25Index
from .constraints import window_mask
from .embedding import CachedEmbedder, Embedder, FloatMatrix, USEEmbedder, from_bytes, to_bytes
from .sparse import SparseColumns
from .taxonomy import ConceptProfile, Taxonomy, default_taxonomy
from .text import Analyzer, default_analyzer
from .types import Talent

# Below this size exact dense scoring is cheap (< 2 ms), so no approximation is used.
APPROX_MIN_TALENTS = 20_000
APPROX_DIM = 128
# Batches larger than this rebuild BM25 term arrays once at the end instead of patching.
_BULK = 64


def talent_document(talent: Talent) -> str:
    """The text that is analysed and embedded for a talent: profile plus declared skills."""
    if not talent.skills:
        return talent.text
    return f"{talent.text}\n{'、'.join(talent.skills)}"


class TalentIndex:
    def __init__(
        self,
        embedder: Embedder | None = None,
        taxonomy: Taxonomy | None = None,
        analyzer: Analyzer | None = None,
        capacity: int = 1024,
    ) -> None:
        inner = embedder if embedder is not None else USEEmbedder()
        self.embedder: Embedder = (
            inner if isinstance(inner, CachedEmbedder) else CachedEmbedder(inner)
        )
        self.analyzer = analyzer or default_analyzer()
        self.taxonomy = taxonomy or default_taxonomy()
        self._cat_pos = {c: i for i, c in enumerate(self.taxonomy.category_ids)}
        self._skill_pos = {s: i for i, s in enumerate(self.taxonomy.skill_ids)}
        self._slot: dict[str, int] = {}
        self._free: list[int] = []
        self._talents: list[Talent | None] = []
        self._profiles: list[ConceptProfile | None] = []
        self._lang_bit: dict[str, int] = {}
        self.bm25 = BM25Index(capacity)
        self._centroids: FloatMatrix | None = None
        self._proj: FloatMatrix | None = None
        self.concept_postings = SparseColumns()
        self.emb_low: FloatMatrix = np.zeros((0, 0), dtype=np.float32)
        self._cap = 0
        self._allocate(max(capacity, 16))

    # ----- storage -------------------------------------------------------------------
    def _allocate(self, cap: int) -> None:
        def grow(a: npt.NDArray[Any] | None, shape: tuple[int, ...], dt: type) -> npt.NDArray[Any]:
            new: npt.NDArray[Any] = np.zeros(shape, dtype=dt)
            if a is not None:
                new[: a.shape[0]] = a
            return new

        old = self._cap
        first = old == 0
        d = self.embedder.dim
        n_concepts = len(self._cat_pos) + len(self._skill_pos)
        self.emb: FloatMatrix = grow(None if first else self.emb, (cap, d), np.float32)
        # Categories and skills side by side: one pass over memory scores all concept
        # signals of a query at once (see ranking.score_all).
        self.concepts: FloatMatrix = grow(
            None if first else self.concepts, (cap, n_concepts), np.float32
        )
        if self._proj is not None:
            self.emb_low = grow(self.emb_low, (cap, self._proj.shape[1]), np.float32)
        self.alive: npt.NDArray[np.bool_] = grow(None if first else self.alive, (cap,), np.bool_)
        self.remaining: npt.NDArray[np.int32] = grow(
            None if first else self.remaining, (cap,), np.int32
        )
        self.windows: npt.NDArray[np.uint8] = grow(
            None if first else self.windows, (cap,), np.uint8
        )
        self.onsite: npt.NDArray[np.int16] = grow(None if first else self.onsite, (cap,), np.int16)
        self.langs: npt.NDArray[np.uint64] = grow(None if first else self.langs, (cap,), np.uint64)
        self.fee: npt.NDArray[np.int8] = grow(None if first else self.fee, (cap,), np.int8)
        self._talents.extend([None] * (cap - old))
        self._profiles.extend([None] * (cap - old))
        self._free.extend(range(cap - 1, old - 1, -1))
        self._cap = cap

    @property
    def capacity(self) -> int:
        return self._cap

    def lang_bit(self, code: str) -> int | None:
        return self._lang_bit.get(code.lower())

    def _lang_mask(self, codes: frozenset[str]) -> int:
        m = 0
        for code in codes:
            code = code.lower()
            if code not in self._lang_bit:
                if len(self._lang_bit) >= 64:
                    raise ValueError("more than 64 distinct languages in one index")
                self._lang_bit[code] = 1 << len(self._lang_bit)
            m |= self._lang_bit[code]
        return m

    # ----- public API ----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, talent_id: object) -> bool:
        return talent_id in self._slot

    def __iter__(self) -> Iterator[Talent]:
        for slot in self._slot.values():
            t = self._talents[slot]
            assert t is not None
            yield t

    def get(self, talent_id: str) -> Talent:
        t = self._talents[self._slot[talent_id]]
        assert t is not None
        return t

    def slot_of(self, talent_id: str) -> int:
        return self._slot[talent_id]

    def talent_at(self, slot: int) -> Talent:
        t = self._talents[slot]
        assert t is not None
        return t

    def profile_at(self, slot: int) -> ConceptProfile:
        p = self._profiles[slot]
        assert p is not None
        return p

    def embedding_bytes(self, talent_id: str) -> bytes:
        """The stored vector of a talent, to persist next to the profile."""
        return to_bytes(self.emb[self._slot[talent_id]])

    def upsert(self, talent: Talent, embedding: bytes | None = None) -> None:
        """Add or replace one talent; pass stored ``embedding`` bytes to skip encoding."""
        self.upsert_many([talent], None if embedding is None else [embedding])

    def upsert_many(
        self,
        talents: Sequence[Talent],
        embeddings: Sequence[bytes] | FloatMatrix | None = None,
    ) -> None:
        """Add or replace many talents, encoding the texts that need it in one batch."""
        if embeddings is not None and len(embeddings) != len(talents):
            raise ValueError("embeddings and talents differ in length")
        docs = [talent_document(t) for t in talents]
        if embeddings is None:
            vecs = self.embedder.encode(docs)
        elif isinstance(embeddings, np.ndarray):
            vecs = embeddings.astype(np.float32, copy=False)
        else:
            vecs = np.stack([from_bytes(b, self.embedder.dim) for b in embeddings])
        bulk = len(talents) > _BULK
        for talent, doc, vec in zip(talents, docs, vecs, strict=True):
            self._put(talent, doc, vec, patch=not bulk)
        if bulk:
            self.bm25.materialise()
        if self._proj is None and len(self) >= APPROX_MIN_TALENTS:
            self.fit_projection()

    # ----- large indexes ---------------------------------------------------------------
    @property
    def cat(self) -> FloatMatrix:
        """Category weights per slot (a view into ``concepts``)."""
        return self.concepts[:, : len(self._cat_pos)]

    @property
    def approximate(self) -> bool:
        return self._proj is not None

    @property
    def projection(self) -> FloatMatrix | None:
        return self._proj

    def fit_projection(self, dim: int = APPROX_DIM, sample: int = 20_000, seed: int = 0) -> None:
        """Fit a PCA basis so the first retrieval stage reads 4x less memory.

        Scoring 100,000 × 512 float32 vectors streams 200 MB per query, which is memory
        bound and suffers when the machine is shared. Stage one scores ``dim``-dimensional
        projections, stage two rescores the best few hundred exactly (ranking.py). The
        basis is fitted once on a sample; later upserts are projected with it, so adding a
        talent never touches the others. Call again to refit after large changes.
        """
        slots = np.flatnonzero(self.alive)
        rng = np.random.default_rng(seed)
        if slots.shape[0] > sample:
            slots = rng.choice(slots, sample, replace=False)
        x = self.emb[slots]
        # Uncentred SVD: dot products (not distances) are what we approximate.
        _, _, vt = np.linalg.svd(x, full_matrices=False)
        self._proj = np.ascontiguousarray(vt[:dim].T, dtype=np.float32)
        self.emb_low = np.ascontiguousarray(self.emb @ self._proj, dtype=np.float32)

    def remove(self, talent_id: str) -> bool:
        slot = self._slot.pop(talent_id, None)
        if slot is None:
            return False
        self.bm25.remove(slot)
        self.alive[slot] = False
        self.emb[slot] = 0
        self.concepts[slot] = 0
        self.concept_postings.remove_row(slot)
        if self._proj is not None:
            self.emb_low[slot] = 0
        self._talents[slot] = None
        self._profiles[slot] = None
        self._free.append(slot)
        return True

    def _put(self, talent: Talent, doc: str, vec: FloatMatrix, patch: bool = True) -> None:
        slot = self._slot.get(talent.id)
        if slot is None:
            if not self._free:
                self._allocate(self._cap * 2)
            slot = self._free.pop()
            self._slot[talent.id] = slot
        analysis = self.analyzer.analyse(doc)
        profile = self.taxonomy.profile(talent.text, talent.skills)
        self.bm25.add(slot, analysis.terms, patch_arrays=patch)
        self.emb[slot] = vec
        if self._proj is not None:
            self.emb_low[slot] = vec @ self._proj
        self.concepts[slot] = 0
        n_cat = len(self._cat_pos)
        for c, w in profile.categories.items():
            self.concepts[slot, self._cat_pos[c]] = w
        for s, w in profile.skills.items():
            self.concepts[slot, n_cat + self._skill_pos[s]] = w
        row = self.concepts[slot]
        self.concept_postings.set_row(slot, {int(i): float(row[i]) for i in np.flatnonzero(row)})
        self.remaining[slot] = talent.remaining_hours
        self.windows[slot] = window_mask(talent.available)
        self.onsite[slot] = talent.onsite_visits_per_month
        self.langs[slot] = self._lang_mask(talent.languages)
        self.fee[slot] = {"probono": 0, "low": 1, "standard": 2}[talent.fee]
        self.alive[slot] = True
        self._talents[slot] = talent
        self._profiles[slot] = profile

    def category_centroids(self) -> FloatMatrix:
        """One embedding per taxonomy category (its labels, phrases and example sentences).

        Lets a need that uses none of the taxonomy's phrases still land near a category
        by meaning. Computed once per index (≈1,000 short texts, under a second).
        """
        if self._centroids is None:
            rows = []
            for cid in self.taxonomy.category_ids:
                # Average of two unit centroids: the category's labels and phrases, and its
                # example sentences (whole sentences suit the sentence encoder better).
                parts = [self.taxonomy.category_texts[cid], self.taxonomy.category_examples[cid]]
                m = np.zeros(self.embedder.dim, dtype=np.float32)
                for texts in parts:
                    if texts:
                        c = self.embedder.encode(texts).mean(axis=0)
                        m += c / (np.linalg.norm(c) or 1.0)
                rows.append(m / (np.linalg.norm(m) or 1.0))
            self._centroids = np.stack(rows).astype(np.float32)
        return self._centroids

    def category_index(self, category_id: str) -> int:
        return self._cat_pos[category_id]

    def category_vector(self, profile: ConceptProfile) -> FloatMatrix:
        v = np.zeros(len(self._cat_pos), dtype=np.float32)
        for c, w in profile.categories.items():
            v[self._cat_pos[c]] = w
        return v

    def skill_vector(self, profile: ConceptProfile) -> FloatMatrix:
        v = np.zeros(len(self._skill_pos), dtype=np.float32)
        for s, w in profile.skills.items():
            v[self._skill_pos[s]] = w
        return v
