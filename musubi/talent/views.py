"""Public talent sign-up, and the talent's own profile and consents (outside any cooperative)."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from musubi.core.forms import add_validation_error
from musubi.core.models import Cooperative
from musubi.core.tenancy import actor_of
from musubi.talent import services
from musubi.talent.decorators import talent_view
from musubi.talent.forms import ConsentForm, ProfileForm, SignUpForm
from musubi.talent.models import Talent, TalentConsent


def signup(request: HttpRequest) -> HttpResponse:
    """Phone-friendly sign-up; the purpose of use is shown before consent is asked (R6.1)."""
    if request.user.is_authenticated and Talent.objects.filter(user=request.user).exists():
        return redirect("talent:home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            talent = services.talent_sign_up(
                email=data["email"],
                password=data["password"],
                family_name=data["family_name"],
                given_name=data["given_name"],
                profile=form.profile(),
                cooperatives=list(data["cooperatives"]),
                purpose_consent=data["purpose_consent"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            login(request, talent.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! Your profile is registered."))
            return redirect("talent:home")
    return render(request, "talent/signup.html", {"form": form})


@talent_view
def profile(request: HttpRequest, talent: Talent) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=talent)
    if request.method == "POST" and form.is_valid():
        try:
            services.talent_update(talent=talent, profile=form.profile(), actor=actor_of(request))
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("talent:home")
    return render(request, "talent/profile.html", {"form": form})


@talent_view
def consents(request: HttpRequest, talent: Talent) -> HttpResponse:
    """Share or stop sharing the profile with each cooperative; the history stays visible."""
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            cooperative = form.cleaned_data["cooperative"]
            if form.cleaned_data["action"] == "grant":
                services.consent_grant(
                    talent=talent, cooperative=cooperative, actor=actor_of(request)
                )
                messages.success(
                    request, _("Your profile is now shared with %(name)s.") % {"name": cooperative}
                )
            else:
                services.consent_revoke(
                    talent=talent, cooperative=cooperative, actor=actor_of(request)
                )
                messages.success(
                    request,
                    _("Your profile is no longer shared with %(name)s.") % {"name": cooperative},
                )
        return redirect("talent:consents")
    with scopes_disabled():
        history = list(TalentConsent.objects.filter(talent=talent).select_related("cooperative"))
    live = {c.cooperative_id for c in history if c.revoked_at is None}
    rows = [{"cooperative": c, "shared": c.pk in live} for c in Cooperative.objects.all()]
    return render(request, "talent/consents.html", {"rows": rows, "history": history})
