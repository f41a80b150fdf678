"""The dispatch API: members post requests, coordinators read rosters; outsiders get 404."""

import datetime as dt
from typing import Any

from django_scopes import scopes_disabled

from musubi.dispatch.models import StaffingRequest
from tests.conftest import Town
from tests.dispatch.factories import shift_in

BODY = {
    "title": "夏の接客", "skill": "接客", "start_date": "2027-07-01", "end_date": "2027-08-31",
    "weekdays": [5, 6], "start_time": "09:00", "end_time": "17:00",
}  # fmt: skip


def _notified(town: Town) -> None:
    with scopes_disabled():
        town.cooperative.dispatch_notified_on = dt.date(2024, 4, 1)
        town.cooperative.save()


def test_a_member_posts_a_request_by_api_that_waits_for_approval(
    town_a: Town, as_user: Any
) -> None:
    _notified(town_a)
    response = as_user(town_a.member_user).post(
        f"/api/v1/c/{town_a.cooperative.slug}/dispatch/requests",
        {**BODY, "site_id": town_a.site.pk}, content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "pending"


def test_a_request_outside_the_district_is_refused_by_api_in_japanese(
    town_a: Town, as_user: Any
) -> None:
    _notified(town_a)
    with scopes_disabled():
        town_a.site.municipality_code = "13101"
        town_a.site.save()
    response = as_user(town_a.coordinator).post(
        f"/api/v1/c/{town_a.cooperative.slug}/dispatch/requests",
        {**BODY, "site_id": town_a.site.pk}, content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 422
    assert "地区外" in " ".join(response.json()["detail"])
    with scopes_disabled():
        assert not StaffingRequest.objects.exists()


def test_the_coordinator_reads_rosters_and_shifts(town_a: Town, as_user: Any) -> None:
    with scopes_disabled():
        shift = shift_in(town_a)
    client = as_user(town_a.coordinator)
    base = f"/api/v1/c/{town_a.cooperative.slug}/dispatch"
    assert client.get(f"{base}/rosters").json()[0]["id"] == shift.roster_id
    shifts = client.get(f"{base}/rosters/{shift.roster_id}/shifts").json()
    assert shifts[0]["worker_id"] == town_a.worker.pk


def test_another_cooperatives_users_get_404_from_the_dispatch_api(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    with scopes_disabled():
        shift = shift_in(town_a)
    base = f"/api/v1/c/{town_a.cooperative.slug}/dispatch"
    for user in (town_b.coordinator, town_b.member_user):
        client = as_user(user)
        assert client.get(f"{base}/rosters").status_code in (403, 404)
        assert client.get(f"{base}/rosters/{shift.roster_id}/shifts").status_code in (403, 404)
        response = client.post(f"{base}/requests", {**BODY, "site_id": town_a.site.pk},
                               content_type="application/json")  # fmt: skip
        assert response.status_code in (403, 404)


def test_the_coordinator_sets_a_designated_period_and_the_document_texts(
    town_a: Town, as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    base = f"/c/{town_a.cooperative.slug}/dispatch"
    response = client.post(f"{base}/periods/new/", {
        "name": "収穫期", "start_date": "2027-09-01", "end_date": "2027-10-31",
    })  # fmt: skip
    assert response.status_code == 302
    bad = client.post(f"{base}/periods/new/", {
        "name": "逆", "start_date": "2027-10-31", "end_date": "2027-09-01",
    })  # fmt: skip
    assert "終了日が開始日より前" in bad.text
    assert client.get(f"{base}/document-texts/").status_code == 200


def test_annual_calendar_rest_days_are_kept_free_and_fixed_30_days_ahead(
    town_a: Town, as_user: Any
) -> None:
    from django.utils import timezone

    from musubi.dispatch.models import CalendarDay, Roster
    from musubi.dispatch.problem import build_problem

    with scopes_disabled():
        town_a.cooperative.working_time_system = "annual_variable"
        town_a.cooperative.save()
    client = as_user(town_a.coordinator)
    url = f"/c/{town_a.cooperative.slug}/dispatch/calendar/"
    soon = timezone.localdate() + dt.timedelta(days=5)
    later = timezone.localdate() + dt.timedelta(days=60)
    refused = client.post(url, {"date": soon.isoformat()}, follow=True)
    assert "30日" in refused.text or "30 days" in refused.text
    client.post(url, {"date": later.isoformat(), "note": "年末年始"})
    with scopes_disabled():
        assert list(CalendarDay.objects.values_list("date", flat=True)) == [later]
        first = later.replace(day=1)
        roster = Roster(cooperative=town_a.cooperative, start_date=first,
                        end_date=(first + dt.timedelta(days=32)).replace(day=1)
                        - dt.timedelta(days=1))  # fmt: skip
        problem = build_problem(roster=roster).problem
    assert all((later - first).days in w.days_off for w in problem.workers)
