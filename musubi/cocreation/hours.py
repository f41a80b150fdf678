"""Services for hours, monthly approval with fee statements, and reviews from both sides."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from musubi.cocreation.models import (
    Engagement,
    EngagementFormat,
    EngagementStatus,
    FeeStatement,
    Review,
    ReviewSide,
    TimeLog,
)
from musubi.core.audit import audit_record, audited_save
from musubi.core.models import AuditLogEntry, Cooperative, User
from musubi.core.months import month_bounds
from musubi.talent.models import Talent


@transaction.atomic
def timelog_add(
    *, engagement: Engagement, talent: Talent, day: dt.date, hours: Decimal, description: str
) -> TimeLog:
    """Log hours within the engagement's period and its agreed hours for that month."""
    if engagement.talent_id != talent.pk:
        raise ValidationError(_("This engagement is not yours."))
    if engagement.status != EngagementStatus.ACTIVE:
        raise ValidationError(_("The engagement is not active."))
    if not Decimal("0.25") <= hours <= Decimal("12"):
        raise ValidationError({"hours": _("Enter between 0.25 and 12 hours for one day.")})
    if not engagement.start <= day <= engagement.end or day > timezone.localdate():
        raise ValidationError({"day": _("Choose a day within the engagement, not in the future.")})
    first, last = month_bounds(day)
    logs = TimeLog.objects.filter(cooperative=engagement.cooperative, engagement=engagement)
    if logs.filter(day__range=(first, last), approved_at__isnull=False).exists():
        raise ValidationError({"day": _("This month's hours are already approved.")})
    used = logs.filter(day__range=(first, last)).aggregate(t=Sum("hours"))["t"] or Decimal(0)
    if used + hours > engagement.hours_per_month:
        raise ValidationError(
            {
                "hours": _(
                    "This is more than the %(hours)d hours a month agreed in the engagement."
                )
                % {"hours": engagement.hours_per_month}
            }
        )
    log = TimeLog(
        cooperative=engagement.cooperative,
        engagement=engagement,
        day=day,
        hours=hours,
        description=description.strip(),
    )
    audited_save(instance=log, actor=talent.user, cooperative=engagement.cooperative)
    return log


def fee_for(engagement: Engagement, hours: Decimal) -> int:
    """Whole yen: spot consultations by the hour, retainers and projects by the month."""
    if engagement.format == EngagementFormat.PROBONO:
        return 0
    if engagement.format == EngagementFormat.SPOT:
        return int((hours * engagement.fee_yen).to_integral_value())
    return engagement.fee_yen


@transaction.atomic
def month_approve(
    *, cooperative: Cooperative, talent: Talent, month: dt.date, actor: User
) -> FeeStatement:
    """Approve a talent's hours of one month and write the month's fee statement."""
    first, last = month_bounds(month)
    logs = list(
        TimeLog.objects.filter(
            cooperative=cooperative, engagement__talent=talent, day__range=(first, last)
        ).select_related("engagement__challenge")
    )
    if not logs:
        raise ValidationError(_("There are no hours to approve for this month."))
    now = timezone.now()
    lines = []
    total_hours, total_yen, days = Decimal(0), 0, 0
    by_engagement: dict[int, list[TimeLog]] = {}
    for log in logs:
        by_engagement.setdefault(log.engagement_id, []).append(log)
    for group in by_engagement.values():
        engagement = group[0].engagement
        hours = sum((g.hours for g in group), Decimal(0))
        yen = fee_for(engagement, hours)
        lines.append(
            {
                "engagement": engagement.pk,
                "title": engagement.challenge.title,
                "hours": str(hours),
                "yen": yen,
            }
        )
        total_hours += hours
        total_yen += yen
        days = max(days, engagement.payment_days)
    TimeLog.objects.filter(pk__in=[log.pk for log in logs]).update(
        approved_at=now, approved_by=actor
    )
    statement, _created = FeeStatement.objects.update_or_create(
        cooperative=cooperative,
        talent=talent,
        month=first,
        defaults={
            "hours": total_hours,
            "amount_yen": total_yen,
            "lines": lines,
            "payment_due": last + dt.timedelta(days=days),
            "approved_by": actor,
            "approved_at": now,
        },
    )
    audit_record(
        actor=actor,
        cooperative=cooperative,
        action=AuditLogEntry.Action.UPDATE,
        instance=statement,
        changes={"amount_yen": [None, total_yen], "hours": [None, str(total_hours)]},
    )
    return statement


@transaction.atomic
def review_submit(
    *, engagement: Engagement, side: str, author: User, rating: int, comment: str
) -> Review:
    """One review per side, once the engagement has started."""
    if engagement.status == EngagementStatus.PROPOSED:
        raise ValidationError(_("Reviews open once the engagement has started."))
    if not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Choose a rating from 1 to 5.")})
    if side not in ReviewSide.values:
        raise ValidationError(_("Unknown side."))
    if Review.objects.filter(
        cooperative=engagement.cooperative, engagement=engagement, side=side
    ).exists():
        raise ValidationError(_("A review from this side has already been written."))
    review = Review(
        cooperative=engagement.cooperative,
        engagement=engagement,
        side=side,
        author=author,
        rating=rating,
        comment=comment.strip(),
    )
    audited_save(instance=review, actor=author, cooperative=engagement.cooperative)
    return review
