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


def test_the_audit_log_speaks_japanese_in_tokyo_time_filters_and_exports(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    import datetime as dt

    from django_scopes import scopes_disabled

    from musubi.core.models import AuditLogEntry

    with scopes_disabled():
        entry = AuditLogEntry.objects.create(
            cooperative=town_a.cooperative, actor=town_a.coordinator, action="update",
            object_type="members.MemberBusiness", object_id=str(town_a.member.pk),
            object_repr="alpha旅館", changes={"phone": ["", "0494221234"]},
        )  # fmt: skip
        # 23:30 UTC on 30 November is 08:30 on 1 December in Tokyo.
        AuditLogEntry.objects.filter(pk=entry.pk).update(
            at=dt.datetime(2025, 11, 30, 23, 30, tzinfo=dt.UTC)
        )
        AuditLogEntry.objects.create(
            cooperative=town_a.cooperative, actor=town_a.member_user, action="create",
            object_type="dispatch.StaffingRequest", object_id="1", object_repr="夏の接客",
        )  # fmt: skip
        AuditLogEntry.objects.create(
            cooperative=town_b.cooperative, actor=town_b.coordinator, action="create",
            object_type="members.MemberBusiness", object_id="9", object_repr="beta旅館",
        )  # fmt: skip
    client = as_user(town_a.coordinator)
    url = f"/c/{town_a.cooperative.slug}/audit/"
    text = client.get(url).content.decode().split("<table")[1]
    assert "2025-12-01 08:30" in text
    assert "members.MemberBusiness" not in text and "phone" not in text
    assert "電話番号" in text and "変更" in text and "beta旅館" not in text
    filtered = client.get(url, {"who": town_a.member_user.pk}).content.decode()
    assert "夏の接客" in filtered and "alpha旅館" not in filtered
    by_day = client.get(url, {"since": "2025-12-01", "until": "2025-12-01"}).content.decode()
    assert "alpha旅館" in by_day and "夏の接客" not in by_day
    csv = client.get(url, {"what": "members.MemberBusiness", "export": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode("utf-8-sig")
    assert body.splitlines()[0].startswith("日時,操作した人")
    assert "alpha旅館" in body and "夏の接客" not in body and "beta旅館" not in body
    assert client.get(url, {"since": "9999-12-31", "who": "x"}).status_code == 200
