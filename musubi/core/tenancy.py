"""Access to a cooperative and its objects: the second isolation layer behind django-scopes.

Views and API routes fetch tenant objects only through ``*_get_for`` functions that take the
cooperative and the actor and raise ``Http404`` for anything the actor may not see.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, Protocol, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from ninja.errors import HttpError

from musubi.core.models import Cooperative, Role, User

View = Callable[..., HttpResponse]


class Viewer(Protocol):
    """Who is looking, for the access functions: an ``access.Membership`` (platform admins
    have none). A protocol, so every app can state its read rules without importing the app
    that holds memberships (it sits above members and workforce)."""

    role: str
    member_business_id: int | None
    worker_id: int | None
    member_business: Any  # members.MemberBusiness | None
    worker: Any  # workforce.Worker | None


class CoopRequest(HttpRequest):
    """A request inside ``/c/<coop>/``: the middleware has set these two attributes."""

    cooperative: Cooperative
    membership: Viewer
    user: User  # coop_view let only logged-in users through


def role_of(request: HttpRequest) -> str | None:
    membership: Viewer | None = getattr(request, "membership", None)
    if membership is not None:
        return membership.role
    if request.user.is_authenticated and request.user.is_superuser:
        return Role.COORDINATOR
    return None


def actor_of(request: HttpRequest) -> User:
    """The logged-in user of a request that passed a login check (``coop_view``, ninja's auth)."""
    return cast(User, request.user)


def viewer_of(request: HttpRequest) -> Viewer | None:
    """The caller's membership in the request's cooperative (None for a platform admin)."""
    return getattr(request, "membership", None)


def api_coop(request: HttpRequest, *roles: str) -> Cooperative:
    """The cooperative of an API route under ``/c/{coop}/``, if the caller holds one of ``roles``.

    The middleware has already resolved the cooperative and 404'd outsiders; a route outside a
    cooperative is 404 too, and a member of the cooperative in another role gets 403.
    """
    cooperative: Cooperative | None = getattr(request, "cooperative", None)
    if cooperative is None:
        raise HttpError(404, "Not Found")
    if role_of(request) not in roles:
        raise PermissionDenied
    return cooperative


def coop_view(*roles: str) -> Callable[[View], View]:
    """Require login and one of ``roles`` in the cooperative of the URL (middleware resolved it)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if getattr(request, "cooperative", None) is None:
                raise Http404
            if roles and role_of(request) not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def get_for[M: Model](queryset: QuerySet[M], *, cooperative: Cooperative, **lookup: Any) -> M:
    """One object of this cooperative, or 404 — never an object of another cooperative."""
    obj = queryset.filter(cooperative=cooperative, **lookup).first()
    if obj is None:
        raise Http404
    return obj
