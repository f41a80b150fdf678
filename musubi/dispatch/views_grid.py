"""The roster grid: the cell panel (add, remove, swap with the live check), the print view,
the roster PDF and the roster / timesheet exports."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from musubi.core.exports import csv_bytes, download, wants_cp932, xlsx_bytes
from musubi.core.models import Role
from musubi.core.tenancy import CoopRequest, coop_view, get_for
from musubi.dispatch import exports
from musubi.dispatch.forms import CellForm, ShiftAddForm, ShiftSwapForm
from musubi.dispatch.grid import member_colours, requests_on, roster_grid
from musubi.dispatch.models import Roster, RosterStatus, Shift
from musubi.dispatch.services import (
    shift_assign,
    shift_problems,
    shift_remove,
    shift_swap,
    shift_swap_problems,
)
from musubi.dispatch.views_people import timesheet_scope

C = Role.COORDINATOR


def _roster(request: CoopRequest, roster_pk: int) -> Roster:
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    return roster


def _is_htmx(request: CoopRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def grid_response(
    request: CoopRequest, roster: Roster, *, errors: list[str], notes: list[str]
) -> HttpResponse:
    """After an edit: the fresh grid, and the cell panel (out of band) saying what happened."""
    context = {
        "roster": roster, "grid": roster_grid(roster),
        "editable": roster.status != RosterStatus.CLOSED,
    }  # fmt: skip
    html = render_to_string("dispatch/_grid.html", context, request=request)
    panel = render_to_string(
        "dispatch/_cell_result.html", {"errors": errors, "notes": notes}, request=request
    )
    return HttpResponse(html + panel)


def _finish(
    request: CoopRequest, roster: Roster, *, errors: list[str], notes: list[str]
) -> HttpResponse:
    if _is_htmx(request):
        return grid_response(request, roster, errors=errors, notes=notes)
    for e in errors:
        messages.error(request, e)
    for n in notes:
        messages.success(request, n)
    return redirect("dispatch:roster_detail", request.cooperative.slug, roster.pk)


@coop_view(C)
def roster_cell(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    """The panel for one cell: the shift there (remove, give to another worker) or the requests
    that want someone that day (add, with the live check of each)."""
    roster = _roster(request, roster_pk)
    form = CellForm(request.GET, roster=roster)
    if not form.is_valid():
        return render(request, "dispatch/_cell.html", {"form_errors": form.errors}, status=400)
    worker, day = form.cleaned_data["worker"], form.cleaned_data["date"]
    shift = (
        Shift.objects.filter(roster=roster, worker=worker, date=day)
        .select_related("site__member", "request")
        .first()
    )
    options: list[dict[str, Any]] = []
    if shift is None and roster.status != RosterStatus.CLOSED:
        for option in requests_on(roster, day):
            errors, warnings = shift_problems(
                roster=roster, worker=worker, request=option["request"], date=day
            )
            options.append({**option, "errors": errors, "warnings": warnings})
    return render(request, "dispatch/_cell.html", {
        "roster": roster, "worker": worker, "day": day, "shift": shift, "options": options,
        "swap_form": ShiftSwapForm(roster=roster) if shift else None,
        "colour": member_colours(roster.cooperative).get(shift.site.member_id, "")
        if shift
        else "",
        "editable": roster.status != RosterStatus.CLOSED,
    })  # fmt: skip


@require_POST
@coop_view(C)
def cell_add(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    roster = _roster(request, roster_pk)
    form = ShiftAddForm(request.POST, roster=roster)
    if not form.is_valid():
        return _finish(
            request, roster, errors=[_("Choose a worker, a request and a date.")], notes=[]
        )
    try:
        _shift, warnings = shift_assign(roster=roster, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _finish(request, roster, errors=error.messages, notes=[])
    return _finish(request, roster, errors=[], notes=[_("Shift added."), *warnings])


@require_POST
@coop_view(C)
def cell_remove(request: CoopRequest, coop: str, shift_pk: int) -> HttpResponse:
    shift: Shift = get_for(Shift.objects, cooperative=request.cooperative, pk=shift_pk)
    roster = shift.roster
    try:
        shift_remove(shift=shift, actor=request.user)
    except ValidationError as error:
        return _finish(request, roster, errors=error.messages, notes=[])
    return _finish(request, roster, errors=[], notes=[_("Shift removed.")])


@require_POST
@coop_view(C)
def cell_swap(request: CoopRequest, coop: str, shift_pk: int) -> HttpResponse:
    shift: Shift = get_for(Shift.objects, cooperative=request.cooperative, pk=shift_pk)
    roster = shift.roster
    form = ShiftSwapForm(request.POST, roster=roster)
    if not form.is_valid():
        return _finish(request, roster, errors=[_("Choose a worker.")], notes=[])
    try:
        warnings = shift_swap(shift=shift, worker=form.cleaned_data["worker"], actor=request.user)
    except ValidationError as error:
        return _finish(request, roster, errors=error.messages, notes=[])
    return _finish(request, roster, errors=[], notes=[_("Shift changed."), *warnings])


@require_POST
@coop_view(C)
def swap_check(request: CoopRequest, coop: str, shift_pk: int) -> HttpResponse:
    """The swap form's live check (htmx): the same rules as the swap itself."""
    shift: Shift = get_for(Shift.objects, cooperative=request.cooperative, pk=shift_pk)
    form = ShiftSwapForm(request.POST, roster=shift.roster)
    errors: list[str] = []
    warnings: list[str] = []
    if form.is_valid():
        errors, warnings = shift_swap_problems(
            shift=shift, worker=form.cleaned_data["worker"], actor=request.user
        )
    return render(request, "dispatch/_shift_check.html", {
        "ready": form.is_valid(), "errors": errors, "warnings": warnings,
    })  # fmt: skip


@coop_view(C)
def roster_print(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    """The grid alone on A3 landscape: no menus, no forms; the browser's print dialog opens."""
    roster = _roster(request, roster_pk)
    return render(request, "dispatch/roster_print.html", exports.print_context(roster))


@coop_view(C)
def roster_pdf(request: CoopRequest, coop: str, roster_pk: int) -> HttpResponse:
    roster = _roster(request, roster_pk)
    response = HttpResponse(exports.roster_pdf(roster), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="roster-{roster.start_date:%Y-%m}.pdf"'
    return response


def _spreadsheet(request: CoopRequest, fmt: str, name: str, sheets: Any) -> HttpResponse:
    if fmt == "xlsx":
        return download(xlsx_bytes(sheets), filename=f"{name}.xlsx", kind="xlsx")
    if fmt != "csv":
        raise Http404
    _title, header, rows = sheets[0]
    if wants_cp932(request):
        body = csv_bytes(header, rows, encoding="cp932")
        return download(body, filename=f"{name}.csv", kind="csv-cp932")
    return download(csv_bytes(header, rows), filename=f"{name}.csv", kind="csv")


@coop_view(C)
def roster_export(request: CoopRequest, coop: str, roster_pk: int, fmt: str) -> HttpResponse:
    roster = _roster(request, roster_pk)
    return _spreadsheet(
        request, fmt, f"roster-{roster.start_date:%Y-%m}", exports.roster_sheets(roster)
    )


@coop_view(C, Role.MEMBER, Role.WORKER)
def timesheet_export(request: CoopRequest, coop: str, fmt: str) -> HttpResponse:
    shifts, first = timesheet_scope(request)
    return _spreadsheet(request, fmt, f"timesheets-{first:%Y-%m}", exports.timesheet_sheets(shifts))
