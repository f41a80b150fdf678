"""派遣職員 (workers) and their skills and qualifications."""

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from musubi.core.models import TenantModel


class ContractType(models.TextChoices):
    INDEFINITE = "indefinite", _("Indefinite (無期)")
    FIXED_TERM = "fixed_term", _("Fixed-term (有期)")


def _weekend() -> list[int]:
    return [5, 6]


class Worker(TenantModel):
    """An employee of the cooperative. Only indefinite-contract workers may be dispatched (R1.5).

    Birth date and sex are kept because the 派遣先通知 and the ledger need age bands and sex
    (R2.1, R2.2); they are never shown to members before an assignment is fixed (R2.7).
    """

    family_name = models.CharField(_("family name"), max_length=50)
    given_name = models.CharField(_("given name"), max_length=50)
    family_name_kana = models.CharField(_("family name (katakana)"), max_length=50)
    given_name_kana = models.CharField(_("given name (katakana)"), max_length=50)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone"), max_length=11, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=8, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(
        _("sex"),
        max_length=10,
        blank=True,
        choices=[("female", _("female")), ("male", _("male")), ("other", _("other"))],
    )
    hire_date = models.DateField(_("hire date"))
    contract_type = models.CharField(
        _("contract type"), max_length=20, choices=ContractType.choices
    )
    contract_end = models.DateField(_("contract end (fixed-term only)"), null=True, blank=True)
    contracted_minutes_per_month = models.PositiveIntegerField(
        _("contracted minutes per month"), default=160 * 60
    )
    days_per_week = models.PositiveSmallIntegerField(
        _("scheduled working days per week"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
        help_text=_("Sets the paid leave granted to part-timers (比例付与, 労基法39条3項)."),
    )
    rest_weekdays = models.JSONField(
        _("fixed weekly rest days"),
        default=_weekend,
        blank=True,
        help_text=_("Leave over a period counts only the working days between them."),
    )
    age_certificate = models.BooleanField(
        _("age certificate kept (年齢証明書)"),
        default=False,
        help_text=_("Required for workers under 18 (労基法57条)."),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")
        ordering = ["family_name_kana", "given_name_kana", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contract_type="fixed_term")
                | models.Q(contract_end__isnull=True),
                name="only_fixed_term_has_end",
            )
        ]

    def __str__(self) -> str:
        return f"{self.family_name} {self.given_name}"

    @property
    def full_name_kana(self) -> str:
        return f"{self.family_name_kana} {self.given_name_kana}"

    @property
    def may_be_dispatched(self) -> bool:
        return self.active and self.contract_type == ContractType.INDEFINITE

    def years_of_experience(self, on: dt.date) -> int:
        return max(0, (on - self.hire_date).days // 365)


class QualificationKind(models.TextChoices):
    SKILL = "skill", _("Skill")
    LICENCE = "licence", _("Licence or certificate")


class Qualification(TenantModel):
    """A skill or a licence (普通自動車免許, 食品衛生責任者 …), optionally with an expiry date."""

    worker = models.ForeignKey(
        Worker, on_delete=models.CASCADE, related_name="qualifications", verbose_name=_("worker")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=QualificationKind.choices)
    name = models.CharField(_("name"), max_length=100)
    level = models.PositiveSmallIntegerField(
        _("level (1–5)"), default=3, help_text=_("1 = learning, 5 = can teach others")
    )
    acquired_on = models.DateField(_("acquired on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    class Meta:
        verbose_name = _("qualification")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["worker", "name"], name="one_entry_per_skill"),
        ]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: dt.date) -> bool:
        return self.expires_on is None or day <= self.expires_on


class Availability(TenantModel):
    """A day the worker cannot work at all (hard for the roster), entered from the phone."""

    worker = models.ForeignKey(
        Worker, on_delete=models.CASCADE, related_name="unavailable_days", verbose_name=_("worker")
    )
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("unavailable day")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["worker", "date"], name="one_unavailability_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.worker} {self.date}"


class ShiftWish(TenantModel):
    """A soft wish to work (on) or to be off on a day; the roster tries to honour it."""

    worker = models.ForeignKey(
        Worker, on_delete=models.CASCADE, related_name="shift_wishes", verbose_name=_("worker")
    )
    date = models.DateField(_("date"))
    wants_work = models.BooleanField(_("wants to work"), default=False)

    class Meta:
        verbose_name = _("shift wish")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["worker", "date"], name="one_wish_per_day")]

    def __str__(self) -> str:
        return f"{self.worker} {self.date} {'on' if self.wants_work else 'off'}"


class LeaveKind(models.TextChoices):
    PAID = "paid", _("Paid annual leave (年次有給休暇)")
    SPECIAL = "special", _("Special leave")
    UNPAID = "unpaid", _("Unpaid leave")


class LeaveStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class LeaveRequest(TenantModel):
    """Leave from ``start_date`` to ``end_date`` inclusive; approved leave blocks the roster."""

    worker = models.ForeignKey(
        Worker, on_delete=models.CASCADE, related_name="leave_requests", verbose_name=_("worker")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=LeaveKind.choices)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=LeaveStatus.choices, default=LeaveStatus.REQUESTED
    )
    half_day = models.BooleanField(_("half day"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("leave request")
        ordering = ["-start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="leave_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(half_day=False) | models.Q(end_date=models.F("start_date")),
                name="half_day_leave_is_one_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.worker} {self.start_date}–{self.end_date}"

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1
