"""Cooperative A never sees B's challenges, engagements or hours; members see only their own."""

from typing import Any

import pytest
from django_scopes import scopes_disabled

from tests.cocreation import factories as cf
from tests.conftest import Town
from tests.factories import MemberBusinessFactory, UserFactory, membership


@pytest.fixture
def b_work(town_b: Town) -> dict[str, Any]:
    """A challenge, an engagement with hours and a fee statement in town B."""
    with scopes_disabled():
        talent = cf.TalentFactory(user__family_name="別町", user__given_name="花子")
        cf.consent(talent, town_b.cooperative)
        challenge = cf.ChallengeFactory(member_business=town_b.member, title="ベータ町の秘密の課題")
        engagement = cf.EngagementFactory(challenge=challenge, talent=talent)
        log = cf.timelog(engagement, hours="3.5")
        statement = cf.statement(engagement)
    return {
        "talent": talent,
        "challenge": challenge,
        "engagement": engagement,
        "log": log,
        "statement": statement,
    }


def test_cooperative_a_never_sees_b_challenges(
    town_a: Town, b_work: dict[str, Any], as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    slug = town_a.cooperative.slug
    assert "ベータ町の秘密の課題" not in client.get(f"/c/{slug}/cocreation/").text
    assert client.get(f"/c/{slug}/cocreation/{b_work['challenge'].pk}/").status_code == 404
    api = client.get(f"/api/v1/c/{slug}/cocreation/challenges").json()
    assert api == []
    response = client.get(f"/api/v1/c/{slug}/cocreation/challenges/{b_work['challenge'].pk}")
    assert response.status_code == 404


def test_cooperative_a_never_sees_b_engagements(
    town_a: Town, b_work: dict[str, Any], as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    slug = town_a.cooperative.slug
    assert "ベータ町の秘密の課題" not in client.get(f"/c/{slug}/cocreation/engagements/").text
    url = f"/c/{slug}/cocreation/engagements/{b_work['engagement'].pk}/"
    assert client.get(url).status_code == 404
    assert client.get(f"/api/v1/c/{slug}/cocreation/engagements").json() == []


def test_cooperative_a_never_sees_b_hours(
    town_a: Town, b_work: dict[str, Any], as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    slug = town_a.cooperative.slug
    page = client.get(f"/c/{slug}/cocreation/hours/").text
    assert "別町" not in page and "3.5" not in page
    assert (
        client.get(f"/c/{slug}/cocreation/statements/{b_work['statement'].pk}/").status_code == 404
    )
    approve = client.post(f"/c/{slug}/cocreation/hours/{b_work['talent'].pk}/approve/")
    assert approve.status_code == 404
    assert client.get(f"/api/v1/c/{slug}/cocreation/hours").json() == []
    with scopes_disabled():
        b_work["log"].refresh_from_db()
    assert b_work["log"].approved_at is None


def test_the_other_cooperatives_users_get_404_everywhere(
    town_a: Town, town_b: Town, b_work: dict[str, Any], as_user: Any
) -> None:
    slug = town_b.cooperative.slug
    for user in (town_a.coordinator, town_a.member_user):
        client = as_user(user)
        assert client.get(f"/c/{slug}/cocreation/").status_code == 404
        assert client.get(f"/api/v1/c/{slug}/cocreation/challenges").status_code == 404


def test_a_member_sees_only_its_own_challenges(town_a: Town, as_user: Any) -> None:
    with scopes_disabled():
        mine = cf.ChallengeFactory(member_business=town_a.member, title="うちの課題")
        neighbour = MemberBusinessFactory(cooperative=town_a.cooperative)
        theirs = cf.ChallengeFactory(member_business=neighbour, title="隣の課題")
    client = as_user(town_a.member_user)
    slug = town_a.cooperative.slug
    page = client.get(f"/c/{slug}/cocreation/").text
    assert "うちの課題" in page and "隣の課題" not in page
    assert client.get(f"/c/{slug}/cocreation/{mine.pk}/").status_code == 200
    assert client.get(f"/c/{slug}/cocreation/{theirs.pk}/").status_code == 404
    titles = [c["title"] for c in client.get(f"/api/v1/c/{slug}/cocreation/challenges").json()]
    assert titles == ["うちの課題"]
    coordinator_page = as_user(town_a.coordinator).get(f"/c/{slug}/cocreation/").text
    assert "うちの課題" in coordinator_page and "隣の課題" in coordinator_page


def test_a_member_cannot_reach_a_neighbours_engagement(town_a: Town, as_user: Any) -> None:
    with scopes_disabled():
        neighbour = MemberBusinessFactory(cooperative=town_a.cooperative)
        engagement = cf.EngagementFactory(challenge=cf.ChallengeFactory(member_business=neighbour))
    url = f"/c/{town_a.cooperative.slug}/cocreation/engagements/{engagement.pk}/"
    assert as_user(town_a.member_user).get(url).status_code == 404
    assert as_user(town_a.coordinator).get(url).status_code == 200


def test_a_talent_sees_only_their_own_engagements(town_a: Town, town_b: Town, as_user: Any) -> None:
    with scopes_disabled():
        alice = cf.TalentFactory()
        bob = cf.TalentFactory()
        for talent in (alice, bob):
            cf.consent(talent, town_a.cooperative)
        mine = cf.EngagementFactory(
            challenge=cf.ChallengeFactory(member_business=town_a.member, title="アリスの仕事"),
            talent=alice,
        )
        elsewhere = cf.EngagementFactory(
            challenge=cf.ChallengeFactory(member_business=town_b.member, title="別の組合の仕事"),
            talent=alice,
        )
        cf.consent(alice, town_b.cooperative)
        theirs = cf.EngagementFactory(
            challenge=cf.ChallengeFactory(member_business=town_a.member, title="ボブの仕事"),
            talent=bob,
        )
        meeting = cf.meeting(theirs.challenge, [bob.user])
    client = as_user(alice.user)
    home = client.get("/talent/").text
    assert "アリスの仕事" in home and "別の組合の仕事" in home  # across cooperatives
    assert "ボブの仕事" not in home
    assert client.get(f"/talent/engagements/{mine.pk}/").status_code == 200
    assert client.get(f"/talent/engagements/{elsewhere.pk}/").status_code == 200
    assert client.get(f"/talent/engagements/{theirs.pk}/").status_code == 404
    hours = {"day": "2026-01-01", "hours": "1", "description": "x"}
    assert client.post(f"/talent/engagements/{theirs.pk}/hours/", hours).status_code == 404
    assert client.post(f"/talent/engagements/{theirs.pk}/accept/").status_code == 404
    assert client.get(f"/talent/meetings/{meeting.pk}.ics").status_code == 404
    api = client.get("/api/v1/talent/engagements").json()
    assert {e["challenge"] for e in api} == {"アリスの仕事", "別の組合の仕事"}


def test_someone_without_a_talent_profile_is_sent_to_sign_up(as_user: Any, db: None) -> None:
    with scopes_disabled():
        user = UserFactory()
    response = as_user(user).get("/talent/")
    assert response.status_code == 302 and response.url == "/talent/signup/"
    assert as_user(user).get("/api/v1/talent/engagements").status_code == 404


def test_a_talent_page_needs_a_login(client: Any, db: None) -> None:
    assert client.get("/talent/").status_code == 302
    assert client.get("/talent/signup/").status_code == 200


def test_a_worker_of_the_cooperative_cannot_open_challenges(town_a: Town, as_user: Any) -> None:
    url = f"/c/{town_a.cooperative.slug}/cocreation/"
    assert as_user(town_a.worker_user).get(url).status_code == 403
    with scopes_disabled():
        extra = UserFactory()
        membership(extra, town_a.cooperative, "municipality")
    assert as_user(extra).get(url).status_code == 403
