"""Dispatch settings beyond the cooperative's labour settings: 特定期間 and document texts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from musubi.access.forms import OvertimeAgreementForm
from musubi.cooperatives.selectors import agreements_for
from musubi.core.crud import Column, form_page, list_page
from musubi.core.forms import flash_errors
from musubi.core.models import Role, WorkingTimeSystem
from musubi.core.tenancy import CoopRequest, coop_view, get_for
from musubi.dispatch.documents import terms_for
from musubi.dispatch.forms import CalendarDayForm, DesignatedPeriodForm, DispatchTermsForm
from musubi.dispatch.models import CalendarDay, DesignatedPeriod
from musubi.dispatch.services import calendar_day_add, calendar_day_remove


@coop_view(Role.COORDINATOR)
def period_list(request: CoopRequest, coop: str) -> HttpResponse:
    return list_page(
        request,
        queryset=DesignatedPeriod.objects.filter(cooperative=request.cooperative),
        search_fields=["name"],
        title=_("Designated periods (annual variable working hours)"),
        columns=[
            Column(_("Name"), lambda p: p.name),
            Column(_("From"), lambda p: p.start_date),
            Column(_("Until"), lambda p: p.end_date),
        ],
        row_url=lambda p: reverse("dispatch:period_edit", args=[coop, p.pk]),
        create_url=reverse("dispatch:period_create", args=[coop]),
    )


@coop_view(Role.COORDINATOR)
def period_edit(request: CoopRequest, coop: str, period_pk: int | None = None) -> HttpResponse:
    instance = (
        get_for(DesignatedPeriod.objects, cooperative=request.cooperative, pk=period_pk)
        if period_pk
        else None
    )
    return form_page(
        request,
        form=DesignatedPeriodForm(request.POST or None, instance=instance),
        title=instance.name if instance else _("New designated period"),
        success_url=lambda p: reverse("dispatch:period_list", args=[coop]),
    )


@coop_view(Role.COORDINATOR)
def agreement_list(request: CoopRequest, coop: str) -> HttpResponse:
    """The 36協定 on file: without one in force no overtime or holiday work is planned."""
    return list_page(
        request,
        queryset=agreements_for(cooperative=request.cooperative),
        search_fields=[],
        title=_("36 agreements (36協定)"),
        columns=[
            Column(_("Filed on"), lambda a: a.filed_on),
            Column(_("From"), lambda a: a.valid_from),
            Column(_("Until"), lambda a: a.valid_to),
            Column(
                _("Overtime cap (month / year)"),
                lambda a: f"{a.monthly_cap_hours} h / {a.annual_cap_hours} h",
            ),
            Column(_("Special clause"), lambda a: _("yes") if a.special_clause else _("no")),
        ],
        row_url=lambda a: reverse("dispatch:agreement_edit", args=[coop, a.pk]),
        create_url=reverse("dispatch:agreement_create", args=[coop]),
    )


@coop_view(Role.COORDINATOR)
def agreement_edit(
    request: CoopRequest, coop: str, agreement_pk: int | None = None
) -> HttpResponse:
    instance = (
        get_for(
            agreements_for(cooperative=request.cooperative),
            cooperative=request.cooperative,
            pk=agreement_pk,
        )
        if agreement_pk
        else None
    )
    return form_page(
        request,
        form=OvertimeAgreementForm(request.POST or None, instance=instance),
        title=str(instance) if instance else _("New 36 agreement"),
        success_url=lambda a: reverse("dispatch:agreement_list", args=[coop]),
    )


@coop_view(Role.COORDINATOR)
def terms_edit(request: CoopRequest, coop: str) -> HttpResponse:
    return form_page(
        request,
        form=DispatchTermsForm(request.POST or None, instance=terms_for(request.cooperative)),
        title=_("Texts of the dispatch documents"),
        success_url=lambda t: reverse("dispatch:terms_edit", args=[coop]),
    )


@coop_view(Role.COORDINATOR)
def calendar(request: CoopRequest, coop: str) -> HttpResponse:
    """Rest days of the annual variable calendar: add (30 days ahead at least) or remove."""
    if request.method == "POST":
        form = CalendarDayForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError([e for errors in form.errors.values() for e in errors])
            calendar_day_add(
                cooperative=request.cooperative, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            flash_errors(request, error)
        else:
            messages.success(request, _("Saved."))
        return redirect("dispatch:calendar", coop)
    days = CalendarDay.objects.filter(cooperative=request.cooperative)
    return render(request, "dispatch/calendar.html", {
        "title": _("Annual working-time calendar"), "days": days,
        "variable": request.cooperative.working_time_system == WorkingTimeSystem.ANNUAL_VARIABLE,
    })  # fmt: skip


@require_POST
@coop_view(Role.COORDINATOR)
def calendar_remove(request: CoopRequest, coop: str, day_pk: int) -> HttpResponse:
    day: CalendarDay = get_for(CalendarDay.objects, cooperative=request.cooperative, pk=day_pk)
    try:
        calendar_day_remove(day=day, actor=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    return redirect("dispatch:calendar", coop)
