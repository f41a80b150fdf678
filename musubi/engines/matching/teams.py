"""Team suggestion: 1-3 talents who together cover what a challenge needs (CP-SAT).

A single expert rarely covers "online shop + photos + invoices". We take the best
candidates from the ranking, then let CP-SAT pick the smallest, best-fitting group that
covers the most required concepts while splitting the monthly hours within each member's
remaining capacity. Coverage dominates the objective, then fit, then fewer members.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from .constraints import check
from .index import TalentIndex
from .ranking import DEFAULT_WEIGHTS, Weights, rank
from .types import Need, TeamSuggestion

# A talent "covers" a concept when the taxonomy found clear evidence of it in the profile
# (saturated weight ≥ 0.5 ≈ one specific mention).
COVER_THRESHOLD = 0.5
_COVER, _FIT, _MEMBER = 10_000, 100, 30


def required_concepts(need: Need, index: TalentIndex, limit: int = 4) -> list[str]:
    """Category ids the need clearly asks for (used when the caller gives none)."""
    prof = index.taxonomy.profile(need.text)
    cats = sorted(prof.categories.items(), key=lambda kv: -kv[1])
    return [c for c, w in cats if w >= COVER_THRESHOLD][:limit]


def _covers(index: TalentIndex, slot: int, concept: str) -> bool:
    prof = index.profile_at(slot)
    weight = prof.skills.get(concept) if "." in concept else prof.categories.get(concept)
    return (weight or 0.0) >= COVER_THRESHOLD


def suggest_team(
    need: Need,
    index: TalentIndex,
    skills: Sequence[str] | None = None,
    max_size: int = 3,
    candidates: int = 30,
    min_hours_each: int = 1,
    weights: Weights = DEFAULT_WEIGHTS,
    time_limit_s: float = 5.0,
) -> TeamSuggestion:
    """Pick 1..``max_size`` talents covering ``skills`` (skill or category ids).

    Each member must share a time window and speak the language; at least one member must
    be able to visit if the need is on-site; the need's hours are split among members
    within their remaining capacity (at least ``min_hours_each`` each).
    """
    from ortools.sat.python import cp_model

    concepts = list(skills) if skills is not None else required_concepts(need, index)
    # Rank without the hours/on-site filters: those are team-level here.
    relaxed = Need(
        id=need.id,
        text=need.text,
        business=need.business,
        hours_per_month_needed=0,
        needs_onsite=False,
        windows=need.windows,
        language_needed=need.language_needed,
        budget=need.budget,
    )
    pool = rank(relaxed, index, top=candidates, constraints=True, weights=weights)
    # Make sure specialists for each concept are in the pool even if ranked lower overall.
    for concept in concepts:
        extra = Need(
            id=need.id,
            text=f"{need.text}\n{index.taxonomy.label(concept)}",
            business=need.business,
            windows=need.windows,
            language_needed=need.language_needed,
            budget=need.budget,
        )
        seen = {m.talent_id for m in pool}
        pool += [m for m in rank(extra, index, top=5, weights=weights) if m.talent_id not in seen]
    if not pool:
        return TeamSuggestion((), (), tuple(concepts), (), 0.0)

    model = cp_model.CpModel()
    talents = [index.get(m.talent_id) for m in pool]
    x = [model.new_bool_var(f"x{i}") for i in range(len(pool))]
    h = [model.new_int_var(0, max(0, t.remaining_hours), f"h{i}") for i, t in enumerate(talents)]
    for xi, hi, t in zip(x, h, talents, strict=True):
        model.add(hi <= t.remaining_hours * xi)
        model.add(hi >= min_hours_each * xi)
    model.add(sum(h) >= need.hours_per_month_needed)
    model.add(sum(x) >= 1)
    model.add(sum(x) <= max_size)
    if need.needs_onsite:
        model.add(
            sum(xi for xi, t in zip(x, talents, strict=True) if t.onsite_visits_per_month) >= 1
        )
    cover = []
    for concept in concepts:
        c = model.new_bool_var(f"c_{concept}")
        who = [
            x[i] for i, m in enumerate(pool) if _covers(index, index.slot_of(m.talent_id), concept)
        ]
        model.add(c <= sum(who)) if who else model.add(c == 0)
        cover.append(c)
    fit = [max(0, round(_FIT * m.score)) for m in pool]
    model.maximize(
        _COVER * sum(cover)
        + sum(f * xi for f, xi in zip(fit, x, strict=True))
        - _MEMBER * sum(x)
        - sum(h)  # no more hours than needed
    )
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = os.cpu_count() or 1
    solver.parameters.random_seed = 0
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return TeamSuggestion((), (), tuple(concepts), (), 0.0)
    chosen = [i for i in range(len(pool)) if solver.boolean_value(x[i])]
    chosen.sort(key=lambda i: -pool[i].score)
    covered = tuple(c for c, v in zip(concepts, cover, strict=True) if solver.boolean_value(v))
    for i in chosen:  # members individually satisfy window/language by construction
        assert check(relaxed, talents[i]).window
    return TeamSuggestion(
        talent_ids=tuple(pool[i].talent_id for i in chosen),
        covered=covered,
        missing=tuple(c for c in concepts if c not in covered),
        hours=tuple((pool[i].talent_id, int(solver.value(h[i]))) for i in chosen),
        score=float(sum(pool[i].score for i in chosen)),
    )
