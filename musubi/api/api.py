"""The JSON API (django-ninja): one router per app, mounted under /api/v1/. Only mounting here;
each app keeps its routes and schemas in its own ``api.py``."""

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema
from ninja.security import django_auth

from musubi.access.api import router as core_router
from musubi.access.tokens import api_token_auth
from musubi.cocreation.api import router as cocreation_router
from musubi.cocreation.talent_api import router as talent_router
from musubi.dispatch.api import router as dispatch_router
from musubi.members.api import router as members_router
from musubi.workforce.api import router as workforce_router

COOP_PARAMETER = {
    "in": "path",
    "name": "coop",
    "required": True,
    "description": "The cooperative's short name (as in /c/<coop>/ on the site).",
    "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "title": "Coop"},
}


class MusubiAPI(NinjaAPI):
    """The API; operations under /c/{coop}/ declare the cooperative in their OpenAPI entry.

    django-ninja does not pass a router prefix's parameter to the operation (the tenancy
    middleware reads it from the URL), so the schema would otherwise leave it undeclared.
    """

    def get_openapi_schema(self, **kwargs: Any) -> OpenAPISchema:
        schema = super().get_openapi_schema(**kwargs)
        for path, operations in schema["paths"].items():
            if "{coop}" not in path:
                continue
            for operation in operations.values():
                params = operation.setdefault("parameters", [])
                if not any(p.get("name") == "coop" and p.get("in") == "path" for p in params):
                    params.insert(0, dict(COOP_PARAMETER))
        return schema


api = MusubiAPI(
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
