"""The person's API tokens: make one (shown once), see when each was used, revoke."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from musubi.access.models import ApiToken
from musubi.access.selectors import memberships_of, user_needs_two_factor
from musubi.access.tokens import api_token_create, api_token_revoke
from musubi.core.models import Cooperative


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=100)
    cooperative = forms.ModelChoiceField(
        label=gettext_lazy("Cooperative"), queryset=Cooperative.objects.none()
    )
    can_write = forms.BooleanField(
        label=gettext_lazy("May change data (otherwise read only)"), required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [m.cooperative_id for m in memberships_of(user)]
        field = self.fields["cooperative"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Cooperative.objects.filter(pk__in=ids)


def _second_factor_missing(request: HttpRequest) -> bool:
    # /account/ pages are open before the second factor; tokens are not.
    return user_needs_two_factor(request.user) and not request.user.is_verified()  # type: ignore[union-attr]


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    if _second_factor_missing(request):
        return redirect("two_factor")
    user: Any = request.user
    with scopes_disabled():
        form = ApiTokenForm(request.POST or None, user=user)
        shown = None
        if request.method == "POST" and form.is_valid():
            _, shown = api_token_create(user=user, **form.cleaned_data)
            form = ApiTokenForm(user=user)
        tokens = list(ApiToken.objects.filter(user=user).select_related("cooperative"))
    return render(request, "core/api_tokens.html", {"form": form, "tokens": tokens, "shown": shown})


@login_required
def api_token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first (a revoked token cannot be brought back), then revoke."""
    if _second_factor_missing(request):
        return redirect("two_factor")
    user: Any = request.user
    token = ApiToken.objects.filter(pk=pk, user=user, revoked_at__isnull=True).first()
    if token is None:
        raise Http404
    if request.method == "POST":
        api_token_revoke(token=token, user=user)
        messages.success(request, _("The token was revoked."))
        return redirect("api_tokens")
    return render(request, "core/api_token_revoke.html", {"token": token})
