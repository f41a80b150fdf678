"""This app's API routes (mounted by musubi/api/api.py). Fetch objects via access functions."""

import datetime as dt
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from musubi.core.api import ErrorOut
from musubi.core.bounds import MAX_PERIOD_DAYS
from musubi.core.models import Role
from musubi.core.schemas import LocalTime, SaneDate
from musubi.core.tenancy import actor_of, api_coop, get_for, role_of, viewer_of
from musubi.dispatch.models import MAX_HEADCOUNT, Priority, Roster, StaffingRequest
from musubi.dispatch.selectors import requests_for
from musubi.dispatch.services import staffing_request_submit
from musubi.members.selectors import sites_for

router = Router(tags=["dispatch"])


class RosterOut(Schema):
    id: int
    start_date: dt.date
    end_date: dt.date
    status: str


class ShiftOut(Schema):
    id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    break_minutes: int
    site_id: int
    request_id: int | None
    worker_id: int
    worker_name: str


class RequestOut(Schema):
    id: int
    member_id: int
    site_id: int
    title: str
    skill: str
    start_date: dt.date
    end_date: dt.date
    weekdays: list[int]
    dates: list[str]
    start_time: dt.time
    end_time: dt.time
    break_minutes: int
    headcount: int
    priority: int
    status: str


class RequestIn(Schema):
    site_id: int
    title: str = Field(min_length=1, max_length=100)
    skill: str = Field("", max_length=100)
    start_date: SaneDate
    end_date: SaneDate = Field(description="At most one year after start_date.")
    weekdays: list[Annotated[int, Field(ge=0, le=6)]] = Field([], max_length=7)
    dates: list[SaneDate] = Field([], max_length=MAX_PERIOD_DAYS)
    start_time: LocalTime
    end_time: LocalTime
    break_minutes: int = Field(60, ge=0, le=600)
    headcount: int = Field(1, ge=1, le=MAX_HEADCOUNT)
    priority: Priority = Priority.NORMAL


@router.get("rosters", response=list[RosterOut])
def roster_list(request: HttpRequest) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR)
    return list(Roster.objects.filter(cooperative=cooperative))


@router.get("rosters/{roster_pk}/shifts", response=list[ShiftOut])
def roster_shifts(request: HttpRequest, roster_pk: int) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR)
    roster: Roster = get_for(Roster.objects, cooperative=cooperative, pk=roster_pk)
    return [
        {**{f: getattr(s, f) for f in ShiftOut.model_fields if f != "worker_name"},
         "worker_name": str(s.worker)}
        for s in roster.shifts.select_related("worker")
    ]  # fmt: skip


@router.get("requests", response=list[RequestOut])
def request_list(request: HttpRequest) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR, Role.MEMBER)
    return list(requests_for(cooperative=cooperative, viewer=viewer_of(request)))


@router.post("requests", response={201: RequestOut, 422: ErrorOut})
def request_create(request: HttpRequest, payload: RequestIn) -> Any:
    """A member's request (waits for approval) or the coordinator's (approved at once)."""
    cooperative = api_coop(request, Role.COORDINATOR, Role.MEMBER)
    viewer = viewer_of(request)
    sites = sites_for(cooperative=cooperative, viewer=viewer)
    site = sites.select_related("member").filter(pk=payload.site_id).first()
    if site is None:
        raise HttpError(404, "Not Found")
    data = payload.dict()
    data.pop("site_id")
    data["dates"] = [d.isoformat() for d in payload.dates]
    data["priority"] = int(payload.priority)
    req = StaffingRequest(member=site.member, site=site, **data)
    try:
        staffing_request_submit(
            request=req, cooperative=cooperative, actor=actor_of(request),
            member=site.member if role_of(request) == Role.MEMBER else None,
        )  # fmt: skip
    except ValidationError as error:
        return Status(422, {"detail": error.messages})
    return Status(201, req)
