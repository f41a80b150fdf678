"""Talent sign-up (public, phone-friendly), consent per cooperative and the cached embedding."""

from typing import Any

from django.test import Client
from django_scopes import scopes_disabled

from musubi.core.models import AuditLogEntry, User
from musubi.talent.models import Talent, TalentConsent
from tests.cocreation import factories as cf
from tests.conftest import Town


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "family_name": "青木",
        "given_name": "智子",
        "email": "aoki@example.com",
        "password": "wine-and-rice-2027",
        "headline": "EC部門マネージャー",
        "career_summary": "食品メーカーで自社ECと楽天市場店を10年運営。",
        "skills": ["Shopify構築"],
        "skills_free": "定期便の設計",
        "industries": "食品",
        "certifications": "",
        "languages": ["ja"],
        "hours_per_month": 8,
        "time_windows": ["weekday_evening"],
        "onsite_visits_per_month": 0,
        "home_prefecture": "東京都",
        "motivations": ["retirement"],
        "fee_preference": "low",
        "side_job_permission": "approved",
        "regions_of_interest": ["埼玉県"],
        "visibility": "consented",
        "purpose_consent": "on",
    }
    data.update(overrides)
    return data


def test_the_public_sign_up_page_shows_the_purpose_of_use_and_the_taxonomy(db: None) -> None:
    page = Client().get("/talent/signup/").text
    assert "個人情報の利用目的" in page
    assert "Shopify構築" in page  # a skill of the engine's taxonomy
    assert 'name="viewport"' in page


def test_registering_without_consent_to_the_purpose_saves_nothing(db: None) -> None:
    response = Client().post("/talent/signup/", _form(purpose_consent=""))
    assert response.status_code == 200
    assert "登録するには、利用目的に同意してください。" in response.text
    assert not User.objects.filter(email="aoki@example.com").exists()
    assert not Talent.objects.exists()


def test_a_talent_registers_consents_to_one_cooperative_and_gets_an_embedding(
    town_a: Town, town_b: Town, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/talent/signup/", _form(cooperatives=[town_a.cooperative.pk]))
    assert response.status_code == 302 and response.url == "/talent/"
    talent = Talent.objects.get(user__email="aoki@example.com")
    assert talent.purpose_consented_at is not None
    assert talent.skills == ["Shopify構築"] and talent.time_windows == ["weekday_evening"]
    with scopes_disabled():
        consents = list(TalentConsent.objects.filter(talent=talent))
        assert AuditLogEntry.objects.filter(object_type="talent.TalentConsent").count() == 1
    assert [c.cooperative for c in consents] == [town_a.cooperative]
    assert consents[0].granted_at is not None and "skills" in consents[0].data_items
    assert talent.embedding_model == "hashing-fake" and len(bytes(talent.embedding)) == 256
    assert client.get("/talent/").status_code == 200


def test_a_duplicate_email_is_refused(town_a: Town) -> None:
    response = Client().post("/talent/signup/", _form(email=town_a.coordinator.email))
    assert "このメールアドレスはすでに登録されています。" in response.text
    assert not Talent.objects.exists()


def test_skills_are_required_from_the_list_or_in_free_text(db: None) -> None:
    response = Client().post("/talent/signup/", _form(skills=[], skills_free=""))
    assert "スキルを1つ以上選ぶか" in response.text
    assert not Talent.objects.exists()


def test_the_embedding_is_recomputed_only_when_the_profile_text_changes(
    db: None, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    talent = cf.TalentFactory()
    client = as_user(talent.user)
    form = {
        k: v
        for k, v in _form().items()
        if k not in {"family_name", "given_name", "email", "password", "purpose_consent"}
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/talent/profile/", form)
    talent.refresh_from_db()
    first = bytes(talent.embedding)
    source = talent.embedding_source
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/talent/profile/", {**form, "hours_per_month": 12})
    talent.refresh_from_db()
    assert bytes(talent.embedding) == first and talent.embedding_source == source
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/talent/profile/", {**form, "career_summary": "旅館の予約サイト運営"})
    talent.refresh_from_db()
    assert talent.embedding_source != source and bytes(talent.embedding) != first


def test_a_talent_revokes_and_grants_consent_and_the_history_stays(
    town_a: Town, as_user: Any
) -> None:
    talent = cf.TalentFactory()
    client = as_user(talent.user)
    coop = town_a.cooperative.pk
    client.post("/talent/consents/", {"cooperative": coop, "action": "grant"})
    client.post("/talent/consents/", {"cooperative": coop, "action": "revoke"})
    client.post("/talent/consents/", {"cooperative": coop, "action": "grant"})
    with scopes_disabled():
        rows = list(TalentConsent.objects.filter(talent=talent).order_by("granted_at"))
    assert [r.revoked_at is None for r in rows] == [False, True]
    page = client.get("/talent/consents/").text
    assert town_a.cooperative.name in page
