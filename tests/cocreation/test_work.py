"""The agile board, hours with monthly approval and fee statements, reviews from both sides."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from musubi.cocreation import hours
from musubi.cocreation.models import BoardItem, FeeStatement, KpiValue, Review, Sprint, TimeLog
from musubi.cocreation.services import engagement_exit
from tests.cocreation import factories as cf
from tests.conftest import Town


@pytest.fixture
def engagement(town_a: Town) -> Any:
    with scopes_disabled():
        talent = cf.TalentFactory()
        cf.consent(talent, town_a.cooperative)
        challenge = cf.ChallengeFactory(member_business=town_a.member)
        return cf.EngagementFactory(challenge=challenge, talent=talent, hours_per_month=6)


def test_a_sprint_lasts_two_to_four_weeks(town_a: Town, engagement: Any, as_user: Any) -> None:
    client = as_user(town_a.coordinator)
    url = f"/c/{town_a.cooperative.slug}/cocreation/engagements/{engagement.pk}/"
    today = timezone.localdate()
    response = client.post(
        url + "sprint/",
        {"goal": "短すぎる", "start": today, "end": today + dt.timedelta(days=6)},
        follow=True,
    )
    assert "スプリントの期間は2〜4週間（14〜28日）にしてください。" in response.text
    with scopes_disabled():
        assert not Sprint.objects.exists()
    client.post(
        url + "sprint/", {"goal": "EC開設", "start": today, "end": today + dt.timedelta(days=13)}
    )
    with scopes_disabled():
        sprint = Sprint.objects.get()
    client.post(url + "item/", {"title": "商品写真を撮る", "sprint": sprint.pk})
    client.post(url + "item/", {"title": "送料を決める"})
    with scopes_disabled():
        items = {i.title: i.sprint_id for i in BoardItem.objects.all()}
    assert items == {"商品写真を撮る": sprint.pk, "送料を決める": None}
    page = client.get(url).text
    assert "EC開設" in page and "商品写真を撮る" in page and "送料を決める" in page


def test_a_sprint_review_records_kpi_values_shown_as_a_chart(
    town_a: Town, engagement: Any, as_user: Any
) -> None:
    with scopes_disabled():
        sprint = cf.sprint(engagement)
        item = cf.item(engagement, sprint)
    client = as_user(town_a.member_user)
    slug = town_a.cooperative.slug
    client.post(f"/c/{slug}/cocreation/items/{item.pk}/move/", {"status": "done"})
    client.post(
        f"/c/{slug}/cocreation/sprints/{sprint.pk}/review/",
        {"review": "写真がそろった", "kpi_name": "ネット注文(件)", "kpi_value": "12"},
    )
    with scopes_disabled():
        item.refresh_from_db()
        assert item.status == "done"
        assert KpiValue.objects.get().value == Decimal("12")
    page = client.get(f"/c/{slug}/cocreation/engagements/{engagement.pk}/").text
    assert "<svg" in page and "ネット注文(件)" in page


def test_hours_beyond_the_agreed_monthly_hours_are_refused(engagement: Any) -> None:
    with scope(cooperative=engagement.cooperative):
        hours.timelog_add(
            engagement=engagement,
            talent=engagement.talent,
            day=timezone.localdate(),
            hours=Decimal("5"),
            description="作業",
        )
        with pytest.raises(ValidationError) as error:
            hours.timelog_add(
                engagement=engagement,
                talent=engagement.talent,
                day=timezone.localdate(),
                hours=Decimal("2"),
                description="作業",
            )
        assert "hours" in error.value.message_dict
        assert TimeLog.objects.count() == 1


def test_the_coordinator_approves_a_month_and_gets_a_fee_statement(
    town_a: Town, engagement: Any, as_user: Any
) -> None:
    talent_client = as_user(engagement.talent.user)
    today = timezone.localdate()
    talent_client.post(
        f"/talent/engagements/{engagement.pk}/hours/",
        {"day": today.isoformat(), "hours": "2.5", "description": "打合せ"},
    )
    client = as_user(town_a.coordinator)
    slug = town_a.cooperative.slug
    page = client.get(f"/c/{slug}/cocreation/hours/").text
    assert "2.5" in page and "打合せ" in page  # the month's lines, before approving
    client.post(f"/c/{slug}/cocreation/hours/{engagement.talent.pk}/approve/?month={today:%Y-%m}")
    with scopes_disabled():
        statement = FeeStatement.objects.get()
        assert not TimeLog.objects.filter(approved_at__isnull=True).exists()
    assert statement.amount_yen == 30000  # a retainer is paid by the month
    assert statement.hours == Decimal("2.5")
    month_end = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    assert (statement.payment_due - month_end).days <= 60
    page = client.get(f"/c/{slug}/cocreation/statements/{statement.pk}/").text
    assert "¥30,000" in page
    assert "¥30,000" in talent_client.get("/talent/").text  # the talent sees their statement
    # An approved month is closed for more hours.
    response = talent_client.post(
        f"/talent/engagements/{engagement.pk}/hours/",
        {"day": today.isoformat(), "hours": "1", "description": "追加"},
        follow=True,
    )
    with scopes_disabled():
        assert TimeLog.objects.count() == 1
    assert response.status_code == 200


def test_spot_consultations_are_paid_by_the_hour(engagement: Any) -> None:
    engagement.format = "spot"
    engagement.fee_yen = 5000
    assert hours.fee_for(engagement, Decimal("2.5")) == 12500
    engagement.format = "probono"
    assert hours.fee_for(engagement, Decimal("2.5")) == 0


def test_both_sides_review_and_the_coordinator_sees_both(
    town_a: Town, engagement: Any, as_user: Any
) -> None:
    slug = town_a.cooperative.slug
    as_user(town_a.member_user).post(
        f"/c/{slug}/cocreation/engagements/{engagement.pk}/review/",
        {"rating": 5, "comment": "助かった"},
    )
    as_user(engagement.talent.user).post(
        f"/talent/engagements/{engagement.pk}/review/", {"rating": 4, "comment": "楽しかった"}
    )
    with scopes_disabled():
        assert {r.side for r in Review.objects.all()} == {"business", "talent"}
    page = (
        as_user(town_a.coordinator).get(f"/c/{slug}/cocreation/engagements/{engagement.pk}/").text
    )
    assert "助かった" in page and "楽しかった" in page


def test_an_engagement_can_end_at_any_month_end(town_a: Town, engagement: Any) -> None:
    with scope(cooperative=engagement.cooperative):
        engagement_exit(engagement=engagement, actor=town_a.coordinator, on=timezone.localdate())
    today = timezone.localdate()
    nxt = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    assert engagement.ended_on == nxt - dt.timedelta(days=1)
    assert engagement.end == engagement.ended_on


def test_the_daily_tick_ends_engagements_past_their_end_and_frees_the_hours(
    engagement: Any,
) -> None:
    from io import StringIO

    from django.core.management import call_command

    from musubi.cocreation.selectors import talent_capacity

    with scopes_disabled():
        type(engagement).objects.filter(pk=engagement.pk).update(
            end=timezone.localdate() - dt.timedelta(days=1)
        )
    assert talent_capacity(talent=engagement.talent) == 4
    out = StringIO()
    call_command("cocreation_tick", stdout=out)
    assert "engagements ended: 1" in out.getvalue()
    assert talent_capacity(talent=engagement.talent) == 10


def test_the_talent_works_on_the_board_but_not_on_someone_elses(
    engagement: Any, as_user: Any
) -> None:
    with scopes_disabled():
        sprint = cf.sprint(engagement)
        stranger = cf.TalentFactory()
    client = as_user(engagement.talent.user)
    client.post(
        f"/talent/engagements/{engagement.pk}/item/",
        {"title": "料金表の下書き", "sprint": sprint.pk},
    )
    with scopes_disabled():
        item = BoardItem.objects.get(title="料金表の下書き")
    assert item.sprint == sprint
    client.post(f"/talent/items/{item.pk}/move/", {"status": "doing"})
    other = as_user(stranger.user)
    assert other.post(f"/talent/items/{item.pk}/move/", {"status": "done"}).status_code == 404
    assert (
        other.post(f"/talent/engagements/{engagement.pk}/item/", {"title": "x"}).status_code == 404
    )
    with scopes_disabled():
        item.refresh_from_db()
        assert BoardItem.objects.count() == 1
    assert item.status == "doing"
    page = client.get(f"/talent/engagements/{engagement.pk}/").text
    assert "料金表の下書き" in page


def test_the_talent_may_leave_at_the_end_of_the_month(engagement: Any, as_user: Any) -> None:
    talent = as_user(engagement.talent.user)
    asked = talent.post(f"/talent/engagements/{engagement.pk}/end/")
    assert "取り消せません" in asked.text  # a confirmation page first; nothing ended yet
    with scopes_disabled():
        engagement.refresh_from_db()
        assert engagement.ended_on is None
    talent.post(f"/talent/engagements/{engagement.pk}/end/", {"confirmed": "1"})
    with scopes_disabled():
        engagement.refresh_from_db()
    today = timezone.localdate()
    assert engagement.ended_on == (today.replace(day=1) + dt.timedelta(days=32)).replace(
        day=1
    ) - dt.timedelta(days=1)
    stranger = cf.TalentFactory()
    assert (
        as_user(stranger.user)
        .post(f"/talent/engagements/{engagement.pk}/end/", {"confirmed": "1"})
        .status_code
        == 404
    )
