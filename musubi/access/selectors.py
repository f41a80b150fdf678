"""Who belongs where: the reads behind the door into a cooperative."""

from typing import Any

from django.http import Http404
from django_scopes import scopes_disabled

from musubi.access.models import Membership
from musubi.core.models import Cooperative, Role


def cooperative_for_user(*, slug: str, user: Any) -> tuple[Cooperative, Membership | None]:
    """The cooperative named in the URL, if the user belongs to it (or is a platform admin)."""
    with scopes_disabled():
        coop = Cooperative.objects.filter(slug=slug).first()
        if coop is None or not user.is_authenticated:
            raise Http404
        membership = (
            Membership.objects.select_related("member_business", "worker")
            .filter(cooperative=coop, user=user)
            .first()
        )
    if membership is None and not user.is_superuser:
        raise Http404
    return coop, membership


def memberships_of(user: Any) -> list[Membership]:
    with scopes_disabled():
        return list(
            Membership.objects.select_related("cooperative", "member_business").filter(user=user)
        )


def user_needs_two_factor(user: Any) -> bool:
    """Coordinators and platform admins hold everyone's personal data: they must use TOTP."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    with scopes_disabled():
        return Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()
