from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from musubi.access.models import Invitation, Membership
from musubi.core.japanese import validate_municipality_code
from musubi.core.models import Cooperative
from musubi.core.scoped_admin import ScopedModelAdmin


class CooperativeAdminForm(forms.ModelForm[Cooperative]):
    class Meta:
        model = Cooperative
        fields = ["district_codes"]

    def clean_district_codes(self) -> list[str]:
        # The JSON field would take a bare number or string; every page expects a list of codes.
        probe = Cooperative(district_codes=self.cleaned_data.get("district_codes"))
        codes = [validate_municipality_code(t) for t in probe.district_code_texts()]
        if not codes:
            raise forms.ValidationError(_("Enter at least one municipality code."))
        return codes


@admin.register(Cooperative)
class CooperativeAdmin(admin.ModelAdmin[Cooperative]):
    form = CooperativeAdminForm
    list_display = ["name", "slug", "prefecture"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(ScopedModelAdmin):
    list_display = ["user", "cooperative", "role", "member_business"]
    list_filter = ["cooperative", "role"]


@admin.register(Invitation)
class InvitationAdmin(ScopedModelAdmin):
    list_display = ["email", "cooperative", "role", "expires_at", "accepted_at"]
