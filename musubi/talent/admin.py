from django.contrib import admin

from musubi.talent.models import Talent


@admin.register(Talent)
class TalentAdmin(admin.ModelAdmin[Talent]):
    list_display = ["__str__", "headline", "home_prefecture", "hours_per_month"]
    search_fields = ["user__email", "headline"]
