"""Dispatch settings beyond the cooperative's labour settings: 特定期間 and document texts."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from musubi.cooperatives.models import Role
from musubi.core.crud import Column, form_page, list_page
from musubi.core.tenancy import CoopRequest, coop_view, get_for
from musubi.dispatch.documents import terms_for
from musubi.dispatch.forms import DesignatedPeriodForm, DispatchTermsForm
from musubi.dispatch.models import DesignatedPeriod


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
def terms_edit(request: CoopRequest, coop: str) -> HttpResponse:
    return form_page(
        request,
        form=DispatchTermsForm(request.POST or None, instance=terms_for(request.cooperative)),
        title=_("Texts of the dispatch documents"),
        success_url=lambda t: reverse("dispatch:terms_edit", args=[coop]),
    )
