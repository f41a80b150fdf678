"""Hybrid ranking: BM25 + dense similarity + taxonomy concept overlap, with explanations.

Every signal is computed for the whole index with numpy (one matrix-vector product per
signal), then fused linearly. Signals are rescaled per query so the weights mean the same
thing for a vague two-line need and a detailed one: BM25 and dense are divided by their
best value among the candidates, concept overlap is already in [0, 1].
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from .blas import single_threaded
from .constraints import BUDGET_RANK, check, feasible_mask
from .embedding import from_bytes, to_bytes
from .index import TalentIndex
from .taxonomy import ConceptProfile
from .types import Explanation, Match, Need

# Words a person would not accept as the reason two people match: they occur in almost every
# business's story. BM25 still scores them (their weight is low); the explanation leaves them out.
_GENERIC_TERMS = frozenset([
    "会社", "仕事", "お店", "店", "町", "地域", "商品", "お客", "お客様", "客", "自社", "事業",
    "経営", "社長", "相談", "手伝い", "支援", "担当", "作業", "対応", "予定", "目標", "現在",
    "状態", "方法", "必要", "可能", "以上", "以下", "程度", "全部", "全体", "一部",
    "company", "business", "work", "job", "shop", "help", "support", "thing",
])  # fmt: skip


def telling_term(term: str) -> bool:
    """May ``term`` be quoted as a shared word? Not numbers, kana-only words, verbs or adjectives
    (a kanji stem with kana endings, e.g. 出る, 良い), single characters or generic nouns."""
    if len(term) < 2 or term.lower() in _GENERIC_TERMS:
        return False
    if all(c.isdigit() or c in ".,:/-年月日時分円%" for c in term):
        return False
    # Any hiragana: a particle-like word (よう), a verb or an adjective (出る) — not a topic.
    return not any("\u3041" <= c <= "\u309f" for c in term)


Method = Literal["bm25", "dense", "hybrid"]


@dataclass(frozen=True, slots=True)
class Weights:
    """Fusion weights (tuned on the development split, see docs/benchmarks/matching.md)."""

    bm25: float = 0.3
    dense: float = 0.2
    category: float = 0.7
    skill: float = 0.2
    soft_category: float = 0.5
    # Query expansion: weight of taxonomy synonyms of the need's categories in BM25.
    expansion: float = 0.3
    # Budget fit is judged by people, not by the qrels; tuning drove it to 0, so it is
    # shown in explanations but does not move the ranking unless a caller asks for it.
    fee: float = 0.0
    # Aspect diversification for needs spanning several categories (see _diversify).
    diversity: float = 0.15


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class PreparedNeed:
    """Query-side work done once per need (analysis, concepts, embedding)."""

    need: Need
    profile: ConceptProfile
    terms: dict[str, float]
    vector: npt.NDArray[np.float32]
    cat: npt.NDArray[np.float32]
    skill: npt.NDArray[np.float32]
    soft_cat: npt.NDArray[np.float32]


def need_document(need: Need) -> str:
    return f"{need.business}\n{need.text}" if need.business else need.text


def prepare(
    need: Need,
    index: TalentIndex,
    expansion: float = DEFAULT_WEIGHTS.expansion,
    embedding: bytes | None = None,
) -> PreparedNeed:
    """Query-side work. Pass the need's stored ``embedding`` bytes to skip encoding it
    (one USE call costs ~20 ms on a busy 2-core machine, more than the retrieval)."""
    text = need_document(need)
    analysis = index.analyzer.analyse(text)
    profile = index.taxonomy.profile(need.text)
    terms: dict[str, float] = {}
    if expansion > 0:
        # Owners rarely use the experts' words; the concepts their phrases map to tell us
        # which jargon to look for (ネットで売りたい → EC, Shopify, ネットショップ …).
        for cid, w in profile.categories.items():
            for term in index.taxonomy.category_terms(cid):
                terms[term] = max(terms.get(term, 0.0), expansion * w)
    for term in analysis.terms:
        terms[term] = 1.0
    if embedding is not None:
        vec = from_bytes(embedding, index.embedder.dim)
    else:
        vec = index.embedder.encode([text])[0]
    soft = soft_categories(vec, index)
    cat = index.category_vector(profile)
    if not cat.any():
        # No phrase of the taxonomy matched: the owner said it in words we did not
        # foresee, so the encoder's guess stands in for the exact concepts.
        cat = soft.copy()
    return PreparedNeed(need, profile, terms, vec, cat, index.skill_vector(profile), soft)


def soft_categories(vec: npt.NDArray[np.float32], index: TalentIndex) -> npt.NDArray[np.float32]:
    """Categories the need is *semantically* close to, for needs no phrase matched.

    Only categories clearly above the rest count (cosine minus the mean over categories,
    kept for the best two), so a vague need does not spread over the whole taxonomy.
    """
    sims = index.category_centroids() @ vec
    rel = np.maximum(sims - sims.mean() - sims.std(), 0.0)
    keep = np.argsort(-rel)[:2]
    out = np.zeros_like(rel)
    out[keep] = rel[keep]
    top = float(out.max())
    result: npt.NDArray[np.float32] = (out / top if top > 0 else out).astype(np.float32)
    return result


def need_embedding_bytes(need: Need, index: TalentIndex) -> bytes:
    """Encode a need once, to store next to it and pass to :func:`rank` later."""
    return to_bytes(index.embedder.encode([need_document(need)])[0])


def _scaled(x: npt.NDArray[np.float32], cand: npt.NDArray[np.intp]) -> npt.NDArray[np.float32]:
    """Divide by the best candidate's value so the top candidate scores 1."""
    if not cand.shape[0]:
        return x
    top = float(x[cand].max())
    return x / top if top > 0 else x


def _dense_scaled(
    x: npt.NDArray[np.float32], cand: npt.NDArray[np.intp]
) -> npt.NDArray[np.float32]:
    """Cosines bunch up (0.2-0.6); measure them from the candidates' mean instead of 0."""
    if not cand.shape[0]:
        return x
    vals = x[cand]  # a gather is much faster than numpy's where= reductions
    mean = float(vals.mean())
    top = float(vals.max())
    return (x - mean) / (top - mean) if top > mean else x - mean


def score_all(
    prep: PreparedNeed,
    index: TalentIndex,
    method: Method,
    weights: Weights,
    mask: npt.NDArray[np.bool_],
) -> tuple[npt.NDArray[np.float32], dict[str, npt.NDArray[np.float32]]]:
    """Fused score of every slot, and each signal, for the candidates in ``mask``.

    On a large index the dense part is the projected (approximate) cosine; rank_prepared
    rescores the best few hundred exactly.
    """
    cap = index.capacity
    cand = np.flatnonzero(mask)
    parts: dict[str, npt.NDArray[np.float32]] = {}
    if method in ("bm25", "hybrid"):
        parts["bm25"] = _scaled(index.bm25.scores(prep.terms, cap), cand)
    if method in ("dense", "hybrid"):
        proj = index.projection
        if proj is None:
            parts["dense"] = _dense_scaled(index.emb @ prep.vector, cand)
        else:
            parts["dense"] = _dense_scaled(index.emb_low @ (prep.vector @ proj), cand)
    if method == "hybrid":
        n_cat = prep.cat.shape[0]
        q = np.zeros((index.concepts.shape[1], 3), dtype=np.float32)
        masses = (float(prep.cat.sum()), float(prep.skill.sum()), float(prep.soft_cat.sum()))
        q[:n_cat, 0] = prep.cat / (masses[0] or 1.0)
        q[n_cat:, 1] = prep.skill / (masses[1] or 1.0)
        q[:n_cat, 2] = prep.soft_cat / (masses[2] or 1.0)
        for col, name in enumerate(("category", "skill", "soft_category")):
            if masses[col] > 0:
                # Sparse: only talents holding one of the need's concepts are touched.
                parts[name] = index.concept_postings.dot(q[:, col], cap)
        over = index.fee > BUDGET_RANK[prep.need.budget]
        parts["fee"] = -over.astype(np.float32)
    if method == "bm25":
        total = parts["bm25"].copy()
    elif method == "dense":
        total = parts["dense"].copy()
    else:
        total = np.zeros(cap, dtype=np.float32)
        for name, arr in parts.items():
            total += getattr(weights, name) * arr
    return total, parts


# Stage-two pool on approximate indexes: exact cosines are recomputed for this many.
RESCORE = 400


def _rescore_exact(
    prep: PreparedNeed,
    index: TalentIndex,
    method: Method,
    weights: Weights,
    total: npt.NDArray[np.float32],
    parts: dict[str, npt.NDArray[np.float32]],
    n: int,
) -> npt.NDArray[np.int64]:
    """Replace projected cosines by exact ones for the best ``RESCORE`` candidates.

    ``total`` must already be -inf outside the candidate mask; ``n`` = candidates.
    """
    m = min(RESCORE, n)
    cand = np.argpartition(-total, m - 1)[:m]
    approx = parts["dense"]
    proj = index.projection
    assert proj is not None
    exact = index.emb[cand] @ prep.vector
    low = index.emb_low[cand] @ (prep.vector @ proj)
    # approx = (low - mean) / (top - mean) is affine in low; recover its slope from two
    # candidates and move each candidate by its exact-minus-projected cosine on the same
    # scale, so exact and approximate stages agree on what "1.0" means.
    hi, lo = int(np.argmax(low)), int(np.argmin(low))
    slope = (
        (approx[cand[hi]] - approx[cand[lo]]) / (low[hi] - low[lo]) if low[hi] > low[lo] else 1.0
    )
    new = approx[cand] + slope * (exact - low)
    w = 1.0 if method == "dense" else weights.dense
    total[cand] += w * (new - approx[cand])
    approx[cand] = new
    return cand


def rank(
    need: Need,
    index: TalentIndex,
    top: int = 10,
    constraints: bool = True,
    method: Method = "hybrid",
    weights: Weights = DEFAULT_WEIGHTS,
    need_embedding: bytes | None = None,
) -> list[Match]:
    """Best ``top`` talents for ``need``; with ``constraints`` only those that satisfy them.

    ``need_embedding``: the need's stored vector (see :func:`need_embedding_bytes`).
    """
    if len(index) == 0 or top <= 0:
        return []
    prep = prepare(need, index, weights.expansion if method == "hybrid" else 0.0, need_embedding)
    return rank_prepared(prep, index, top, constraints, method, weights)


def candidate_mask(need: Need, index: TalentIndex, constraints: bool) -> npt.NDArray[np.bool_]:
    mask = index.alive.copy()
    if constraints:
        mask &= feasible_mask(
            need,
            index.remaining,
            index.windows,
            index.onsite,
            index.langs,
            index.lang_bit(need.language_needed),
        )
    return mask


def rank_prepared(
    prep: PreparedNeed,
    index: TalentIndex,
    top: int,
    constraints: bool,
    method: Method,
    weights: Weights,
) -> list[Match]:
    """:func:`rank` for a need already prepared (reuse one preparation across calls).

    On indexes large enough for the two-stage path at most ``RESCORE`` results exist.
    """
    mask = candidate_mask(prep.need, index, constraints)
    n = int(mask.sum())
    if n == 0:
        return []
    if index.approximate:
        with single_threaded():  # see blas.py: far faster on a busy 2-core machine
            total, parts = score_all(prep, index, method, weights, mask)
    else:
        total, parts = score_all(prep, index, method, weights, mask)
    total[~mask] = -np.inf
    if index.approximate and method != "bm25":
        # Only exactly rescored candidates may be returned.
        cand = _rescore_exact(prep, index, method, weights, total, parts, n)
    else:
        cand = np.flatnonzero(mask)
    k = min(top, n)
    pool = min(n, max(k * 4, 40)) if method == "hybrid" and weights.diversity > 0 else k
    sub = total[cand]
    idx = cand[np.argpartition(-sub, pool - 1)[:pool]] if pool < cand.shape[0] else cand
    # Ties broken by slot keep results deterministic across runs.
    order = sorted(idx.tolist(), key=lambda s: (-float(total[s]), s))
    if pool > k:
        order = _diversify(order, total, prep, index, k, weights.diversity)
    dense_raw = index.emb[order] @ prep.vector
    return [
        Match(
            index.talent_at(s).id,
            float(total[s]),
            explain(
                prep, index, s, float(dense_raw[i]), {k: float(v[s]) for k, v in parts.items()}
            ),
        )
        for i, s in enumerate(order)
    ]


def _diversify(
    order: list[int],
    total: npt.NDArray[np.float32],
    prep: PreparedNeed,
    index: TalentIndex,
    k: int,
    strength: float,
) -> list[int]:
    """Greedy aspect diversification (in the spirit of xQuAD) for multi-category needs.

    「ネットで売りたい、写真もきちんと撮りたい」 asks for two kinds of people; pure scores
    can fill the list with photographers. Each pick earns a bonus for every need category
    it covers, shrinking as that category gets represented, so both aspects appear.
    """
    aspects = [index.category_index(c) for c, w in prep.profile.categories.items() if w >= 0.5]
    if len(aspects) < 2:
        return order[:k]
    seen = dict.fromkeys(aspects, 0)
    chosen: list[int] = []
    rest = list(order)
    while rest and len(chosen) < k:

        def gain(s: int) -> float:
            return float(total[s]) + strength * sum(
                float(index.cat[s, a]) / (1 + seen[a]) for a in aspects
            )

        best = max(rest, key=lambda s: (gain(s), -s))
        rest.remove(best)
        chosen.append(best)
        for a in aspects:
            if index.cat[best, a] >= 0.5:
                seen[a] += 1
    return chosen


def explain(
    prep: PreparedNeed,
    index: TalentIndex,
    slot: int,
    similarity: float,
    components: dict[str, float],
) -> Explanation:
    talent = index.talent_at(slot)
    tprof = index.profile_at(slot)
    tax = index.taxonomy
    cats = sorted(
        set(prep.profile.categories) & set(tprof.categories),
        key=lambda c: -prep.profile.categories[c] * tprof.categories[c],
    )
    # Categories the encoder placed the need in (no phrase of ours matched them) that the
    # talent has: said separately, because "the model thinks so" is weaker evidence.
    inferred = [
        c
        for c, w in zip(tax.category_ids, prep.soft_cat.tolist(), strict=True)
        if w > 0 and c in tprof.categories and c not in cats
    ]
    skills = [s for s in tprof.skills if tax.category_of(s) in cats + inferred]
    skills.sort(key=lambda s: -tprof.skills[s])
    need_phr = _phrases(prep.profile, cats)
    tal_phr = _phrases(tprof, cats + inferred)
    doc_terms = index.bm25.doc_terms(slot)
    shared = [t for t in prep.terms if prep.terms[t] >= 1.0 and t in doc_terms and telling_term(t)]
    shared.sort(key=lambda t: -index.bm25.idf(t))
    return Explanation(
        matched_categories=tuple(tax.label(c) for c in cats),
        inferred_categories=tuple(tax.label(c) for c in inferred),
        matched_skills=tuple(tax.label(s) for s in skills[:6]),
        need_phrases=tuple(need_phr[:6]),
        talent_phrases=tuple(tal_phr[:6]),
        shared_terms=tuple(shared[:8]),
        similarity=similarity,
        constraints=check(prep.need, talent),
        components=tuple(sorted(components.items())),
    )


def _phrases(profile: ConceptProfile, cats: list[str]) -> list[str]:
    out: list[str] = []
    for cid in cats:
        for h in profile.hits:
            if h.category_id == cid and h.phrase not in out:
                out.append(h.phrase)
    return out


__all__ = [
    "DEFAULT_WEIGHTS",
    "Method",
    "PreparedNeed",
    "Weights",
    "need_embedding_bytes",
    "prepare",
    "rank",
    "rank_prepared",
]
