"""都市人材: a platform-wide profile, and each cooperative's consent record (domain.md R6.2)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from musubi.core.japanese import PREFECTURE_CHOICES
from musubi.core.models import TenantModel


class Window(models.TextChoices):
    """The engine's time windows (musubi.engines.matching.types.Window), in Asia/Tokyo."""

    WEEKDAY_DAY = "weekday_day", _("Weekdays, daytime (9:00–17:00)")
    WEEKDAY_EVENING = "weekday_evening", _("Weekday evenings (19:00–22:00)")
    WEEKEND = "weekend", _("Weekends (10:00–17:00)")


class Motivation(models.TextChoices):
    RETIREMENT = "retirement", _("After retirement or 役職定年 (退職・役職定年後)")
    CHILDCARE = "childcare", _("Raising children (子育て中)")
    SIDE_JOB = "side_job", _("Side job next to my employment (副業)")


class FeePreference(models.TextChoices):
    PROBONO = "probono", _("Pro bono")
    LOW = "low", _("Paid, a modest fee")
    STANDARD = "standard", _("Paid, a standard fee")


class SideJobPermission(models.TextChoices):
    NOT_NEEDED = "not_needed", _("Not needed (self-employed or retired)")
    NOT_YET = "not_yet", _("Not yet submitted")
    SUBMITTED = "submitted", _("副業届 submitted")
    APPROVED = "approved", _("Approved by my employer")


class Visibility(models.TextChoices):
    CONSENTED = "consented", _("Visible to the cooperatives I consented to")
    PAUSED = "paused", _("Paused: no new recommendations")


class Talent(models.Model):
    """A city professional. Not a tenant model: one talent may work with several cooperatives."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="talent"
    )
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    career_summary = models.TextField(_("career summary"), blank=True)
    # Japanese labels of the matching taxonomy's skills (the engine reads labels as skills).
    skills = models.JSONField(_("skills"), default=list, blank=True)
    skills_free = models.CharField(_("other skills"), max_length=500, blank=True)
    industries = models.CharField(_("industries"), max_length=300, blank=True)
    certifications = models.CharField(_("certifications"), max_length=300, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    hours_per_month = models.PositiveSmallIntegerField(_("hours per month"), default=0)
    time_windows = models.JSONField(_("time windows"), default=list, blank=True)
    onsite_visits_per_month = models.PositiveSmallIntegerField(
        _("on-site visits per month"), default=0
    )
    home_prefecture = models.CharField(
        _("home prefecture"), max_length=10, choices=PREFECTURE_CHOICES, blank=True
    )
    motivations = models.JSONField(_("motivation"), default=list, blank=True)
    fee_preference = models.CharField(
        _("fee preference"),
        max_length=10,
        choices=FeePreference.choices,
        default=FeePreference.PROBONO,
    )
    side_job_permission = models.CharField(
        _("employer's side-job permission (副業届)"),
        max_length=12,
        choices=SideJobPermission.choices,
        default=SideJobPermission.NOT_NEEDED,
    )
    regions_of_interest = models.JSONField(_("regions of interest"), default=list, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.CONSENTED
    )
    purpose_consented_at = models.DateTimeField(
        _("consented to the purpose of use at"), null=True, blank=True
    )
    # The engine's float32 vector of the profile text, recomputed only when the text changes.
    embedding = models.BinaryField(null=True, blank=True, editable=False)
    embedding_model = models.CharField(max_length=40, blank=True, editable=False)
    embedding_source = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("city talent")
        verbose_name_plural = _("city talents")

    def __str__(self) -> str:
        return self.user.display_name

    @property
    def profile_text(self) -> str:
        """What the engine reads: headline, summary, free skills, industries, certifications."""
        parts = [
            self.headline,
            self.career_summary,
            self.skills_free,
            self.industries,
            self.certifications,
        ]
        return "\n".join(p for p in parts if p)


class TalentConsent(TenantModel):
    """The talent's consent to share the profile with one cooperative (個人情報保護法27条).

    Revoking keeps the row (with ``revoked_at``) so the record of past provision survives.
    """

    talent = models.ForeignKey(Talent, on_delete=models.CASCADE, related_name="consents")
    granted_at = models.DateTimeField(_("granted at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    data_items = models.JSONField(_("data items shared"), default=list, blank=True)

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("profile sharing consent")
        constraints = [
            models.UniqueConstraint(
                fields=["talent", "cooperative"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_live_consent_per_cooperative",
            )
        ]

    def __str__(self) -> str:
        return f"{self.talent} → {self.cooperative_id}"
