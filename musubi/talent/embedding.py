"""The process's one embedder, and the engine's view of a talent.

The real sentence encoder takes seconds to load, so each process creates it once, lazily, on the
first encode. Tests set ``settings.MUSUBI_EMBEDDER = "hashing"`` to use the fast fake.
"""

import hashlib
from functools import cache
from typing import Any, Literal, cast

from django.conf import settings

from musubi.talent.models import Talent

WINDOWS = ("weekday_day", "weekday_evening", "weekend")
Fee = Literal["probono", "low", "standard"]


@cache
def _embedder(kind: str) -> Any:
    from musubi.engines.matching.embedding import HashingEmbedder, USEEmbedder

    return HashingEmbedder() if kind == "hashing" else USEEmbedder()


def embedder() -> Any:
    return _embedder(getattr(settings, "MUSUBI_EMBEDDER", "use"))


def engine_talent(talent: Talent, *, committed_hours: int = 0, past_engagements: int = 0) -> Any:
    """The frozen engine dataclass for a stored talent."""
    from musubi.engines.matching.types import Talent as EngineTalent

    return EngineTalent(
        id=str(talent.pk),
        text=talent.profile_text,
        skills=tuple(talent.skills),
        hours_per_month=talent.hours_per_month,
        available=frozenset(w for w in talent.time_windows if w in WINDOWS),
        onsite_visits_per_month=talent.onsite_visits_per_month,
        languages=frozenset(talent.languages or ["ja"]),
        fee=cast(Fee, talent.fee_preference),
        committed_hours=committed_hours,
        past_engagements=past_engagements,
    )


def embedding_source(talent: Talent) -> str:
    """A digest of exactly what is embedded, so an unchanged profile is never re-encoded."""
    text = f"{talent.profile_text}\n{'、'.join(talent.skills)}"
    return hashlib.sha256(text.encode()).hexdigest()


def stored_embedding(talent: Talent) -> bytes | None:
    """The cached vector, if it was made by the current embedder from the current text."""
    current = embedder()
    if (
        talent.embedding
        and talent.embedding_model == current.name
        and talent.embedding_source == embedding_source(talent)
    ):
        return bytes(talent.embedding)
    return None
