"""Coordinator and member pages: requests, rosters, runs, edits, publishing, repair."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from musubi.core.confirm import confirm_page, confirmed
from musubi.core.forms import add_validation_error, flash_errors
from musubi.core.japanese import format_date_ja
from musubi.core.models import Role
from musubi.core.months import next_month
from musubi.core.tenancy import CoopRequest, coop_view, get_for, role_of
from musubi.dispatch import selectors
from musubi.dispatch.forms import (
    RepairForm,
    RosterCloseForm,
    RosterNewForm,
    RosterRunForm,
    ShiftAddForm,
    StaffingRequestForm,
    TemplateCopyForm,
)
from musubi.dispatch.grid import roster_grid
from musubi.dispatch.models import (
    RequestStatus,
    Roster,
    RosterRun,
    RosterStatus,
    RunStatus,
    Shift,
    StaffingRequest,
)
from musubi.dispatch.publishing import roster_publish
from musubi.dispatch.services import (
    repair_accept,
    roster_create,
    shift_assign,
    shift_problems,
    shift_remove,
    staffing_request_decide,
    staffing_request_from_template,
    staffing_request_submit,
)
from musubi.dispatch.solving import progress_words, run_start
from musubi.dispatch.timesheets import roster_close, unconfirmed_shifts

C = Role.COORDINATOR


def _form_errors(request: CoopRequest, form: forms.BaseForm) -> None:
    """A small form posted from a list page: its errors as messages on the page it returns to."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else None
        for text in errors:
            messages.error(request, f"{label}: {text}" if label else str(text))


def _request(request: CoopRequest, request_pk: int) -> StaffingRequest:
    return selectors.request_get_for(
        cooperative=request.cooperative, viewer=request.membership, request_pk=request_pk
    )


@coop_view(C)
def home(request: CoopRequest, coop: str) -> HttpResponse:
    rosters = Roster.objects.filter(cooperative=request.cooperative)
    pending = StaffingRequest.objects.filter(
        cooperative=request.cooperative, status=RequestStatus.PENDING
    ).count()
    today = timezone.localdate()
    return render(request, "dispatch/home.html", {
        "title": _("Dispatch"), "rosters": rosters, "pending": pending,
        "next_month": next_month(today).strftime("%Y-%m"),
    })  # fmt: skip


@coop_view(C, Role.MEMBER)
def request_list(request: CoopRequest, coop: str) -> HttpResponse:
    qs = selectors.requests_for(cooperative=request.cooperative, viewer=request.membership)
    return render(request, "dispatch/requests.html", {
        "title": _("Staffing requests"), "requests": qs.order_by("-start_date", "id"),
        "is_coordinator": role_of(request) == C,
        "rosters": Roster.objects.filter(cooperative=request.cooperative)[:6],
    })  # fmt: skip


@coop_view(C, Role.MEMBER)
def request_edit(request: CoopRequest, coop: str, request_pk: int | None = None) -> HttpResponse:
    instance = _request(request, request_pk) if request_pk else None
    member = request.membership.member_business if role_of(request) == Role.MEMBER else None
    form = StaffingRequestForm(
        request.POST or None, instance=instance, cooperative=request.cooperative, member=member,
        sites_url=reverse("dispatch:request_sites", args=[coop]),
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            staffing_request_submit(
                request=form.save(commit=False), cooperative=request.cooperative,
                actor=request.user, member=member,
            )  # fmt: skip
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("dispatch:request_list", coop)
    title = instance.title if instance else _("New staffing request")
    return render(request, "core/form.html", {"title": title, "form": form})


@coop_view(C)
def request_sites(request: CoopRequest, coop: str) -> HttpResponse:
    """The site options of the member just chosen on the request form (htmx); a member with a
    single site gets it selected."""
    form = StaffingRequestForm(request.GET, cooperative=request.cooperative, member=None)
    return render(request, "dispatch/_site_options.html", {"field": form["site"]})


@require_POST
@coop_view(C)
def request_decide(request: CoopRequest, coop: str, request_pk: int) -> HttpResponse:
    req = _request(request, request_pk)
    staffing_request_decide(
        request=req, approve=request.POST.get("approve") == "1", actor=request.user
    )
    messages.success(request, _("Saved."))
    return redirect("dispatch:request_list", coop)


@require_POST
@coop_view(C, Role.MEMBER)
def request_copy(request: CoopRequest, coop: str, request_pk: int) -> HttpResponse:
    template = _request(request, request_pk)
    form = TemplateCopyForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("dispatch:request_list", coop)
    try:
        staffing_request_from_template(
            template=template, year=form.cleaned_data["year"], actor=request.user
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("The template was copied; it waits for approval."))
    return redirect("dispatch:request_list", coop)


@coop_view(C, Role.MUNICIPALITY)
def demand_chart(request: CoopRequest, coop: str) -> HttpResponse:
    rows = selectors.demand_vs_capacity(cooperative=request.cooperative, start=timezone.localdate())
    return render(
        request, "dispatch/demand.html", {"title": _("Demand and capacity"), "rows": rows}
    )


@require_POST
@coop_view(C)
def roster_new(request: CoopRequest, coop: str) -> HttpResponse:
    form = RosterNewForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("dispatch:home", coop)
    try:
        roster = roster_create(
            cooperative=request.cooperative, month=form.cleaned_data["month"], actor=request.user
        )
    except ValidationError as error:
        flash_errors(request, error)
        return redirect("dispatch:home", coop)
    return redirect("dispatch:roster_detail", coop, roster.pk)


@coop_view(C)
def roster_detail(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    # The result box shows the roster as it stands: the last solve, or a repair accepted since.
    run = roster.runs.filter(Q(kind="solve") | Q(kind="repair", summary__accepted=True)).first()
    rows = selectors.compliance_rows(cooperative=request.cooperative, month=roster.start_date)
    context = {
        "title": _("Roster %(month)s") % {"month": roster.start_date.strftime("%Y-%m")},
        "roster": roster,
        "run": run,
        "progress": progress_words(run),
        "grid": roster_grid(roster, compliance=rows),
        "calendar": selectors.calendar_grid(roster),
        "coverage": selectors.coverage(roster),
        "compliance": [r for r in rows if r.warnings],
        "shift_form": ShiftAddForm(roster=roster),
        "repair_form": RepairForm(roster=roster),
        "repairs": roster.runs.filter(kind="repair")[:3],
        "editable": roster.status != RosterStatus.CLOSED,
        "unconfirmed": roster.shifts.filter(
            Q(timesheet__isnull=True) | Q(timesheet__confirmed_at__isnull=True)
        ).count(),
    }
    return render(request, "dispatch/roster.html", context)


@require_POST
@coop_view(C)
def roster_run(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    if roster.status != RosterStatus.DRAFT:
        # Published shifts were emailed: after publication only repairs and single edits.
        messages.error(request, _("Only a draft roster is made anew; use a repair instead."))
    else:
        form = RosterRunForm(request.POST)
        if form.is_valid():
            limit = form.cleaned_data["time_limit"] or 8.0
            run_start(roster=roster, actor=request.user, time_limit=limit)
        else:
            _form_errors(request, form)
    return redirect("dispatch:roster_detail", coop, roster.pk)


@coop_view(C)
def run_progress(request: CoopRequest, coop: str, run_pk: int) -> HttpResponse:
    run: RosterRun = get_for(RosterRun.objects, cooperative=request.cooperative, pk=run_pk)
    response = render(request, "dispatch/_run.html", {
        "run": run, "roster": run.roster, "progress": progress_words(run),
    })  # fmt: skip
    if run.status in {RunStatus.DONE, RunStatus.FAILED} and request.GET.get("poll"):
        response["HX-Refresh"] = "true"  # reload the page to show the stored result
    return response


@require_POST
@coop_view(C)
def shift_add(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    form = ShiftAddForm(request.POST, roster=roster)
    if form.is_valid():
        try:
            _shift, warnings = shift_assign(
                roster=roster, worker=form.cleaned_data["worker"],
                request=form.cleaned_data["request"], date=form.cleaned_data["date"],
                actor=request.user,
            )  # fmt: skip
        except ValidationError as error:
            flash_errors(request, error)
        else:
            messages.success(request, _("Shift added."))
            for w in warnings:
                messages.warning(request, w)
    else:
        messages.error(request, _("Choose a worker, a request and a date."))
    return redirect("dispatch:roster_detail", coop, roster.pk)


@require_POST
@coop_view(C)
def shift_preview(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    """The add-shift form's live check (htmx): errors block, warnings only warn."""
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    form = ShiftAddForm(request.POST, roster=roster)
    errors: list[str] = []
    warnings: list[str] = []
    if form.is_valid():
        errors, warnings = shift_problems(roster=roster, **form.cleaned_data)
    return render(request, "dispatch/_shift_check.html", {
        "ready": form.is_valid(), "errors": errors, "warnings": warnings,
    })  # fmt: skip


@require_POST
@coop_view(C)
def shift_delete(request: CoopRequest, coop: str, shift_pk: int) -> HttpResponse:
    shift: Shift = get_for(Shift.objects, cooperative=request.cooperative, pk=shift_pk)
    try:
        shift_remove(shift=shift, actor=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Shift removed."))
    return redirect("dispatch:roster_detail", coop, shift.roster_id)


@require_POST
@coop_view(C)
def roster_publish_view(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    back = reverse("dispatch:roster_detail", args=[coop, roster.pk])
    if not confirmed(request):
        shifts = roster.shifts.all()
        return confirm_page(
            request, title=_("Publish the roster %(month)s?") % {"month": roster},
            question=_(
                "%(workers)s workers and %(members)s members are emailed their shifts. "
                "Afterwards the roster changes only through repairs and single edits, and "
                "everyone concerned is told of each change."
            ) % {
                "workers": shifts.values("worker").distinct().count(),
                "members": shifts.values("site__member").distinct().count(),
            },
            action=request.path, cancel_url=back, confirm_label=_("Publish"),
        )  # fmt: skip
    try:
        roster_publish(
            roster=roster, actor=request.user, base_url=request.build_absolute_uri("/")[:-1]
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Published. Workers and members are notified by email."))
    return redirect("dispatch:roster_detail", coop, roster.pk)


@require_POST
@coop_view(C)
def roster_close_view(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    """Close after a confirmation page; unconfirmed hours need the override and a reason."""
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    back = reverse("dispatch:roster_detail", args=[coop, roster.pk])
    unconfirmed = unconfirmed_shifts(roster)
    count = unconfirmed.count()
    form = RosterCloseForm(request.POST if confirmed(request) else None)
    if confirmed(request) and form.is_valid():
        reason = form.cleaned_data["reason"] if form.cleaned_data["override"] else ""
        try:
            n = roster_close(roster=roster, actor=request.user, override_reason=reason)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request, _("The month is closed; %(n)s timesheet entries are locked.") % {"n": n}
            )
            return redirect(back)
    warning = (
        ngettext(
            "%(n)s shift has no actual hours confirmed by the member yet.",
            "%(n)s shifts have no actual hours confirmed by the member yet.",
            count,
        ) % {"n": count}
        if count else ""
    )  # fmt: skip
    return confirm_page(
        request, title=_("Close the month %(month)s?") % {"month": roster},
        question=_(
            "Closing locks every timesheet of the month; later corrections need a reason and "
            "are logged."
        ),
        warning=warning,
        lines=[f"{format_date_ja(s.date)} {s.worker} {s.site.member.name} {s.site.name}"
               for s in unconfirmed[:50]],
        form=form if count else None,
        action=request.path, cancel_url=back, confirm_label=_("Close the month"),
    )  # fmt: skip


@require_POST
@coop_view(C)
def repair_start(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    form = RepairForm(request.POST, roster=roster)
    if not form.is_valid() or form.cleaned_data["end"] < form.cleaned_data["start"]:
        messages.error(request, _("Choose the absent worker and the days."))
        return redirect("dispatch:roster_detail", coop, roster.pk)
    d, days = form.cleaned_data["start"], []
    while d <= form.cleaned_data["end"]:
        days.append(d.isoformat())
        d += dt.timedelta(days=1)
    run = run_start(
        roster=roster, actor=request.user, kind="repair", time_limit=5.0,
        absent_worker_id=form.cleaned_data["worker"].pk, absent_dates=days,
    )  # fmt: skip
    return redirect("dispatch:repair_compare", coop, run.pk)


@coop_view(C)
def repair_compare(request: CoopRequest, coop: str, run_pk: int) -> HttpResponse:
    run: RosterRun = get_for(
        RosterRun.objects.select_related("roster", "absent_worker"),
        cooperative=request.cooperative, pk=run_pk,
    )  # fmt: skip
    removed, added = selectors.repair_diff(run) if run.status == RunStatus.DONE else ([], [])
    return render(request, "dispatch/repair.html", {
        "title": _("Repair proposal"), "run": run, "roster": run.roster,
        "removed": removed, "added": added,
    })  # fmt: skip


@require_POST
@coop_view(C)
def repair_accept_view(request: CoopRequest, coop: str, run_pk: int) -> HttpResponse:
    run: RosterRun = get_for(RosterRun.objects, cooperative=request.cooperative, pk=run_pk)
    try:
        repair_accept(run=run, actor=request.user, base_url=request.build_absolute_uri("/")[:-1])
    except ValidationError as error:
        flash_errors(request, error)
        return redirect("dispatch:repair_compare", coop, run.pk)
    messages.success(request, _("The repaired roster was applied."))
    return redirect("dispatch:roster_detail", coop, run.roster_id)
