"""Co-creation pages of the talent under /talent/ (mounted with the talent app's own pages by
musubi/urls.py): invitations, engagements and meetings everywhere.

These run outside any cooperative's scope; every read goes through a selector that filters by
the logged-in talent explicitly, so a talent never reaches another talent's records.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scope, scopes_disabled

from musubi.cocreation import hours, services
from musubi.cocreation.forms import AcceptEngagementForm, TimeLogForm
from musubi.cocreation.matching import challenge_fit
from musubi.cocreation.models import (
    BoardItem,
    Challenge,
    ChallengeStatus,
    Engagement,
    MatchInvitation,
    Meeting,
    ReviewSide,
)
from musubi.cocreation.selectors import (
    talent_capacity,
    talent_engagement_get,
    talent_engagements,
    talent_invitation_get,
    talent_invitations,
    talent_statements,
    user_meetings,
)
from musubi.cocreation.views_work import (
    board_context,
    engagement_end_confirm,
    flash,
    post_item_add,
    post_item_move,
    post_review,
)
from musubi.core.confirm import confirmed
from musubi.core.tenancy import actor_of
from musubi.talent.decorators import talent_view
from musubi.talent.models import Talent, TalentConsent

View = Callable[..., HttpResponse]


def in_cooperative_of(fetch: Callable[..., Any]) -> Callable[[View], View]:
    """Require a talent, fetch the object the URL names with ``fetch`` (404 unless it is the
    talent's), and run the view in that object's cooperative's scope — what ``ScopeMiddleware``
    does for ``/c/<coop>/``, since these pages live outside any cooperative's address."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, talent: Talent, **kwargs: Any) -> HttpResponse:
            obj = fetch(talent=talent, **kwargs)
            with scope(cooperative=obj.cooperative):
                return view(request, talent, obj)

        return talent_view(wrapped)

    return decorator


def _open_challenge(*, talent: Talent, challenge_pk: int) -> Challenge:
    """Any open challenge: a talent may show interest before sharing a profile (the service
    checks the consent)."""
    with scopes_disabled():
        challenge = Challenge.objects.filter(pk=challenge_pk, status=ChallengeStatus.SCOPED).first()
    if challenge is None:
        raise Http404
    return challenge


def _board_item(*, talent: Talent, item_pk: int) -> BoardItem:
    with scopes_disabled():
        item = BoardItem.objects.filter(pk=item_pk, engagement__talent=talent).first()
    if item is None:
        raise Http404
    return item


@talent_view
def talent_home(request: HttpRequest, talent: Talent) -> HttpResponse:
    context = {
        "talent": talent,
        "capacity": talent_capacity(talent=talent),
        "invitations": talent_invitations(talent=talent),
        "engagements": talent_engagements(talent=talent),
        "meetings": user_meetings(user=request.user, since=timezone.now()),
        "statements": talent_statements(talent=talent),
        "now": timezone.now(),
    }
    return render(request, "talent/home.html", context)


@talent_view
def challenge_board(request: HttpRequest, talent: Talent) -> HttpResponse:
    """Open challenges of the cooperatives this talent shares a profile with, best fit first."""
    with scopes_disabled():
        coops = TalentConsent.objects.filter(talent=talent, revoked_at__isnull=True).values(
            "cooperative"
        )
        challenges = list(
            Challenge.objects.filter(
                cooperative__in=coops, status=ChallengeStatus.SCOPED
            ).select_related("cooperative", "member_business")
        )
    return render(request, "talent/challenges.html", {"scored": challenge_fit(talent, challenges)})


@require_POST
@in_cooperative_of(_open_challenge)
def challenge_interest(request: HttpRequest, talent: Talent, challenge: Challenge) -> HttpResponse:
    error = None
    try:
        services.interest_express(challenge=challenge, talent=talent, actor=actor_of(request))
    except ValidationError as e:
        error = e
    flash(request, error, _("The coordinator has been told of your interest."))
    return redirect("talent:challenges")


@require_POST
@in_cooperative_of(talent_invitation_get)
def invitation_respond(
    request: HttpRequest, talent: Talent, invitation: MatchInvitation
) -> HttpResponse:
    accept = request.POST.get("answer") == "accept"
    error = None
    try:
        services.invitation_respond(invitation=invitation, talent=talent, accept=accept)
    except ValidationError as e:
        error = e
    flash(
        request,
        error,
        _("Thank you. The coordinator will arrange an introduction meeting.")
        if accept
        else _("You declined the invitation."),
    )
    return redirect("talent:home")


@in_cooperative_of(talent_engagement_get)
def engagement_detail(request: HttpRequest, talent: Talent, engagement: Engagement) -> HttpResponse:
    context = board_context(engagement)
    context["accept_form"] = AcceptEngagementForm()
    context["side"] = "talent"
    return render(request, "talent/engagement.html", context)


@require_POST
@in_cooperative_of(talent_engagement_get)
def engagement_accept(request: HttpRequest, talent: Talent, engagement: Engagement) -> HttpResponse:
    form = AcceptEngagementForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.engagement_accept(
                engagement=engagement,
                talent=talent,
                confidentiality=form.cleaned_data["confidentiality"],
                conflict_of_interest=form.cleaned_data["conflict_of_interest"],
            )
        except ValidationError as e:
            error = e
    else:
        error = ValidationError(_("Please declare any conflict of interest, or write 'none'."))
    flash(request, error, _("The engagement has started."))
    return redirect("talent:engagement", engagement.pk)


@require_POST
@in_cooperative_of(talent_engagement_get)
def timelog_add(request: HttpRequest, talent: Talent, engagement: Engagement) -> HttpResponse:
    form = TimeLogForm(request.POST)
    error = None
    if form.is_valid():
        try:
            hours.timelog_add(engagement=engagement, talent=talent, **form.cleaned_data)
        except ValidationError as e:
            error = e
    else:
        error = ValidationError([m for errs in form.errors.values() for m in errs])
    flash(request, error, _("Hours logged."))
    return redirect("talent:engagement", engagement.pk)


@require_POST
@in_cooperative_of(talent_engagement_get)
def review_talent(request: HttpRequest, talent: Talent, engagement: Engagement) -> HttpResponse:
    post_review(request, engagement, ReviewSide.TALENT)
    return redirect("talent:engagement", engagement.pk)


@require_POST
@in_cooperative_of(talent_engagement_get)
def engagement_end(request: HttpRequest, talent: Talent, engagement: Engagement) -> HttpResponse:
    """The talent leaves at the end of this month; either side may, at any month end."""
    if not confirmed(request):
        back = reverse("talent:engagement", args=[engagement.pk])
        return engagement_end_confirm(request, engagement=engagement, cancel_url=back)
    error = None
    try:
        services.engagement_exit(
            engagement=engagement, actor=actor_of(request), on=timezone.localdate()
        )
    except ValidationError as e:
        error = e
    flash(request, error, _("The engagement ends at the end of this month."))
    return redirect("talent:engagement", engagement.pk)


@require_POST
@in_cooperative_of(talent_engagement_get)
def item_add(request: HttpRequest, talent: Talent, engagement: Engagement) -> HttpResponse:
    post_item_add(request, engagement)
    return redirect("talent:engagement", engagement.pk)


@require_POST
@in_cooperative_of(_board_item)
def item_move(request: HttpRequest, talent: Talent, item: BoardItem) -> HttpResponse:
    engagement = talent_engagement_get(talent=talent, engagement_pk=item.engagement_id)
    post_item_move(request, item, engagement)
    return redirect("talent:engagement", engagement.pk)


@talent_view
def meeting_ics(request: HttpRequest, talent: Talent, meeting_pk: int) -> HttpResponse:
    with scopes_disabled():
        meeting = Meeting.objects.filter(pk=meeting_pk, participants=actor_of(request)).first()
        if meeting is None:
            raise Http404
        body = services.meeting_ics(meeting)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meeting.ics"'
    return response
