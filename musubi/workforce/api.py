"""Workers and their anonymous skill sheets (mounted by musubi/api/api.py at /api/v1/c/{coop}/)."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from musubi.core.models import Role
from musubi.core.tenancy import api_coop, get_for
from musubi.workforce.models import Worker

router = Router(tags=["records"])


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
    today = timezone.localdate()
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
