"""Co-creation API (mounted at /api/v1/c/{coop}/cocreation/). Outsiders were 404'd already."""

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from musubi.cocreation import services
from musubi.cocreation.matching import recommend
from musubi.cocreation.models import Budget, TimeLog
from musubi.cocreation.selectors import challenge_get_for, challenges_for, engagements_for
from musubi.core.api import ErrorOut
from musubi.core.models import Role
from musubi.core.tenancy import actor_of, api_coop
from musubi.talent.models import Window

router = Router(tags=["cocreation"])


class ChallengeIn(Schema):
    title: str = Field(min_length=1, max_length=120)
    current_state: str = Field(min_length=1, max_length=5000)
    goal: str = Field(min_length=1, max_length=5000)
    success_measure: str = Field("", max_length=5000)
    budget: Budget = Budget.LOW
    hours_per_month: int = Field(4, ge=1, le=160)
    period_months: int = Field(3, ge=1, le=24)
    needs_onsite: bool = False
    language: Literal["ja", "en"] = "ja"
    windows: list[Window] = Field([], max_length=len(Window.values))


class ChallengeOut(Schema):
    id: int
    member_business_id: int
    title: str
    status: str
    hours_per_month: int
    created_at: dt.datetime


class RecommendationOut(Schema):
    talent_id: int
    name: str
    headline: str
    score: float
    reasons: dict[str, Any]


class EngagementOut(Schema):
    id: int
    challenge_id: int
    talent_id: int
    format: str
    status: str
    hours_per_month: int
    fee_yen: int
    start: dt.date
    end: dt.date


class TimeLogOut(Schema):
    id: int
    engagement_id: int
    day: dt.date
    hours: float
    approved: bool


@router.get("challenges", response=list[ChallengeOut])
def cocreation_challenge_list(request: HttpRequest) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR, Role.MEMBER)
    return list(challenges_for(cooperative=cooperative, membership=request.membership))  # type: ignore[attr-defined]


@router.post("challenges", response={201: ChallengeOut, 422: ErrorOut})
def cocreation_challenge_create(request: HttpRequest, payload: ChallengeIn) -> Any:
    """A member posts a challenge for its own business."""
    cooperative = api_coop(request, Role.MEMBER)
    try:
        challenge = services.challenge_create(
            cooperative=cooperative,
            member_business=request.membership.member_business,  # type: ignore[attr-defined]
            actor=actor_of(request),
            data={
                **payload.dict(),
                "budget": str(payload.budget.value),
                "windows": sorted({str(w.value) for w in payload.windows}),
            },
        )
    except ValidationError as error:
        return Status(422, {"detail": error.messages})
    return Status(201, challenge)


@router.get("challenges/{challenge_pk}", response=ChallengeOut)
def cocreation_challenge_detail(request: HttpRequest, challenge_pk: int) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR, Role.MEMBER)
    return challenge_get_for(
        cooperative=cooperative,
        membership=request.membership,  # type: ignore[attr-defined]
        challenge_pk=challenge_pk,
    )


@router.get("challenges/{challenge_pk}/recommendations", response=list[RecommendationOut])
def cocreation_challenge_recommendations(request: HttpRequest, challenge_pk: int) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR)
    challenge = challenge_get_for(
        cooperative=cooperative,
        membership=request.membership,  # type: ignore[attr-defined]
        challenge_pk=challenge_pk,
    )
    return [
        {
            "talent_id": r.talent.pk,
            "name": str(r.talent),
            "headline": r.talent.headline,
            "score": r.score,
            "reasons": r.reasons,
        }
        for r in recommend(challenge)
    ]


@router.get("engagements", response=list[EngagementOut])
def cocreation_engagement_list(request: HttpRequest) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR, Role.MEMBER)
    return list(engagements_for(cooperative=cooperative, membership=request.membership))  # type: ignore[attr-defined]


@router.get("hours", response=list[TimeLogOut])
def cocreation_hours_list(request: HttpRequest) -> Any:
    cooperative = api_coop(request, Role.COORDINATOR)
    return [
        {
            "id": t.pk,
            "engagement_id": t.engagement_id,
            "day": t.day,
            "hours": float(t.hours),
            "approved": t.approved_at is not None,
        }
        for t in TimeLog.objects.filter(cooperative=cooperative)[:1000]
    ]
