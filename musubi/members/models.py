"""組合員 (member businesses) and their 事業所 (sites)."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from musubi.core.japanese import PREFECTURE_CHOICES
from musubi.core.models import TenantModel


class Industry(models.TextChoices):
    AGRICULTURE = "agriculture", _("Agriculture")
    FORESTRY = "forestry", _("Forestry")
    FISHERY = "fishery", _("Fishery")
    FOOD_MANUFACTURING = "food_manufacturing", _("Food and drink manufacturing")
    ACCOMMODATION = "accommodation", _("Accommodation")
    RESTAURANT = "restaurant", _("Restaurant")
    RETAIL = "retail", _("Retail")
    TOURISM = "tourism", _("Tourism")
    TRANSPORT = "transport", _("Transport")
    CARE = "care", _("Care and welfare")
    CONSTRUCTION = "construction", _("Construction")
    OTHER = "other", _("Other")


class MemberBusiness(TenantModel):
    """A member of the cooperative; it may receive dispatched workers while its membership lasts."""

    name = models.CharField(_("name"), max_length=200)
    name_kana = models.CharField(_("name (katakana)"), max_length=200)
    corporate_number = models.CharField(_("corporate number"), max_length=13, blank=True)
    invoice_registration_number = models.CharField(
        _("invoice registration number"), max_length=14, blank=True
    )
    industry = models.CharField(_("industry"), max_length=30, choices=Industry.choices)
    # The dispatch act forbids dispatch to these kinds of work (港湾運送・建設・警備).
    prohibits_port_transport = models.BooleanField(_("port transport work"), default=False)
    prohibits_construction = models.BooleanField(_("construction work"), default=False)
    prohibits_security = models.BooleanField(_("security guard work"), default=False)
    # 労基法41条1号: hours, breaks and rest-day rules do not apply (domain.md R3.6).
    exempt_41_1 = models.BooleanField(_("agriculture exemption (労基法41条1号)"), default=False)
    representative = models.CharField(_("representative"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=11, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    member_from = models.DateField(_("member from"))
    member_to = models.DateField(_("member until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("member business")
        verbose_name_plural = _("member businesses")
        ordering = ["name_kana", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(member_to__isnull=True)
                | models.Q(member_to__gte=models.F("member_from")),
                name="membership_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def is_member_on(self, day: dt.date) -> bool:
        return self.member_from <= day and (self.member_to is None or day <= self.member_to)

    @property
    def prohibited_work(self) -> list[str]:
        flags = [
            (self.prohibits_port_transport, _("port transport work")),
            (self.prohibits_construction, _("construction work")),
            (self.prohibits_security, _("security guard work")),
        ]
        return [str(label) for flag, label in flags if flag]


class Site(TenantModel):
    """A 事業所 / 就業場所 of a member; its municipality code decides the 地区 check (R1.4)."""

    member = models.ForeignKey(
        MemberBusiness, on_delete=models.CASCADE, related_name="sites", verbose_name=_("member")
    )
    name = models.CharField(_("name"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=8)
    prefecture = models.CharField(_("prefecture"), max_length=10, choices=PREFECTURE_CHOICES)
    city = models.CharField(_("city, town or village"), max_length=100)
    street = models.CharField(_("town and street number"), max_length=200)
    building = models.CharField(_("building"), max_length=200, blank=True)
    municipality_code = models.CharField(_("municipality code"), max_length=5)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    phone = models.CharField(_("phone"), max_length=11, blank=True)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["member__name_kana", "name", "id"]

    def __str__(self) -> str:
        return f"{self.member.name} {self.name}"

    @property
    def address(self) -> str:
        place = f"{self.prefecture}{self.city}{self.street}"
        return f"〒{self.postal_code} {place} {self.building}".strip()
