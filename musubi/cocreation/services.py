"""Writes for co-creation: challenges, invitations, engagements, meetings. Nothing half-written."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from musubi.cocreation import ics
from musubi.cocreation.models import (
    OPEN_INVITATION,
    Challenge,
    ChallengeStatus,
    Engagement,
    EngagementFormat,
    EngagementStatus,
    InvitationStatus,
    MatchInvitation,
    Meeting,
)
from musubi.cocreation.scheduling import overlaps
from musubi.cocreation.selectors import talent_capacity
from musubi.core.audit import audit_record, audited_save, plain
from musubi.core.mail import one_line
from musubi.core.models import AuditLogEntry, Cooperative, User
from musubi.core.months import month_bounds
from musubi.members.models import MemberBusiness
from musubi.talent.models import Talent
from musubi.talent.services import require_consent

REPLY_DAYS = 3
MAX_PAYMENT_DAYS = 60  # フリーランス新法: payment within 60 days of receiving the service (R5.4)


def _link(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


# --- challenges ---------------------------------------------------------------------------------


@transaction.atomic
def challenge_create(
    *, cooperative: Cooperative, member_business: MemberBusiness, actor: User, data: dict[str, Any]
) -> Challenge:
    """Store an owner's challenge in their own words."""
    if member_business.cooperative_id != cooperative.pk:
        raise ValidationError(_("Choose a member business of this cooperative."))
    challenge = Challenge(
        cooperative=cooperative, member_business=member_business, created_by=actor, **data
    )
    audited_save(instance=challenge, actor=actor, cooperative=cooperative)
    return challenge


@transaction.atomic
def challenge_scope(*, challenge: Challenge, actor: User, data: dict[str, Any]) -> Challenge:
    """The coordinator's scoped project: summary, deliverables, skills; status becomes scoped."""
    for name, value in data.items():
        setattr(challenge, name, value)
    if challenge.status == ChallengeStatus.SUBMITTED:
        challenge.status = ChallengeStatus.SCOPED
    challenge.scoped_at = timezone.now()
    audited_save(instance=challenge, actor=actor, cooperative=challenge.cooperative)
    return challenge


# --- invitations --------------------------------------------------------------------------------


def _invitation_for(challenge: Challenge, talent: Talent) -> MatchInvitation:
    invitation = MatchInvitation.objects.filter(
        cooperative=challenge.cooperative, challenge=challenge, talent=talent
    ).first()
    return invitation or MatchInvitation(
        cooperative=challenge.cooperative, challenge=challenge, talent=talent
    )


@transaction.atomic
def invitation_shortlist(
    *, challenge: Challenge, talent: Talent, actor: User, score: float = 0, reasons: Any = None
) -> MatchInvitation:
    """Put a consented talent on the challenge's shortlist."""
    require_consent(talent=talent, cooperative=challenge.cooperative)
    invitation = _invitation_for(challenge, talent)
    if invitation.pk is None or invitation.status == InvitationStatus.SUGGESTED:
        invitation.status = InvitationStatus.SHORTLISTED
        invitation.score = score
        invitation.reasons = reasons or {}
        invitation.save()
    return invitation


@transaction.atomic
def invitation_send(
    *,
    challenge: Challenge,
    talent: Talent,
    actor: User,
    message: str = "",
    score: float = 0,
    reasons: Any = None,
) -> MatchInvitation:
    """Invite a consented talent; the invitation expires unanswered after three days."""
    require_consent(talent=talent, cooperative=challenge.cooperative)
    invitation = _invitation_for(challenge, talent)
    if invitation.status in (InvitationStatus.ACCEPTED, InvitationStatus.INVITED):
        raise ValidationError(_("This talent has already been invited."))
    now = timezone.now()
    invitation.status = InvitationStatus.INVITED
    invitation.message = message
    invitation.invited_at = now
    invitation.expires_at = now + dt.timedelta(days=REPLY_DAYS)
    invitation.responded_at = None
    if score:
        invitation.score, invitation.reasons = score, reasons or {}
    invitation.save()
    audit_record(
        actor=actor,
        cooperative=challenge.cooperative,
        action=AuditLogEntry.Action.CREATE,
        instance=invitation,
        changes={"status": [None, "invited"]},
    )
    user = talent.user
    context = {
        "invitation": invitation,
        "challenge": challenge,
        "talent": talent,
        "link": _link("/talent/"),
    }
    with translation.override(user.preferred_language or "ja"):
        subject = _("An invitation from %(name)s") % {"name": challenge.cooperative.name}
        body = render_to_string("cocreation/email/invitation.txt", context)
    transaction.on_commit(lambda: EmailMessage(one_line(subject), body, to=[user.email]).send())
    return invitation


def _tell_coordinators(invitation: MatchInvitation) -> None:
    """Email the cooperative's coordinators when a talent answers or raises a hand."""
    from musubi.access.models import Membership
    from musubi.core.models import Role

    with scopes_disabled():
        users = [
            m.user
            for m in Membership.objects.filter(
                cooperative=invitation.cooperative, role=Role.COORDINATOR
            ).select_related("user")
        ]
    path = f"/c/{invitation.cooperative.slug}/cocreation/{invitation.challenge_id}/"
    context = {"invitation": invitation, "link": _link(path)}
    messages = []
    for user in users:
        with translation.override(user.preferred_language or "ja"):
            subject = _("%(talent)s: %(status)s") % {
                "talent": invitation.talent,
                "status": invitation.get_status_display(),
            }
            body = render_to_string("cocreation/email/answer.txt", context)
        messages.append(EmailMessage(one_line(subject), body, to=[user.email]))
    transaction.on_commit(lambda: [m.send() for m in messages])


@transaction.atomic
def interest_express(*, challenge: Challenge, talent: Talent, actor: User) -> MatchInvitation:
    """A talent raises a hand for a challenge; the coordinator then confirms."""
    require_consent(talent=talent, cooperative=challenge.cooperative)
    invitation = _invitation_for(challenge, talent)
    if invitation.status in (InvitationStatus.INVITED, InvitationStatus.ACCEPTED):
        return invitation
    invitation.status = InvitationStatus.INTERESTED
    invitation.responded_at = timezone.now()
    invitation.save()
    _tell_coordinators(invitation)
    return invitation


@transaction.atomic
def invitation_respond(
    *, invitation: MatchInvitation, talent: Talent, accept: bool
) -> MatchInvitation:
    """The talent's answer; an expired invitation can no longer be accepted."""
    if invitation.talent_id != talent.pk:
        raise ValidationError(_("This invitation is not yours."))
    if invitation.status != InvitationStatus.INVITED:
        raise ValidationError(_("This invitation is no longer open."))
    now = timezone.now()
    if invitation.expires_at and invitation.expires_at < now:
        raise ValidationError(_("This invitation has expired."))
    if accept:
        require_consent(talent=talent, cooperative=invitation.cooperative)
    invitation.status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
    invitation.responded_at = now
    with scopes_disabled():
        invitation.save(update_fields=["status", "responded_at"])
    _tell_coordinators(invitation)
    return invitation


def invitations_expire(*, now: dt.datetime | None = None) -> list[int]:
    """Expire invitations unanswered for three days, and suggest each challenge's next candidate.

    Ranking runs outside any transaction; each challenge's writes are one transaction.
    """
    from django_scopes import scope

    from musubi.cocreation.matching import recommend

    now = now or timezone.now()
    with scopes_disabled():
        due = list(
            MatchInvitation.objects.filter(
                status=InvitationStatus.INVITED, expires_at__lt=now
            ).select_related("cooperative", "challenge")
        )
    expired = []
    for invitation in due:
        coop = invitation.cooperative
        with scope(cooperative=coop):
            challenge = invitation.challenge
            taken = set(
                MatchInvitation.objects.filter(cooperative=coop, challenge=challenge)
                .exclude(pk=invitation.pk)
                .values_list("talent_id", flat=True)
            ) | {invitation.talent_id}
            candidates = recommend(challenge, top=1, exclude=taken)
            with transaction.atomic():
                invitation.status = InvitationStatus.EXPIRED
                invitation.save(update_fields=["status"])
                if candidates:
                    best = candidates[0]
                    MatchInvitation.objects.create(
                        cooperative=coop,
                        challenge=challenge,
                        talent=best.talent,
                        status=InvitationStatus.SUGGESTED,
                        score=best.score,
                        reasons=best.reasons,
                    )
        expired.append(invitation.pk)
    return expired


def open_invitations(*, challenge: Challenge) -> list[MatchInvitation]:
    return list(
        MatchInvitation.objects.filter(
            cooperative=challenge.cooperative, challenge=challenge, status__in=OPEN_INVITATION
        )
    )


# --- engagements --------------------------------------------------------------------------------


def _check_engagement(engagement: Engagement) -> None:
    errors: dict[str, str] = {}
    if engagement.end < engagement.start:
        errors["end"] = _("The engagement cannot end before it starts.")
    if engagement.payment_days > MAX_PAYMENT_DAYS:
        errors["payment_days"] = _(
            "Payment must be due within 60 days of receiving the service (freelance act)."
        )
    if engagement.format == EngagementFormat.PROBONO and engagement.fee_yen:
        errors["fee_yen"] = _("A pro bono engagement has no fee.")
    capacity = talent_capacity(talent=engagement.talent, exclude_engagement=engagement.pk)
    if engagement.hours_per_month > capacity:
        errors["hours_per_month"] = _(
            "%(name)s has only %(free)d hours a month left; %(asked)d hours is too many."
        ) % {"name": engagement.talent, "free": capacity, "asked": engagement.hours_per_month}
    if errors:
        raise ValidationError(errors)


def written_terms(engagement: Engagement) -> str:
    """The terms in writing that the freelance act asks for (R5.4), in the talent's language."""
    _first, last = month_bounds(engagement.start)
    context = {
        "e": engagement,
        "first_due": last + dt.timedelta(days=engagement.payment_days),
    }
    with translation.override(engagement.talent.user.preferred_language or "ja"):
        return render_to_string("cocreation/terms.txt", context).strip()


@transaction.atomic
def engagement_propose(
    *, challenge: Challenge, talent: Talent, actor: User, data: dict[str, Any]
) -> Engagement:
    """Propose an engagement with written terms; refuses bad dates, late payment, over capacity."""
    require_consent(talent=talent, cooperative=challenge.cooperative)
    engagement = Engagement(
        cooperative=challenge.cooperative, challenge=challenge, talent=talent, **data
    )
    _check_engagement(engagement)
    engagement.terms = written_terms(engagement)
    audited_save(instance=engagement, actor=actor, cooperative=challenge.cooperative)
    return engagement


@transaction.atomic
def engagement_accept(
    *, engagement: Engagement, talent: Talent, confidentiality: bool, conflict_of_interest: str
) -> Engagement:
    """The talent accepts the written terms with the confidentiality and conflict declaration."""
    if engagement.talent_id != talent.pk:
        raise ValidationError(_("This engagement is not yours."))
    if engagement.status != EngagementStatus.PROPOSED:
        raise ValidationError(_("This engagement is not waiting for your answer."))
    if not confidentiality:
        raise ValidationError(
            {
                "confidentiality": _(
                    "Please declare that you will keep the business's information confidential."
                )
            }
        )
    _check_engagement(engagement)
    now = timezone.now()
    engagement.status = EngagementStatus.ACTIVE
    engagement.accepted_at = now
    engagement.confidentiality_declared_at = now
    engagement.conflict_of_interest = conflict_of_interest.strip()
    with scopes_disabled():
        audited_save(instance=engagement, actor=talent.user, cooperative=engagement.cooperative)
        challenge = engagement.challenge
        challenge.status = ChallengeStatus.ENGAGED
        challenge.save(update_fields=["status"])
    return engagement


@transaction.atomic
def engagement_exit(*, engagement: Engagement, actor: User, on: dt.date) -> Engagement:
    """End at the end of ``on``'s month: either side may leave at any month end."""
    _first, last = month_bounds(on)
    if last < timezone.localdate():
        raise ValidationError(_("Choose the end of this month or a later month."))
    if last < engagement.start:
        raise ValidationError(_("The engagement cannot end before it starts."))
    engagement.ended_on = last
    engagement.end = min(engagement.end, last)
    with scopes_disabled():
        audited_save(instance=engagement, actor=actor, cooperative=engagement.cooperative)
    return engagement


def engagements_close(*, today: dt.date | None = None) -> int:
    """Mark engagements past their end as ended, which frees the talent's hours."""
    today = today or timezone.localdate()
    with scopes_disabled():
        return Engagement.objects.filter(status=EngagementStatus.ACTIVE, end__lt=today).update(
            status=EngagementStatus.ENDED
        )


# --- meetings -----------------------------------------------------------------------------------


def _busy_conflict(
    users: list[User], start: dt.datetime, end: dt.datetime, exclude: int | None
) -> User | None:
    # A talent meets several cooperatives: their calendar is checked everywhere, but only a
    # yes/no answer leaves this function.
    with scopes_disabled():
        queryset = Meeting.objects.filter(
            participants__in=users, starts_at__lt=end, ends_at__gt=start
        )
        if exclude is not None:
            queryset = queryset.exclude(pk=exclude)
        clash = queryset.prefetch_related("participants").first()
        if clash is None:
            return None
        ids = {u.pk for u in clash.participants.all()}
    return next(u for u in users if u.pk in ids)


@transaction.atomic
def meeting_schedule(
    *,
    challenge: Challenge,
    actor: User,
    title: str,
    starts_at: dt.datetime,
    minutes: int,
    participants: list[User],
    engagement: Engagement | None = None,
) -> Meeting:
    """Book a video meeting, refusing overlaps for any participant, and email an .ics to all."""
    if minutes < 15 or minutes > 240:
        raise ValidationError({"minutes": _("A meeting lasts between 15 minutes and 4 hours.")})
    ends_at = starts_at + dt.timedelta(minutes=minutes)
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": _("Choose a time in the future.")})
    clash = _busy_conflict(participants, starts_at, ends_at, None)
    if clash is not None:
        raise ValidationError(
            {
                "starts_at": _("%(name)s already has a meeting at that time. Choose another slot.")
                % {"name": clash.display_name}
            }
        )
    meeting = Meeting(
        cooperative=challenge.cooperative,
        challenge=challenge,
        engagement=engagement,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
    )
    base = challenge.cooperative.video_base_url or "https://meet.jit.si/"
    meeting.video_url = base.rstrip("/") + "/" + meeting.room
    meeting.save()
    meeting.participants.set(participants)
    audit_record(
        actor=actor,
        cooperative=challenge.cooperative,
        action=AuditLogEntry.Action.CREATE,
        instance=meeting,
        changes={"starts_at": [None, plain(starts_at)]},
    )
    messages = [meeting_email(meeting, user) for user in participants]
    transaction.on_commit(lambda: [m.send() for m in messages])
    return meeting


def meeting_ics(meeting: Meeting) -> str:
    """The invitation file; the cooperative organises, every participant (talents too) attends."""
    users = list(meeting.participants.all())
    return ics.invitation(
        uid=f"{meeting.room}@musubi",
        start=meeting.starts_at,
        end=meeting.ends_at,
        summary=meeting.title,
        description=f"{meeting.challenge.title}\n{meeting.video_url}",
        url=meeting.video_url,
        organizer=(meeting.cooperative.name, settings.DEFAULT_FROM_EMAIL),
        attendees=[(u.display_name, u.email) for u in users],
        sequence=meeting.sequence,
    )


def meeting_email(meeting: Meeting, user: User, *, reminder: bool = False) -> EmailMessage:
    with translation.override(user.preferred_language or "ja"):
        if reminder:
            subject = _("Reminder: %(title)s tomorrow") % {"title": meeting.title}
        else:
            subject = _("Meeting invitation: %(title)s") % {"title": meeting.title}
        body = render_to_string(
            "cocreation/email/meeting.txt", {"meeting": meeting, "user": user, "reminder": reminder}
        )
    message = EmailMessage(one_line(subject), body, to=[user.email])
    if not reminder:
        message.attach(
            "invite.ics",
            meeting_ics(meeting),
            "text/calendar; method=REQUEST; charset=UTF-8",
        )
    return message


def meeting_reminders_send(*, now: dt.datetime | None = None) -> int:
    """Email each participant 24 hours before a meeting, once."""
    now = now or timezone.now()
    with scopes_disabled():
        due = list(
            Meeting.objects.filter(
                reminder_sent_at__isnull=True,
                starts_at__gt=now,
                starts_at__lte=now + dt.timedelta(hours=24),
            )
            .prefetch_related("participants")
            .select_related("challenge")
        )
        for meeting in due:
            for user in meeting.participants.all():
                meeting_email(meeting, user, reminder=True).send()
            Meeting.objects.filter(pk=meeting.pk).update(reminder_sent_at=now)
    return len(due)


def slot_overlaps(meeting: Meeting, start: dt.datetime, end: dt.datetime) -> bool:
    return overlaps(meeting.starts_at, meeting.ends_at, start, end)
