"""The talent's own API (mounted at /api/v1/talent/): their profile and engagements only."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from musubi.cocreation.selectors import talent_capacity, talent_engagements
from musubi.talent.models import Talent

router = Router(tags=["talent"])


class ProfileOut(Schema):
    id: int
    headline: str
    skills: list[str]
    hours_per_month: int
    free_hours: int
    cooperatives: list[str]


class MyEngagementOut(Schema):
    id: int
    cooperative: str
    challenge: str
    status: str
    hours_per_month: int
    start: dt.date
    end: dt.date


def _talent(request: HttpRequest) -> Talent:
    talent = Talent.objects.filter(user_id=request.user.pk or 0).first()
    if talent is None:
        raise HttpError(404, "Not Found")
    return talent


@router.get("me", response=ProfileOut)
def talent_me(request: HttpRequest) -> Any:
    from django_scopes import scopes_disabled

    talent = _talent(request)
    with scopes_disabled():
        coops = [
            c.cooperative.slug
            for c in talent.consents.filter(revoked_at__isnull=True).select_related("cooperative")
        ]
    return {
        "id": talent.pk,
        "headline": talent.headline,
        "skills": talent.skills,
        "hours_per_month": talent.hours_per_month,
        "free_hours": talent_capacity(talent=talent),
        "cooperatives": coops,
    }


@router.get("engagements", response=list[MyEngagementOut])
def talent_engagement_list(request: HttpRequest) -> Any:
    return [
        {
            "id": e.pk,
            "cooperative": e.cooperative.slug,
            "challenge": e.challenge.title,
            "status": e.status,
            "hours_per_month": e.hours_per_month,
            "start": e.start,
            "end": e.end,
        }
        for e in talent_engagements(talent=_talent(request))
    ]
