"""都市人材: a platform-wide profile. A later issue fills in skills, consent and matching data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from musubi.core.japanese import PREFECTURE_CHOICES


class Talent(models.Model):
    """A city professional. Not a tenant model: one talent may work with several cooperatives."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="talent"
    )
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    career_summary = models.TextField(_("career summary"), blank=True)
    skills = models.JSONField(_("skills"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    hours_per_month = models.PositiveSmallIntegerField(_("hours per month"), default=0)
    home_prefecture = models.CharField(
        _("home prefecture"), max_length=10, choices=PREFECTURE_CHOICES, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("city talent")
        verbose_name_plural = _("city talents")

    def __str__(self) -> str:
        return self.user.display_name
