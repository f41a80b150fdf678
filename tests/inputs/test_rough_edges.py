"""Rough edges of issue 12 item 7 outside dispatch: error pages, favicon, offline API docs."""

from typing import Any

from django.test import Client

from tests.conftest import Town


def test_a_forbidden_page_is_japanese_with_the_site_layout(town_a: Town, as_user: Any) -> None:
    response = as_user(town_a.worker_user).get(f"/c/{town_a.cooperative.slug}/members/")
    assert response.status_code == 403
    text = response.content.decode()
    assert "アクセスできません" in text and "結 Musubi" in text and "ログアウト" in text


def test_a_missing_page_is_japanese_with_the_site_layout_not_the_debug_page(
    town_a: Town, as_user: Any
) -> None:
    response = as_user(town_a.coordinator).get("/no-such-page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "ページが見つかりません" in text and "結 Musubi" in text
    assert "Using the URLconf" not in text


def test_the_favicon_is_served(db: None) -> None:
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    response.close()


def test_the_api_docs_load_swagger_from_our_own_static_files(town_a: Town, as_user: Any) -> None:
    response = as_user(town_a.coordinator).get("/api/v1/docs")
    assert response.status_code == 200
    text = response.content.decode()
    assert "cdn." not in text and "https://" not in text.split("<body")[0]
    assert "/static/ninja/swagger-ui-bundle.js" in text
    script = Client().get("/static/ninja/swagger-ui-bundle.js")
    assert script.status_code == 200
    script.close()


def test_a_finished_sprint_is_not_current(town_a: Town, as_user: Any) -> None:
    import datetime as dt

    from django.utils import timezone
    from django_scopes import scopes_disabled

    from tests.cocreation import factories as cf

    with scopes_disabled():
        talent = cf.TalentFactory()
        cf.consent(talent, town_a.cooperative)
        engagement = cf.EngagementFactory(
            challenge=cf.ChallengeFactory(member_business=town_a.member), talent=talent
        )
        sprint = cf.sprint(engagement)
        sprint.start = timezone.localdate() - dt.timedelta(days=20)
        sprint.end = timezone.localdate() - dt.timedelta(days=7)
        sprint.save()
    response = as_user(town_a.coordinator).get(
        f"/c/{town_a.cooperative.slug}/cocreation/engagements/{engagement.pk}/"
    )
    assert response.status_code == 200
    assert response.context["current_sprint"] is None
    assert "実施中のスプリントはありません" in response.content.decode()
