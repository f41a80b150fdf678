"""Writes for city talents: sign-up, profile changes and per-cooperative consent (R6.1, R6.2)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from musubi.core.audit import audit_record, audited_save, plain
from musubi.core.models import AuditLogEntry, Cooperative, User
from musubi.talent.models import Talent, TalentConsent
from musubi.talent.tasks import talent_embed

# What a cooperative receives when a talent consents (recorded with each consent, R6.2).
SHARED_ITEMS = [
    "name",
    "email",
    "headline",
    "career_summary",
    "skills",
    "industries",
    "certifications",
    "languages",
    "availability",
    "home_prefecture",
    "fee_preference",
]


def _enqueue_embedding(talent: Talent) -> None:
    talent_id = talent.pk
    transaction.on_commit(lambda: talent_embed.enqueue(talent_id))


@transaction.atomic
def talent_sign_up(
    *,
    email: str,
    password: str,
    family_name: str,
    given_name: str,
    profile: dict[str, Any],
    cooperatives: list[Cooperative],
    purpose_consent: bool,
) -> Talent:
    """Create the login and the profile; refuses without consent to the purpose of use (R6.1)."""
    if not purpose_consent:
        raise ValidationError(
            {"purpose_consent": _("Please agree to the purpose of use to register.")}
        )
    email = email.strip().lower()
    if User.objects.filter(email=email).exists():
        raise ValidationError({"email": _("This email address is already registered.")})
    user = User.objects.create_user(email, password, family_name=family_name, given_name=given_name)
    talent = Talent(user=user, purpose_consented_at=timezone.now(), **profile)
    audited_save(instance=talent, actor=user, cooperative=None)
    for cooperative in cooperatives:
        consent_grant(talent=talent, cooperative=cooperative, actor=user)
    _enqueue_embedding(talent)
    return talent


@transaction.atomic
def talent_update(*, talent: Talent, profile: dict[str, Any], actor: User) -> Talent:
    """Save the profile; the embedding is recomputed in the background if the text changed."""
    for name, value in profile.items():
        setattr(talent, name, value)
    audited_save(instance=talent, actor=actor, cooperative=None)
    _enqueue_embedding(talent)
    return talent


def consent_live(*, talent: Talent, cooperative: Cooperative) -> TalentConsent | None:
    with scopes_disabled():
        return TalentConsent.objects.filter(
            talent=talent, cooperative=cooperative, revoked_at__isnull=True
        ).first()


@transaction.atomic
def consent_grant(*, talent: Talent, cooperative: Cooperative, actor: User) -> TalentConsent:
    """Record the talent's consent to share the profile with ``cooperative`` (idempotent)."""
    if actor.pk != talent.user_id:
        raise ValidationError(_("Only the talent can consent to sharing their own profile."))
    existing = consent_live(talent=talent, cooperative=cooperative)
    if existing is not None:
        return existing
    with scopes_disabled():
        consent = TalentConsent.objects.create(
            cooperative=cooperative,
            talent=talent,
            granted_at=timezone.now(),
            data_items=SHARED_ITEMS,
        )
    audit_record(
        actor=actor,
        cooperative=cooperative,
        action=AuditLogEntry.Action.CREATE,
        instance=consent,
        changes={"data_items": [None, SHARED_ITEMS]},
    )
    return consent


@transaction.atomic
def consent_revoke(*, talent: Talent, cooperative: Cooperative, actor: User) -> None:
    """Stop sharing from now on; the record of past consent is kept with its end time."""
    consent = consent_live(talent=talent, cooperative=cooperative)
    if consent is None or actor.pk != talent.user_id:
        return
    consent.revoked_at = timezone.now()
    with scopes_disabled():
        consent.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        cooperative=cooperative,
        action=AuditLogEntry.Action.UPDATE,
        instance=consent,
        changes={"revoked_at": [None, plain(consent.revoked_at)]},
    )


def require_consent(*, talent: Talent, cooperative: Cooperative) -> None:
    """Raise unless the talent has a live consent for ``cooperative`` (R6.2: prior consent)."""
    if consent_live(talent=talent, cooperative=cooperative) is None:
        raise ValidationError(
            _(
                "This talent has not consented to share their profile with this cooperative, "
                "so it cannot be shared or used."
            )
        )
