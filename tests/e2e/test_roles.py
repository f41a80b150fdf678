"""A browser walk per role: log in, Japanese home page, English on request, no way next door."""

from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from musubi.core.models import User
from tests.conftest import Town
from tests.core.test_accounts import current_code
from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, base: str, user: User) -> None:
    page.goto(f"{base}/account/login/")
    expect(page.locator("h1")).to_have_text("ログイン")
    page.get_by_label("メールアドレス").fill(user.email)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    with scopes_disabled():
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        expect(page.locator("h1")).to_have_text("2段階認証")
        page.get_by_label("認証アプリ", exact=False).fill(current_code(device))
        page.get_by_role("button", name="確認").click()


def walk(
    page: Page, live_server: Any, town_a: Town, town_b: Town, user: User, heading: str
) -> None:
    base = live_server.url
    log_in(page, base, user)
    expect(page).to_have_url(f"{base}/c/{town_a.cooperative.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.locator("main")).to_contain_text(heading)
    expect(page.get_by_role("button", name="ログアウト")).to_be_visible()

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    response = page.goto(f"{base}/c/{town_b.cooperative.slug}/")
    assert response is not None and response.status == 404
    response = page.goto(f"{base}/api/v1/c/{town_b.cooperative.slug}/members")
    assert response is not None and response.status in (403, 404)


def test_a_coordinator_logs_in_with_the_second_step(
    page: Page, live_server: Any, town_a: Town, town_b: Town
) -> None:
    walk(page, live_server, town_a, town_b, town_a.coordinator, "組合員")


def test_a_member_business_user_logs_in(
    page: Page, live_server: Any, town_a: Town, town_b: Town
) -> None:
    walk(page, live_server, town_a, town_b, town_a.member_user, town_a.member.name)


def test_a_worker_logs_in_on_a_phone(
    page: Page, live_server: Any, town_a: Town, town_b: Town
) -> None:
    walk(page, live_server, town_a, town_b, town_a.worker_user, "シフト")


def test_a_municipality_viewer_logs_in(
    page: Page, live_server: Any, town_a: Town, town_b: Town
) -> None:
    walk(page, live_server, town_a, town_b, town_a.municipality, "派遣職員")


def test_a_platform_admin_logs_in_with_the_second_step_and_sees_every_cooperative(
    page: Page, live_server: Any, town_a: Town, town_b: Town
) -> None:
    from tests import factories as f

    with scopes_disabled():
        admin = f.UserFactory(email="admin@musubi.example", is_superuser=True, is_staff=True)
        f.totp_device(admin)
    base = live_server.url
    log_in(page, base, admin)
    expect(page).to_have_url(f"{base}/")
    expect(page.locator("main")).to_contain_text(town_a.cooperative.name)
    expect(page.locator("main")).to_contain_text(town_b.cooperative.name)
    page.get_by_role("button", name="English").click()
    expect(page.locator("main")).to_contain_text("Platform administration")


def test_a_city_talent_logs_in_and_cannot_open_a_cooperatives_pages(
    page: Page, live_server: Any, town_a: Town, town_b: Town
) -> None:
    from tests import factories as f

    with scopes_disabled():
        talent = f.TalentFactory(user=f.UserFactory(email="talent@example.com"))
    base = live_server.url
    log_in(page, base, talent.user)
    # A talent lands on their own page, not on an empty list of cooperatives.
    expect(page).to_have_url(f"{base}/talent/")
    expect(page.locator("main")).to_contain_text("人材マイページ")
    page.get_by_role("button", name="English").click()
    expect(page.locator("main")).to_contain_text("My talent page")
    response = page.goto(f"{base}/c/{town_a.cooperative.slug}/")
    assert response is not None and response.status == 404
