"""One check with the real sentence encoder (slow: it loads the model once)."""

from typing import Any

import pytest
from django_scopes import scope, scopes_disabled

from musubi.cocreation.matching import recommend
from musubi.talent.models import Talent
from tests.cocreation import factories as cf
from tests.conftest import Town


@pytest.mark.slow
def test_the_real_encoder_ranks_and_its_vectors_are_stored(town_a: Town, settings: Any) -> None:
    settings.MUSUBI_EMBEDDER = "use"
    with scopes_disabled():
        ec = cf.TalentFactory()
        books = cf.TalentFactory(
            headline="会計事務所の担当者",
            skills=["クラウド会計導入"],
            career_summary="中小企業の記帳と決算、クラウド会計の導入支援。",
        )
        for talent in (ec, books):
            cf.consent(talent, town_a.cooperative)
        challenge = cf.ChallengeFactory(member_business=town_a.member)
    with scope(cooperative=town_a.cooperative):
        results = recommend(challenge)
    assert results[0].talent == ec
    stored = Talent.objects.get(pk=ec.pk)
    assert stored.embedding_model == "use-multilingual-v3"
    assert len(bytes(stored.embedding)) == 512 * 4
