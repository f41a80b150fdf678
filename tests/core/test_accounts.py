"""Login, throttling, two-step verification, invitations, password reset and language."""

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from musubi.access.models import Invitation, Membership
from musubi.core.models import Role
from tests.conftest import Town
from tests.factories import PASSWORD


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.mark.django_db
def test_a_worker_logs_in_with_email_and_password_and_lands_on_their_cooperative(
    town_a: Town,
) -> None:
    client = Client()
    response = client.post(
        "/account/login/", {"email": "WORKER@alpha.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/c/alpha/"
    assert "シフト" in response.text or "勤務" in response.text


@pytest.mark.django_db
def test_a_wrong_password_gets_a_japanese_message(town_a: Town) -> None:
    response = Client().post("/account/login/", {"email": "worker@alpha.example", "password": "x"})
    assert response.status_code == 200
    assert "パスワード" in response.text


@pytest.mark.django_db
def test_five_failed_logins_lock_the_account_even_for_the_right_password(town_a: Town) -> None:
    client = Client()
    for _ in range(5):
        client.post("/account/login/", {"email": "worker@alpha.example", "password": "wrong"})
    response = client.post(
        "/account/login/", {"email": "worker@alpha.example", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "15" in response.text


@pytest.mark.django_db
def test_a_coordinator_must_pass_the_second_step_before_seeing_anything(town_a: Town) -> None:
    client = Client()
    client.post("/account/login/", {"email": "coordinator@alpha.example", "password": PASSWORD})
    response = client.get("/c/alpha/workers/")
    assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/")
    with scopes_disabled():
        device = TOTPDevice.objects.get(user=town_a.coordinator)
    response = client.post("/account/two-factor/", {"token": "000000"})
    assert "コード" in response.text
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code
    response = client.post("/account/two-factor/", {"token": current_code(device)})
    assert response.status_code == 302
    assert client.get("/c/alpha/workers/").status_code == 200


@pytest.mark.django_db
def test_a_new_coordinator_sets_up_totp_with_a_qr_code(town_a: Town) -> None:
    with scopes_disabled():
        TOTPDevice.objects.filter(user=town_a.coordinator).delete()
    client = Client()
    client.force_login(town_a.coordinator)
    response = client.get("/account/two-factor/")
    assert "<svg" in response.text
    with scopes_disabled():
        device = TOTPDevice.objects.get(user=town_a.coordinator, confirmed=False)
    client.post("/account/two-factor/", {"token": current_code(device)})
    device.refresh_from_db()
    assert device.confirmed


@pytest.mark.django_db
def test_an_invited_member_user_joins_with_the_role_and_business_the_coordinator_chose(
    town_a: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    coordinator = as_user(town_a.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(
            "/c/alpha/people/",
            {
                "email": "new@alpha.example",
                "role": Role.MEMBER,
                "member_business": town_a.member.pk,
            },
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/invitation/" in line)
    path = link[link.index("/account/") :]
    newcomer = Client()
    response = newcomer.post(
        path, {"family_name": "新井", "given_name": "一郎", "password": "a-long-new-passphrase"}
    )
    assert response.status_code == 302
    with scopes_disabled():
        membership = Membership.objects.get(user__email="new@alpha.example")
        assert membership.member_business == town_a.member
        assert Invitation.objects.get(email="new@alpha.example").accepted_at is not None
    assert newcomer.get(path).status_code == 404  # an invitation works once


@pytest.mark.django_db
def test_a_member_invitation_without_a_business_is_refused_and_nothing_is_sent(
    town_a: Town, as_user: Any
) -> None:
    response = as_user(town_a.coordinator).post(
        "/c/alpha/people/", {"email": "x@alpha.example", "role": Role.MEMBER}
    )
    assert response.status_code == 200
    assert len(mail.outbox) == 0
    with scopes_disabled():
        assert not Invitation.objects.filter(email="x@alpha.example").exists()


@pytest.mark.django_db
def test_password_reset_sends_a_link_that_sets_a_new_password(town_a: Town) -> None:
    client = Client()
    client.post("/account/password-reset/", {"email": "worker@alpha.example"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/account/reset/" in line)
    response = client.get(link[link.index("/account/") :], follow=True)
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "another-long-passphrase", "new_password2": "another-long-passphrase"},
    )
    assert response.status_code == 302
    town_a.worker_user.refresh_from_db()
    assert town_a.worker_user.check_password("another-long-passphrase")


@pytest.mark.django_db
def test_pages_are_japanese_by_default_and_english_on_request(town_a: Town, as_user: Any) -> None:
    client = as_user(town_a.worker_user)
    assert "ログアウト" in client.get("/c/alpha/").text
    client.post("/i18n/setlang/", {"language": "en", "next": "/c/alpha/"})
    assert "Log out" in client.get("/c/alpha/").text


@pytest.mark.django_db
def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page(town_a: Town) -> None:
    response = Client().get("/c/alpha/members/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    assert Client().get("/api/v1/c/alpha/members").status_code == 401
