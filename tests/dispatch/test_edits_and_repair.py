"""Manual edits through the independent checker, repair proposals, skill sheets."""

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from musubi.dispatch.models import Roster, RosterRun, Shift, StaffingRequest
from musubi.dispatch.services import shift_assign
from tests.conftest import Town


def _roster(town: Town, as_user: Any, capture: Any) -> Roster:
    client = as_user(town.coordinator)
    slug = town.cooperative.slug
    client.post(f"/c/{slug}/dispatch/rosters/new/", {"month": "2027-04"})
    with scopes_disabled():
        roster = Roster.objects.get(cooperative=town.cooperative)
    with capture(execute=True):
        client.post(f"/c/{slug}/dispatch/rosters/{roster.pk}/run/", {"time_limit": "2"})
    return roster


def test_a_week_without_a_rest_day_is_refused(busy_town: Town) -> None:
    with scopes_disabled():
        roster = Roster.objects.create(
            cooperative=busy_town.cooperative, start_date=dt.date(2027, 4, 1),
            end_date=dt.date(2027, 4, 30),
        )  # fmt: skip
        front = StaffingRequest.objects.get(title="フロント")
        # Weeks run on the cooperative's fixed cycle (Sunday by default), not from the
        # roster's first day: Sunday 4 – Saturday 10 April needs a rest day (労基法35条).
        for d in range(4, 10):
            shift_assign(roster=roster, worker=busy_town.worker, request=front,
                         date=dt.date(2027, 4, d), actor=None)  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            shift_assign(roster=roster, worker=busy_town.worker, request=front,
                         date=dt.date(2027, 4, 10), actor=None)  # fmt: skip
        message = " ".join(refused.value.messages)
        assert "2027-04-04からの週：休日がありません" in message
        assert Shift.objects.filter(roster=roster).count() == 6


def test_an_absent_worker_gets_a_repair_with_few_changes_that_the_coordinator_accepts(
    busy_town: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    roster = _roster(busy_town, as_user, django_capture_on_commit_callbacks)
    client = as_user(busy_town.coordinator)
    slug = busy_town.cooperative.slug
    client.post(f"/c/{slug}/dispatch/rosters/{roster.pk}/publish/", {"confirmed": "1"})
    with scopes_disabled():
        ids = {(s.worker_id, s.date): s.pk for s in Shift.objects.filter(roster=roster)}
        before = set(ids)
    # Three days from the worker's first planned shift, so the absence really moves work.
    first = min(d for w, d in before if w == busy_town.worker.pk)
    gone = {first + dt.timedelta(days=i) for i in range(3)}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/c/{slug}/dispatch/rosters/{roster.pk}/repair/", {
            "worker": busy_town.worker.pk, "start": first.isoformat(),
            "end": max(gone).isoformat(),
        })  # fmt: skip
    assert response.status_code == 302
    with scopes_disabled():
        run = RosterRun.objects.get(kind="repair")
    assert run.status == "done"
    page = client.get(f"/c/{slug}/dispatch/runs/{run.pk}/compare/")
    assert page.status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/c/{slug}/dispatch/runs/{run.pk}/accept/")
    assert mail.outbox, "the workers whose shifts moved are told"
    with scopes_disabled():
        after_ids = {(s.worker_id, s.date): s.pk for s in Shift.objects.filter(roster=roster)}
        after = set(after_ids)
        absent = {d for w, d in after if w == busy_town.worker.pk}
    assert not absent & gone
    assert len(before ^ after) <= 12  # only the neighbourhood of the absence moved
    kept = before & after
    assert sum(ids[k] == after_ids[k] for k in kept) >= len(kept) - 6  # same rows, same feed UIDs


def test_a_member_sees_skill_sheets_without_names_until_publication(
    busy_town: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    roster = _roster(busy_town, as_user, django_capture_on_commit_callbacks)
    member = as_user(busy_town.member_user)
    url = f"/c/{busy_town.cooperative.slug}/dispatch/rosters/{roster.pk}/skills/"
    page = member.get(url)
    assert page.status_code == 200
    assert "接客" in page.text
    assert busy_town.worker.family_name not in page.text
    as_user(busy_town.coordinator).post(
        f"/c/{busy_town.cooperative.slug}/dispatch/rosters/{roster.pk}/publish/", {"confirmed": "1"}
    )
    assert busy_town.worker.family_name in member.get(url).text


def test_the_add_shift_form_is_checked_live_before_saving(busy_town: Town, as_user: Any) -> None:
    with scopes_disabled():
        roster = Roster.objects.create(
            cooperative=busy_town.cooperative, start_date=dt.date(2027, 4, 1),
            end_date=dt.date(2027, 4, 30),
        )  # fmt: skip
        front = StaffingRequest.objects.get(title="フロント")
    client = as_user(busy_town.coordinator)
    url = f"/c/{busy_town.cooperative.slug}/dispatch/rosters/{roster.pk}/shifts/check/"
    data = {"worker": busy_town.worker.pk, "request": front.pk, "date": "2027-04-05"}
    ok = client.post(url, data, HTTP_HX_REQUEST="true")
    assert ok.status_code == 200 and "errorlist" not in ok.text
    outside = client.post(url, {**data, "date": "2027-05-05"}, HTTP_HX_REQUEST="true")
    assert "errorlist" in outside.text
    with scopes_disabled():
        assert not Shift.objects.exists()
