"""Musubi matching engine: find the right experts for an owner's problem, and say why.

Pure Python (numpy, SudachiPy, the multilingual USE sentence encoder, OR-Tools); no Django.
Inputs and outputs are frozen dataclasses from :mod:`.types`.

Public API
----------
``Talent``, ``Need``
    What goes in. ``Talent.committed_hours`` is what active engagements already use.
``TalentIndex(embedder=None)``
    Holds everything needed to rank. ``upsert(talent, embedding=None)`` adds or replaces
    one talent (pass the stored embedding bytes to skip encoding), ``upsert_many`` does a
    batch, ``remove(talent_id)`` drops one; no other talent is recomputed.
    ``embedding_bytes(talent_id)`` returns the float32 vector to persist (BinaryField).
``rank(need, index, top=10, constraints=True, need_embedding=None) -> list[Match]``
    Hybrid ranking (BM25 + dense similarity + taxonomy concepts). With ``constraints``
    only talents meeting hours, time window, on-site and language are returned. Each
    ``Match`` has an ``Explanation``: matched categories/skills, the phrases on both sides
    that triggered them, shared terms, cosine similarity and the constraint fit.
    ``need_embedding_bytes(need, index)`` encodes a need once; store it and pass it as
    ``need_embedding`` so ranking does not re-run the encoder (~20 ms) every time.
``suggest_team(need, index, skills=None, max_size=3) -> TeamSuggestion``
    1-3 talents who together cover the required skill/category ids (default: the
    categories found in the need) within their remaining capacity (CP-SAT); each member
    shares a window and the language, someone can visit if the need is on-site.
``assign_batch(needs, index, max_per_talent=2, newcomer_bonus=0.15) -> Assignment``
    Many open needs at once, maximising total fit under capacity (CP-SAT); nobody takes
    more than ``max_per_talent`` needs and talents without past engagements get a bonus.
``taxonomy_choices() -> tuple[CategoryChoice, ...]``
    Categories and skills (id, Japanese, English label) for a skill picker.
``to_bytes`` / ``from_bytes``
    float32 embedding <-> bytes helpers.
``Embedder``, ``USEEmbedder``, ``HashingEmbedder``
    The protocol, the real model (threads = core count, loaded lazily, offline) and a
    fast deterministic fake for tests.

Evaluation and benchmark: ``musubi match-eval`` (``cli.eval_main``), figures and
commands in ``docs/benchmarks/matching.md``.

Attributes are imported lazily so ``import musubi.engines.matching.cli`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Talent": "types",
    "Need": "types",
    "Match": "types",
    "Explanation": "types",
    "ConstraintFit": "types",
    "TeamSuggestion": "types",
    "Assignment": "types",
    "TalentIndex": "index",
    "rank": "ranking",
    "need_embedding_bytes": "ranking",
    "Weights": "ranking",
    "DEFAULT_WEIGHTS": "ranking",
    "suggest_team": "teams",
    "assign_batch": "assignment",
    "taxonomy_choices": "taxonomy",
    "CategoryChoice": "taxonomy",
    "SkillChoice": "taxonomy",
    "to_bytes": "embedding",
    "from_bytes": "embedding",
    "Embedder": "embedding",
    "USEEmbedder": "embedding",
    "HashingEmbedder": "embedding",
    "check": "constraints",
}

__all__ = [
    "DEFAULT_WEIGHTS",
    "Assignment",
    "CategoryChoice",
    "ConstraintFit",
    "Embedder",
    "Explanation",
    "HashingEmbedder",
    "Match",
    "Need",
    "SkillChoice",
    "Talent",
    "TalentIndex",
    "TeamSuggestion",
    "USEEmbedder",
    "Weights",
    "assign_batch",
    "check",
    "from_bytes",
    "need_embedding_bytes",
    "rank",
    "suggest_team",
    "taxonomy_choices",
    "to_bytes",
]

if TYPE_CHECKING:
    from .assignment import assign_batch
    from .constraints import check
    from .embedding import Embedder, HashingEmbedder, USEEmbedder, from_bytes, to_bytes
    from .index import TalentIndex
    from .ranking import DEFAULT_WEIGHTS, Weights, need_embedding_bytes, rank
    from .taxonomy import CategoryChoice, SkillChoice, taxonomy_choices
    from .teams import suggest_team
    from .types import Assignment, ConstraintFit, Explanation, Match, Need, Talent, TeamSuggestion


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
