"""Member businesses and their sites (mounted by musubi/api/api.py at /api/v1/c/{coop}/).

The middleware has already 404'd outsiders; reads go through the access functions.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema, Status

from musubi.core.api import ErrorOut
from musubi.core.audit import audited_save
from musubi.core.models import Role
from musubi.core.tenancy import actor_of, api_coop, viewer_of
from musubi.members.forms import MemberBusinessForm
from musubi.members.models import Site
from musubi.members.selectors import member_get_for, members_for

router = Router(tags=["records"])


class MemberOut(Schema):
    id: int
    name: str
    name_kana: str
    industry: str
    corporate_number: str
    invoice_registration_number: str
    member_from: dt.date
    member_to: dt.date | None


class MemberIn(Schema):
    name: str
    name_kana: str
    industry: str
    member_from: dt.date
    member_to: dt.date | None = None
    corporate_number: str = ""
    invoice_registration_number: str = ""
    phone: str = ""
    email: str = ""


class SiteOut(Schema):
    id: int
    member_id: int
    name: str
    postal_code: str
    prefecture: str
    city: str
    street: str
    municipality_code: str


@router.get("members", response=list[MemberOut])
def member_list(request: HttpRequest) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR, Role.MUNICIPALITY, Role.MEMBER)
    return list(members_for(cooperative=cooperative, viewer=viewer_of(request)))


@router.post("members", response={201: MemberOut, 422: ErrorOut})
def member_create(request: HttpRequest, payload: MemberIn) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR)
    form = MemberBusinessForm(data=payload.dict())
    if not form.is_valid():
        return Status(422, {"detail": form.errors.get_json_data()})
    member = form.save(commit=False)
    member.cooperative = cooperative
    try:
        audited_save(instance=member, actor=actor_of(request), cooperative=cooperative)
    except ValidationError as error:
        return Status(422, {"detail": error.messages})
    return Status(201, member)


@router.get("members/{pk}", response=MemberOut)
def member_detail(request: HttpRequest, pk: int) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR, Role.MUNICIPALITY, Role.MEMBER)
    return member_get_for(cooperative=cooperative, viewer=viewer_of(request), member_pk=pk)


@router.get("sites", response=list[SiteOut])
def site_list(request: HttpRequest) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR, Role.MUNICIPALITY)
    return list(Site.objects.filter(cooperative=cooperative))
