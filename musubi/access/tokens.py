"""Personal access tokens for the API (``Authorization: Bearer msb_…``).

``ApiTokenMiddleware`` runs before the cooperative is resolved: a valid token stands for its
user on /api/ requests, only within its cooperative (other cooperatives' routes are 404, as for
an outsider), and a read-only token cannot change anything (403). The token was made in a
session that passed the second factor, so it counts as verified.
"""

import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django_scopes import scopes_disabled

from musubi.access.models import ApiToken, Membership
from musubi.core.models import Cooperative, User

PREFIX = "msb_"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_create(
    *, user: User, cooperative: Cooperative, name: str, can_write: bool
) -> tuple[ApiToken, str]:
    """Make a token for a cooperative the user belongs to; returns the row and the token (once)."""
    with scopes_disabled():
        if not Membership.objects.filter(user=user, cooperative=cooperative).exists():
            raise PermissionError("not a member of this cooperative")
    secret = secrets.token_urlsafe(32)
    token = f"{PREFIX}{secret}"
    row = ApiToken.objects.create(
        user=user, cooperative=cooperative, name=name, prefix=token[:12],
        digest=_digest(token), can_write=can_write,
    )  # fmt: skip
    return row, token


@transaction.atomic
def api_token_revoke(*, token: ApiToken, user: User) -> None:
    if token.user_id != user.pk:
        raise PermissionError("not your token")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def token_for(header: str) -> ApiToken | None:
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.startswith(PREFIX):
        return None
    return (
        ApiToken.objects.select_related("user", "cooperative")
        .filter(digest=_digest(value.strip()), revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def _unauthorised() -> HttpResponse:
    response = JsonResponse({"detail": "Invalid or revoked token"}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


class ApiTokenMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.api_token = None  # type: ignore[attr-defined]
        header = request.headers.get("Authorization", "")
        if not request.path_info.startswith("/api/") or not header:
            return self.get_response(request)
        token = token_for(header)
        if token is None:
            return _unauthorised()
        try:
            coop = resolve(request.path_info).kwargs.get("coop")
        except Resolver404:
            coop = None
        if coop is not None and coop != token.cooperative.slug:
            return JsonResponse({"detail": "Not Found"}, status=404)
        if request.method not in SAFE_METHODS and not token.can_write:
            return JsonResponse({"detail": "This token may only read."}, status=403)
        user: Any = token.user
        user.is_verified = lambda: True  # made in a session that passed the second factor
        request.user = user
        request.api_token = token  # type: ignore[attr-defined]
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return self.get_response(request)


def api_token_auth(request: HttpRequest) -> Any:
    """django-ninja auth callback: the token's user (no CSRF check: no cookie is involved)."""
    return request.user if getattr(request, "api_token", None) is not None else None
