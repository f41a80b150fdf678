"""Issue 13 findings 5–7 and the OpenAPI part of 9: the API refuses what pages cannot show."""

import datetime as dt
import json
import time
from typing import Any

import pytest
from django_scopes import scopes_disabled

from musubi.api.api import api
from musubi.cocreation.models import Challenge
from musubi.dispatch.models import StaffingRequest
from tests.cocreation import factories as cf
from tests.conftest import Town

REQUEST = {
    "title": "夏の接客", "skill": "接客", "start_date": "2027-07-01", "end_date": "2027-08-31",
    "weekdays": [5, 6], "start_time": "09:00", "end_time": "17:00",
}  # fmt: skip
CHALLENGE = {
    "title": "ワインをネットで売りたい",
    "current_state": "電話注文だけ",
    "goal": "ネット販売",
}


@pytest.fixture
def notified(town_a: Town) -> Town:
    with scopes_disabled():
        town_a.cooperative.dispatch_notified_on = dt.date(2024, 4, 1)
        town_a.cooperative.save()
    return town_a


def _post(client: Any, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize(
    "change",
    [
        {"windows": ["bogus"]},
        {"language": "xx"},
        {"budget": "millions"},
        {"hours_per_month": 100000},
        {"period_months": 0},
    ],
)
def test_a_challenge_with_an_unknown_enumeration_is_refused_with_422(
    town_a: Town, as_user: Any, change: dict[str, Any]
) -> None:
    url = f"/api/v1/c/{town_a.cooperative.slug}/cocreation/challenges"
    response = _post(as_user(town_a.member_user), url, {**CHALLENGE, **change})
    assert response.status_code == 422, response.content
    with scopes_disabled():
        assert not Challenge.objects.exists()


def test_the_challenge_page_opens_with_values_stored_before_validation(
    town_a: Town, as_user: Any
) -> None:
    with scopes_disabled():
        talent = cf.TalentFactory()
        cf.consent(talent, town_a.cooperative)
        challenge = cf.ChallengeFactory(
            member_business=town_a.member, windows=["bogus", 7], language="xx", budget="?"
        )
    client = as_user(town_a.coordinator)
    slug = town_a.cooperative.slug
    assert client.get(f"/c/{slug}/cocreation/{challenge.pk}/").status_code == 200
    recs = client.get(f"/api/v1/c/{slug}/cocreation/challenges/{challenge.pk}/recommendations")
    assert recs.status_code == 200
    assert client.get(f"/c/{slug}/cocreation/{challenge.pk}/meeting/").status_code == 200


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"end_date": "9000-12-31"}, "end_date"),
        ({"end_date": "9999-12-31"}, "end_date"),
        ({"start_date": "0001-01-01"}, "start_date"),
        ({"start_date": "2027-01-01", "end_date": "2028-06-30"}, "1年（366日）"),
        ({"start_time": "09:00+09:00"}, "start_time"),
        ({"end_time": "17:00Z"}, "end_time"),
        ({"headcount": 70000}, "headcount"),
        ({"headcount": 0}, "headcount"),
        ({"weekdays": [9, -1]}, "weekdays"),
        ({"dates": ["9999-12-31"]}, "dates"),
        ({"priority": 7}, "priority"),
        ({"break_minutes": -5}, "break_minutes"),
    ],
)
def test_a_request_out_of_bounds_is_refused_quickly_with_422(
    notified: Town, as_user: Any, change: dict[str, Any], field: str
) -> None:
    url = f"/api/v1/c/{notified.cooperative.slug}/dispatch/requests"
    started = time.process_time()
    response = _post(
        as_user(notified.member_user), url, {**REQUEST, "site_id": notified.site.pk, **change}
    )
    assert response.status_code == 422, response.content
    assert field in json.dumps(response.json(), ensure_ascii=False)
    # Refused by the schema before any day of the period is built (was seconds of CPU).
    assert time.process_time() - started < 1.0
    with scopes_disabled():
        assert not StaffingRequest.objects.exists()


def test_a_request_spanning_more_than_a_year_is_refused_by_the_form_too(
    notified: Town, as_user: Any
) -> None:
    data = {
        "member": notified.member.pk, "site": notified.site.pk, "title": "フロント",
        "work_kind": "general", "start_date": "2027-01-01", "end_date": "9000-12-31",
        "weekdays": ["5"], "start_time": "09:00", "end_time": "17:00", "break_minutes": "60",
        "headcount": "70000", "priority": "2",
    }  # fmt: skip
    response = as_user(notified.coordinator).post(
        f"/c/{notified.cooperative.slug}/dispatch/requests/new/", data
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "end_date" in errors and "headcount" in errors
    with scopes_disabled():
        assert not StaffingRequest.objects.exists()


def test_every_operation_under_a_cooperative_declares_the_coop_parameter() -> None:
    schema = api.get_openapi_schema()
    operations = [
        (path, method, op)
        for path, ops in schema["paths"].items()
        if "{coop}" in path
        for method, op in ops.items()
    ]
    assert len(operations) >= 17
    for path, method, op in operations:
        names = [(p["in"], p["name"]) for p in op.get("parameters", [])]
        assert ("path", "coop") in names, (method, path)
