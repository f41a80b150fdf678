"""``TalentIndex``: everything needed to rank talents, updatable one talent at a time.

Each talent owns one *slot*: a row in the embedding matrix, the concept matrices and the
constraint columns, plus its postings in the BM25 index. Upserting or removing a talent
rewrites only its own slot, so a profile edit in the web app costs one encode (or none, if
the stored embedding bytes are passed in) and never a rebuild.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt

from .bm25 import BM25Index
from .constraints import window_mask
from .embedding import CachedEmbedder, Embedder, FloatMatrix, USEEmbedder, from_bytes, to_bytes
from .taxonomy import ConceptProfile, Taxonomy, default_taxonomy
from .text import Analyzer, default_analyzer
from .types import Talent


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
        self.embedder: Embedder = inner if isinstance(inner, CachedEmbedder) else CachedEmbedder(inner)
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
        self._cap = 0
        self._allocate(max(capacity, 16))

    # ----- storage -------------------------------------------------------------------
    def _allocate(self, cap: int) -> None:
        def grow(a: npt.NDArray[np.generic] | None, shape: tuple[int, ...], dt: type) -> npt.NDArray:
            new = np.zeros(shape, dtype=dt)
            if a is not None:
                new[: a.shape[0]] = a
            return new

        old = self._cap
        first = old == 0
        d = self.embedder.dim
        self.emb: FloatMatrix = grow(None if first else self.emb, (cap, d), np.float32)
        self.cat: FloatMatrix = grow(
            None if first else self.cat, (cap, len(self._cat_pos)), np.float32
        )
        self.skill: FloatMatrix = grow(
            None if first else self.skill, (cap, len(self._skill_pos)), np.float32
        )
        self.alive: npt.NDArray[np.bool_] = grow(None if first else self.alive, (cap,), np.bool_)
        self.remaining: npt.NDArray[np.int32] = grow(
            None if first else self.remaining, (cap,), np.int32
        )
        self.windows: npt.NDArray[np.uint8] = grow(None if first else self.windows, (cap,), np.uint8)
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
        for talent, doc, vec in zip(talents, docs, vecs, strict=True):
            self._put(talent, doc, vec)

    def remove(self, talent_id: str) -> bool:
        slot = self._slot.pop(talent_id, None)
        if slot is None:
            return False
        self.bm25.remove(slot)
        self.alive[slot] = False
        self.emb[slot] = 0
        self.cat[slot] = 0
        self.skill[slot] = 0
        self._talents[slot] = None
        self._profiles[slot] = None
        self._free.append(slot)
        return True

    def _put(self, talent: Talent, doc: str, vec: FloatMatrix) -> None:
        slot = self._slot.get(talent.id)
        if slot is None:
            if not self._free:
                self._allocate(self._cap * 2)
            slot = self._free.pop()
            self._slot[talent.id] = slot
        analysis = self.analyzer.analyse(doc)
        profile = self.taxonomy.profile(talent.text, talent.skills)
        self.bm25.add(slot, analysis.terms)
        self.emb[slot] = vec
        self.cat[slot] = 0
        for c, w in profile.categories.items():
            self.cat[slot, self._cat_pos[c]] = w
        self.skill[slot] = 0
        for s, w in profile.skills.items():
            self.skill[slot, self._skill_pos[s]] = w
        self.remaining[slot] = talent.remaining_hours
        self.windows[slot] = window_mask(talent.available)
        self.onsite[slot] = talent.onsite_visits_per_month
        self.langs[slot] = self._lang_mask(talent.languages)
        self.fee[slot] = {"probono": 0, "low": 1, "standard": 2}[talent.fee]
        self.alive[slot] = True
        self._talents[slot] = talent
        self._profiles[slot] = profile

    def category_centroids(self) -> FloatMatrix:
        """One embedding per taxonomy category (mean of its labels and owner phrases).

        Lets a need that uses none of the taxonomy's phrases still land near a category
        by meaning. Computed once per index (≈1,000 short texts, under a second).
        """
        if self._centroids is None:
            rows = []
            for cid in self.taxonomy.category_ids:
                vecs = self.embedder.encode(self.taxonomy.category_texts[cid])
                m = vecs.mean(axis=0)
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
