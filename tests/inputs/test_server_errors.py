"""The HTTP 500s of bad input (issue 12, item 7): each route now answers with a message instead."""

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django_scopes import scopes_disabled

from musubi.cocreation.models import BoardItem, MatchInvitation
from musubi.dispatch.models import Roster, RosterRun
from tests.cocreation import factories as cf
from tests.conftest import Town
from tests.dispatch.factories import RosterFactory


def _errors(response: Any) -> list[str]:
    return [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


@pytest.mark.parametrize("limit", ["abc", "nan", "1e309", "-5", "99999"])
def test_a_non_number_time_limit_is_refused_with_a_message(
    town_a: Town, as_user: Any, limit: str
) -> None:
    with scopes_disabled():
        roster = RosterFactory(cooperative=town_a.cooperative)
    response = as_user(town_a.coordinator).post(
        f"/c/{town_a.cooperative.slug}/dispatch/rosters/{roster.pk}/run/", {"time_limit": limit}
    )
    assert response.status_code == 302
    assert any("計算時間の上限" in m for m in _errors(response)), _errors(response)
    with scopes_disabled():
        assert not RosterRun.objects.exists()


@pytest.fixture
def engagement(town_a: Town) -> Any:
    with scopes_disabled():
        talent = cf.TalentFactory()
        cf.consent(talent, town_a.cooperative)
        challenge = cf.ChallengeFactory(member_business=town_a.member)
        engagement = cf.EngagementFactory(challenge=challenge, talent=talent)
        return engagement


def test_a_non_number_invitation_score_is_refused(town_a: Town, as_user: Any) -> None:
    with scopes_disabled():
        talent = cf.TalentFactory()
        cf.consent(talent, town_a.cooperative)
        challenge = cf.ChallengeFactory(member_business=town_a.member)
    base = f"/c/{town_a.cooperative.slug}/cocreation/{challenge.pk}"
    response = as_user(town_a.coordinator).post(
        f"{base}/invite/{talent.pk}/", {"score": "lots", "action": "shortlist"}
    )
    assert response.status_code == 302
    assert _errors(response) == ["数値を入力してください。"]
    with scopes_disabled():
        assert not MatchInvitation.objects.exists()


@pytest.mark.parametrize("sprint", ["abc", "-1", "99999999999999999999"])
def test_a_non_number_sprint_on_a_new_board_item_is_refused(
    town_a: Town, as_user: Any, engagement: Any, sprint: str
) -> None:
    response = as_user(town_a.coordinator).post(
        f"/c/{town_a.cooperative.slug}/cocreation/engagements/{engagement.pk}/item/",
        {"title": "チラシを作る", "sprint": sprint},
    )
    assert response.status_code == 302
    assert _errors(response)
    with scopes_disabled():
        assert not BoardItem.objects.exists()


def test_a_non_number_sprint_when_moving_an_item_is_refused(
    town_a: Town, as_user: Any, engagement: Any
) -> None:
    with scopes_disabled():
        item = cf.item(engagement)
    response = as_user(town_a.coordinator).post(
        f"/c/{town_a.cooperative.slug}/cocreation/items/{item.pk}/move/",
        {"status": "done", "sprint": "abc"},
    )
    assert response.status_code == 302
    assert _errors(response)
    with scopes_disabled():
        item.refresh_from_db()
        assert item.status == "todo"


def test_another_engagements_sprint_is_refused(town_a: Town, as_user: Any, engagement: Any) -> None:
    with scopes_disabled():
        other = cf.EngagementFactory(challenge=engagement.challenge, talent=cf.TalentFactory())
        foreign = cf.sprint(other)
    response = as_user(town_a.coordinator).post(
        f"/c/{town_a.cooperative.slug}/cocreation/engagements/{engagement.pk}/item/",
        {"title": "チラシを作る", "sprint": foreign.pk},
    )
    assert _errors(response)
    with scopes_disabled():
        assert not BoardItem.objects.exists()


@pytest.mark.parametrize("stored", [11362, "11362, 11363", "", {"a": 1}, [11362, "x"]])
def test_district_codes_stored_without_brackets_still_open_and_can_be_repaired(
    town_a: Town, as_user: Any, stored: Any
) -> None:
    with scopes_disabled():
        town_a.cooperative.district_codes = stored
        town_a.cooperative.save()
    client = as_user(town_a.coordinator)
    slug = town_a.cooperative.slug
    assert client.get(f"/c/{slug}/sites/").status_code == 200
    page = client.get(f"/c/{slug}/settings/")
    assert page.status_code == 200
    data = {
        k: v
        for k, v in page.context["form"].initial.items()
        if v is not None and k not in {"dispatch_notified_on", "rest_day_start"}
    }
    data.update(name=town_a.cooperative.name, district_codes_text="11362, 11363")
    response = client.post(f"/c/{slug}/settings/", data)
    assert response.status_code == 302, response.context["form"].errors
    with scopes_disabled():
        town_a.cooperative.refresh_from_db()
        assert town_a.cooperative.district_codes == ["11362", "11363"]


def test_the_admin_refuses_district_codes_that_are_not_a_list_of_codes() -> None:
    from musubi.access.admin import CooperativeAdminForm

    form = CooperativeAdminForm(data={"district_codes": "12345678"})
    form.is_valid()
    assert "district_codes" in form.errors
    form = CooperativeAdminForm(data={"district_codes": "11362"})
    form.is_valid()
    assert "district_codes" not in form.errors
    assert form.cleaned_data["district_codes"] == ["11362"]


@pytest.mark.parametrize("month", ["0001-01", "9999-12", "2027-13", "garbage", "-1"])
def test_a_roster_for_a_month_out_of_range_is_refused(
    town_a: Town, as_user: Any, month: str
) -> None:
    response = as_user(town_a.coordinator).post(
        f"/c/{town_a.cooperative.slug}/dispatch/rosters/new/", {"month": month}
    )
    assert response.status_code == 302
    assert any("月" in m for m in _errors(response)), _errors(response)
    with scopes_disabled():
        assert not Roster.objects.exists()


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "garbage", "2027-00"])
@pytest.mark.parametrize(
    "page", ["dispatch/timesheets/", "dispatch/compliance/", "cocreation/hours/"]
)
def test_month_pages_survive_a_month_out_of_range(
    town_a: Town, as_user: Any, month: str, page: str
) -> None:
    response = as_user(town_a.coordinator).get(
        f"/c/{town_a.cooperative.slug}/{page}", {"month": month}
    )
    assert response.status_code == 200


def test_a_bad_day_choice_saves_none_of_the_days(town_a: Town, as_user: Any) -> None:
    import datetime as dt

    from django.utils import timezone

    from musubi.workforce.models import Availability

    first = (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    response = as_user(town_a.worker_user).post(
        f"/c/{town_a.cooperative.slug}/dispatch/me/days/",
        {f"d-{first}": "unavailable", f"d-{first + dt.timedelta(days=1)}": "bogus",
         "d-9999-12-31": "on", "d-garbage": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert _errors(response)
    with scopes_disabled():
        assert not Availability.objects.exists()


def test_an_id_beyond_the_databases_range_is_a_form_error(db: None) -> None:
    from django.test import Client

    response = Client().post(
        "/talent/signup/", {"email": "a@example.com", "cooperatives": "99999999999999999999"}
    )
    assert response.status_code == 200
    assert "cooperatives" in response.context["form"].errors
