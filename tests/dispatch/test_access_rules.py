"""The read rules of dispatch, called the way views, the API and tasks call them."""

import datetime as dt

import pytest
from django.http import Http404
from django_scopes import scope, scopes_disabled

from musubi.access.models import Membership
from musubi.core.models import Role
from musubi.dispatch.models import RequestStatus, RosterStatus, StaffingRequest
from musubi.dispatch.selectors import request_get_for, requests_for, shift_get_for, shifts_for
from musubi.dispatch.services import staffing_request_submit
from tests import factories as f
from tests.conftest import Town
from tests.dispatch.factories import RosterFactory, StaffingRequestFactory, shift_in


def _seat(town: Town, role: str) -> Membership:
    with scopes_disabled():
        return Membership.objects.get(cooperative=town.cooperative, role=role)


@pytest.mark.django_db
def test_a_member_sees_only_its_own_requests_and_the_coordinator_all(town_a: Town) -> None:
    other_member = f.MemberBusinessFactory(cooperative=town_a.cooperative, name="別の旅館")
    with scope(cooperative=town_a.cooperative):
        own = StaffingRequestFactory(site=town_a.site)
        theirs = StaffingRequestFactory(site=f.SiteFactory(member=other_member))
        coop, member = town_a.cooperative, _seat(town_a, Role.MEMBER)
        assert set(requests_for(cooperative=coop, viewer=member)) == {own}
        assert set(requests_for(cooperative=coop, viewer=None)) == {own, theirs}
        with pytest.raises(Http404):
            request_get_for(cooperative=coop, viewer=member, request_pk=theirs.pk)


@pytest.mark.django_db
def test_shifts_of_a_draft_roster_stay_with_the_coordinator(town_a: Town) -> None:
    with scope(cooperative=town_a.cooperative):
        draft = shift_in(town_a)
        may = RosterFactory(
            cooperative=town_a.cooperative, status=RosterStatus.PUBLISHED,
            start_date=dt.date(2027, 5, 1), end_date=dt.date(2027, 5, 31),
        )  # fmt: skip
        published = shift_in(town_a, roster=may, date=dt.date(2027, 5, 6))
        coop = town_a.cooperative
        for role in (Role.MEMBER, Role.WORKER):
            seat = _seat(town_a, role)
            assert set(shifts_for(cooperative=coop, viewer=seat)) == {published}
            with pytest.raises(Http404):
                shift_get_for(cooperative=coop, viewer=seat, shift_pk=draft.pk)
        assert shift_get_for(cooperative=coop, viewer=_seat(town_a, Role.COORDINATOR),
                             shift_pk=draft.pk) == draft  # fmt: skip
        assert not shifts_for(cooperative=coop, viewer=_seat(town_a, Role.MUNICIPALITY)).exists()


@pytest.mark.django_db
def test_a_members_request_waits_and_the_coordinators_is_approved(town_a: Town) -> None:
    with scopes_disabled():
        town_a.cooperative.dispatch_notified_on = dt.date(2024, 4, 1)
        town_a.cooperative.save()
    saved = {}
    with scope(cooperative=town_a.cooperative):
        for who, member, month in (("member", town_a.member, 4), ("coordinator", None, 5)):
            req = StaffingRequestFactory.build(
                site=town_a.site, member=town_a.member, cooperative=town_a.cooperative,
                status=RequestStatus.APPROVED if member else RequestStatus.PENDING,
                start_date=dt.date(2027, month, 1), end_date=dt.date(2027, month, 28),
            )  # fmt: skip
            actor = town_a.member_user if member else town_a.coordinator
            staffing_request_submit(
                request=req, cooperative=town_a.cooperative, actor=actor, member=member
            )
            saved[who] = StaffingRequest.objects.get(pk=req.pk).status
    assert saved == {"member": "pending", "coordinator": "approved"}
