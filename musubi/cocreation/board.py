"""Services of the agile board: sprints of 2–4 weeks, backlog items, reviews with KPI values."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from musubi.cocreation.models import (
    BoardItem,
    Engagement,
    EngagementStatus,
    ItemStatus,
    KpiValue,
    Sprint,
)
from musubi.core.models import User

MIN_SPRINT_DAYS, MAX_SPRINT_DAYS = 14, 28


def _require_active(engagement: Engagement) -> None:
    if engagement.status != EngagementStatus.ACTIVE:
        raise ValidationError(_("The engagement is not active."))


@transaction.atomic
def sprint_create(
    *, engagement: Engagement, actor: User, goal: str, start: dt.date, end: dt.date
) -> Sprint:
    """A sprint of two to four weeks that does not overlap another of the same engagement."""
    _require_active(engagement)
    days = (end - start).days + 1
    if not MIN_SPRINT_DAYS <= days <= MAX_SPRINT_DAYS:
        raise ValidationError({"end": _("A sprint lasts two to four weeks (14–28 days).")})
    others = Sprint.objects.filter(cooperative=engagement.cooperative, engagement=engagement)
    if others.filter(start__lte=end, end__gte=start).exists():
        raise ValidationError({"start": _("This sprint overlaps another sprint.")})
    number = (others.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return Sprint.objects.create(
        cooperative=engagement.cooperative,
        engagement=engagement,
        number=number,
        goal=goal,
        start=start,
        end=end,
    )


@transaction.atomic
def item_add(
    *, engagement: Engagement, actor: User, title: str, sprint: Sprint | None = None
) -> BoardItem:
    _require_active(engagement)
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Write what needs doing.")})
    if sprint is not None and sprint.engagement_id != engagement.pk:
        raise ValidationError(_("That sprint belongs to another engagement."))
    return BoardItem.objects.create(
        cooperative=engagement.cooperative, engagement=engagement, sprint=sprint, title=title
    )


@transaction.atomic
def item_move(*, item: BoardItem, actor: User, status: str, sprint: Sprint | None) -> BoardItem:
    """Move an item between columns, or between the backlog and a sprint."""
    if status not in ItemStatus.values:
        raise ValidationError(_("Unknown status."))
    if sprint is not None and sprint.engagement_id != item.engagement_id:
        raise ValidationError(_("That sprint belongs to another engagement."))
    item.status = status
    item.sprint = sprint
    item.save(update_fields=["status", "sprint"])
    return item


@transaction.atomic
def sprint_review(
    *, sprint: Sprint, actor: User, review: str, kpis: list[tuple[str, Decimal]]
) -> Sprint:
    """Record the review and the KPI values measured at its end."""
    sprint.review = review
    sprint.reviewed_at = timezone.now()
    sprint.save(update_fields=["review", "reviewed_at"])
    for name, value in kpis:
        if not name.strip():
            continue
        KpiValue.objects.create(
            cooperative=sprint.cooperative,
            engagement=sprint.engagement,
            sprint=sprint,
            name=name.strip(),
            value=value,
            recorded_on=sprint.end,
        )
    return sprint


def kpi_chart(
    values: list[KpiValue], *, width: int = 560, height: int = 220
) -> dict[str, SafeString]:
    """One inline SVG line chart per measure, drawn on the server (no JavaScript)."""
    series: dict[str, list[KpiValue]] = {}
    for v in values:
        series.setdefault(v.name, []).append(v)
    charts: dict[str, SafeString] = {}
    pad = 36
    for name, points in series.items():
        nums = [float(p.value) for p in points]
        low, high = min([*nums, 0.0]), max(nums)
        span = (high - low) or 1.0
        step = (width - 2 * pad) / max(1, len(points) - 1)
        coords = [
            (pad + i * step, height - pad - (float(p.value) - low) / span * (height - 2 * pad))
            for i, p in enumerate(points)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts: list[str] = [
            f'<svg viewBox="0 0 {width} {height}" role="img" class="kpi-chart" '
            f'aria-label="{escape(name)}">',
            f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" '
            'stroke="#999"/>',
            f'<line x1="{pad}" y1="{pad / 2}" x2="{pad}" y2="{height - pad}" stroke="#999"/>',
            f'<polyline fill="none" stroke="#2e6b4f" stroke-width="2" points="{path}"/>',
        ]
        for (x, y), p in zip(coords, points, strict=True):
            label = f"{p.value.normalize():f}"
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#2e6b4f"/>')
            parts.append(
                f'<text x="{x:.1f}" y="{y - 8:.1f}" font-size="12" text-anchor="middle">'
                f"{escape(label)}</text>"
            )
            parts.append(
                f'<text x="{x:.1f}" y="{height - pad + 16}" font-size="11" text-anchor="middle">'
                f"{p.recorded_on.month}/{p.recorded_on.day}</text>"
            )
        parts.append("</svg>")
        charts[name] = mark_safe("".join(parts))  # every value above is escaped
    return charts


def board_columns(items: list[BoardItem]) -> list[dict[str, Any]]:
    return [
        {"status": value, "label": label, "items": [i for i in items if i.status == value]}
        for value, label in ItemStatus.choices
    ]
