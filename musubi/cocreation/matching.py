"""The matching engine inside the app: an index of consented talents per cooperative.

Each process keeps one ``TalentIndex`` per cooperative and upserts only the talents whose profile,
capacity or consent changed since the last call, so a page view costs a few milliseconds after
the first. Stored float32 embeddings (Talent.embedding) spare the encoder.
"""

import threading
from dataclasses import dataclass
from typing import Any, Literal, cast

from django.utils.translation import gettext as _

from musubi.cocreation.models import Budget, Challenge
from musubi.cocreation.selectors import committed_hours, consented_talents, past_engagement_counts
from musubi.core.models import Cooperative
from musubi.talent.embedding import embedder, embedding_source, engine_talent, stored_embedding
from musubi.talent.models import Talent, Window

_lock = threading.Lock()
_indexes: dict[tuple[int, str], tuple[Any, dict[str, tuple[object, ...]]]] = {}


@dataclass(frozen=True)
class Recommendation:
    talent: Talent
    score: float
    reasons: dict[str, Any]


LANGUAGES = ("ja", "en")


def known_windows(stored: object) -> list[str]:
    """The stored time windows the engine knows; anything else (an old or forged value) is dropped.

    The API validates windows on input, but a page must still open for a value stored before."""
    values = stored if isinstance(stored, list) else []
    return [w for w in values if isinstance(w, str) and w in Window.values]


def need_for(challenge: Challenge) -> Any:
    from musubi.engines.matching.types import Need

    budget = challenge.budget if challenge.budget in Budget.values else Budget.LOW
    return Need(
        id=str(challenge.pk),
        text=challenge.need_text,
        business=challenge.member_business.name,
        hours_per_month_needed=challenge.hours_per_month,
        needs_onsite=challenge.needs_onsite,
        windows=frozenset(cast(list[Any], known_windows(challenge.windows))),
        language_needed=challenge.language if challenge.language in LANGUAGES else "ja",
        budget=cast(Literal["probono_ok", "low", "standard"], budget),
    )


def index_for(cooperative: Cooperative) -> tuple[Any, dict[str, Talent]]:
    """The cooperative's index of consented talents, brought up to date."""
    from musubi.engines.matching.index import TalentIndex

    talents = list(consented_talents(cooperative=cooperative))
    ids = [t.pk for t in talents]
    used = committed_hours(talent_ids=ids)
    past = past_engagement_counts(talent_ids=ids)
    current = embedder()
    key = (cooperative.pk, current.name)
    with _lock:
        index, signatures = _indexes.get(key) or (TalentIndex(embedder=current), {})
        wanted: dict[str, tuple[object, ...]] = {}
        for t in talents:
            wanted[str(t.pk)] = (t.updated_at, used.get(t.pk, 0), past.get(t.pk, 0))
        for talent_id in set(signatures) - set(wanted):
            index.remove(talent_id)
            signatures.pop(talent_id)
        fresh: list[Talent] = []
        for t in talents:
            tid = str(t.pk)
            if signatures.get(tid) == wanted[tid]:
                continue
            stored = stored_embedding(t)
            index.upsert(
                engine_talent(
                    t, committed_hours=used.get(t.pk, 0), past_engagements=past.get(t.pk, 0)
                ),
                stored,
            )
            if stored is None:
                fresh.append(t)
            signatures[tid] = wanted[tid]
        _indexes[key] = (index, signatures)
    for t in fresh:
        # Encoded here because the background task has not run yet: keep the vector so no
        # other process encodes this profile again. update() leaves updated_at alone.
        Talent.objects.filter(pk=t.pk).update(
            embedding=index.embedding_bytes(str(t.pk)),
            embedding_model=current.name,
            embedding_source=embedding_source(t),
        )
    return index, {str(t.pk): t for t in talents}


def reasons_for(explanation: Any) -> dict[str, Any]:
    """The engine's explanation as plain data, with a readable line for people."""
    data: dict[str, Any] = explanation.as_dict()
    parts = []
    if data["skills"]:
        parts.append(_("Skills: %(skills)s") % {"skills": "、".join(data["skills"][:4])})
    if data["need_phrases"]:
        parts.append(_("Your words: %(words)s") % {"words": "、".join(data["need_phrases"][:3])})
    if data["shared_terms"]:
        parts.append(_("Shared terms: %(terms)s") % {"terms": "、".join(data["shared_terms"][:5])})
    data["summary"] = " / ".join(parts)
    data["windows_display"] = "、".join(str(Window(w).label) for w in data["shared_windows"])
    return data


def recommend(
    challenge: Challenge, *, top: int = 10, exclude: set[int] | None = None
) -> list[Recommendation]:
    """Consented talents ranked for ``challenge`` with the engine's reasons (no DB writes)."""
    from musubi.engines.matching.ranking import rank

    index, by_id = index_for(challenge.cooperative)
    extra = len(exclude or ())
    matches = rank(need_for(challenge), index, top=top + extra)
    out = [
        Recommendation(by_id[m.talent_id], float(m.score), reasons_for(m.explanation))
        for m in matches
        if m.talent_id in by_id and int(m.talent_id) not in (exclude or set())
    ]
    return out[:top]


def team_for(challenge: Challenge) -> list[tuple[Talent, int]]:
    """Talents who together cover the scoped skills, with their share of the hours."""
    from musubi.engines.matching.teams import suggest_team

    if len(challenge.required_skills) < 2:
        return []
    index, by_id = index_for(challenge.cooperative)
    team = suggest_team(need_for(challenge), index, skills=challenge.required_skills)
    hours = dict(team.hours)
    return [(by_id[t], hours.get(t, 0)) for t in team.talent_ids if t in by_id]


def challenge_fit(
    talent: Talent, challenges: list[Challenge]
) -> list[tuple[Challenge, float, dict[str, Any]]]:
    """How well each challenge suits one talent (the talent's side of the recommendation)."""
    from musubi.engines.matching.index import TalentIndex
    from musubi.engines.matching.ranking import rank

    index = TalentIndex(embedder=embedder(), capacity=16)
    used = committed_hours(talent_ids=[talent.pk]).get(talent.pk, 0)
    index.upsert(engine_talent(talent, committed_hours=used), stored_embedding(talent))
    scored = []
    for challenge in challenges:
        matches = rank(need_for(challenge), index, top=1, constraints=False)
        if matches:
            scored.append((challenge, float(matches[0].score), reasons_for(matches[0].explanation)))
    scored.sort(key=lambda item: -item[1])
    return scored
