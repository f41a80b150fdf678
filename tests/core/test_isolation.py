"""Isolation between cooperatives: every tenant model is scoped, every route refuses outsiders."""

import re
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django_scopes import scopes_disabled
from django_scopes.exceptions import ScopeError

from musubi.core.models import TenantModel
from musubi.members.models import MemberBusiness
from tests.conftest import Town

# Models that are platform-wide on purpose, with the reason.
PLATFORM_WIDE = {
    "core.User": "a person may belong to several cooperatives",
    "core.AuditLogEntry": "read through a selector that filters by cooperative explicitly",
    "core.LoginThrottle": "throttling happens before anyone is known",
    "access.ApiToken": "looked up by its hash before any cooperative is known; names its own",
    "core.WorkerHeartbeat": "task workers serve every cooperative; no cooperative data",
    "core.ScheduledSlot": "periodic jobs are platform-wide; no cooperative data",
    "core.Cooperative": "the tenant itself",
    "talent.Talent": "a city talent works with several cooperatives",
}

# Routes outside /c/<coop>/ and why they cannot show one cooperative's data to another.
NON_TENANT_ROUTES = {
    "home": "lists only the visitor's own memberships",
    "login": "public",
    "logout": "public",
    "two_factor": "the visitor's own device",
    "password_reset": "public",
    "password_reset_done": "public",
    "password_reset_confirm": "a signed token for one user",
    "password_reset_complete": "public",
    "invitation_accept": "an unguessable token sent to one email address",
    "set_language": "public",
    "api:me": "the visitor's own memberships",
    "healthz": "answers ok and reads nothing",
    "api_tokens": "the visitor's own tokens, for their own cooperatives",
    "api_token_revoke": "only the visitor's own token (404 otherwise)",
    "api:openapi-json": "the schema, no data",
    "api:api-root": "an index of the API, no data",
    "api:openapi-view": "the schema, no data",
    # City talents are platform-wide; every /talent/ page filters by the logged-in talent.
    "talent:signup": "public sign-up form, no data",
    "talent:home": "the visitor's own invitations, engagements and meetings",
    "talent:profile": "the visitor's own profile",
    "talent:consents": "the visitor's own consents; cooperative names only",
    "talent:challenges": "challenges of cooperatives the visitor consented to share with",
    "talent:challenge_interest": "only challenges of cooperatives the visitor consented to",
    "talent:invitation_respond": "selector filters by the visitor's talent record",
    "talent:engagement": "selector filters by the visitor's talent record",
    "talent:engagement_accept": "selector filters by the visitor's talent record",
    "talent:timelog_add": "selector filters by the visitor's talent record",
    "talent:review": "selector filters by the visitor's talent record",
    "talent:item_add": "selector filters by the visitor's talent record",
    "talent:engagement_end": "selector filters by the visitor's talent record",
    "talent:item_move": "only items of the visitor's own engagements",
    "talent:meeting_ics": "only meetings the visitor takes part in",
    "api:talent_me": "the visitor's own talent profile",
    "api:talent_engagement_list": "selector filters by the visitor's talent record",
}


def our_models() -> list[Any]:
    """Every model of every musubi app, read from the app registry so a new app is covered."""
    return [
        m
        for config in apps.get_app_configs()
        if config.name.startswith("musubi.")
        for m in config.get_models()
    ]


def test_the_model_list_comes_from_every_app_of_ours() -> None:
    labels = {m._meta.app_label for m in our_models()}
    assert {"core", "members", "workforce", "talent", "dispatch", "cocreation"} <= labels


def test_every_model_of_ours_is_either_scoped_or_platform_wide_for_a_stated_reason() -> None:
    for model in our_models():
        if model._meta.label in PLATFORM_WIDE:
            continue
        assert issubclass(model, TenantModel), f"{model._meta.label} must derive from TenantModel"
        # django-scopes builds the manager class in a factory; its mark is with_scopes_disabled.
        assert hasattr(model.objects, "with_scopes_disabled"), f"{model._meta.label} unscoped"


@pytest.mark.django_db
def test_a_query_outside_any_scope_raises_instead_of_leaking() -> None:
    for model in our_models():
        if model._meta.label in PLATFORM_WIDE:
            continue
        with pytest.raises(ScopeError):
            list(model.objects.all())


def _walk(patterns: list[Any], prefix: str = "", ns: str = "") -> Iterator[tuple[str, str]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            sub_ns = f"{ns}{p.namespace}:" if p.namespace else ns
            if p.app_name == "admin":
                continue  # Django admin: platform admins only, tested separately
            yield from _walk(p.url_patterns, prefix + str(p.pattern), sub_ns)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), f"{ns}{p.name}"


def all_routes() -> list[tuple[str, str]]:
    return list(_walk(get_resolver().url_patterns))


def _object_ids(town: Town) -> dict[str, Any]:
    """Ids of one object of each kind in ``town``, keyed by URL parameter name.

    Each app adds its own kinds in ``tests/<app>/isolation.py`` with a function
    ``object_ids(town) -> dict[str, object]`` that creates what it needs; a URL parameter is named
    after its kind (``<int:roster_pk>``), so a new route is covered without editing this file.
    """
    ids: dict[str, Any] = {"member": town.member.pk, "site": town.site.pk, "worker": town.worker.pk}
    for module in sorted(Path(__file__).parent.parent.glob("*/isolation.py")):
        hook = import_module(f"tests.{module.parent.name}.isolation")
        with scopes_disabled():
            ids.update(hook.object_ids(town))
    return ids


def _fill(route: str, coop: str, pk: Any, ids: dict[str, Any] | None = None) -> str:
    path = re.sub(r"<(?:\w+:)?coop>", coop, route)
    path = re.sub(r"<(?:\w+:)?pk>", str(pk), path)

    def named(match: re.Match[str]) -> str:
        name = match.group(1)
        assert ids is not None and name in ids, (
            f"route {route}: add {name!r} to a tests/<app>/isolation.py object_ids() hook"
        )
        return str(ids[name])

    path = re.sub(r"<(?:\w+:)?(\w+)>", named, path)
    path = path.replace("^", "").replace("$", "")
    return "/" + path


def _pk_kind(name: str) -> str:
    for kind in ("member", "site", "worker", "qualification"):
        if kind in name:
            return "worker" if kind == "qualification" else kind
    return "member"


def test_every_route_outside_a_cooperative_is_listed_with_a_reason() -> None:
    for route, name in all_routes():
        if "<coop>" in route or "<slug:coop>" in route:
            continue
        assert name in NON_TENANT_ROUTES, (
            f"New route {route!r} ({name}) is not under /c/<coop>/: put it there or list it "
            "in NON_TENANT_ROUTES with the reason it cannot leak another cooperative's data."
        )


@pytest.mark.django_db
def test_every_cooperative_route_answers_404_to_a_user_of_another_cooperative(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    tenant_routes = [(r, n) for r, n in all_routes() if "coop>" in r]
    assert len(tenant_routes) >= 20
    ids_b = _object_ids(town_b)
    for user in (town_a.coordinator, town_a.member_user, town_a.worker_user, town_a.municipality):
        client = as_user(user)
        for route, name in tenant_routes:
            url = _fill(route, town_b.cooperative.slug, ids_b[_pk_kind(name)], ids_b)
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                assert response.status_code in (403, 404), (user, method, url, response)


@pytest.mark.django_db
def test_an_object_of_another_cooperative_is_404_even_under_ones_own_address(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    ids_b = _object_ids(town_b)
    routes = [(r, n) for r, n in all_routes() if "coop>" in r and re.search(r"<[^>]*pk>", r)]
    assert routes
    for route, name in routes:
        url = _fill(route, town_a.cooperative.slug, ids_b[_pk_kind(name)], ids_b)
        response = client.get(url)
        if response.status_code == 405:  # a POST-only route
            response = client.post(url)
        assert response.status_code == 404, url


@pytest.mark.django_db
def test_the_coordinator_sees_only_their_own_cooperatives_members(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    response = as_user(town_a.coordinator).get(f"/c/{town_a.cooperative.slug}/members/")
    assert response.status_code == 200
    assert town_a.member.name in response.text
    assert town_b.member.name not in response.text
    with scopes_disabled():
        assert MemberBusiness.objects.count() == 2
