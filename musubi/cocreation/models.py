"""DX課題 and what follows: invitations, engagements, meetings, boards, hours and reviews."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from musubi.core.models import TenantModel


class Budget(models.TextChoices):
    """The engine's budget levels (musubi.engines.matching.types.Budget)."""

    PROBONO_OK = "probono_ok", _("Pro bono help is welcome")
    LOW = "low", _("A small monthly fee (about ¥10,000–30,000)")
    STANDARD = "standard", _("A standard fee (about ¥30,000–50,000 a month)")


class ChallengeStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Written by the business")
    SCOPED = "scoped", _("Scoped by the coordinator")
    ENGAGED = "engaged", _("Talent engaged")
    CLOSED = "closed", _("Closed")


class Challenge(TenantModel):
    """A member business's problem, first in the owner's plain words, then scoped."""

    member_business = models.ForeignKey(
        "members.MemberBusiness", on_delete=models.CASCADE, verbose_name=_("member business")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=120)
    current_state = models.TextField(_("what happens today"))
    goal = models.TextField(_("what you would like to change"))
    success_measure = models.TextField(_("how you will know it worked"), blank=True)
    budget = models.CharField(
        _("budget"), max_length=12, choices=Budget.choices, default=Budget.LOW
    )
    hours_per_month = models.PositiveSmallIntegerField(
        _("hours of help per month"), default=4, validators=[MinValueValidator(1)]
    )
    period_months = models.PositiveSmallIntegerField(
        _("period (months)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(24)]
    )
    needs_onsite = models.BooleanField(_("on-site visits needed"), default=False)
    language = models.CharField(_("language"), max_length=8, default="ja")
    windows = models.JSONField(_("times that suit you"), default=list, blank=True)
    status = models.CharField(
        max_length=12, choices=ChallengeStatus.choices, default=ChallengeStatus.SUBMITTED
    )
    scope_summary = models.TextField(_("scoped project"), blank=True)
    deliverables = models.TextField(_("deliverables"), blank=True)
    required_skills = models.JSONField(_("skills needed"), default=list, blank=True)
    scoped_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("challenge")

    def __str__(self) -> str:
        return self.title

    @property
    def need_text(self) -> str:
        parts = [self.title, self.current_state, self.goal, self.success_measure]
        parts += [self.scope_summary, self.deliverables]
        return "\n".join(p for p in parts if p)


class InvitationStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    INTERESTED = "interested", _("Talent is interested")
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired without reply")


OPEN_INVITATION = (InvitationStatus.INVITED, InvitationStatus.INTERESTED)


class MatchInvitation(TenantModel):
    """One talent considered for one challenge: shortlisted, invited, then accepted or not."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="invitations")
    talent = models.ForeignKey("talent.Talent", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=12, choices=InvitationStatus.choices)
    score = models.FloatField(default=0)
    reasons = models.JSONField(default=dict, blank=True)
    message = models.TextField(_("message"), blank=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["challenge", "talent"], name="one_invitation_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.challenge} — {self.talent}"


class EngagementFormat(models.TextChoices):
    SPOT = "spot", _("Spot consultation (by the hour)")
    RETAINER = "retainer", _("Monthly retainer")
    PROJECT = "project", _("Project")
    PROBONO = "probono", _("Pro bono")


class EngagementStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, waiting for the talent")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class Engagement(TenantModel):
    """The agreement between the cooperative and a talent for one challenge (業務委託)."""

    challenge = models.ForeignKey(Challenge, on_delete=models.PROTECT, related_name="engagements")
    talent = models.ForeignKey("talent.Talent", on_delete=models.PROTECT, related_name="+")
    format = models.CharField(_("format"), max_length=10, choices=EngagementFormat.choices)
    trial_month = models.BooleanField(_("the first month is a trial"), default=True)
    hours_per_month = models.PositiveSmallIntegerField(
        _("hours per month"), validators=[MinValueValidator(1)]
    )
    fee_yen = models.PositiveIntegerField(
        _("fee (yen)"), default=0, help_text=_("Per month; per hour for spot consultations.")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    payment_days = models.PositiveSmallIntegerField(
        _("payment within (days after the month's service)"), default=30
    )
    deliverables = models.TextField(_("deliverables"), blank=True)
    terms = models.TextField(_("written terms"), blank=True)
    status = models.CharField(
        max_length=10, choices=EngagementStatus.choices, default=EngagementStatus.PROPOSED
    )
    confidentiality_declared_at = models.DateTimeField(null=True, blank=True)
    conflict_of_interest = models.TextField(_("conflicts of interest"), blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("engagement")

    def __str__(self) -> str:
        return f"{self.challenge} — {self.talent}"


def room_name() -> str:
    # 128 bits from the OS: a room address cannot be guessed from another one.
    return f"musubi-{secrets.token_urlsafe(16)}"


class Meeting(TenantModel):
    """A video meeting with an iCalendar invitation; a talent sees theirs across cooperatives."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="meetings")
    engagement = models.ForeignKey(
        Engagement, null=True, blank=True, on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(max_length=80, default=room_name, unique=True, editable=False)
    video_url = models.URLField(max_length=300)
    participants = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    sequence = models.PositiveIntegerField(default=0)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting")

    def __str__(self) -> str:
        return self.title


class Sprint(TenantModel):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="sprints")
    number = models.PositiveSmallIntegerField()
    goal = models.CharField(_("sprint goal"), max_length=200)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    review = models.TextField(_("sprint review"), blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["engagement", "number"], name="sprint_number_unique")
        ]

    def __str__(self) -> str:
        return f"Sprint {self.number}"


class ItemStatus(models.TextChoices):
    TODO = "todo", _("To do")
    DOING = "doing", _("In progress")
    DONE = "done", _("Done")


class BoardItem(TenantModel):
    """A backlog item; with a sprint it sits on that sprint's board."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="items")
    sprint = models.ForeignKey(
        Sprint, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    title = models.CharField(_("item"), max_length=200)
    status = models.CharField(max_length=8, choices=ItemStatus.choices, default=ItemStatus.TODO)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title


class KpiValue(TenantModel):
    """A measured value of the challenge's success measure, recorded at a sprint review."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="kpis")
    sprint = models.ForeignKey(Sprint, null=True, blank=True, on_delete=models.SET_NULL)
    name = models.CharField(_("measure"), max_length=100)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    recorded_on = models.DateField(_("recorded on"))

    class Meta:
        ordering = ["recorded_on", "id"]

    def __str__(self) -> str:
        return f"{self.name} {self.value}"


class TimeLog(TenantModel):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="time_logs")
    day = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    description = models.CharField(_("what you did"), max_length=300)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "id"]

    def __str__(self) -> str:
        return f"{self.day} {self.hours}h"


class FeeStatement(TenantModel):
    """One talent's approved hours and fee for one month in one cooperative (支払明細)."""

    talent = models.ForeignKey("talent.Talent", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("month"))  # the first day of the month
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2)
    amount_yen = models.PositiveIntegerField(_("amount (yen)"))
    lines = models.JSONField(default=list)
    payment_due = models.DateField(_("payment due"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField()

    class Meta:
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative", "talent", "month"], name="one_statement_per_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.talent} {self.month:%Y-%m}"


class ReviewSide(models.TextChoices):
    BUSINESS = "business", _("The business about the talent")
    TALENT = "talent", _("The talent about the engagement")


class Review(TenantModel):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="reviews")
    side = models.CharField(max_length=10, choices=ReviewSide.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["engagement", "side"], name="one_review_per_side")
        ]

    def __str__(self) -> str:
        return f"{self.engagement} ({self.side})"
