"""Django admin for tenant models: platform admins work across cooperatives on purpose."""

from typing import Any

from django.contrib import admin
from django_scopes import scopes_disabled


class ScopedModelAdmin(admin.ModelAdmin[Any]):
    def get_queryset(self, request: Any) -> Any:
        with scopes_disabled():
            return self.model.objects.all()

    def changeform_view(self, *args: Any, **kwargs: Any) -> Any:
        with scopes_disabled():
            return super().changeform_view(*args, **kwargs)

    def changelist_view(self, *args: Any, **kwargs: Any) -> Any:
        with scopes_disabled():
            return super().changelist_view(*args, **kwargs)

    def delete_view(self, *args: Any, **kwargs: Any) -> Any:
        with scopes_disabled():
            return super().delete_view(*args, **kwargs)
