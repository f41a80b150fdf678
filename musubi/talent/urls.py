"""Platform-wide talent routes (outside any cooperative), mounted at /talent/."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
