"""Login throttling, stored in the database so it holds across server processes."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from musubi.core.models import LoginFailure


def client_ip(request: HttpRequest) -> str | None:
    # Behind a reverse proxy, configure it to set REMOTE_ADDR; X-Forwarded-For is forgeable.
    return request.META.get("REMOTE_ADDR") or None


def login_is_locked(*, email: str, ip: str | None) -> bool:
    since = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    recent = LoginFailure.objects.filter(at__gte=since)
    by_account = recent.filter(email=email.lower()).count()
    # An address gets more room than an account: an office shares one address.
    by_address = recent.filter(ip_address=ip).count() if ip else 0
    limit = settings.LOGIN_FAILURE_LIMIT
    return by_account >= limit or by_address >= limit * 4


def login_failed(*, email: str, ip: str | None) -> None:
    LoginFailure.objects.create(email=email.lower(), ip_address=ip)


def login_succeeded(*, email: str) -> None:
    LoginFailure.objects.filter(Q(email=email.lower())).delete()
