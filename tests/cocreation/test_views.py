"""The journey over HTTP: an owner's challenge, recommendations, invitation, engagement, meeting."""

import datetime as dt
import re
from typing import Any

from django.core import mail
from django.utils import timezone
from django_scopes import scopes_disabled

from musubi.cocreation.models import (
    Challenge,
    Engagement,
    InvitationStatus,
    MatchInvitation,
    Meeting,
)
from tests.cocreation import factories as cf
from tests.conftest import Town
from tests.factories import MemberBusinessFactory, UserFactory, membership


def _talent(town: Town, **kwargs: Any) -> Any:
    with scopes_disabled():
        talent = cf.TalentFactory(**kwargs)
        cf.consent(talent, town.cooperative)
    return talent


def test_an_owner_posts_a_challenge_in_plain_words(town_a: Town, as_user: Any) -> None:
    client = as_user(town_a.member_user)
    slug = town_a.cooperative.slug
    assert "例" in client.get(f"/c/{slug}/cocreation/new/").text
    response = client.post(
        f"/c/{slug}/cocreation/new/",
        {
            "title": "ワインをネットで売りたい",
            "current_state": "電話注文だけ",
            "goal": "ネット販売",
            "budget": "low",
            "hours_per_month": 4,
            "period_months": 3,
            "language": "ja",
            "windows": ["weekday_evening"],
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        challenge = Challenge.objects.get()
    assert challenge.member_business == town_a.member
    assert challenge.created_by == town_a.member_user


def test_the_coordinator_sees_recommended_talents_with_reasons_and_invites_one(
    town_a: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    ec = _talent(town_a)
    _talent(
        town_a,
        headline="会計事務所の担当者",
        career_summary="クラウド会計の導入支援",
        skills=["クラウド会計導入"],
    )
    with scopes_disabled():
        challenge = cf.ChallengeFactory(member_business=town_a.member)
    client = as_user(town_a.coordinator)
    url = f"/c/{town_a.cooperative.slug}/cocreation/{challenge.pk}/"
    page = client.get(url).text
    assert ec.user.display_name in page
    assert page.index(ec.user.display_name) < page.index("会計事務所")
    assert "Shopify構築" in page  # the engine's reason: the matched skill

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url}invite/{ec.pk}/", {"action": "invite", "score": "1.5"})
    assert response.status_code == 302
    with scopes_disabled():
        invitation = MatchInvitation.objects.get()
    assert invitation.status == InvitationStatus.INVITED
    assert invitation.expires_at - invitation.invited_at == dt.timedelta(days=3)
    assert mail.outbox[-1].to == [ec.user.email]


def test_a_talent_accepts_and_the_meeting_email_carries_an_ics_file(
    town_a: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    talent = _talent(town_a)
    with scopes_disabled():
        challenge = cf.ChallengeFactory(member_business=town_a.member)
        invitation = cf.invitation(challenge, talent)
    talent_client = as_user(talent.user)
    assert challenge.title in talent_client.get("/talent/").text
    with django_capture_on_commit_callbacks(execute=True):
        talent_client.post(f"/talent/invitations/{invitation.pk}/", {"answer": "accept"})
    with scopes_disabled():
        invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert mail.outbox[-1].to == [town_a.coordinator.email]  # the office hears at once
    assert "承諾" in mail.outbox[-1].subject

    client = as_user(town_a.coordinator)
    url = f"/c/{town_a.cooperative.slug}/cocreation/{challenge.pk}/meeting/"
    assert client.get(url).status_code == 200
    start = timezone.localtime(timezone.now() + dt.timedelta(days=3)).replace(
        hour=20, minute=0, second=0, microsecond=0
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"title": "顔合わせ", "starts_at": start.strftime("%Y-%m-%dT%H:%M"), "minutes": 60}
        )
    assert response.status_code == 302
    with scopes_disabled():
        meeting = Meeting.objects.get()
        people = {u.email for u in meeting.participants.all()}
    assert people == {town_a.coordinator.email, town_a.member_user.email, talent.user.email}
    assert meeting.video_url.startswith("https://meet.jit.si/musubi-")
    assert len(meeting.room) > 20
    assert {m.to[0] for m in mail.outbox} == people
    name, content, mimetype = mail.outbox[0].attachments[0]
    assert name == "invite.ics" and mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in content and meeting.video_url[:60] in content.replace("\r\n ", "")


def test_a_proposed_engagement_starts_when_the_talent_accepts_the_terms(
    town_a: Town, as_user: Any
) -> None:
    talent = _talent(town_a)
    with scopes_disabled():
        challenge = cf.ChallengeFactory(member_business=town_a.member)
    client = as_user(town_a.coordinator)
    url = f"/c/{town_a.cooperative.slug}/cocreation/{challenge.pk}/engage/{talent.pk}/"
    today = timezone.localdate()
    response = client.post(
        url,
        {
            "format": "retainer",
            "trial_month": "on",
            "hours_per_month": 4,
            "fee_yen": 30000,
            "start": today.isoformat(),
            "end": (today + dt.timedelta(days=90)).isoformat(),
            "payment_days": 30,
            "deliverables": "ECサイト",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        engagement = Engagement.objects.get()
    assert "60" not in engagement.terms or "30" in engagement.terms
    assert "業務委託" in engagement.terms

    talent_client = as_user(talent.user)
    talent_client.post(
        f"/talent/engagements/{engagement.pk}/accept/",
        {"confidentiality": "on", "conflict_of_interest": "なし"},
    )
    with scopes_disabled():
        engagement.refresh_from_db()
    assert engagement.status == "active"
    assert engagement.confidentiality_declared_at is not None


def test_a_member_user_of_another_business_gets_404_for_a_challenge(
    town_a: Town, as_user: Any
) -> None:
    with scopes_disabled():
        business = MemberBusinessFactory(cooperative=town_a.cooperative)
        other = cf.ChallengeFactory(member_business=business)
        owner = UserFactory()
        membership(owner, town_a.cooperative, "member", member_business=other.member_business)
    response = as_user(town_a.member_user).get(
        f"/c/{town_a.cooperative.slug}/cocreation/{other.pk}/"
    )
    assert response.status_code == 404
    assert (
        as_user(owner).get(f"/c/{town_a.cooperative.slug}/cocreation/{other.pk}/").status_code
        == 200
    )


def test_another_cooperatives_user_gets_404(town_a: Town, town_b: Town, as_user: Any) -> None:
    with scopes_disabled():
        challenge = cf.ChallengeFactory(member_business=town_a.member)
    url = f"/c/{town_a.cooperative.slug}/cocreation/{challenge.pk}/"
    assert as_user(town_b.coordinator).get(url).status_code == 404
    assert as_user(town_b.member_user).get(url).status_code == 404


def test_the_coordinator_scopes_a_challenge_and_gets_a_team_for_several_skills(
    town_a: Town, as_user: Any
) -> None:
    _talent(town_a)
    _talent(
        town_a,
        headline="Webディレクター",
        career_summary="観光施設のホームページ制作とSEO",
        skills=["ホームページ制作", "SEO対策"],
    )
    with scopes_disabled():
        challenge = cf.ChallengeFactory(member_business=town_a.member, status="submitted")
    slug = town_a.cooperative.slug
    url = f"/c/{slug}/cocreation/{challenge.pk}/scope/"
    assert as_user(town_a.member_user).get(url).status_code == 403
    response = as_user(town_a.coordinator).post(
        url,
        {
            "title": challenge.title,
            "scope_summary": "自社通販サイトを作り、検索で見つかるようにする",
            "deliverables": "Shopifyのサイト、商品ページ10点",
            "required_skills": ["ec.shopify", "web.seo"],
            "hours_per_month": 6,
            "budget": "low",
        },
    )
    assert response.status_code == 302, re.findall(r"errorlist[^>]*>(.*?)</ul>", response.text)
    with scopes_disabled():
        challenge.refresh_from_db()
    assert challenge.status == "scoped" and challenge.required_skills == ["ec.shopify", "web.seo"]
    page = as_user(town_a.coordinator).get(f"/c/{slug}/cocreation/{challenge.pk}/").text
    assert "必要なスキルをカバーするチーム案" in page
    assert (
        "Shopifyのサイト"
        in as_user(town_a.member_user).get(f"/c/{slug}/cocreation/{challenge.pk}/").text
    )


def test_skills_are_grouped_checkboxes_with_a_search_box_not_a_ctrl_click_list(
    town_a: Town, as_user: Any
) -> None:
    with scopes_disabled():
        challenge = cf.ChallengeFactory(member_business=town_a.member, status="submitted")
    url = f"/c/{town_a.cooperative.slug}/cocreation/{challenge.pk}/scope/"
    page = as_user(town_a.coordinator).get(url).text
    assert "<select" not in page.split('name="required_skills"')[0][-300:]
    assert 'type="checkbox" name="required_skills" value="web.seo"' in page
    assert page.count("<details") >= 5 and 'data-filter placeholder="一覧を検索"' in page
