"""Co-creation pages inside /c/<coop>/: challenges, matching, engagements, meetings."""

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from musubi.cocreation import services
from musubi.cocreation.forms import (
    ChallengeForm,
    EngagementForm,
    InvitationSendForm,
    MeetingForm,
    ScopeForm,
)
from musubi.cocreation.matching import known_windows, recommend, team_for
from musubi.cocreation.models import (
    Engagement,
    InvitationStatus,
    MatchInvitation,
    Meeting,
)
from musubi.cocreation.scheduling import common_slots
from musubi.cocreation.selectors import (
    challenge_get_for,
    challenges_for,
    engagements_for,
    talent_capacity,
    talent_get_for,
)
from musubi.core.audit import audit_record
from musubi.core.forms import add_validation_error, flash_errors
from musubi.core.models import AuditLogEntry, Role
from musubi.core.months import next_month
from musubi.core.tenancy import CoopRequest, actor_of, coop_view, get_for
from musubi.members.models import MemberBusiness
from musubi.talent.models import Talent

BOTH = (Role.COORDINATOR, Role.MEMBER)


def _coordinator(request: CoopRequest) -> bool:
    return request.membership is None or request.membership.role == Role.COORDINATOR


@coop_view(*BOTH)
def challenge_list(request: CoopRequest, coop: str) -> HttpResponse:
    challenges = challenges_for(cooperative=request.cooperative, membership=request.membership)
    return render(request, "cocreation/challenge_list.html", {"challenges": challenges})


@coop_view(*BOTH)
def challenge_create(request: CoopRequest, coop: str) -> HttpResponse:
    form = ChallengeForm(request.POST or None)
    coordinator = _coordinator(request)
    if coordinator:
        form.fields["member_business"] = forms.ModelChoiceField(
            label=_("Member business"),
            queryset=MemberBusiness.objects.filter(cooperative=request.cooperative),
        )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "member_business"}
        business = (
            form.cleaned_data["member_business"]
            if coordinator
            else request.membership.member_business
        )
        assert business is not None  # the member role requires a business (DB constraint)
        try:
            challenge = services.challenge_create(
                cooperative=request.cooperative,
                member_business=business,
                actor=actor_of(request),
                data=data,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Thank you. The coordinator will contact you soon."))
            return redirect("cocreation:challenge_detail", coop, challenge.pk)
    return render(request, "cocreation/challenge_form.html", {"form": form})


@coop_view(*BOTH)
def challenge_detail(request: CoopRequest, coop: str, challenge_pk: int) -> HttpResponse:
    challenge = challenge_get_for(
        cooperative=request.cooperative, membership=request.membership, challenge_pk=challenge_pk
    )
    invitations = list(
        MatchInvitation.objects.filter(cooperative=request.cooperative, challenge=challenge)
        .select_related("talent__user")
        .order_by("status", "-score")
    )
    context: dict[str, Any] = {
        "challenge": challenge,
        "invitations": invitations,
        "engagements": engagements_for(
            cooperative=request.cooperative, membership=request.membership
        ).filter(challenge=challenge),
        "meetings": Meeting.objects.filter(cooperative=request.cooperative, challenge=challenge),
        "coordinator": _coordinator(request),
    }
    if context["coordinator"]:
        # Expire on sight too, so a page never shows a stale open invitation.
        now = timezone.now()
        if any(
            i.status == InvitationStatus.INVITED and i.expires_at and i.expires_at < now
            for i in invitations
        ):
            services.invitations_expire(now=now)
            return redirect(request.path)
        taken = {i.talent_id for i in invitations if i.status != InvitationStatus.SUGGESTED}
        context["recommendations"] = recommend(challenge, top=8, exclude=taken)
        context["team"] = team_for(challenge)
        context["accepted"] = [i for i in invitations if i.status == InvitationStatus.ACCEPTED]
    return render(request, "cocreation/challenge_detail.html", context)


@coop_view(Role.COORDINATOR)
def challenge_scope(request: CoopRequest, coop: str, challenge_pk: int) -> HttpResponse:
    challenge = challenge_get_for(
        cooperative=request.cooperative, membership=request.membership, challenge_pk=challenge_pk
    )
    form = ScopeForm(request.POST or None, instance=challenge)
    if request.method == "POST" and form.is_valid():
        try:
            services.challenge_scope(
                challenge=challenge,
                actor=actor_of(request),
                data=form.cleaned_data,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("cocreation:challenge_detail", coop, challenge.pk)
    title = _("Scope the challenge")
    return render(
        request, "cocreation/form.html", {"form": form, "title": title, "challenge": challenge}
    )


def _talent_for_action(request: CoopRequest, talent_pk: int) -> Talent:
    talent = Talent.objects.filter(pk=talent_pk).select_related("user").first()
    if talent is None:
        raise Http404
    return talent


@require_POST
@coop_view(Role.COORDINATOR)
def invitation_send(
    request: CoopRequest, coop: str, challenge_pk: int, talent_pk: int
) -> HttpResponse:
    challenge = challenge_get_for(
        cooperative=request.cooperative, membership=request.membership, challenge_pk=challenge_pk
    )
    talent = _talent_for_action(request, talent_pk)
    form = InvitationSendForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        score = form.cleaned_data["score"] or 0.0
        if form.cleaned_data["action"] == "shortlist":
            services.invitation_shortlist(
                challenge=challenge, talent=talent, actor=actor_of(request), score=score
            )
            messages.success(request, _("Added to the shortlist."))
        else:
            services.invitation_send(
                challenge=challenge,
                talent=talent,
                actor=actor_of(request),
                message=form.cleaned_data["message"],
                score=score,
            )
            messages.success(request, _("Invitation sent. The talent has three days to answer."))
    except ValidationError as error:
        flash_errors(request, error)
    return redirect("cocreation:challenge_detail", coop, challenge.pk)


@coop_view(Role.COORDINATOR)
def talent_profile(request: CoopRequest, coop: str, talent_pk: int) -> HttpResponse:
    """A consented talent's profile; the viewing is recorded as a provision (R6.2)."""
    talent = talent_get_for(cooperative=request.cooperative, talent_pk=talent_pk)
    audit_record(
        actor=actor_of(request),
        cooperative=request.cooperative,
        action=AuditLogEntry.Action.VIEW,
        instance=talent,
    )
    context = {"talent": talent, "capacity": talent_capacity(talent=talent)}
    return render(request, "cocreation/talent_profile.html", context)


@coop_view(Role.COORDINATOR)
def engagement_create(
    request: CoopRequest, coop: str, challenge_pk: int, talent_pk: int
) -> HttpResponse:
    challenge = challenge_get_for(
        cooperative=request.cooperative, membership=request.membership, challenge_pk=challenge_pk
    )
    talent = talent_get_for(cooperative=request.cooperative, talent_pk=talent_pk)
    today = timezone.localdate()
    start = next_month(today)
    initial = {
        "hours_per_month": challenge.hours_per_month,
        "start": start,
        "end": start + dt.timedelta(days=30 * challenge.period_months - 1),
        "deliverables": challenge.deliverables,
        "format": "retainer",
        "payment_days": 30,
    }
    form = EngagementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in EngagementForm.Meta.fields}
        try:
            engagement = services.engagement_propose(
                challenge=challenge, talent=talent, actor=actor_of(request), data=data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request, _("The engagement was proposed to the talent with its written terms.")
            )
            return redirect("cocreation:engagement_detail", coop, engagement.pk)
    title = _("Engagement with %(name)s") % {"name": talent}
    context = {
        "form": form,
        "title": title,
        "challenge": challenge,
        "capacity": talent_capacity(talent=talent),
    }
    return render(request, "cocreation/form.html", context)


def _participants(challenge: Any, request: CoopRequest) -> list[Any]:
    from musubi.access.models import Membership

    users = [request.user]
    owners = Membership.objects.filter(
        cooperative=request.cooperative, role=Role.MEMBER, member_business=challenge.member_business
    ).select_related("user")
    users += [m.user for m in owners]
    invited = MatchInvitation.objects.filter(
        cooperative=request.cooperative, challenge=challenge, status=InvitationStatus.ACCEPTED
    ).select_related("talent__user")
    users += [i.talent.user for i in invited]
    seen: dict[Any, Any] = {}
    for user in users:
        seen.setdefault(user.pk, user)
    return list(seen.values())


@coop_view(Role.COORDINATOR)
def meeting_create(request: CoopRequest, coop: str, challenge_pk: int) -> HttpResponse:
    """The three-party introduction (owner, talent, coordinator) or a later meeting."""
    challenge = challenge_get_for(
        cooperative=request.cooperative, membership=request.membership, challenge_pk=challenge_pk
    )
    participants = _participants(challenge, request)
    talents = [getattr(u, "talent", None) for u in participants]
    windows = [known_windows(challenge.windows)]
    windows += [known_windows(t.time_windows) for t in talents if t is not None]
    from musubi.cocreation.selectors import user_meetings

    now = timezone.now()
    busy = [
        (m.starts_at, m.ends_at) for u in participants for m in user_meetings(user=u, since=now)
    ]
    slots = common_slots(windows, busy, after=now + dt.timedelta(hours=12))
    initial: dict[str, Any] = {"title": _("Introduction: %(title)s") % {"title": challenge.title}}
    if slots:
        initial["starts_at"] = timezone.localtime(slots[0])
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        engagement = (
            Engagement.objects.filter(cooperative=request.cooperative, challenge=challenge)
            .exclude(status="ended")
            .first()
        )
        try:
            services.meeting_schedule(
                challenge=challenge,
                actor=actor_of(request),
                title=form.cleaned_data["title"],
                starts_at=form.cleaned_data["starts_at"],
                minutes=form.cleaned_data["minutes"],
                participants=participants,
                engagement=engagement,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The meeting is booked and the invitations were emailed."))
            return redirect("cocreation:challenge_detail", coop, challenge.pk)
    context = {"form": form, "challenge": challenge, "slots": slots, "participants": participants}
    return render(request, "cocreation/meeting_form.html", context)


@coop_view(*BOTH)
def meeting_ics(request: CoopRequest, coop: str, meeting_pk: int) -> HttpResponse:
    meeting: Meeting = get_for(Meeting.objects, cooperative=request.cooperative, pk=meeting_pk)
    challenge_get_for(
        cooperative=request.cooperative,
        membership=request.membership,
        challenge_pk=meeting.challenge_id,
    )
    body = services.meeting_ics(meeting)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meeting.ics"'
    return response


def detail_url(coop: str, challenge_pk: int) -> str:
    return reverse("cocreation:challenge_detail", args=[coop, challenge_pk])
