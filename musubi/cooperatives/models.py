"""The cooperative's 36協定 (OvertimeAgreement). The tenant root (Cooperative) and the roles moved
to ``musubi.core.models``, memberships and invitations to ``musubi.access.models``; their tables
kept their names.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from musubi.core.models import TenantModel


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
