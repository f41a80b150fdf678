"""Grid-search the fusion weights on the *development* split only (never the held-out one).

    .venv/bin/python tests/engines/matching/tune_weights.py [SPLIT ...]

Round 1 tuned on ``dev`` only. Round 2 (after the first two held-out splits had been
measured and then turned into development data) tuned on ``dev heldout heldout2``.
Round 3 added ``heldout3`` the same way. ``heldout4`` is never passed here.

Signals are computed once per need; a weight setting is then a weighted sum, so the whole
grid runs in seconds. Objective: mean of nDCG@10 and recall@10 (grade 2), constraints on.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

from musubi.engines.matching.constraints import check
from musubi.engines.matching.embedding import USEEmbedder
from musubi.engines.matching.evaluation import evaluate
from musubi.engines.matching.exchange import load_needs, load_qrels, load_talents
from musubi.engines.matching.index import TalentIndex
from musubi.engines.matching.ranking import Weights, candidate_mask, prepare, score_all

DATA = Path(__file__).resolve().parent / "data"
GRID = {
    "bm25": [0.15, 0.3, 0.5, 0.7],
    "dense": [0.2, 0.4, 0.6, 0.9],
    "category": [0.4, 0.7, 1.0, 1.4],
    "skill": [0.0, 0.2, 0.4],
    "fee": [0.0],
    "soft_category": [0.3, 0.5, 0.8, 1.2],
}
EXPANSION = [0.15, 0.3, 0.5]


def main() -> None:
    splits = sys.argv[1:] or ["dev"]
    if "heldout4" in splits:
        raise SystemExit("heldout4 is the untouched test split; do not tune on it")
    talents = load_talents(DATA / "talents.jsonl")
    needs = [n for s in splits for n in load_needs(DATA / f"needs_{s}.jsonl")]
    qrels = [
        (q.need, q.talent, q.grade) for s in splits for q in load_qrels(DATA / f"qrels_{s}.jsonl")
    ]
    index = TalentIndex(USEEmbedder())
    index.upsert_many(talents)
    by_id = {t.id: t for t in talents}
    satisfied = {(n.id, t.id): check(n, t).ok for n in needs for t in talents}
    ids = np.array([index.talent_at(s).id if index.alive[s] else "" for s in range(index.capacity)])
    best: list[tuple[float, dict[str, float], float, float]] = []
    for exp in EXPANSION:
        parts_per_need = []
        for need in needs:
            prep = prepare(need, index, exp)
            mask = candidate_mask(need, index, True)
            _, parts = score_all(prep, index, "hybrid", Weights(), mask)
            parts_per_need.append((need.id, mask, parts))
        for combo in itertools.product(*GRID.values()):
            w = dict(zip(GRID, combo, strict=True))
            rankings = {}
            for nid, mask, parts in parts_per_need:
                total = sum(w[k] * v for k, v in parts.items())
                total = np.where(mask, total, -np.inf)
                top = np.argsort(-total, kind="stable")[:10]
                rankings[nid] = [str(ids[s]) for s in top if mask[s]]
            m = evaluate(rankings, qrels, satisfied)
            obj = (m.ndcg + m.recall_excellent) / 2
            best.append((obj, {**w, "expansion": exp}, m.ndcg, m.recall_excellent))
    best.sort(key=lambda x: -x[0])
    for obj, w, nd, rc in best[:15]:
        print(f"{obj:.4f} ndcg={nd:.4f} recall={rc:.4f} {w}")
    del by_id


if __name__ == "__main__":
    sys.exit(main())
