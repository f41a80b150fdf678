"""The door into a cooperative: the home pages, people and invitations, and the cooperative's
settings."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from musubi.access.forms import (
    AcceptInvitationForm,
    CooperativeSettingsForm,
    InvitationForm,
)
from musubi.access.models import Invitation, Membership
from musubi.access.selectors import memberships_of, user_needs_two_factor
from musubi.access.services import (
    invitation_accept,
    invitation_accept_existing,
    invitation_create,
)
from musubi.core.crud import form_page
from musubi.core.forms import add_validation_error
from musubi.core.models import Cooperative, Role, User
from musubi.core.navigation import app_waiting_work
from musubi.core.tenancy import CoopRequest, coop_view, role_of
from musubi.members.models import MemberBusiness, Site
from musubi.workforce.models import Worker


@coop_view(Role.COORDINATOR)
def people(request: CoopRequest, coop: str) -> HttpResponse:
    form = InvitationForm(request.POST or None, cooperative=request.cooperative)
    if request.method == "POST" and form.is_valid():
        try:
            invitation_create(
                cooperative=request.cooperative, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The invitation was sent by email."))
            return redirect("people", coop)
    memberships = Membership.objects.filter(cooperative=request.cooperative).select_related(
        "user", "member_business"
    )
    invitations = Invitation.objects.filter(
        cooperative=request.cooperative, accepted_at__isnull=True
    )
    return render(
        request,
        "cooperatives/people.html",
        {"form": form, "memberships": memberships, "invitations": invitations},
    )


@coop_view(Role.COORDINATOR)
def coop_settings(request: CoopRequest, coop: str) -> HttpResponse:
    form = CooperativeSettingsForm(request.POST or None, instance=request.cooperative)
    return form_page(
        request,
        form=form,
        title=_("Cooperative settings"),
        success_url=lambda c: reverse("coop_settings", args=[coop]),
    )


def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    """A new address chooses a password; an address with an account logs in first, then joins."""
    with scopes_disabled():
        invitation = Invitation.objects.select_related("cooperative").filter(token=token).first()
    if invitation is None or not invitation.is_open:
        raise Http404
    if User.objects.filter(email=invitation.email).exists():
        return _accept_existing(request, invitation)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with scopes_disabled():
                user = invitation_accept(invitation=invitation, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.cooperative})
            return redirect("coop_home", invitation.cooperative.slug)
    return render(request, "cooperatives/accept.html", {"form": form, "invitation": invitation})


def _accept_existing(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    user = request.user
    own = user.is_authenticated and user.email.lower() == invitation.email.lower()
    if own and user_needs_two_factor(user) and not user.is_verified():  # type: ignore[union-attr]
        # /account/ pages are open before the second factor; joining a cooperative is not.
        return redirect(reverse("two_factor") + "?" + urlencode({"next": request.path}))
    if own and request.method == "POST":
        try:
            with scopes_disabled():
                invitation_accept_existing(invitation=invitation, user=user)  # type: ignore[arg-type]
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.cooperative})
            return redirect("coop_home", invitation.cooperative.slug)
    login_url = reverse("login") + "?" + urlencode({"next": request.path})
    return render(
        request,
        "cooperatives/accept_existing.html",
        {"invitation": invitation, "own": own, "login_url": login_url},
    )


def home(request: HttpRequest) -> HttpResponse:
    """The public landing page; after login, a person with one place to go is sent there (one
    cooperative, or a talent's own page), others choose."""
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    memberships = memberships_of(request.user)
    has_talent = hasattr(request.user, "talent")
    if len(memberships) == 1 and not has_talent:
        return redirect("coop_home", memberships[0].cooperative.slug)
    if not memberships and has_talent and not request.user.is_superuser:
        return redirect("talent:home")
    cooperatives = []
    if request.user.is_superuser:
        with scopes_disabled():
            cooperatives = list(Cooperative.objects.all())
    return render(
        request,
        "core/home.html",
        {"memberships": memberships, "has_talent": has_talent, "cooperatives": cooperatives},
    )


@coop_view()
def coop_home(request: CoopRequest, coop: str) -> HttpResponse:
    role = role_of(request)
    cooperative = request.cooperative
    context: dict[str, object] = {"role": role, "today": timezone.localdate()}
    if role in (Role.COORDINATOR, Role.MUNICIPALITY):
        context["counts"] = {
            "members": MemberBusiness.objects.filter(cooperative=cooperative).count(),
            "sites": Site.objects.filter(cooperative=cooperative).count(),
            "workers": Worker.objects.filter(cooperative=cooperative, active=True).count(),
        }
    if role == Role.MEMBER:
        context["member"] = request.membership.member_business
    if role == Role.WORKER:
        context["worker"] = request.membership.worker
    context["waiting"] = app_waiting_work(
        role=role, cooperative=cooperative, membership=request.membership
    )
    return render(request, "core/coop_home.html", context)
