"""Reads for co-creation. Access functions raise Http404 for anything the actor may not see."""

import datetime as dt
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django_scopes import scopes_disabled

from musubi.cocreation import board
from musubi.cocreation.models import (
    OPEN_INVITATION,
    BoardItem,
    Challenge,
    Engagement,
    EngagementStatus,
    FeeStatement,
    KpiValue,
    MatchInvitation,
    Meeting,
    Review,
    Sprint,
    TimeLog,
)
from musubi.core.models import Cooperative, Role
from musubi.core.months import month_bounds
from musubi.core.tenancy import Viewer
from musubi.talent.models import Talent, TalentConsent, Visibility

COMMITTING = (EngagementStatus.PROPOSED, EngagementStatus.ACTIVE)


def _is_member(membership: Viewer | None) -> bool:
    return membership is not None and membership.role == Role.MEMBER


def challenges_for(*, cooperative: Cooperative, membership: Viewer | None) -> QuerySet[Challenge]:
    """Coordinators see all of the cooperative's challenges; a member only its own business's."""
    queryset = Challenge.objects.filter(cooperative=cooperative).select_related("member_business")
    if _is_member(membership):
        assert membership is not None
        queryset = queryset.filter(member_business_id=membership.member_business_id)
    elif membership is not None and membership.role != Role.COORDINATOR:
        queryset = queryset.none()
    return queryset


def challenge_get_for(
    *, cooperative: Cooperative, membership: Viewer | None, challenge_pk: int
) -> Challenge:
    challenge = (
        challenges_for(cooperative=cooperative, membership=membership)
        .filter(pk=challenge_pk)
        .first()
    )
    if challenge is None:
        raise Http404
    return challenge


def engagements_for(*, cooperative: Cooperative, membership: Viewer | None) -> QuerySet[Engagement]:
    queryset = Engagement.objects.filter(cooperative=cooperative).select_related(
        "challenge__member_business", "talent__user"
    )
    if _is_member(membership):
        assert membership is not None
        queryset = queryset.filter(challenge__member_business_id=membership.member_business_id)
    elif membership is not None and membership.role != Role.COORDINATOR:
        queryset = queryset.none()
    return queryset


def engagement_get_for(
    *, cooperative: Cooperative, membership: Viewer | None, engagement_pk: int
) -> Engagement:
    engagement = (
        engagements_for(cooperative=cooperative, membership=membership)
        .filter(pk=engagement_pk)
        .first()
    )
    if engagement is None:
        raise Http404
    return engagement


def consented_talents(*, cooperative: Cooperative) -> QuerySet[Talent]:
    """Talents who consented to share their profile with ``cooperative`` and are not paused."""
    with scopes_disabled():
        ids = list(
            TalentConsent.objects.filter(
                cooperative=cooperative, revoked_at__isnull=True
            ).values_list("talent_id", flat=True)
        )
    return Talent.objects.filter(pk__in=ids, visibility=Visibility.CONSENTED).select_related("user")


def talent_get_for(*, cooperative: Cooperative, talent_pk: int) -> Talent:
    """A talent's profile, only if they consented to this cooperative; otherwise 404."""
    talent = consented_talents(cooperative=cooperative).filter(pk=talent_pk).first()
    if talent is None:
        raise Http404
    return talent


def committed_hours(
    *, talent_ids: list[int], exclude_engagement: int | None = None
) -> dict[int, int]:
    """Hours per month promised to proposed or active engagements, in every cooperative.

    A talent's month is shared by all the cooperatives they work with, so this one query runs
    outside the tenant scope and returns only sums, never another cooperative's records.
    """
    with scopes_disabled():
        queryset = Engagement.objects.filter(talent_id__in=talent_ids, status__in=COMMITTING)
        if exclude_engagement is not None:
            queryset = queryset.exclude(pk=exclude_engagement)
        rows = queryset.values("talent_id").annotate(total=Sum("hours_per_month"))
        return {row["talent_id"]: int(row["total"] or 0) for row in rows}


def past_engagement_counts(*, talent_ids: list[int]) -> dict[int, int]:
    with scopes_disabled():
        rows = (
            Engagement.objects.filter(talent_id__in=talent_ids, status=EngagementStatus.ENDED)
            .values("talent_id")
            .annotate(n=Count("id"))
        )
        return {row["talent_id"]: int(row["n"] or 0) for row in rows}


def talent_capacity(*, talent: Talent, exclude_engagement: int | None = None) -> int:
    used = committed_hours(talent_ids=[talent.pk], exclude_engagement=exclude_engagement)
    return max(0, talent.hours_per_month - used.get(talent.pk, 0))


# --- the talent's own view, across cooperatives -------------------------------------------------


def talent_engagements(*, talent: Talent) -> list[Engagement]:
    """Every engagement of this talent in every cooperative, and nobody else's."""
    with scopes_disabled():
        return list(
            Engagement.objects.filter(talent=talent).select_related(
                "cooperative", "challenge__member_business"
            )
        )


def talent_engagement_get(*, talent: Talent, engagement_pk: int) -> Engagement:
    with scopes_disabled():
        engagement = (
            Engagement.objects.filter(talent=talent, pk=engagement_pk)
            .select_related("cooperative", "challenge__member_business", "talent__user")
            .first()
        )
    if engagement is None:
        raise Http404
    return engagement


def talent_statements(*, talent: Talent) -> list[Any]:
    """The talent's fee statements from every cooperative."""
    from musubi.cocreation.models import FeeStatement

    with scopes_disabled():
        return list(FeeStatement.objects.filter(talent=talent).select_related("cooperative")[:24])


def talent_invitations(*, talent: Talent) -> list[MatchInvitation]:
    with scopes_disabled():
        return list(
            MatchInvitation.objects.filter(talent=talent, status__in=[*OPEN_INVITATION, "accepted"])
            .select_related("cooperative", "challenge__member_business")
            .order_by("-invited_at")
        )


def talent_invitation_get(*, talent: Talent, invitation_pk: int) -> MatchInvitation:
    with scopes_disabled():
        invitation = (
            MatchInvitation.objects.filter(talent=talent, pk=invitation_pk)
            .select_related("cooperative", "challenge")
            .first()
        )
    if invitation is None:
        raise Http404
    return invitation


def user_meetings(*, user: Any, since: dt.datetime) -> list[Meeting]:
    """Upcoming meetings of one person in every cooperative (a talent may work with several)."""
    with scopes_disabled():
        return list(
            Meeting.objects.filter(participants=user, ends_at__gte=since)
            .select_related("cooperative")
            .order_by("starts_at")
        )


def logged_hours(*, engagement: Engagement, month: dt.date) -> float:
    first, last = month_bounds(month)
    total = TimeLog.objects.filter(
        cooperative=engagement.cooperative, engagement=engagement, day__range=(first, last)
    ).aggregate(total=Sum("hours"))["total"]
    return float(total or 0)


def board_context(engagement: Engagement) -> dict[str, Any]:
    """What the agile board shows: sprints, the current sprint's columns, KPIs, hours, reviews."""
    coop = engagement.cooperative
    sprints = list(Sprint.objects.filter(cooperative=coop, engagement=engagement))
    items = list(BoardItem.objects.filter(cooperative=coop, engagement=engagement))
    today = timezone.localdate()
    current = next(
        (s for s in sprints if s.start <= today <= s.end),
        # A finished sprint is not current: the next one that has not started yet, or none.
        next((s for s in sprints if s.start > today), None),
    )
    return {
        "engagement": engagement,
        "sprints": sprints,
        "current_sprint": current,
        "backlog": [i for i in items if i.sprint_id is None],
        "columns": board.board_columns([i for i in items if current and i.sprint_id == current.pk]),
        "charts": board.kpi_chart(
            list(KpiValue.objects.filter(cooperative=coop, engagement=engagement))
        ),
        "logs": list(
            TimeLog.objects.filter(cooperative=coop, engagement=engagement).order_by("-day")[:50]
        ),
        "reviews": list(Review.objects.filter(cooperative=coop, engagement=engagement)),
        "statuses": board.board_columns([]),
    }


def hours_month_rows(*, cooperative: Cooperative, month: dt.date) -> list[dict[str, Any]]:
    """The month's hours per talent with their logs, the fee statement and what is unapproved."""
    first, last = month_bounds(month)
    rows = (
        TimeLog.objects.filter(cooperative=cooperative, day__range=(first, last))
        .values(
            "engagement__talent_id",
            "engagement__talent__user__family_name",
            "engagement__talent__user__given_name",
        )
        .annotate(total=Sum("hours"))
        .order_by("engagement__talent_id")
    )
    statements = {
        s.talent_id: s for s in FeeStatement.objects.filter(cooperative=cooperative, month=first)
    }
    pending = set(
        TimeLog.objects.filter(
            cooperative=cooperative, day__range=(first, last), approved_at__isnull=True
        ).values_list("engagement__talent_id", flat=True)
    )
    table = [
        {
            "talent_id": r["engagement__talent_id"],
            "name": " ".join(
                (
                    r["engagement__talent__user__family_name"],
                    r["engagement__talent__user__given_name"],
                )
            ),
            "hours": r["total"],
            "statement": statements.get(r["engagement__talent_id"]),
            "pending": r["engagement__talent_id"] in pending,
        }
        for r in rows
    ]
    logs = (
        TimeLog.objects.filter(cooperative=cooperative, day__range=(first, last))
        .select_related("engagement__challenge")
        .order_by("day")
    )
    for row in table:
        row["logs"] = [log for log in logs if log.engagement.talent_id == row["talent_id"]]
    return table
