"""The tenant (Cooperative), its people's roles, and invitations."""

import secrets
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from musubi.core.japanese import PREFECTURE_CHOICES
from musubi.core.models import TenantModel


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MEMBER = "member", _("Member business user")
    WORKER = "worker", _("Worker")
    MUNICIPALITY = "municipality", _("Municipality viewer")


class WorkingTimeSystem(models.TextChoices):
    STANDARD = "standard", _("Standard (8 h/day, 40 h/week)")
    ANNUAL_VARIABLE = (
        "annual_variable",
        _("Annual variable working hours (1年単位の変形労働時間制)"),
    )


class RestDayRule(models.TextChoices):
    WEEKLY = "weekly", _("At least one rest day every week")
    FOUR_IN_FOUR_WEEKS = "four_in_four_weeks", _("At least four rest days in every four weeks")


class Weekday(models.IntegerChoices):
    """Python's numbering (Monday 0), as the law module uses it."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Cooperative(models.Model):
    """A 特定地域づくり事業協同組合: the tenant. Its labour settings feed the roster engine."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name for addresses"), max_length=40, unique=True)
    prefecture = models.CharField(_("prefecture"), max_length=10, choices=PREFECTURE_CHOICES)
    district_codes = models.JSONField(
        _("district (municipality codes)"),
        default=list,
        help_text=_("全国地方公共団体コード of the municipalities in the cooperative's 地区."),
    )
    fiscal_year_start_month = models.PositiveSmallIntegerField(
        _("first month of the business year"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    invoice_registration_number = models.CharField(
        _("invoice registration number"), max_length=14, blank=True
    )
    dispatch_notified_on = models.DateField(
        _("dispatch business notification accepted on"),
        null=True,
        blank=True,
        help_text=_("労働者派遣事業届出受理日; dispatch is blocked before this date."),
    )
    # Labour settings (domain.md §3); defaults are the statutory ones.
    working_time_system = models.CharField(
        _("working-time system"),
        max_length=20,
        choices=WorkingTimeSystem.choices,
        default=WorkingTimeSystem.STANDARD,
    )
    rest_day_rule = models.CharField(
        _("rest-day rule"), max_length=20, choices=RestDayRule.choices, default=RestDayRule.WEEKLY
    )
    rest_day_start = models.DateField(
        _("start date for counting four-week periods"), null=True, blank=True
    )
    week_start = models.PositiveSmallIntegerField(
        _("first day of the working week"),
        choices=Weekday.choices,
        default=Weekday.SUNDAY,
        help_text=_("Sunday unless the work rules (就業規則) name another day."),
    )
    legal_holiday = models.PositiveSmallIntegerField(
        _("legal holiday (法定休日)"),
        choices=Weekday.choices,
        null=True,
        blank=True,
        help_text=_(
            "Leave empty when the work rules fix none: the last day of a week worked in full is "
            "then the legal holiday."
        ),
    )
    min_interval_hours = models.PositiveSmallIntegerField(
        _("minimum rest between shifts (hours)"),
        default=11,
        validators=[MinValueValidator(9), MaxValueValidator(24)],
    )
    night_start_hour = models.PositiveSmallIntegerField(_("night work starts (hour)"), default=22)
    night_end_hour = models.PositiveSmallIntegerField(_("night work ends (hour)"), default=5)
    video_base_url = models.URLField(
        _("video meeting base address"), default="https://meet.jit.si/", blank=True
    )
    use_wareki = models.BooleanField(
        _("Japanese era dates on documents (和暦)"),
        default=False,
        help_text=_("Documents print dates as 令和9年4月1日 instead of 2027年4月1日."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cooperative")
        verbose_name_plural = _("cooperatives")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def business_year_start(self, day: date) -> date:
        """The first day of the business year (事業年度) that ``day`` falls in."""
        m = self.fiscal_year_start_month
        return date(day.year if day.month >= m else day.year - 1, m, 1)


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
        verbose_name = _("invitation")

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

    def __str__(self) -> str:
        return self.email


class OvertimeAgreement(TenantModel):
    """A 36協定 (労基法36条) as filed: without a valid one, no overtime or legal-holiday work may
    be planned. It takes effect from the later of its start and its filing (36条1項)."""

    filed_on = models.DateField(_("filed with the labour standards office on"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"))
    monthly_cap_hours = models.PositiveSmallIntegerField(
        _("overtime cap per month (hours)"), default=45, validators=[MaxValueValidator(45)]
    )
    annual_cap_hours = models.PositiveSmallIntegerField(
        _("overtime cap per year (hours)"), default=360, validators=[MaxValueValidator(360)]
    )
    holiday_work_allowed = models.BooleanField(_("allows work on legal holidays"), default=True)
    special_clause = models.BooleanField(_("special clause (特別条項)"), default=False)
    special_monthly_hours = models.PositiveSmallIntegerField(
        _("special clause: overtime cap per month (hours)"),
        default=80,
        validators=[MaxValueValidator(99)],
        help_text=_("With holiday work, under 100 hours (36条6項)."),
    )
    special_annual_hours = models.PositiveSmallIntegerField(
        _("special clause: overtime cap per year (hours)"),
        default=720,
        validators=[MaxValueValidator(720)],
    )
    special_months = models.PositiveSmallIntegerField(
        _("special clause: months over the normal cap per year"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("36 agreement (36協定)")
        verbose_name_plural = _("36 agreements (36協定)")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__gte=models.F("valid_from")),
                name="overtime_agreement_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"36協定 {self.valid_from}–{self.valid_to}"

    @property
    def effective_from(self) -> date:
        return max(self.valid_from, self.filed_on)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.valid_from and self.valid_to:
            if self.valid_to < self.valid_from:
                errors["valid_to"] = _("The last day is before the first day.")
            elif (self.valid_to - self.valid_from).days >= 366:
                errors["valid_to"] = _("A 36 agreement covers at most one year (36条2項2号).")
        if self.filed_on and self.valid_to and self.filed_on > self.valid_to:
            errors["filed_on"] = _("The agreement was filed after it expired.")
        if self.special_clause and self.special_monthly_hours <= self.monthly_cap_hours:
            errors["special_monthly_hours"] = _(
                "The special clause's monthly cap must be above the normal cap."
            )
        if not errors and self.cooperative_id and self.valid_from and self.valid_to:
            overlap = OvertimeAgreement.objects.filter(
                cooperative_id=self.cooperative_id,
                valid_from__lte=self.valid_to,
                valid_to__gte=self.valid_from,
            ).exclude(pk=self.pk)
            if overlap.exists():
                errors["valid_from"] = _("Another 36 agreement covers part of this period.")
        if errors:
            raise ValidationError(errors)
