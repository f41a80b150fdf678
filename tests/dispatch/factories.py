"""Factories for dispatch records; tenant objects take their cooperative from their parents."""

import datetime as dt
from typing import Any

import factory

from musubi.dispatch.models import Roster, Shift, StaffingRequest, TimesheetEntry
from tests.factories import MemberBusinessFactory, SiteFactory, WorkerFactory


class StaffingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffingRequest

    site = factory.SubFactory(SiteFactory)
    member = factory.SelfAttribute("site.member")
    cooperative = factory.SelfAttribute("site.cooperative")
    title = factory.Sequence(lambda n: f"フロント{n}")
    start_date = dt.date(2027, 4, 1)
    end_date = dt.date(2027, 4, 30)
    weekdays = [0, 1, 2, 3, 4, 5, 6]
    start_time = dt.time(9)
    end_time = dt.time(17)
    break_minutes = 60
    headcount = 1
    status = "approved"


class RosterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Roster

    cooperative = factory.SubFactory("tests.factories.CooperativeFactory")
    start_date = dt.date(2027, 4, 1)
    end_date = dt.date(2027, 4, 30)


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shift

    roster = factory.SubFactory(RosterFactory)
    cooperative = factory.SelfAttribute("roster.cooperative")
    request = factory.SubFactory(
        StaffingRequestFactory,
        site__member__cooperative=factory.SelfAttribute("....cooperative"),
    )
    site = factory.SelfAttribute("request.site")
    worker = factory.SubFactory(WorkerFactory, cooperative=factory.SelfAttribute("..cooperative"))
    date = dt.date(2027, 4, 5)
    start_time = dt.time(9)
    end_time = dt.time(17)
    break_minutes = 60


class TimesheetEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimesheetEntry

    shift = factory.SubFactory(ShiftFactory)
    cooperative = factory.SelfAttribute("shift.cooperative")
    actual_start = dt.time(9)
    actual_end = dt.time(17, 30)
    break_minutes = 60


__all__ = ["MemberBusinessFactory"]


def shift_in(town: Any, **extra: Any) -> Shift:
    """A shift of ``town``'s worker at its site, in a roster of the town's cooperative."""
    roster = extra.pop("roster", None) or RosterFactory(cooperative=town.cooperative)
    request = extra.pop("request", None) or StaffingRequestFactory(site=town.site)
    extra.setdefault("worker", town.worker)
    return ShiftFactory(roster=roster, request=request, **extra)
