from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from musubi.core.models import AuditLogEntry, User


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    ordering = ["email"]
    list_display = ["email", "family_name", "given_name", "is_superuser", "is_active"]
    search_fields = ["email", "family_name", "given_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Name", {"fields": ("family_name", "given_name", "preferred_language")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = ((None, {"fields": ("email", "password1", "password2")}),)


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin[AuditLogEntry]):
    list_display = ["at", "cooperative", "actor", "action", "object_type", "object_repr"]
    list_filter = ["cooperative", "action", "object_type"]

    # The log is written by the application only: nobody adds, edits or removes entries here.
    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
