"""Routes inside /c/<coop>/ for this app (mounted by musubi/urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
