"""Matching inside the app: consented talents only, capacity, expiry and the next candidate."""

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from musubi.cocreation.matching import recommend
from musubi.cocreation.models import InvitationStatus, MatchInvitation, Meeting
from musubi.talent.models import Talent
from tests.cocreation import factories as cf
from tests.conftest import Town


@pytest.fixture
def pool(town_a: Town) -> dict[str, Any]:
    with scopes_disabled():
        ec = cf.TalentFactory()
        mall = cf.TalentFactory(
            headline="モール運営の専門家",
            career_summary="楽天市場とAmazonの出店支援",
            skills=["モール出店(楽天・Amazon)"],
        )
        hidden = cf.TalentFactory(headline="EC担当", career_summary="ネット販売とShopify構築")
        for t in (ec, mall):
            cf.consent(t, town_a.cooperative)
        challenge = cf.ChallengeFactory(member_business=town_a.member)
    return {"ec": ec, "mall": mall, "hidden": hidden, "challenge": challenge}


def test_only_consented_talents_are_recommended_with_the_engines_reasons(
    town_a: Town, pool: dict[str, Any]
) -> None:
    with scope(cooperative=town_a.cooperative):
        results = recommend(pool["challenge"])
    ids = [r.talent.pk for r in results]
    assert pool["hidden"].pk not in ids
    assert set(ids) == {pool["ec"].pk, pool["mall"].pk}
    ec = next(r for r in results if r.talent == pool["ec"])
    assert "Shopify構築" in ec.reasons["skills"]
    assert ec.reasons["summary"].startswith("スキル")


def test_a_talent_without_free_hours_is_not_recommended(town_a: Town, pool: dict[str, Any]) -> None:
    with scopes_disabled():
        other = cf.ChallengeFactory(member_business=town_a.member, title="別件")
        cf.EngagementFactory(challenge=other, talent=pool["ec"], hours_per_month=9)
    with scope(cooperative=town_a.cooperative):
        ids = [r.talent.pk for r in recommend(pool["challenge"])]
    assert pool["ec"].pk not in ids  # 1 hour left, the challenge needs 4


def test_the_index_stores_each_embedding_once_as_float32_bytes(
    town_a: Town, pool: dict[str, Any]
) -> None:
    with scope(cooperative=town_a.cooperative):
        recommend(pool["challenge"])
    stored = Talent.objects.get(pk=pool["ec"].pk)
    assert stored.embedding_model == "hashing-fake"
    assert len(bytes(stored.embedding)) == 64 * 4


def test_an_unanswered_invitation_expires_after_three_days_and_the_next_candidate_is_suggested(
    town_a: Town, pool: dict[str, Any], as_user: Any
) -> None:
    with scopes_disabled():
        invitation = cf.invitation(pool["challenge"], pool["ec"])
        MatchInvitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - dt.timedelta(minutes=1)
        )
    out = StringIO()
    call_command("cocreation_tick", stdout=out)
    assert "expired invitations: 1" in out.getvalue()
    with scopes_disabled():
        invitation.refresh_from_db()
        suggested = MatchInvitation.objects.get(status=InvitationStatus.SUGGESTED)
    assert invitation.status == InvitationStatus.EXPIRED
    assert suggested.talent == pool["mall"]
    page = (
        as_user(town_a.coordinator)
        .get(f"/c/{town_a.cooperative.slug}/cocreation/{pool['challenge'].pk}/")
        .text
    )
    assert "期限切れ（返信なし）" in page and "推薦" in page
    response = as_user(pool["ec"].user).post(
        f"/talent/invitations/{invitation.pk}/", {"answer": "accept"}, follow=True
    )
    assert "この招待は受付を終了しています。" in response.text
    with scopes_disabled():
        invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.EXPIRED


def test_the_coordinators_page_expires_stale_invitations_on_sight(
    town_a: Town, pool: dict[str, Any], as_user: Any
) -> None:
    with scopes_disabled():
        invitation = cf.invitation(pool["challenge"], pool["ec"])
        MatchInvitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - dt.timedelta(minutes=1)
        )
    url = f"/c/{town_a.cooperative.slug}/cocreation/{pool['challenge'].pk}/"
    assert as_user(town_a.coordinator).get(url, follow=True).status_code == 200
    with scopes_disabled():
        invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.EXPIRED


def test_a_reminder_goes_out_once_24_hours_before_a_meeting(
    town_a: Town, pool: dict[str, Any]
) -> None:
    with scopes_disabled():
        soon = cf.meeting(
            pool["challenge"],
            [pool["ec"].user, town_a.coordinator],
            start=timezone.now() + dt.timedelta(hours=20),
        )
        cf.meeting(
            pool["challenge"], [pool["ec"].user], start=timezone.now() + dt.timedelta(days=3)
        )
    mail.outbox.clear()
    call_command("cocreation_tick", stdout=StringIO())
    call_command("cocreation_tick", stdout=StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [pool["ec"].user.email, town_a.coordinator.email]
    )
    assert mail.outbox[0].subject.startswith("【リマインド】明日")
    with scopes_disabled():
        assert Meeting.objects.get(pk=soon.pk).reminder_sent_at is not None


def test_a_talent_sees_recommended_challenges_and_expresses_interest(
    town_a: Town, pool: dict[str, Any], as_user: Any
) -> None:
    client = as_user(pool["ec"].user)
    page = client.get("/talent/challenges/").text
    assert pool["challenge"].title in page
    client.post(f"/talent/challenges/{pool['challenge'].pk}/interest/")
    with scopes_disabled():
        interest = MatchInvitation.objects.get(talent=pool["ec"])
    assert interest.status == InvitationStatus.INTERESTED
    page = (
        as_user(town_a.coordinator)
        .get(f"/c/{town_a.cooperative.slug}/cocreation/{pool['challenge'].pk}/")
        .text
    )
    assert str(pool["ec"]) in page
    hidden_page = as_user(pool["hidden"].user).get("/talent/challenges/").text
    assert pool["challenge"].title not in hidden_page
