"""An invitation to an address with an account never logs it in (review finding 2)."""

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django_scopes import scopes_disabled

from musubi.access.models import Invitation, Membership
from musubi.core.models import Role
from tests.conftest import Town
from tests.factories import PASSWORD


def _invite(as_user: Any, town: Town, email: str, capture: Any) -> str:
    with capture(execute=True):
        as_user(town.coordinator).post(
            f"/c/{town.cooperative.slug}/people/", {"email": email, "role": Role.MUNICIPALITY}
        )
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/invitation/" in line)
    return link[link.index("/account/") :]


@pytest.mark.django_db
def test_opening_the_link_for_an_existing_account_asks_it_to_log_in_and_logs_nobody_in(
    town_a: Town, town_b: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # The worker of beta is invited to alpha: whoever opens the link is not logged in as them.
    path = _invite(as_user, town_a, "worker@beta.example", django_capture_on_commit_callbacks)
    stranger = Client()
    response = stranger.get(path)
    assert response.status_code == 200
    assert "ログイン" in response.text
    assert 'name="password"' not in response.text
    response = stranger.post(
        path, {"family_name": "悪", "given_name": "太郎", "password": "a-long-new-passphrase"}
    )
    assert "_auth_user_id" not in stranger.session
    assert stranger.get("/c/beta/").status_code == 302  # still sent to the login page
    with scopes_disabled():
        assert not Membership.objects.filter(
            cooperative=town_a.cooperative, user__email="worker@beta.example"
        ).exists()
        assert Invitation.objects.get(email="worker@beta.example").accepted_at is None


@pytest.mark.django_db
def test_the_owner_logs_in_with_their_password_then_joins(
    town_a: Town, town_b: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    path = _invite(as_user, town_a, "worker@beta.example", django_capture_on_commit_callbacks)
    owner = Client()
    login_url = f"/account/login/?next={path}"
    assert login_url in owner.get(path).text.replace("%2F", "/")
    response = owner.post(login_url, {"email": "worker@beta.example", "password": PASSWORD})
    assert response["Location"] == path
    response = owner.post(path)
    assert response["Location"] == "/c/alpha/"
    with scopes_disabled():
        membership = Membership.objects.get(
            cooperative=town_a.cooperative, user__email="worker@beta.example"
        )
    assert membership.role == Role.MUNICIPALITY
    assert owner.get(path).status_code == 404  # once


@pytest.mark.django_db
def test_another_logged_in_account_cannot_accept_for_the_invited_address(
    town_a: Town, town_b: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    path = _invite(as_user, town_a, "worker@beta.example", django_capture_on_commit_callbacks)
    other = as_user(town_b.member_user)
    response = other.post(path)
    assert response.status_code == 200
    with scopes_disabled():
        assert not Membership.objects.filter(
            cooperative=town_a.cooperative,
            user__email__in=["worker@beta.example", "member@beta.example"],
        ).exists()


@pytest.mark.django_db
def test_a_coordinator_account_passes_the_second_factor_before_joining(
    town_a: Town, town_b: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    path = _invite(as_user, town_a, "coordinator@beta.example", django_capture_on_commit_callbacks)
    owner = Client()
    owner.post(f"/account/login/?next={path}", {"email": "coordinator@beta.example",
                                                 "password": PASSWORD})  # fmt: skip
    response = owner.post(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/two-factor/?next=")
    with scopes_disabled():
        assert not Membership.objects.filter(
            cooperative=town_a.cooperative, user__email="coordinator@beta.example"
        ).exists()
