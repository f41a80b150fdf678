"""No open redirect after login or after the second factor (finding 3 of the outside review)."""

import pytest
from django.test import Client

from tests.conftest import Town
from tests.core.test_accounts import current_code
from tests.factories import PASSWORD

EVIL = ["https://evil.example/", "//evil.example/", "https:evil.example", "/\\evil.example/"]


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_login_does_not_follow_next_to_another_site(town_a: Town, target: str) -> None:
    response = Client().post(
        f"/account/login/?next={target}",
        {"email": "worker@alpha.example", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_login_follows_next_within_the_site(town_a: Town) -> None:
    response = Client().post(
        "/account/login/?next=/c/alpha/", {"email": "worker@alpha.example", "password": PASSWORD}
    )
    assert response["Location"] == "/c/alpha/"


@pytest.mark.django_db
@pytest.mark.parametrize("target", [*EVIL, "/c/alpha/"])
def test_the_second_factor_does_not_follow_next_to_another_site(town_a: Town, target: str) -> None:
    client = Client()
    client.post("/account/login/", {"email": "coordinator@alpha.example", "password": PASSWORD})
    device = town_a.coordinator.totpdevice_set.get(confirmed=True)
    response = client.post(f"/account/two-factor/?next={target}", {"token": current_code(device)})
    assert response.status_code == 302
    assert response["Location"] == ("/c/alpha/" if target == "/c/alpha/" else "/")
