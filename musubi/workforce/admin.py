from django.contrib import admin

from musubi.core.scoped_admin import ScopedModelAdmin
from musubi.workforce.models import Qualification, Worker


@admin.register(Worker)
class WorkerAdmin(ScopedModelAdmin):
    list_display = ["__str__", "cooperative", "contract_type", "hire_date", "active"]
    list_filter = ["cooperative", "contract_type", "active"]
    search_fields = ["family_name", "given_name", "family_name_kana"]


@admin.register(Qualification)
class QualificationAdmin(ScopedModelAdmin):
    list_display = ["name", "worker", "kind", "expires_on"]
