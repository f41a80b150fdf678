"""Bad input gets a clear Japanese message, and nothing is saved."""

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from django_scopes import scopes_disabled

from musubi.cocreation.models import Engagement, MatchInvitation, Meeting
from tests.cocreation import factories as cf
from tests.conftest import Town


@pytest.fixture
def setting(town_a: Town) -> dict[str, Any]:
    with scopes_disabled():
        talent = cf.TalentFactory(hours_per_month=10)
        cf.consent(talent, town_a.cooperative)
        challenge = cf.ChallengeFactory(member_business=town_a.member)
        cf.invitation(challenge, talent, status="accepted")
    base = f"/c/{town_a.cooperative.slug}/cocreation/{challenge.pk}"
    return {"talent": talent, "challenge": challenge, "base": base}


def _engagement_form(**overrides: Any) -> dict[str, Any]:
    today = timezone.localdate()
    data = {
        "format": "retainer",
        "hours_per_month": 4,
        "fee_yen": 30000,
        "start": today.isoformat(),
        "end": (today + dt.timedelta(days=90)).isoformat(),
        "payment_days": 30,
        "deliverables": "",
    }
    data.update(overrides)
    return data


def _count(model: Any) -> int:
    with scopes_disabled():
        return int(model.objects.count())


def test_an_overlapping_meeting_is_refused(
    town_a: Town, setting: dict[str, Any], as_user: Any
) -> None:
    start = timezone.localtime(timezone.now() + dt.timedelta(days=3)).replace(
        hour=20, minute=0, second=0, microsecond=0
    )
    with scopes_disabled():
        cf.meeting(setting["challenge"], [setting["talent"].user], start=start)
    before = _count(Meeting)
    mail.outbox.clear()
    response = as_user(town_a.coordinator).post(
        f"{setting['base']}/meeting/",
        {
            "title": "顔合わせ",
            "minutes": 60,
            "starts_at": (start + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 200
    assert "はその時間帯にすでにミーティングの予定があります" in response.text
    assert str(setting["talent"]) in response.text
    assert _count(Meeting) == before
    assert mail.outbox == []


def test_hours_beyond_the_talents_capacity_are_refused(
    town_a: Town, setting: dict[str, Any], as_user: Any
) -> None:
    with scopes_disabled():
        other = cf.ChallengeFactory(member_business=town_a.member, title="別件")
        cf.EngagementFactory(challenge=other, talent=setting["talent"], hours_per_month=8)
    before = _count(Engagement)
    response = as_user(town_a.coordinator).post(
        f"{setting['base']}/engage/{setting['talent'].pk}/", _engagement_form(hours_per_month=4)
    )
    assert response.status_code == 200
    assert "対応できるのは月あと2時間です。4時間は多すぎます。" in response.text
    assert _count(Engagement) == before


def test_capacity_counts_engagements_in_other_cooperatives_too(
    town_a: Town, town_b: Town, setting: dict[str, Any], as_user: Any
) -> None:
    with scopes_disabled():
        cf.consent(setting["talent"], town_b.cooperative)
        elsewhere = cf.ChallengeFactory(member_business=town_b.member)
        cf.EngagementFactory(challenge=elsewhere, talent=setting["talent"], hours_per_month=9)
    response = as_user(town_a.coordinator).post(
        f"{setting['base']}/engage/{setting['talent'].pk}/", _engagement_form(hours_per_month=2)
    )
    assert "月あと1時間です" in response.text
    assert _count(Engagement) == 1


def test_an_engagement_that_ends_before_it_starts_is_refused(
    town_a: Town, setting: dict[str, Any], as_user: Any
) -> None:
    today = timezone.localdate()
    response = as_user(town_a.coordinator).post(
        f"{setting['base']}/engage/{setting['talent'].pk}/",
        _engagement_form(end=(today - dt.timedelta(days=1)).isoformat()),
    )
    assert response.status_code == 200
    assert "契約の終了日は開始日以降にしてください。" in response.text
    assert _count(Engagement) == 0


def test_payment_later_than_60_days_is_refused(
    town_a: Town, setting: dict[str, Any], as_user: Any
) -> None:
    response = as_user(town_a.coordinator).post(
        f"{setting['base']}/engage/{setting['talent'].pk}/", _engagement_form(payment_days=61)
    )
    assert "60日以内にしてください" in response.text
    assert _count(Engagement) == 0


def test_sharing_a_profile_without_consent_is_refused(
    town_a: Town, setting: dict[str, Any], as_user: Any
) -> None:
    with scopes_disabled():
        stranger = cf.TalentFactory()  # consented to nobody
    client = as_user(town_a.coordinator)
    before = _count(MatchInvitation)
    response = client.post(
        f"{setting['base']}/invite/{stranger.pk}/", {"action": "invite"}, follow=True
    )
    assert "この人材はこの組合へのプロフィール提供に同意していないため、提供・利用できません。" in (
        response.text
    )
    assert _count(MatchInvitation) == before
    assert mail.outbox == []
    slug = town_a.cooperative.slug
    assert client.get(f"/c/{slug}/cocreation/talents/{stranger.pk}/").status_code == 404
    assert client.get(f"{setting['base']}/engage/{stranger.pk}/").status_code == 404
    page = client.get(f"{setting['base']}/").text
    assert str(stranger) not in page


def test_a_revoked_consent_stops_sharing_at_once(
    town_a: Town, setting: dict[str, Any], as_user: Any
) -> None:
    talent = setting["talent"]
    as_user(talent.user).post(
        "/talent/consents/", {"cooperative": town_a.cooperative.pk, "action": "revoke"}
    )
    client = as_user(town_a.coordinator)
    slug = town_a.cooperative.slug
    assert client.get(f"/c/{slug}/cocreation/talents/{talent.pk}/").status_code == 404
    with scopes_disabled():
        other = cf.ChallengeFactory(member_business=town_a.member, title="新しい課題")
    response = client.post(
        f"/c/{slug}/cocreation/{other.pk}/invite/{talent.pk}/", {"action": "invite"}, follow=True
    )
    assert "同意していないため" in response.text
    with scopes_disabled():
        assert not MatchInvitation.objects.filter(challenge=other).exists()
        consent = talent.consents.get()
    assert consent.revoked_at is not None  # the record is kept, with its end


def test_a_talent_without_consent_cannot_express_interest(
    town_b: Town, setting: dict[str, Any], as_user: Any
) -> None:
    with scopes_disabled():
        foreign = cf.ChallengeFactory(member_business=town_b.member, title="B町の課題")
    response = as_user(setting["talent"].user).post(
        f"/talent/challenges/{foreign.pk}/interest/", follow=True
    )
    assert "同意していないため" in response.text
    with scopes_disabled():
        assert not MatchInvitation.objects.filter(challenge=foreign).exists()


def test_accepting_terms_needs_the_confidentiality_declaration(
    town_a: Town, setting: dict[str, Any], as_user: Any
) -> None:
    with scopes_disabled():
        engagement = cf.EngagementFactory(
            challenge=setting["challenge"], talent=setting["talent"], status="proposed"
        )
    response = as_user(setting["talent"].user).post(
        f"/talent/engagements/{engagement.pk}/accept/",
        {"conflict_of_interest": "なし"},
        follow=True,
    )
    assert "事業者の情報を秘密として保持することに同意してください" in response.text
    with scopes_disabled():
        engagement.refresh_from_db()
    assert engagement.status == "proposed" and engagement.confidentiality_declared_at is None
