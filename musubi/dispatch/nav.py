"""This app's entries in the role-aware navigation (collected by core.context_processors)."""

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from musubi.access.models import Invitation
from musubi.core.models import Role
from musubi.core.navigation import NavItem, WaitingItem
from musubi.dispatch.models import RequestStatus, RosterStatus, Shift, StaffingRequest
from musubi.dispatch.selectors import compliance_rows
from musubi.workforce.models import LeaveRequest, LeaveStatus


def nav_items(*, role: str | None, slug: str) -> list[NavItem]:
    def url(name: str) -> str:
        return reverse(f"dispatch:{name}", args=[slug])

    if role == Role.COORDINATOR:
        return [
            NavItem(_("Rosters"), url("home")),
            NavItem(_("Staffing requests"), url("request_list")),
            NavItem(_("Timesheets"), url("timesheet_list")),
            NavItem(_("Compliance"), url("compliance")),
        ]
    if role == Role.MEMBER:
        return [
            NavItem(_("Staffing requests"), url("request_list")),
            NavItem(_("Timesheets"), url("timesheet_list")),
        ]
    if role == Role.WORKER:
        return [
            NavItem(_("My shifts"), url("my_shifts")),
            NavItem(_("My availability"), url("my_days")),
            NavItem(_("Leave"), url("my_leave")),
            NavItem(_("Timesheets"), url("timesheet_list")),
        ]
    if role == Role.MUNICIPALITY:
        return [NavItem(_("Demand and capacity"), url("demand"))]
    return []


LINES = 5


def waiting_work(*, role: str | None, cooperative: Any, membership: Any) -> list[WaitingItem]:
    """The dispatch work waiting for this user, for the home page."""
    slug = cooperative.slug
    today = timezone.localdate()

    def url(name: str, *args: Any) -> str:
        return reverse(f"dispatch:{name}", args=[slug, *args])

    published = [RosterStatus.PUBLISHED, RosterStatus.CLOSED]
    past_shifts = Shift.objects.filter(
        cooperative=cooperative, roster__status__in=published, date__lte=today
    ).select_related("worker", "site__member")
    unconfirmed = past_shifts.filter(
        Q(timesheet__isnull=True) | Q(timesheet__confirmed_at__isnull=True)
    ).order_by("date")
    if role == Role.COORDINATOR:
        pending = StaffingRequest.objects.filter(
            cooperative=cooperative, status=RequestStatus.PENDING
        ).select_related("member")
        leave = LeaveRequest.objects.filter(
            cooperative=cooperative, status=LeaveStatus.REQUESTED
        ).select_related("worker")
        invitations = [
            i
            for i in Invitation.objects.filter(cooperative=cooperative, accepted_at__isnull=True)
            if i.is_open
        ]
        leave_owed = [
            r
            for r in compliance_rows(cooperative=cooperative, month=today)
            if r.leave is not None and r.leave.five_day_shortfall > 0
        ]
        return [
            WaitingItem(
                _("Staffing requests waiting for approval"), url("request_list"), pending.count(),
                [f"{r.member.name} {r.title} ({r.start_date:%m/%d}〜)" for r in pending[:LINES]],
            ),
            WaitingItem(
                _("Leave requests to decide"), url("leave_list"), leave.count(),
                [f"{lr.worker} {lr.start_date:%m/%d}〜{lr.end_date:%m/%d}" for lr in leave[:LINES]],
            ),
            WaitingItem(
                _("Worked days without confirmed hours"),
                url("timesheet_list") + f"?month={today:%Y-%m}", unconfirmed.count(),
                [f"{s.date:%m/%d} {s.worker} {s.site.member.name}" for s in unconfirmed[:LINES]],
            ),
            WaitingItem(
                _("Workers who must still take paid leave (5 days a year)"),
                url("compliance"), len(leave_owed),
                [
                    _("%(worker)s: %(days)s day(s) by %(day)s")
                    % {"worker": r.worker, "days": f"{r.leave.five_day_shortfall:g}",
                       "day": f"{r.leave.year_end:%Y/%m/%d}"}
                    for r in leave_owed[:LINES] if r.leave is not None
                ],
            ),
            WaitingItem(
                _("Invitations not yet accepted"), reverse("people", args=[slug]),
                len(invitations), [i.email for i in invitations[:LINES]],
            ),
        ]  # fmt: skip
    if role == Role.MEMBER:
        mine = membership.member_business_id
        to_confirm = past_shifts.filter(
            site__member_id=mine, timesheet__isnull=False, timesheet__confirmed_at__isnull=True,
            timesheet__locked=False,
        ).order_by("date")  # fmt: skip
        waiting = StaffingRequest.objects.filter(
            cooperative=cooperative, member_id=mine, status=RequestStatus.PENDING
        )
        return [
            WaitingItem(
                _("Actual hours to confirm"), url("timesheet_list") + f"?month={today:%Y-%m}",
                to_confirm.count(), [f"{s.date:%m/%d} {s.worker}" for s in to_confirm[:LINES]],
            ),
            WaitingItem(
                _("Your requests waiting for the cooperative"), url("request_list"),
                waiting.count(), [f"{r.title} ({r.start_date:%m/%d}〜)" for r in waiting[:LINES]],
            ),
        ]  # fmt: skip
    if role == Role.WORKER and membership.worker_id:
        mine_shifts = Shift.objects.filter(
            cooperative=cooperative, worker_id=membership.worker_id, roster__status__in=published
        ).select_related("site__member")
        upcoming = mine_shifts.filter(date__gte=today).order_by("date")
        to_enter = mine_shifts.filter(date__lte=today, timesheet__isnull=True).order_by("date")
        return [
            WaitingItem(
                _("Your next shifts"), url("my_shifts"), upcoming.count(),
                [f"{s.date:%m/%d} {s.start_time:%H:%M}–{s.end_time:%H:%M} {s.site.member.name} "
                 f"{s.site.name}" for s in upcoming[:LINES]],
            ),
            WaitingItem(
                _("Hours to enter"), url("timesheet_list") + f"?month={today:%Y-%m}",
                to_enter.count(),
                [f"{s.date:%m/%d} {s.site.member.name}" for s in to_enter[:LINES]],
            ),
        ]  # fmt: skip
    return []
