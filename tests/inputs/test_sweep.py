"""THE SWEEP: nonsense posted to every field of every POST route, as a user allowed to post there.

Routes come from the URL resolver, not from a list: a new POST route is swept as soon as it exists,
and the test fails if it cannot be reached by any role or its fields cannot be found. Fields are
read from the forms of every page the roles can open (and from the OpenAPI schema for the API), so
a new field is swept too. Every answer must be a 4xx, a form error or an accepted value — never a
5xx — and a refused post must leave the database as it was (nothing half-written). Each post runs
in a savepoint that is rolled back, so one post's success does not hide the next one's error.

Run with ``-s`` to see the counts (routes × fields × values).
"""

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.forms import BaseForm
from django.test import Client
from django.urls import Resolver404, resolve
from django_otp import DEVICE_ID_SESSION_KEY
from django_scopes import scopes_disabled

from musubi.access.models import Invitation
from musubi.access.tokens import api_token_create
from musubi.api.api import api
from musubi.core.models import Role, User
from tests.conftest import Town
from tests.core.test_isolation import _fill, _object_ids, _pk_kind, all_routes

pytestmark = pytest.mark.django_db

NONSENSE = [
    "abc",
    "",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "nan",
    "9999-12-31",
    "0001-01-01",
    "2027-02-30",
    "09:00+09:00",
    "9999-12",
    "999999",  # an id nobody has
    "x" * 5000,
    "a\x00b",
]
# For the per-field pass, a smaller set keeps the run short: one of each kind of wrong.
PER_FIELD = ["abc", "", "-1", "99999999999999999999", "9999-12-31", "0001-01-01", "09:00+09:00"]
OTHER_COOP = "<other cooperative's id>"

# Query strings for every page a role can open.
BAD_QUERIES = [
    {"month": "9999-12"},
    {"month": "0001-01"},
    {"month": "garbage"},
    {"month": "2027-13"},
    {"page": "-1", "q": "x" * 2000},
    {"page": "99999999999999999999"},
    {"poll": "1", "next": "//evil.example/"},
]

# POST routes that take no input but the address, with the reason (nothing to sweep but the URL).
NO_INPUT = {
    "dispatch:roster_publish": "the roster in the address",
    "dispatch:roster_close": "the roster in the address",
    "dispatch:repair_accept": "the run in the address",
    "dispatch:shift_delete": "the shift in the address",
    "dispatch:timesheet_confirm": "the shift in the address",
    "dispatch:my_feed_reset": "the worker's own feed",
    "dispatch:calendar_remove": "the day in the address",
    "cocreation:engagement_end": "the engagement in the address",
    "talent:engagement_end": "the engagement in the address",
}
# Routes not swept here, with the reason.
NOT_SWEPT = {
    "password_reset_confirm": "needs a valid signed token; its form is Django's own",
    "two_factor": "a coordinator who has passed it is redirected; covered by tests/core",
    "login": "throttled after five tries; its form is covered by tests/core/test_accounts.py",
    "logout": "ends the session of the client that would sweep the next routes",
    "set_language": "Django's own view; its cookie would change the language of later pages",
    "talent:meeting_ics": "a GET download; the isolation hook's meeting has no talent participant",
}
GENERIC_FIELDS = [
    "action", "answer", "approve", "date", "day", "end", "hours", "member", "month", "note",
    "reason", "request", "score", "site", "sprint", "start", "status", "time_limit", "title",
    "worker", "year",
]  # fmt: skip
# Fields every form may carry implicitly (the CSRF token is not enforced by the test client).
IGNORED_FIELDS = {"csrfmiddlewaretoken"}


class _Forms(HTMLParser):
    """The POST forms of a page: action, field names and the values the page filled in."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []
        self._current: dict[str, str] | None = None
        self._select: str | None = None
        self._selected = False
        self._first = False
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self._current = {}
            self.forms.append((a.get("action", ""), self._current))
        elif self._current is None:
            return
        elif tag in ("input", "button") and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                self._current.setdefault(a["name"], "")
            else:
                self._current.setdefault(a["name"], a.get("value", ""))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self._selected = False
            self._first = True
        elif tag == "option" and self._select:
            # The selected option's value, else the first option's.
            if "selected" in a or (self._first and not self._selected):
                self._current[self._select] = a.get("value", "")
            self._selected = self._selected or "selected" in a
            self._first = False
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._current.setdefault(self._textarea, "")

    def handle_data(self, data: str) -> None:
        if self._current is not None and self._textarea:
            self._current[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


@dataclass
class Route:
    pattern: str
    name: str
    url: str
    roles: list[str] = field(default_factory=list)
    baseline: dict[str, str] = field(default_factory=dict)
    json_fields: list[str] = field(default_factory=list)


def _client(user: User | None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
        device = user.totpdevice_set.filter(confirmed=True).first()
        if device is not None:
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
    return client


_COUNT_SQL: list[str] = []


def _fingerprint() -> tuple[Any, ...]:
    """Row counts of every table except the ones a refused request may rightly touch (one query)."""
    if not _COUNT_SQL:
        skip = {"sessions.session", "core.loginfailure"}
        tables = sorted(
            {m._meta.db_table for m in apps.get_models() if m._meta.label_lower not in skip}
        )
        counts = ", ".join(f'(SELECT COUNT(*) FROM "{t}")' for t in tables)
        _COUNT_SQL.append(f"SELECT {counts}")
    with connection.cursor() as cursor:
        cursor.execute(_COUNT_SQL[0])
        return tuple(cursor.fetchone())


def _refused(response: Any) -> bool:
    """Did the application say no: a 4xx, a form with errors, or an error message?"""
    if 400 <= response.status_code < 500:
        return True
    for context in response.context or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else []:
            if isinstance(value, BaseForm) and value.is_bound and value.errors:
                return True
    # Only the messages this request added (the storage also holds ones carried over).
    storage = getattr(getattr(response, "wsgi_request", None), "_messages", None)
    queued = getattr(storage, "_queued_messages", [])
    return any(m.level_tag == "error" for m in queued)


class Sweep:
    def __init__(self, users: dict[str, User | None]) -> None:
        self.clients = {role: _client(user) for role, user in users.items()}
        self.outcomes: Counter[str] = Counter()
        self.server_errors: list[str] = []
        self.half_written: list[str] = []
        self.tried: set[tuple[str, str]] = set()

    def post(self, role: str, route: Route, data: dict[str, Any], *, as_json: bool) -> Any:
        client = self.clients[role]
        client.cookies.pop("messages", None)  # a previous post's messages are not this one's
        with transaction.atomic():
            before = _fingerprint()
            if as_json:
                body = json.dumps(data)
                response = client.post(route.url, body, content_type="application/json")
            else:
                response = client.post(route.url, data)
            status = response.status_code
            if status >= 500:
                self.server_errors.append(f"{role} POST {route.url} {_short(data)} → {status}")
                self.outcomes["5xx"] += 1
            elif _refused(response):
                self.outcomes["refused"] += 1
                if _fingerprint() != before:
                    self.half_written.append(f"{role} POST {route.url} {_short(data)}")
            else:
                self.outcomes["accepted"] += 1
            transaction.set_rollback(True)
        return response

    def get(self, role: str, url: str, query: dict[str, str]) -> None:
        response = self.clients[role].get(url, query)
        self.outcomes["get"] += 1
        if response.status_code >= 500:
            self.server_errors.append(f"{role} GET {url} {query} → {response.status_code}")


def _short(data: dict[str, Any]) -> str:
    return repr({k: (v[:20] + "…" if isinstance(v, str) and len(v) > 20 else v)
                 for k, v in data.items()})  # fmt: skip


def _api_fields() -> dict[str, list[str]]:
    """The JSON body fields of each API POST path, from the OpenAPI schema."""
    schema = api.get_openapi_schema()
    components = schema.get("components", {}).get("schemas", {})
    out: dict[str, list[str]] = {}
    for path, operations in schema["paths"].items():
        body = operations.get("post", {}).get("requestBody")
        if not body:
            continue
        ref = body["content"]["application/json"]["schema"].get("$ref", "")
        props = components.get(ref.rsplit("/", 1)[-1], {}).get("properties", {})
        out[re.sub(r"\{(\w+)\}", r"<\1>", path)] = list(props)
    return out


def _route_of(action: str) -> str | None:
    try:
        match = resolve(urlsplit(action).path)
    except Resolver404:
        return None
    return f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name


def _other_id(name: str, ids_b: dict[str, Any], town_b: Town) -> Any:
    for key in (f"{name}_pk", name):
        if key in ids_b:
            return ids_b[key]
    return {"worker": town_b.worker.pk, "site": town_b.site.pk}.get(name)


def test_the_sweep_finds_no_server_error_and_nothing_half_written(
    town_a: Town, town_b: Town, capsys: Any
) -> None:
    with scopes_disabled():
        invitation = Invitation.objects.create(
            cooperative=town_a.cooperative, email="new@alpha.example", role=Role.WORKER
        )
    ids = {**_object_ids(town_a), "token": invitation.token, "uidb64": "MQ"}
    ids_b = _object_ids(town_b)
    slug = town_a.cooperative.slug
    talent_user = User.objects.get(email=f"talent@{slug}.example")
    users: dict[str, User | None] = {
        "coordinator": town_a.coordinator,
        "member": town_a.member_user,
        "worker": town_a.worker_user,
        "municipality": town_a.municipality,
        "talent": talent_user,
        "anonymous": None,
    }
    sweep = Sweep(users)
    token, _secret = api_token_create(
        user=town_a.coordinator, cooperative=town_a.cooperative, name="sweep", can_write=True
    )
    # Routes whose <pk> is not one of the isolation hook's kinds.
    own_pk = {"api_token_revoke": token.pk}
    routes = [
        Route(p, n, _fill(_plain(p), slug, own_pk.get(n) or ids[_pk_kind(n)], ids))
        for p, n in all_routes()
        if n not in NOT_SWEPT
    ]
    by_name = {r.name: r for r in routes}

    # 1. Which role may post where; GET pages with bad query strings; forms on every page.
    for route in routes:
        candidates = _candidate_roles(route.pattern, list(users))
        for role in candidates:
            with transaction.atomic():
                response = sweep.clients[role].post(route.url, {})
                transaction.set_rollback(True)
            if response.status_code >= 500:
                sweep.server_errors.append(f"{role} POST {route.url} {{}} → 500")
            refused = response.status_code in (401, 403, 404, 405) or (
                response.status_code == 302 and "/account/login/" in response.get("Location", "")
            )
            if not refused:
                route.roles.append(role)
        queried = False
        for role in candidates:
            response = sweep.clients[role].get(route.url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            if not queried:  # the first role that may open the page tries the bad queries
                for query in BAD_QUERIES:
                    sweep.get(role, route.url, query)
                queried = True
            parser = _Forms()
            parser.feed(response.content.decode())
            for action, values in parser.forms:
                target = by_name.get(_route_of(action or route.url) or "")
                if target is not None:
                    for k, v in values.items():
                        if k not in IGNORED_FIELDS:
                            target.baseline.setdefault(k, v)
    api_fields = _api_fields()
    for route in routes:
        if route.pattern in api_fields:
            route.json_fields = api_fields[route.pattern]

    post_routes = [r for r in routes if r.roles]
    unreached = [
        r.name for r in routes
        if not r.roles and r.name.split(":")[0] != "api" and _accepts_post(r, sweep)
    ]  # fmt: skip
    no_fields = [
        r.name for r in post_routes
        if not r.baseline and not r.json_fields and r.name not in NO_INPUT
        and r.name not in {"set_language"}
    ]  # fmt: skip

    # 2. Nonsense in every field at once, then one field at a time against the page's values.
    fields_tried = 0
    for route in post_routes:
        as_json = bool(route.json_fields)
        # A route with no form on any page (a GET page that also answers POST, a button whose
        # object is in another state) gets the names forms use most.
        names = route.json_fields if as_json else sorted(route.baseline) or GENERIC_FIELDS
        fields_tried += len(names)
        role = route.roles[0]
        for value in [*NONSENSE, OTHER_COOP]:
            data = {
                n: (_other_id(n, ids_b, town_b) if value == OTHER_COOP else value) for n in names
            }
            sweep.post(role, route, {k: v for k, v in data.items() if v is not None},
                       as_json=as_json)  # fmt: skip
        for name in names:
            for value in [*PER_FIELD, OTHER_COOP]:
                bad = _other_id(name, ids_b, town_b) if value == OTHER_COOP else value
                if bad is None:
                    continue
                data = {**route.baseline, name: bad}
                sweep.post(role, route, data, as_json=as_json)

    with capsys.disabled():
        print(
            f"\nsweep: {len(post_routes)} POST routes × {fields_tried} fields; "
            f"{sum(v for k, v in sweep.outcomes.items() if k != 'get')} posts "
            f"({dict(sweep.outcomes)}); {sweep.outcomes['get']} GETs with bad query strings; "
            f"{len(sweep.server_errors)} server errors; {len(sweep.half_written)} half-written; "
            f"{len(no_fields)} routes swept with the generic field names"
        )
    assert not sweep.server_errors, "\n".join(sweep.server_errors[:40])
    assert not sweep.half_written, "\n".join(sweep.half_written[:80])
    assert not unreached, f"POST routes no role could reach (add ids or a role): {unreached}"
    assert len(post_routes) >= 40


def _plain(pattern: str) -> str:
    """A regular-expression route (``^ledger\\.(?P<fmt>csv|xlsx)$``) in path syntax."""
    return re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", pattern).replace("\\.", ".")


def _candidate_roles(pattern: str, roles: list[str]) -> list[str]:
    """Roles worth trying: cooperative pages need a membership, talent pages a talent."""
    if "<slug:coop>" in pattern or "<coop>" in pattern:
        return [r for r in roles if r not in ("talent", "anonymous")]
    if pattern.startswith("talent/"):
        return ["talent", "anonymous"]
    return roles


def _accepts_post(route: Route, sweep: Sweep) -> bool:
    """A route refusing every role: is it a POST route at all (not 405 for everyone)?"""
    with transaction.atomic():
        response = sweep.clients["coordinator"].post(route.url, {})
        transaction.set_rollback(True)
    return response.status_code != 405
