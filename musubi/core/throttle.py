"""Login throttling, stored in the database so it holds across server processes and machines.

An attempt first takes a slot from the account's counter (and the address's), and only then is the
password checked. Taking a slot is one conditional UPDATE (``failures < limit``), which the database
serialises, so a burst of parallel guesses gets exactly ``limit`` tries and the right password
after them is refused like any other. A successful login gives the slots back.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.http import HttpRequest
from django.utils import timezone

from musubi.core.models import LoginThrottle


def client_ip(request: HttpRequest) -> str | None:
    # Behind a reverse proxy, configure it to set REMOTE_ADDR; X-Forwarded-For is forgeable.
    return request.META.get("REMOTE_ADDR") or None


def _keys(*, email: str, ip: str | None) -> list[tuple[str, int]]:
    limit = settings.LOGIN_FAILURE_LIMIT
    keys = []
    if email:
        keys.append((f"account:{email.lower()}", limit))
    if ip:
        # An address gets more room than an account: an office shares one address.
        keys.append((f"ip:{ip}", limit * 4))
    return keys


def _take(key: str, limit: int) -> bool:
    now = timezone.now()
    expired = Q(window_start__lt=now - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS))
    # Writes only (no read first): on SQLite a transaction that starts by reading cannot wait
    # for the write lock, one that starts by writing queues behind it.
    LoginThrottle.objects.bulk_create(
        [LoginThrottle(key=key, failures=0, window_start=now)], ignore_conflicts=True
    )
    taken = LoginThrottle.objects.filter(Q(key=key) & (Q(failures__lt=limit) | expired)).update(
        failures=Case(When(expired, then=Value(1)), default=F("failures") + 1),
        window_start=Case(When(expired, then=Value(now)), default=F("window_start")),
    )
    return taken == 1


def login_attempt_allowed(*, email: str, ip: str | None) -> bool:
    """Take one attempt from the account's and the address's allowance; False when either is spent.

    Nothing is taken when the attempt is refused, so a locked account's counter stays at the limit.
    """
    with transaction.atomic():
        for key, limit in _keys(email=email, ip=ip):
            if not _take(key, limit):
                transaction.set_rollback(True)
                return False
    return True


def login_succeeded(*, email: str, ip: str | None) -> None:
    """Give the account its allowance back, and the address the attempt it took."""
    LoginThrottle.objects.filter(key=f"account:{email.lower()}").delete()
    if ip:
        LoginThrottle.objects.filter(key=f"ip:{ip}", failures__gt=0).update(
            failures=F("failures") - 1
        )
