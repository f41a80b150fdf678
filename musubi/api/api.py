"""The JSON API (django-ninja): one router per app, mounted under /api/v1/."""

from ninja import NinjaAPI
from ninja.security import django_auth

from musubi.api.core import router as core_router
from musubi.api.records import router as records_router
from musubi.cocreation.api import router as cocreation_router
from musubi.dispatch.api import router as dispatch_router
from musubi.talent.api import router as talent_router

api = NinjaAPI(
    title="Musubi API",
    version="1",
    auth=django_auth,
    urls_namespace="api",
    docs_url="/docs",
)
api.add_router("/", core_router)
api.add_router("/c/{coop}/", records_router)
api.add_router("/c/{coop}/dispatch/", dispatch_router)
api.add_router("/c/{coop}/cocreation/", cocreation_router)
api.add_router("/talent/", talent_router)
