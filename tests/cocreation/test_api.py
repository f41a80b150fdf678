"""The co-creation and talent API: own cooperative only, the member's own business only."""

import json
from typing import Any

from django_scopes import scopes_disabled

from musubi.cocreation.models import Challenge
from tests.cocreation import factories as cf
from tests.conftest import Town


def test_a_member_posts_a_challenge_and_the_coordinator_gets_recommendations(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    with scopes_disabled():
        talent = cf.TalentFactory()
        cf.consent(talent, town_a.cooperative)
    base = f"/api/v1/c/{town_a.cooperative.slug}/cocreation"
    payload = {
        "title": "ワインをネットで売りたい",
        "current_state": "電話注文だけ",
        "goal": "楽天にも出したい、ネット販売を始めたい",
        "windows": ["weekday_evening"],
    }
    response = as_user(town_a.member_user).post(
        f"{base}/challenges", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 201
    challenge_id = response.json()["id"]
    with scopes_disabled():
        assert Challenge.objects.get(pk=challenge_id).member_business == town_a.member
    recs = as_user(town_a.coordinator).get(f"{base}/challenges/{challenge_id}/recommendations")
    assert recs.status_code == 200
    assert recs.json()[0]["talent_id"] == talent.pk
    assert recs.json()[0]["reasons"]["skills"]
    # Members do not get the talents' profiles; another cooperative gets nothing.
    assert (
        as_user(town_a.member_user)
        .get(f"{base}/challenges/{challenge_id}/recommendations")
        .status_code
        == 403
    )
    assert as_user(town_b.coordinator).get(f"{base}/challenges/{challenge_id}").status_code == 404


def test_an_incomplete_challenge_is_refused_by_the_api(town_a: Town, as_user: Any) -> None:
    base = f"/api/v1/c/{town_a.cooperative.slug}/cocreation"
    response = as_user(town_a.member_user).post(
        f"{base}/challenges", json.dumps({"title": "x"}), content_type="application/json"
    )
    assert response.status_code == 422
    with scopes_disabled():
        assert not Challenge.objects.exists()


def test_the_talent_api_shows_only_the_callers_profile(town_a: Town, as_user: Any) -> None:
    with scopes_disabled():
        talent = cf.TalentFactory(hours_per_month=10)
        cf.consent(talent, town_a.cooperative)
        cf.EngagementFactory(
            challenge=cf.ChallengeFactory(member_business=town_a.member), talent=talent
        )
    me = as_user(talent.user).get("/api/v1/talent/me").json()
    assert me["free_hours"] == 6 and me["cooperatives"] == [town_a.cooperative.slug]
    assert as_user(town_a.coordinator).get("/api/v1/talent/me").status_code == 404
