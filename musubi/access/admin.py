from django.contrib import admin

from musubi.access.models import Invitation, Membership
from musubi.core.models import Cooperative
from musubi.core.scoped_admin import ScopedModelAdmin


@admin.register(Cooperative)
class CooperativeAdmin(admin.ModelAdmin[Cooperative]):
    list_display = ["name", "slug", "prefecture"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(ScopedModelAdmin):
    list_display = ["user", "cooperative", "role", "member_business"]
    list_filter = ["cooperative", "role"]


@admin.register(Invitation)
class InvitationAdmin(ScopedModelAdmin):
    list_display = ["email", "cooperative", "role", "expires_at", "accepted_at"]
