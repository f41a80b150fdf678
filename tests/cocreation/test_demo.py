"""The demo's co-creation data: consents, challenges and a running engagement, built once."""

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from musubi.cocreation.models import BoardItem, Challenge, Engagement, KpiValue, TimeLog
from musubi.talent.models import TalentConsent
from tests.conftest import login_client


@pytest.fixture
def demo(db: None, settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("demo", quiet=True, stdout=StringIO())


def _counts() -> dict[str, int]:
    with scopes_disabled():
        models = [TalentConsent, Challenge, Engagement, BoardItem, KpiValue, TimeLog]
        return {m.__name__: m.objects.count() for m in models}


def test_the_demo_adds_consents_challenges_and_an_engagement_once(demo: None) -> None:
    first = _counts()
    assert first == {
        "TalentConsent": 50,
        "Challenge": 4,
        "Engagement": 1,
        "BoardItem": 4,
        "KpiValue": 3,
        "TimeLog": 2,
    }
    call_command("demo", quiet=True, stdout=StringIO())
    assert _counts() == first


def test_the_demo_engagement_and_a_demo_challenge_work_in_the_app(demo: None) -> None:
    from musubi.core.models import User

    coordinator = User.objects.get(email="coordinator@yamabiko.example")
    client = login_client(coordinator)
    with scopes_disabled():
        engagement = Engagement.objects.get()
        challenge = Challenge.objects.get(title="レジと在庫を楽にしたい")
    page = client.get(f"/c/yamabiko/cocreation/engagements/{engagement.pk}/").text
    assert "<svg" in page and "平日の稼働率(%)" in page
    response = client.post(
        f"/c/yamabiko/cocreation/{challenge.pk}/scope/",
        {
            "title": challenge.title,
            "scope_summary": "キャッシュレス決済と在庫の自動化",
            "deliverables": "POSの選定",
            "required_skills": ["pos.register"],
            "hours_per_month": 6,
            "budget": "low",
        },
    )
    assert response.status_code == 302
    talent_page = login_client(engagement.talent.user).get("/talent/").text
    assert "予約サイトの在庫と料金をまとめたい" in talent_page
