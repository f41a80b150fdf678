"""Personal access tokens: hashed at rest, shown once, scoped to a cooperative and to reading or
writing, revocable; other cooperatives' routes stay 404."""

import re
from typing import Any

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from musubi.access.models import ApiToken
from tests.conftest import Town


def _make(client: Client, town: Town, *, write: bool = False) -> str:
    data = {"name": "会計ソフト連携", "cooperative": town.cooperative.pk}
    if write:
        data["can_write"] = "on"
    page = client.post("/account/api-tokens/", data)
    assert page.status_code == 200
    found = re.search(r'<code id="new-token">(msb_[^<]+)</code>', page.text)
    assert found, page.text
    return found.group(1)


def _api(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.mark.django_db
def test_a_token_is_shown_once_and_only_its_hash_is_stored(town_a: Town, as_user: Any) -> None:
    client = as_user(town_a.coordinator)
    token = _make(client, town_a)
    row = ApiToken.objects.get()
    assert token not in (row.digest, row.prefix) and len(row.digest) == 64
    assert token not in client.get("/account/api-tokens/").text  # never shown again
    assert "コピー" not in client.get("/account/api-tokens/").text
    me = _api(token).get("/api/v1/me")
    assert me.status_code == 200 and me.json()["email"] == town_a.coordinator.email


@pytest.mark.django_db
def test_a_token_reads_its_cooperative_only(town_a: Town, town_b: Town, as_user: Any) -> None:
    token = _make(as_user(town_a.coordinator), town_a)
    api = _api(token)
    assert api.get("/api/v1/c/alpha/dispatch/rosters").status_code == 200
    # Even where the same person belongs to the other cooperative, the token does not reach it.
    from tests.factories import membership

    with scopes_disabled():
        membership(town_a.coordinator, town_b.cooperative, "coordinator")
    assert api.get("/api/v1/c/beta/dispatch/rosters").status_code == 404


@pytest.mark.django_db
def test_a_read_only_token_cannot_write_and_a_write_token_can(town_a: Town, as_user: Any) -> None:
    client = as_user(town_a.member_user)
    url = "/api/v1/c/alpha/dispatch/requests"
    body = {"site_id": town_a.site.pk}  # incomplete: the point is who may try
    read = _api(_make(client, town_a))
    assert read.get(url).status_code == 200
    assert read.post(url, body, content_type="application/json").status_code == 403
    write = _api(_make(client, town_a, write=True))
    assert write.post(url, body, content_type="application/json").status_code == 422


@pytest.mark.django_db
def test_a_revoked_or_wrong_token_gets_401(town_a: Town, as_user: Any) -> None:
    client = as_user(town_a.coordinator)
    token = _make(client, town_a)
    row = ApiToken.objects.get()
    page = client.get(f"/account/api-tokens/{row.pk}/revoke/")
    assert "元に戻せません" in page.text  # asks first
    assert _api(token).get("/api/v1/me").status_code == 200
    assert client.post(f"/account/api-tokens/{row.pk}/revoke/").status_code == 302
    assert _api(token).get("/api/v1/me").status_code == 401
    assert _api("msb_" + "x" * 43).get("/api/v1/me").status_code == 401


@pytest.mark.django_db
def test_nobody_revokes_or_sees_another_persons_token(town_a: Town, as_user: Any) -> None:
    _make(as_user(town_a.coordinator), town_a)
    row = ApiToken.objects.get()
    other = as_user(town_a.member_user)
    assert other.post(f"/account/api-tokens/{row.pk}/revoke/").status_code == 404
    assert row.name not in other.get("/account/api-tokens/").text
    ApiToken.objects.get(pk=row.pk, revoked_at__isnull=True)


@pytest.mark.django_db
def test_a_coordinator_makes_tokens_only_after_the_second_factor(town_a: Town) -> None:
    client = Client()
    client.force_login(town_a.coordinator)
    response = client.post("/account/api-tokens/", {"name": "x", "cooperative": 1})
    assert response.status_code == 302 and response["Location"] == "/account/two-factor/"
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_a_token_is_only_for_a_cooperative_the_person_belongs_to(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    client = as_user(town_a.member_user)
    page = client.post("/account/api-tokens/", {"name": "x", "cooperative": town_b.cooperative.pk})
    assert page.status_code == 200 and "msb_" not in page.text
    assert not ApiToken.objects.exists()
