"""Pages for workers (phones), member users, timesheets and the private calendar feed."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scope, scopes_disabled

from musubi.core.forms import add_validation_error, flash_errors
from musubi.core.japanese import format_date_ja
from musubi.core.models import Cooperative, Role
from musubi.core.months import month_bounds, month_or_current, next_month
from musubi.core.tenancy import CoopRequest, coop_view, get_for, role_of
from musubi.dispatch import ical, selectors
from musubi.dispatch.findings import finding_text
from musubi.dispatch.forms import (
    DayPreferencesForm,
    LeaveForm,
    TimesheetBulkConfirmForm,
    TimesheetForm,
)
from musubi.dispatch.labour import day_findings
from musubi.dispatch.models import CalendarFeed, Roster, RosterStatus, Shift, TimesheetEntry
from musubi.dispatch.publishing import feed_for, feed_reset
from musubi.dispatch.selectors import shift_get_for, shifts_for
from musubi.dispatch.timesheets import timesheet_confirm, timesheet_enter, timesheets_confirm
from musubi.workforce.models import Availability, LeaveRequest, ShiftWish, Worker
from musubi.workforce.services import (
    day_preference_set,
    leave_request_create,
    leave_request_decide,
)

C, M, W = Role.COORDINATOR, Role.MEMBER, Role.WORKER


def _me(request: CoopRequest) -> Worker:
    worker: Worker | None = request.membership.worker if request.membership else None
    if worker is None:
        raise Http404
    return worker


def _shift(request: CoopRequest, shift_pk: int) -> Shift:
    return shift_get_for(
        cooperative=request.cooperative, viewer=request.membership, shift_pk=shift_pk
    )


@coop_view(W)
def my_shifts(request: CoopRequest, coop: str) -> HttpResponse:
    worker = _me(request)
    shifts = Shift.objects.filter(
        cooperative=request.cooperative, worker=worker,
        roster__status__in=[RosterStatus.PUBLISHED, RosterStatus.CLOSED],
        date__gte=timezone.localdate() - dt.timedelta(days=31),
    ).select_related("site__member", "timesheet")  # fmt: skip
    feed = feed_for(worker)
    url = request.build_absolute_uri(reverse("dispatch:calendar_feed", args=[coop, feed.token]))
    return render(request, "dispatch/my_shifts.html",
                  {"title": _("My shifts"), "shifts": shifts, "feed_url": url})  # fmt: skip


@require_POST
@coop_view(W)
def my_feed_reset(request: CoopRequest, coop: str) -> HttpResponse:
    feed_reset(worker=_me(request), actor=request.user)
    messages.success(request, _("Your calendar address was renewed; the old one no longer works."))
    return redirect("dispatch:my_shifts", coop)


@coop_view(W)
def my_days(request: CoopRequest, coop: str) -> HttpResponse:
    """Next month's days: unavailable (hard), want to work / want off (wishes)."""
    worker = _me(request)
    first, last = month_bounds(next_month(timezone.localdate()))
    published = selectors.month_is_published(request.cooperative, first)
    if request.method == "POST" and published:
        # The roster was made and sent: a wish now would silently change nothing.
        messages.error(request, _("This month's roster is already published; wishes can no "
                                  "longer change it. Ask the office instead."))  # fmt: skip
        return redirect("dispatch:my_days", coop)
    if request.method == "POST":
        form = DayPreferencesForm(request.POST, first=first, last=last)
        if not form.is_valid():
            messages.error(request, _("Choose from the list for each day."))
            return redirect("dispatch:my_days", coop)
        try:
            with transaction.atomic():  # all days or none
                for day, choice in form.choices():
                    day_preference_set(worker=worker, date=day, choice=choice, actor=request.user)
        except ValidationError as error:
            flash_errors(request, error)
            return redirect("dispatch:my_days", coop)
        messages.success(request, _("Saved."))
        return redirect("dispatch:my_days", coop)
    chosen = {a.date: "unavailable" for a in Availability.objects.filter(worker=worker)}
    for w in ShiftWish.objects.filter(worker=worker):
        chosen[w.date] = "on" if w.wants_work else "off"
    days = []
    d = first
    while d <= last:
        days.append({"date": d, "choice": chosen.get(d, "")})
        d += dt.timedelta(days=1)
    return render(request, "dispatch/my_days.html",
                  {"title": _("My availability"), "days": days,
                   "published": published})  # fmt: skip


@coop_view(W)
def my_leave(request: CoopRequest, coop: str) -> HttpResponse:
    worker = _me(request)
    form = LeaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            leave = leave_request_create(worker=worker, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your request was sent to the office."))
            shifts = selectors.published_shifts_of(worker, leave.start_date, leave.end_date)
            if shifts:
                messages.warning(request, _(
                    "You have shifts on these days: %(days)s. If the leave is approved, the "
                    "office has to find someone else for them."
                ) % {"days": "、".join(format_date_ja(s.date) for s in shifts)})  # fmt: skip
            return redirect("dispatch:my_leave", coop)
    leaves = LeaveRequest.objects.filter(worker=worker)
    return render(request, "dispatch/my_leave.html",
                  {"title": _("Leave"), "form": form, "leaves": leaves})  # fmt: skip


@coop_view(C)
def leave_list(request: CoopRequest, coop: str) -> HttpResponse:
    leaves = LeaveRequest.objects.filter(cooperative=request.cooperative).select_related("worker")
    return render(request, "dispatch/leave_list.html", {
        "title": _("Leave requests"), "leaves": leaves,
        "repairs": selectors.leaves_needing_repair(request.cooperative),
    })  # fmt: skip


@require_POST
@coop_view(C)
def leave_decide(request: CoopRequest, coop: str, leave_pk: int) -> HttpResponse:
    leave: LeaveRequest = get_for(
        LeaveRequest.objects, cooperative=request.cooperative, pk=leave_pk
    )
    approve = request.POST.get("approve") == "1"
    leave_request_decide(leave=leave, approve=approve, actor=request.user)
    messages.success(request, _("Saved."))
    shifts = selectors.published_shifts_of(leave.worker, leave.start_date, leave.end_date)
    if approve and shifts:
        messages.warning(request, _(
            "%(worker)s still has published shifts on %(days)s. Propose a repair below."
        ) % {"worker": leave.worker,
             "days": "、".join(format_date_ja(s.date) for s in shifts)})  # fmt: skip
    return redirect("dispatch:leave_list", coop)


@coop_view(C, M)
def skill_sheets(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    """Before publication a member sees skill sheets only (R2.7): no name, age, sex or photo.

    The coordinator sees the same page, to check what members will see."""
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    shifts = roster.shifts.select_related("worker", "site", "request")
    if role_of(request) == M:
        shifts = shifts.filter(site__member_id=request.membership.member_business_id)
    fixed = roster.status != RosterStatus.DRAFT
    sheets: dict[int, dict[str, object]] = {}
    for s in shifts:
        sheet = sheets.setdefault(s.worker_id, {
            "label": str(s.worker) if fixed else _("Worker %(n)s") % {"n": len(sheets) + 1},
            "skills": [q.name for q in s.worker.qualifications.all() if q.is_valid_on(s.date)],
            "years": s.worker.years_of_experience(roster.start_date),
            "dates": [],
        })  # fmt: skip
        sheet["dates"].append(s)  # type: ignore[attr-defined]
    return render(request, "dispatch/skill_sheets.html", {
        "title": _("Workers for %(month)s") % {"month": roster}, "sheets": sheets.values(),
        "fixed": fixed, "roster": roster,
    })  # fmt: skip


def timesheet_scope(request: CoopRequest) -> tuple[Any, dt.date]:
    """The month's published shifts the actor may see (member: its sites; worker: their own)."""
    first, last = month_bounds(month_or_current(request.GET.get("month")))
    role = role_of(request)
    if role == W:
        _me(request)  # a worker login without a worker record has no timesheets
    shifts = shifts_for(cooperative=request.cooperative, viewer=request.membership).filter(
        date__range=(first, last),
        roster__status__in=[RosterStatus.PUBLISHED, RosterStatus.CLOSED],
    ).select_related("worker", "site__member", "timesheet", "roster")  # fmt: skip
    return shifts.order_by("date", "worker__family_name_kana", "pk"), first


@coop_view(C, M, W)
def timesheet_list(request: CoopRequest, coop: str) -> HttpResponse:
    shifts, first = timesheet_scope(request)
    role = role_of(request)
    return render(request, "dispatch/timesheets.html", {
        "title": _("Timesheets"), "shifts": shifts, "month": first, "role": role,
    })  # fmt: skip


@coop_view(C, M, W)
def timesheet_edit(request: CoopRequest, coop: str, shift_pk: int) -> HttpResponse:
    shift = _shift(request, shift_pk)
    entry = TimesheetEntry.objects.filter(shift=shift).first()
    initial = (
        {"actual_start": entry.actual_start, "actual_end": entry.actual_end,
         "break_minutes": entry.break_minutes}
        if entry else
        {"actual_start": shift.start_time, "actual_end": shift.end_time,
         "break_minutes": shift.break_minutes}
    )  # fmt: skip
    form = TimesheetForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            timesheet_enter(shift=shift, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Saved."))
            # Actual hours are facts and are kept; what they breach is said plainly (R3).
            for f in day_findings(request.cooperative, shift.worker, shift.date):
                messages.warning(request, finding_text(f))
            return redirect(reverse("dispatch:timesheet_list", args=[coop])
                            + f"?month={shift.date:%Y-%m}")  # fmt: skip
    return render(request, "dispatch/timesheet_form.html", {
        "title": _("Actual hours"), "form": form, "shift": shift, "entry": entry,
        "future": shift.date > timezone.localdate(),
        "corrections": entry.corrections.all() if entry else [],
    })  # fmt: skip


@require_POST
@coop_view(C, M)
def timesheet_confirm_view(request: CoopRequest, coop: str, shift_pk: int) -> HttpResponse:
    shift = _shift(request, shift_pk)
    entry = TimesheetEntry.objects.filter(shift=shift).first()
    if entry is None:
        messages.error(request, _("No actual hours yet."))
    else:
        try:
            timesheet_confirm(entry=entry, actor=request.user)
        except ValidationError as error:
            flash_errors(request, error)
        else:
            messages.success(request, _("Confirmed."))
    return redirect(reverse("dispatch:timesheet_list", args=[coop]) + f"?month={shift.date:%Y-%m}")


@require_POST
@coop_view(C, M)
def timesheet_confirm_many(request: CoopRequest, coop: str) -> HttpResponse:
    """Confirm the ticked days (select all, or a week) in one go instead of row by row."""
    shifts, first = timesheet_scope(request)
    form = TimesheetBulkConfirmForm(request.POST, shifts=shifts)
    if form.is_valid():
        entries = [s.timesheet for s in form.cleaned_data["shifts"]]
        n = timesheets_confirm(entries=entries, actor=request.user)
        messages.success(request, _("%(n)s day(s) confirmed.") % {"n": n})
    else:
        for message in form.errors.get("shifts", []):
            messages.error(request, str(message))
    return redirect(reverse("dispatch:timesheet_list", args=[coop]) + f"?month={first:%Y-%m}")


def calendar_feed(request: HttpRequest, coop: str, feed_token: str) -> HttpResponse:
    """The worker's private iCalendar feed. The token is the credential (calendar apps send no
    cookies); a logged-in user of another cooperative was already refused by the middleware."""
    with scopes_disabled():
        cooperative = Cooperative.objects.filter(slug=coop).first()
        feed = (
            CalendarFeed.objects.filter(token=feed_token, cooperative=cooperative)
            .select_related("worker")
            .first()
        )
    if cooperative is None or feed is None:
        raise Http404
    with scope(cooperative=cooperative):
        shifts = Shift.objects.filter(
            cooperative=cooperative, worker=feed.worker,
            roster__status__in=[RosterStatus.PUBLISHED, RosterStatus.CLOSED],
        ).select_related("site__member")  # fmt: skip
        body = ical.calendar(shifts, name=str(feed.worker))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
