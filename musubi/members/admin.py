from django.contrib import admin

from musubi.core.scoped_admin import ScopedModelAdmin
from musubi.members.models import MemberBusiness, Site


@admin.register(MemberBusiness)
class MemberBusinessAdmin(ScopedModelAdmin):
    list_display = ["name", "cooperative", "industry", "member_from", "member_to"]
    list_filter = ["cooperative", "industry"]
    search_fields = ["name", "name_kana"]


@admin.register(Site)
class SiteAdmin(ScopedModelAdmin):
    list_display = ["name", "member", "cooperative", "municipality_code"]
    list_filter = ["cooperative"]
