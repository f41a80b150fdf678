from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from musubi.core.crud import Column, form_page, list_page
from musubi.core.models import Role
from musubi.core.tenancy import CoopRequest, coop_view, get_for
from musubi.members.forms import MemberBusinessForm, SiteForm
from musubi.members.models import MemberBusiness, Site


@coop_view(Role.COORDINATOR)
def member_list(request: CoopRequest, coop: str) -> HttpResponse:
    return list_page(
        request,
        queryset=MemberBusiness.objects.filter(cooperative=request.cooperative),
        search_fields=["name", "name_kana", "corporate_number"],
        title=_("Member businesses"),
        columns=[
            Column(_("Name"), lambda m: m.name),
            Column(_("Industry"), lambda m: m.get_industry_display()),
            Column(_("Member from"), lambda m: m.member_from),
            Column(_("Member until"), lambda m: m.member_to or "—"),
        ],
        row_url=lambda m: reverse("member_edit", args=[coop, m.pk]),
        create_url=reverse("member_create", args=[coop]),
    )


@coop_view(Role.COORDINATOR)
def member_edit(request: CoopRequest, coop: str, pk: int | None = None) -> HttpResponse:
    instance = (
        get_for(MemberBusiness.objects, cooperative=request.cooperative, pk=pk) if pk else None
    )
    form = MemberBusinessForm(request.POST or None, instance=instance)
    return form_page(
        request,
        form=form,
        title=instance.name if instance else _("New member business"),
        success_url=lambda m: reverse("member_list", args=[coop]),
        extra={"sites": instance.sites.all() if instance else None},
    )


@coop_view(Role.COORDINATOR)
def site_list(request: CoopRequest, coop: str) -> HttpResponse:
    return list_page(
        request,
        queryset=Site.objects.filter(cooperative=request.cooperative).select_related("member"),
        search_fields=["name", "member__name", "city", "street", "postal_code"],
        title=_("Sites"),
        columns=[
            Column(_("Member"), lambda s: s.member.name),
            Column(_("Site"), lambda s: s.name),
            Column(_("Address"), lambda s: s.address),
            Column(_("Municipality code"), lambda s: s.municipality_code),
            Column(
                _("Inside the district"),
                lambda s: (
                    _("yes")
                    if s.municipality_code in request.cooperative.district
                    else _("no — dispatch not allowed")
                ),
            ),
        ],
        row_url=lambda s: reverse("site_edit", args=[coop, s.pk]),
        create_url=reverse("site_create", args=[coop]),
    )


@coop_view(Role.COORDINATOR)
def site_edit(request: CoopRequest, coop: str, pk: int | None = None) -> HttpResponse:
    instance = get_for(Site.objects, cooperative=request.cooperative, pk=pk) if pk else None
    form = SiteForm(request.POST or None, instance=instance, cooperative=request.cooperative)
    return form_page(
        request,
        form=form,
        title=str(instance) if instance else _("New site"),
        success_url=lambda s: reverse("site_list", args=[coop]),
    )


@coop_view(Role.MEMBER)
def my_business(request: CoopRequest, coop: str) -> HttpResponse:
    member = request.membership.member_business
    assert member is not None  # the model's check constraint: member users have a business
    return render(
        request,
        "members/my_business.html",
        {"member": member, "sites": member.sites.all()},
    )
