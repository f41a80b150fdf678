"""The JSON API (django-ninja): one router per app, mounted under /api/v1/. Only mounting here;
each app keeps its routes and schemas in its own ``api.py``."""

from ninja import NinjaAPI
from ninja.security import django_auth

from musubi.access.api import router as core_router
from musubi.access.tokens import api_token_auth
from musubi.cocreation.api import router as cocreation_router
from musubi.cocreation.talent_api import router as talent_router
from musubi.dispatch.api import router as dispatch_router
from musubi.members.api import router as members_router
from musubi.workforce.api import router as workforce_router

api = NinjaAPI(
    title="Musubi API",
    version="1",
    # A personal access token (Authorization: Bearer msb_…) or the browser session.
    auth=[api_token_auth, django_auth],
    urls_namespace="api",
    docs_url="/docs",
)
api.add_router("/", core_router)
api.add_router("/c/{coop}/", members_router)
api.add_router("/c/{coop}/", workforce_router)
api.add_router("/c/{coop}/dispatch/", dispatch_router)
api.add_router("/c/{coop}/cocreation/", cocreation_router)
api.add_router("/talent/", talent_router)
