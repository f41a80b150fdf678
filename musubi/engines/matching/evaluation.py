"""Retrieval metrics: nDCG@k (gain 2^grade − 1), recall@k of grade-2 talents, constraints.

With constraints on, a judged talent that cannot take the job (no shared window, too few
hours, …) is not a correct answer, so it is left out of the ideal ranking and out of the
recall denominator; how many were left out is reported alongside, to keep that visible.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Metrics:
    ndcg: float
    recall_excellent: float
    constraint_share: float
    needs_scored: int
    needs_with_excellent: int
    judged_excluded_by_constraints: int

    def as_dict(self, k: int) -> dict[str, float | int]:
        return {
            f"ndcg@{k}": round(self.ndcg, 4),
            f"recall@{k}_grade2": round(self.recall_excellent, 4),
            "constraint_satisfaction": round(self.constraint_share, 4),
            "needs_scored": self.needs_scored,
            "needs_with_grade2": self.needs_with_excellent,
            "judged_excluded_by_constraints": self.judged_excluded_by_constraints,
        }


def dcg(grades: Iterable[int]) -> float:
    return float(sum((2.0**g - 1) / math.log2(i + 2) for i, g in enumerate(grades)))


def ndcg_at(ranking: Sequence[str], judged: Mapping[str, int], k: int) -> float | None:
    ideal = dcg(sorted((g for g in judged.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        return None
    return dcg(judged.get(t, 0) for t in ranking[:k]) / ideal


def recall_at(
    ranking: Sequence[str], judged: Mapping[str, int], k: int, grade: int = 2
) -> float | None:
    wanted = {t for t, g in judged.items() if g >= grade}
    if not wanted:
        return None
    return len(wanted & set(ranking[:k])) / len(wanted)


def evaluate(
    rankings: Mapping[str, Sequence[str]],
    qrels: Iterable[tuple[str, str, int]],
    satisfied: Mapping[tuple[str, str], bool],
    k: int = 10,
    constraints: bool = True,
) -> Metrics:
    """``satisfied[(need, talent)]`` says whether the pair meets the hard constraints."""
    judged: dict[str, dict[str, int]] = defaultdict(dict)
    excluded = 0
    for need, talent, grade in qrels:
        if need not in rankings:
            continue
        if constraints and grade > 0 and not satisfied.get((need, talent), False):
            excluded += 1
            continue
        judged[need][talent] = grade
    ndcgs: list[float] = []
    recalls: list[float] = []
    for need, ranking in rankings.items():
        n = ndcg_at(ranking, judged.get(need, {}), k)
        if n is not None:
            ndcgs.append(n)
        r = recall_at(ranking, judged.get(need, {}), k)
        if r is not None:
            recalls.append(r)
    returned = [(n, t) for n, r in rankings.items() for t in r[:k]]
    share = sum(satisfied.get(p, False) for p in returned) / len(returned) if returned else 1.0
    return Metrics(
        ndcg=sum(ndcgs) / len(ndcgs) if ndcgs else 0.0,
        recall_excellent=sum(recalls) / len(recalls) if recalls else 0.0,
        constraint_share=share,
        needs_scored=len(ndcgs),
        needs_with_excellent=len(recalls),
        judged_excluded_by_constraints=excluded,
    )
