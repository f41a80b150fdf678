"""Who belongs to a cooperative and in which role (Membership), and how they join (Invitation).

Above members and workforce, because a membership points to the member business or the worker
record it is for.
"""

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from musubi.core.models import Role, TenantModel


class Membership(TenantModel):
    """A user's role in one cooperative. A member business user is tied to one MemberBusiness."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    member_business = models.ForeignKey(
        "members.MemberBusiness",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("member business"),
    )
    worker = models.OneToOneField(
        "workforce.Worker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="membership",
        verbose_name=_("worker record"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative", "user"], name="one_role_per_cooperative"
            ),
            models.CheckConstraint(
                condition=~models.Q(role="member") | models.Q(member_business__isnull=False),
                name="member_role_needs_business",
            ),
        ]
        db_table = "cooperatives_membership"  # the table kept its name when the model moved
        verbose_name = _("membership")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _default_expiry() -> datetime:
    return timezone.now() + timedelta(days=7)


class Invitation(TenantModel):
    """An emailed link that lets a person set a password and join with a role."""

    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    member_business = models.ForeignKey(
        "members.MemberBusiness",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("member business"),
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "cooperatives_invitation"  # the table kept its name when the model moved
        verbose_name = _("invitation")

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

    def __str__(self) -> str:
        return self.email


class ApiToken(models.Model):
    """A personal access token for the API: one person, one cooperative, read or read/write.

    Only the SHA-256 of the token is stored (the token is 32 random bytes, so a fast hash is
    enough); the token itself is shown once, when it is made. Revoking keeps the row for the
    record. Looked up by its hash before any cooperative is known, so not scope-managed.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    cooperative = models.ForeignKey("core.Cooperative", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    can_write = models.BooleanField(_("may change data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
