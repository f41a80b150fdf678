"""The tenant (Cooperative), its people's roles, and invitations."""

import secrets
from datetime import date, datetime, timedelta

from django.conf import settings
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
    min_interval_hours = models.PositiveSmallIntegerField(
        _("minimum rest between shifts (hours)"),
        default=11,
        validators=[MinValueValidator(9), MaxValueValidator(24)],
    )
    overtime_monthly_cap_hours = models.PositiveSmallIntegerField(
        _("overtime cap per month (hours)"), default=45
    )
    overtime_annual_cap_hours = models.PositiveSmallIntegerField(
        _("overtime cap per year (hours)"), default=360
    )
    special_clause = models.BooleanField(_("36協定 special clause"), default=False)
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
