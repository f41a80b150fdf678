"""Enter the cooperative's scope for each request whose URL names one, and enforce 2FA."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django_scopes import scope

from musubi.access.selectors import cooperative_for_user, user_needs_two_factor

TENANT_KWARG = "coop"


class ScopeMiddleware:
    """A request for ``/c/<coop>/…`` runs inside that cooperative's scope, or gets 404.

    Outside such URLs no scope is active, so any query on a tenant model raises ScopeError
    instead of silently mixing cooperatives.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.cooperative = None  # type: ignore[attr-defined]
        request.membership = None  # type: ignore[attr-defined]
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        slug = match.kwargs.get(TENANT_KWARG)
        if slug is None:
            return self.get_response(request)
        if not request.user.is_authenticated:
            # The view's login check redirects. No scope is entered (a None scope would mean
            # "no filter" in django-scopes), so any tenant query here would raise.
            return self.get_response(request)
        coop, membership = cooperative_for_user(slug=slug, user=request.user)
        request.cooperative = coop  # type: ignore[attr-defined]
        request.membership = membership  # type: ignore[attr-defined]
        with scope(cooperative=coop):
            return self.get_response(request)


ALWAYS_ALLOWED_PREFIXES = ("/account/", "/static/", "/i18n/", "/favicon")


class TwoFactorRequiredMiddleware:
    """Coordinators and platform admins must set up and pass TOTP before anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path_info.startswith(ALWAYS_ALLOWED_PREFIXES)
            and not user.is_verified()  # type: ignore[attr-defined]
            and user_needs_two_factor(user)
        ):
            if request.path_info.startswith("/api/"):
                return HttpResponse(status=403)
            return redirect("two_factor")
        return self.get_response(request)
