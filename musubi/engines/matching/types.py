"""Frozen value types exchanged with the matching engine.

Everything the web app hands in or gets back is a plain frozen dataclass so the engine
stays free of Django and results can be cached, compared and serialised safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Window = Literal["weekday_day", "weekday_evening", "weekend"]
Fee = Literal["probono", "low", "standard"]
Budget = Literal["probono_ok", "low", "standard"]

WINDOWS: tuple[Window, ...] = ("weekday_day", "weekday_evening", "weekend")
FEES: tuple[Fee, ...] = ("probono", "low", "standard")
BUDGETS: tuple[Budget, ...] = ("probono_ok", "low", "standard")


@dataclass(frozen=True, slots=True)
class Talent:
    """An expert as described by themselves (free text plus declared skills)."""

    id: str
    text: str
    skills: tuple[str, ...] = ()
    hours_per_month: int = 0
    available: frozenset[Window] = frozenset()
    onsite_visits_per_month: int = 0  # 0 = remote only
    languages: frozenset[str] = frozenset({"ja"})
    fee: Fee = "probono"
    # Hours already promised to active engagements; capacity = hours_per_month - this.
    committed_hours: int = 0
    # Number of past engagements, used by batch fairness to give newcomers a chance.
    past_engagements: int = 0

    @property
    def remaining_hours(self) -> int:
        return max(0, self.hours_per_month - self.committed_hours)


@dataclass(frozen=True, slots=True)
class Need:
    """A challenge as an owner describes it, in their own words."""

    id: str
    text: str
    business: str = ""
    hours_per_month_needed: int = 0
    needs_onsite: bool = False
    windows: frozenset[Window] = frozenset()
    language_needed: str = "ja"
    budget: Budget = "standard"


@dataclass(frozen=True, slots=True)
class ConstraintFit:
    """Which hard constraints a talent meets for a need (all must hold to be returned)."""

    hours: bool
    window: bool
    onsite: bool
    language: bool
    shared_windows: tuple[Window, ...] = ()

    @property
    def ok(self) -> bool:
        return self.hours and self.window and self.onsite and self.language

    def failed(self) -> tuple[str, ...]:
        names = ("hours", "window", "onsite", "language")
        return tuple(n for n in names if not getattr(self, n))


@dataclass(frozen=True, slots=True)
class ConceptHit:
    """A taxonomy skill recognised in a text, with the phrase that triggered it."""

    skill_id: str
    category_id: str
    phrase: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a talent was ranked where it is; meant to be shown to people as is."""

    matched_categories: tuple[str, ...]
    matched_skills: tuple[str, ...]
    need_phrases: tuple[str, ...]
    talent_phrases: tuple[str, ...]
    shared_terms: tuple[str, ...]
    similarity: float
    constraints: ConstraintFit
    components: tuple[tuple[str, float], ...] = field(default=())
    # Categories only the sentence encoder linked the need to (no taxonomy phrase matched).
    inferred_categories: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "categories": list(self.matched_categories),
            "inferred_categories": list(self.inferred_categories),
            "skills": list(self.matched_skills),
            "need_phrases": list(self.need_phrases),
            "talent_phrases": list(self.talent_phrases),
            "shared_terms": list(self.shared_terms),
            "similarity": round(self.similarity, 4),
            "constraints_ok": self.constraints.ok,
            "constraints_failed": list(self.constraints.failed()),
            "shared_windows": list(self.constraints.shared_windows),
            "components": {k: round(v, 4) for k, v in self.components},
        }


@dataclass(frozen=True, slots=True)
class Match:
    """One ranked result."""

    talent_id: str
    score: float
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class TeamSuggestion:
    """1-3 talents who together cover the skills a challenge needs."""

    talent_ids: tuple[str, ...]
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    hours: tuple[tuple[str, int], ...]
    score: float


@dataclass(frozen=True, slots=True)
class Assignment:
    """Result of batch assignment: need id -> talent id (needs left out are unassigned)."""

    pairs: tuple[tuple[str, str], ...]
    unassigned: tuple[str, ...]
    total_fit: float
    optimal: bool
