from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from musubi.core.forms import BoundedDatesMixin, DateInput, JapaneseFieldsMixin
from musubi.core.models import Cooperative
from musubi.members.models import MemberBusiness, Site


class MemberBusinessForm(BoundedDatesMixin, JapaneseFieldsMixin, forms.ModelForm[MemberBusiness]):
    class Meta:
        model = MemberBusiness
        fields = [
            "name", "name_kana", "corporate_number", "invoice_registration_number", "industry",
            "prohibits_port_transport", "prohibits_construction", "prohibits_security",
            "exempt_41_1", "representative", "phone", "email", "member_from", "member_to",
        ]  # fmt: skip
        widgets = {"member_from": DateInput(), "member_to": DateInput()}


class SiteForm(JapaneseFieldsMixin, forms.ModelForm[Site]):
    member = SafeModelChoiceField(label=_("member"), queryset=MemberBusiness.objects.none())

    class Meta:
        model = Site
        fields = [
            "member", "name", "postal_code", "prefecture", "city", "street", "building",
            "municipality_code", "latitude", "longitude", "phone",
        ]  # fmt: skip

    def __init__(self, *args: Any, cooperative: Cooperative, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        member_field: SafeModelChoiceField = self.fields["member"]
        member_field.queryset = MemberBusiness.objects.filter(cooperative=cooperative)
