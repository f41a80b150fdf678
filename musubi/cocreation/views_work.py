"""Engagement pages inside /c/<coop>/: the agile board, hours approval, statements, reviews."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from musubi.cocreation import board, hours, selectors
from musubi.cocreation.forms import (
    ItemForm,
    ItemMoveForm,
    ReviewForm,
    ReviewSprintForm,
    SprintForm,
    TimeLogForm,
)
from musubi.cocreation.models import (
    BoardItem,
    Engagement,
    FeeStatement,
    ReviewSide,
    Sprint,
    TimeLog,
)
from musubi.cocreation.selectors import engagement_get_for, engagements_for
from musubi.cocreation.services import engagement_exit
from musubi.core.confirm import confirm_page, confirmed
from musubi.core.forms import flash_errors
from musubi.core.japanese import format_date_ja
from musubi.core.models import Role
from musubi.core.months import month_bounds, month_or_current, next_month, previous_month
from musubi.core.tenancy import CoopRequest, actor_of, coop_view, get_for
from musubi.talent.models import Talent

BOTH = (Role.COORDINATOR, Role.MEMBER)


def board_context(engagement: Engagement) -> dict[str, Any]:
    """The board with its forms, for the coordinator, the member and the talent alike."""
    return {
        **selectors.board_context(engagement),
        "sprint_form": SprintForm(),
        "item_form": ItemForm(engagement=engagement),
        "review_sprint_form": ReviewSprintForm(),
        "timelog_form": TimeLogForm(initial={"day": timezone.localdate()}),
        "review_form": ReviewForm(),
    }


@coop_view(*BOTH)
def engagement_list(request: CoopRequest, coop: str) -> HttpResponse:
    engagements = engagements_for(cooperative=request.cooperative, membership=request.membership)
    return render(request, "cocreation/engagement_list.html", {"engagements": engagements})


@coop_view(*BOTH)
def engagement_detail(request: CoopRequest, coop: str, engagement_pk: int) -> HttpResponse:
    engagement = engagement_get_for(
        cooperative=request.cooperative, membership=request.membership, engagement_pk=engagement_pk
    )
    context = board_context(engagement)
    context["side"] = (
        "coordinator"
        if request.membership is None or request.membership.role == Role.COORDINATOR
        else "business"
    )
    return render(request, "cocreation/engagement_detail.html", context)


def _engagement(request: CoopRequest, engagement_pk: int) -> Engagement:
    return engagement_get_for(
        cooperative=request.cooperative, membership=request.membership, engagement_pk=engagement_pk
    )


def engagement_end_confirm(
    request: HttpRequest, *, engagement: Any, cancel_url: str
) -> HttpResponse:
    """The page that asks before an engagement is ended at the end of this month."""
    _first, last = month_bounds(timezone.localdate())
    return confirm_page(
        request, title=_("End this engagement?"),
        question=_(
            "%(challenge)s with %(talent)s ends on %(day)s, the end of this month. Hours can be "
            "logged until then; afterwards the talent's hours are free for other work. This "
            "cannot be undone."
        ) % {"challenge": engagement.challenge, "talent": engagement.talent,
             "day": format_date_ja(last)},
        action=request.path, cancel_url=cancel_url,
        confirm_label=_("End at the end of this month"),
    )  # fmt: skip


def flash(request: HttpRequest, error: ValidationError | None, ok: str) -> None:
    """The service's refusal as error messages, or ``ok`` as a success message."""
    if error is None:
        messages.success(request, ok)
    else:
        flash_errors(request, error)


@require_POST
@coop_view(*BOTH)
def sprint_create(request: CoopRequest, coop: str, engagement_pk: int) -> HttpResponse:
    engagement = _engagement(request, engagement_pk)
    form = SprintForm(request.POST)
    error = None
    if form.is_valid():
        try:
            board.sprint_create(engagement=engagement, actor=actor_of(request), **form.cleaned_data)
        except ValidationError as e:
            error = e
    else:
        error = ValidationError([e for errs in form.errors.values() for e in errs])
    flash(request, error, _("Sprint created."))
    return redirect("cocreation:engagement_detail", coop, engagement.pk)


def post_item_add(request: HttpRequest, engagement: Engagement) -> None:
    """Add the posted item to the backlog, or to the engagement's sprint named in the form."""
    form = ItemForm(request.POST, engagement=engagement)
    error = None
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        board.item_add(engagement=engagement, actor=actor_of(request), **form.cleaned_data)
    except ValidationError as e:
        error = e
    flash(request, error, _("Item added."))


def post_item_move(request: HttpRequest, item: BoardItem, engagement: Engagement) -> None:
    """Move an item to the posted column, and into or out of a sprint of the same engagement."""
    form = ItemMoveForm(request.POST, engagement=engagement)
    error = None
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        board.item_move(
            item=item,
            actor=actor_of(request),
            status=form.cleaned_data["status"] or item.status,
            # An absent field keeps the item where it is; an empty one takes it to the backlog.
            sprint=form.cleaned_data["sprint"] if "sprint" in request.POST else item.sprint,
        )
    except ValidationError as e:
        error = e
    flash(request, error, _("Item moved."))


@require_POST
@coop_view(*BOTH)
def item_add(request: CoopRequest, coop: str, engagement_pk: int) -> HttpResponse:
    engagement = _engagement(request, engagement_pk)
    post_item_add(request, engagement)
    return redirect("cocreation:engagement_detail", coop, engagement.pk)


@require_POST
@coop_view(*BOTH)
def item_move(request: CoopRequest, coop: str, item_pk: int) -> HttpResponse:
    item: BoardItem = get_for(BoardItem.objects, cooperative=request.cooperative, pk=item_pk)
    engagement = _engagement(request, item.engagement_id)
    post_item_move(request, item, engagement)
    return redirect("cocreation:engagement_detail", coop, engagement.pk)


@require_POST
@coop_view(*BOTH)
def sprint_review(request: CoopRequest, coop: str, sprint_pk: int) -> HttpResponse:
    sprint: Sprint = get_for(Sprint.objects, cooperative=request.cooperative, pk=sprint_pk)
    engagement = _engagement(request, sprint.engagement_id)
    form = ReviewSprintForm(request.POST)
    error = None
    if form.is_valid():
        kpis: list[tuple[str, Decimal]] = []
        if form.cleaned_data["kpi_name"] and form.cleaned_data["kpi_value"] is not None:
            kpis.append((form.cleaned_data["kpi_name"], form.cleaned_data["kpi_value"]))
        board.sprint_review(
            sprint=sprint, actor=actor_of(request), review=form.cleaned_data["review"], kpis=kpis
        )
    else:
        error = ValidationError([e for errs in form.errors.values() for e in errs])
    flash(request, error, _("Sprint review saved."))
    return redirect("cocreation:engagement_detail", coop, engagement.pk)


@require_POST
@coop_view(Role.MEMBER, Role.COORDINATOR)
def review_business(request: CoopRequest, coop: str, engagement_pk: int) -> HttpResponse:
    engagement = _engagement(request, engagement_pk)
    post_review(request, engagement, ReviewSide.BUSINESS)
    return redirect("cocreation:engagement_detail", coop, engagement.pk)


def post_review(request: HttpRequest, engagement: Engagement, side: str) -> None:
    """One side's review from the posted form; the outcome is shown as a message."""
    form = ReviewForm(request.POST)
    error = None
    if form.is_valid():
        try:
            hours.review_submit(
                engagement=engagement,
                side=side,
                author=actor_of(request),
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as e:
            error = e
    else:
        error = ValidationError(_("Choose a rating from 1 to 5."))
    flash(request, error, _("Thank you for the review."))


@require_POST
@coop_view(Role.COORDINATOR)
def engagement_end(request: CoopRequest, coop: str, engagement_pk: int) -> HttpResponse:
    engagement = _engagement(request, engagement_pk)
    if not confirmed(request):
        back = reverse("cocreation:engagement_detail", args=[coop, engagement.pk])
        return engagement_end_confirm(request, engagement=engagement, cancel_url=back)
    error = None
    try:
        engagement_exit(engagement=engagement, actor=actor_of(request), on=timezone.localdate())
    except ValidationError as e:
        error = e
    flash(request, error, _("The engagement ends at the end of this month."))
    return redirect("cocreation:engagement_detail", coop, engagement.pk)


def _month(request: HttpRequest) -> dt.date:
    return month_or_current(request.GET.get("month"))


@coop_view(Role.COORDINATOR)
def hours_month(request: CoopRequest, coop: str) -> HttpResponse:
    """The month's hours per talent, to approve; approved months have a fee statement."""
    first = _month(request)
    table = selectors.hours_month_rows(cooperative=request.cooperative, month=first)
    prev, nxt = previous_month(first), next_month(first)
    context = {"month": first, "rows": table, "prev": prev, "next": nxt}
    return render(request, "cocreation/hours_month.html", context)


@require_POST
@coop_view(Role.COORDINATOR)
def hours_approve(request: CoopRequest, coop: str, talent_pk: int) -> HttpResponse:
    month = _month(request)
    talent_ids = TimeLog.objects.filter(cooperative=request.cooperative).values_list(
        "engagement__talent_id", flat=True
    )
    talent = Talent.objects.filter(pk=talent_pk, pk__in=talent_ids).first()
    if talent is None:
        raise Http404
    error = None
    try:
        hours.month_approve(
            cooperative=request.cooperative, talent=talent, month=month, actor=actor_of(request)
        )
    except ValidationError as e:
        error = e
    flash(request, error, _("Hours approved; the fee statement is ready."))
    return redirect(reverse("cocreation:hours_month", args=[coop]) + f"?month={month:%Y-%m}")


@coop_view(Role.COORDINATOR)
def statement_detail(request: CoopRequest, coop: str, statement_pk: int) -> HttpResponse:
    statement: FeeStatement = get_for(
        FeeStatement.objects.select_related("talent__user"),
        cooperative=request.cooperative,
        pk=statement_pk,
    )
    if request.GET.get("format") == "pdf":
        from weasyprint import HTML

        with translation.override("ja"):
            html = render_to_string(
                "cocreation/pdf/statement.html",
                {"statement": statement, "coop": request.cooperative},
            )
        response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
        name = f"statement-{statement.month:%Y-%m}-{statement.pk}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(request, "cocreation/statement.html", {"statement": statement})
