"""Core records of one cooperative. The middleware has already 404'd outsiders."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema, Status

from musubi.cooperatives.models import Role
from musubi.core.audit import audited_save
from musubi.core.tenancy import actor_of, api_coop, get_for, viewer_of
from musubi.members.forms import MemberBusinessForm
from musubi.members.models import Site
from musubi.members.selectors import member_get_for, members_for
from musubi.workforce.models import Worker

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


class SkillSheetOut(Schema):
    """What a member may see of a worker before an assignment is fixed (R2.7): no name, age, sex."""

    id: int
    skills: list[str]
    years_of_experience: int


class WorkerOut(Schema):
    id: int
    family_name: str
    given_name: str
    family_name_kana: str
    given_name_kana: str
    contract_type: str
    hire_date: dt.date
    active: bool


class ErrorOut(Schema):
    detail: Any


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


@router.get("workers", response=list[WorkerOut])
def worker_list(request: HttpRequest) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR)
    return list(Worker.objects.filter(cooperative=cooperative))


@router.get("workers/{pk}", response=WorkerOut)
def worker_detail(request: HttpRequest, pk: int) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR)
    return get_for(Worker.objects, cooperative=cooperative, pk=pk)


@router.get("skill-sheets", response=list[SkillSheetOut])
def skill_sheets(request: HttpRequest) -> Any:
    """Anonymous skill sheets of dispatchable workers, for members planning requests."""
    cooperative = api_coop(request, Role.COORDINATOR, Role.MEMBER)
    today = dt.date.today()
    workers = Worker.objects.filter(
        cooperative=cooperative, active=True, contract_type="indefinite"
    ).prefetch_related("qualifications")
    return [
        {
            "id": w.pk,
            "skills": sorted(q.name for q in w.qualifications.all() if q.is_valid_on(today)),
            "years_of_experience": w.years_of_experience(today),
        }
        for w in workers
    ]
