"""Writes for cooperatives: invitations and joining."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from musubi.access.models import Invitation, Membership
from musubi.core.audit import audit_record, plain
from musubi.core.mail import one_line
from musubi.core.models import AuditLogEntry, Cooperative, Role, User
from musubi.members.models import MemberBusiness


@transaction.atomic
def invitation_create(
    *,
    cooperative: Cooperative,
    actor: User,
    email: str,
    role: str,
    member_business: MemberBusiness | None = None,
) -> Invitation:
    """Store an invitation and email its link; a member user always names their business."""
    email = email.strip().lower()
    if role == Role.MEMBER and member_business is None:
        raise ValidationError(
            {"member_business": _("Choose the member business this user is for.")}
        )
    if Membership.objects.filter(cooperative=cooperative, user__email=email).exists():
        raise ValidationError({"email": _("This person already belongs to the cooperative.")})
    invitation = Invitation.objects.create(
        cooperative=cooperative,
        email=email,
        role=role,
        member_business=member_business if role == Role.MEMBER else None,
        invited_by=actor,
    )
    audit_record(
        actor=actor, cooperative=cooperative, action=AuditLogEntry.Action.CREATE,
        instance=invitation, changes={"email": [None, email], "role": [None, role]},
    )  # fmt: skip
    link = settings.SITE_URL.rstrip("/") + reverse("invitation_accept", args=[invitation.token])
    context = {"cooperative": cooperative, "link": link, "invitation": invitation}
    transaction.on_commit(
        lambda: send_mail(
            subject=one_line(_("Invitation to %(name)s on Musubi") % {"name": cooperative.name}),
            message=render_to_string("cooperatives/invitation_email.txt", context),
            from_email=None,
            recipient_list=[email],
        )
    )
    return invitation


def _join(*, invitation: Invitation, user: User) -> None:
    if not invitation.is_open:
        raise ValidationError(_("This invitation has expired or was already used."))
    if Membership.objects.filter(cooperative=invitation.cooperative, user=user).exists():
        raise ValidationError(_("This person already belongs to the cooperative."))
    Membership.objects.create(
        cooperative=invitation.cooperative,
        user=user,
        role=invitation.role,
        member_business=invitation.member_business,
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit_record(
        actor=user, cooperative=invitation.cooperative, action=AuditLogEntry.Action.UPDATE,
        instance=invitation, changes={"accepted_at": [None, plain(invitation.accepted_at)]},
    )  # fmt: skip


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, family_name: str, given_name: str, password: str
) -> User:
    """Create the account for a new address and give it the invited role, once.

    An address that already has an account never gets in through the link: its owner logs in
    with their own password and accepts (``invitation_accept_existing``).
    """
    if User.objects.filter(email=invitation.email).exists():
        raise ValidationError(_("An account already exists for this address. Log in to accept."))
    user = User.objects.create_user(
        invitation.email,
        password,
        family_name=family_name,
        given_name=given_name,
        preferred_language=translation.get_language() or "ja",
    )
    _join(invitation=invitation, user=user)
    return user


@transaction.atomic
def invitation_accept_existing(*, invitation: Invitation, user: User) -> None:
    """The logged-in owner of the invited address joins with the invited role, once."""
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(_("This invitation was sent to another email address."))
    _join(invitation=invitation, user=user)
