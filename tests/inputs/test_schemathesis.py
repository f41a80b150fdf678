"""Schemathesis against the OpenAPI schema, as a coordinator and as a member: no server errors.

A recurring outside check (issue 13): a bounded number of examples per operation, derandomized
(a fixed seed), so a run is repeatable and short. Generated cases carry the cooperative of the
logged-in user (other cooperatives are covered by tests/core/test_isolation.py); everything else —
ids, bodies, query strings — is generated from the schema, valid and invalid.
"""

import secrets
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from musubi.api.api import api
from tests.conftest import Town, login_client

EXAMPLES = 20


def _schema() -> Any:
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    schema.app = get_wsgi_application()
    return schema


def _run(operation: Any, cookies: dict[str, str], slug: str, statuses: Counter[int]) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        if "coop" in (case.path_parameters or {}):
            case.path_parameters["coop"] = slug
        response = case.call(cookies=cookies, headers={"X-CSRFToken": cookies["csrftoken"]})
        statuses[response.status_code] += 1
        case.validate_response(response, checks=[not_a_server_error])

    check()


@pytest.fixture
def connection_kept_open() -> Iterator[None]:
    # Called as a plain WSGI app, Django closes the connection after each request, as it would
    # in production; the test client prevents that the same way, since the test's transaction
    # lives on this connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def test_schemathesis_finds_no_server_error_as_coordinator_or_member(
    town_a: Town, capsys: Any, connection_kept_open: None
) -> None:
    schema = _schema()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    statuses: Counter[int] = Counter()
    for user in (town_a.coordinator, town_a.member_user):
        client = login_client(user)
        # Django's CSRF check accepts the bare secret as both the cookie and the header.
        cookies = {
            "sessionid": client.cookies["sessionid"].value,
            "csrftoken": secrets.token_hex(16),
        }
        for operation in operations:
            _run(operation, cookies, town_a.cooperative.slug, statuses)
    with capsys.disabled():
        print(f"\nschemathesis: {len(operations)} operations × 2 roles, statuses {dict(statuses)}")
    # The users really got in: successful answers, not only 401/403/404.
    assert statuses[200] + statuses[201] > len(operations)
