"""The JSON API (django-ninja): one router per app, mounted under /api/v1/."""

from ninja import NinjaAPI
from ninja.security import django_auth

from musubi.api.core import router as core_router
from musubi.api.records import router as records_router

api = NinjaAPI(
    title="Musubi API",
    version="1",
    auth=django_auth,
    urls_namespace="api",
    docs_url="/docs",
)
api.add_router("/", core_router)
api.add_router("/c/{coop}/", records_router)
