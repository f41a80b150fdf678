"""The coordinator's month in the browser, on the demo town: make, publish, close."""

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from musubi.core.models import AuditLogEntry
from musubi.demo import data
from musubi.demo.dispatch import business_year
from musubi.dispatch.models import Roster, RosterStatus, RunStatus, TimesheetEntry
from tests.core.test_accounts import current_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def ja(msgid: str) -> str:
    with translation.override("ja"):
        return translation.gettext(msgid)


@pytest.fixture
def demo_town(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The live server runs tasks right away; the database backend would need a db_worker.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    call_command("demo", quiet=True, stdout=StringIO())


def test_a_coordinator_produces_publishes_and_closes_a_month(
    page: Page, live_server: Any, demo_town: None
) -> None:
    base = live_server.url
    email = data.YAMABIKO.coordinator.email
    page.goto(f"{base}/account/login/")
    page.get_by_label("メールアドレス").fill(email)
    page.get_by_label("パスワード").fill(data.DEMO_PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    with scopes_disabled():
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    page.get_by_label("認証アプリ", exact=False).fill(current_code(device))
    page.get_by_role("button", name="確認").click()

    # Buttons are found by their form, headings by the catalogue: wording may be polished.
    page.locator("nav.sections a[href$='/dispatch/']").click()
    expect(page.locator("h1")).to_have_text(ja("Dispatch"))
    # Year-end shipping of the demo's current business year: always a month with demand.
    month = f"{business_year(dt.date.today())}-12"
    page.locator("#id_month").fill(month)
    page.locator("form[action$='/rosters/new/'] button").click()
    expect(page.locator("h1")).to_contain_text(month)
    expect(page.locator("#roster-status")).to_have_text(ja(RosterStatus.DRAFT.label))

    page.locator("input[name=time_limit]").fill("3")
    page.locator("form[action$='/run/'] button").click()
    expect(page.locator("#run .run-status")).to_have_text(ja(RunStatus.DONE.label), timeout=60_000)
    expect(page.locator("#summary")).to_contain_text(ja("Hard violations") + ": 0")
    expect(page.locator("#worker-calendar")).to_contain_text("佐藤 美咲")

    # Publishing asks first (a page, so it works without JavaScript too).
    page.locator("form[action$='/publish/'] button").click()
    expect(page.locator("#confirm-question")).to_be_visible()
    page.locator("#confirm-form button[type=submit]").click()
    expect(page.locator("#roster-status")).to_have_text(ja(RosterStatus.PUBLISHED.label))

    # Nobody confirmed any hours yet: closing is refused without an explicit override...
    page.locator("form[action$='/close/'] button").click()
    expect(page.locator("p.warn[role=alert]")).to_be_visible()
    page.locator("#confirm-form button[type=submit]").click()
    expect(page.locator(".errorlist")).to_be_visible()
    with scopes_disabled():
        assert Roster.objects.get(start_date__month=12).status == "published"
    # ...and allowed with the override and its reason, which the audit log keeps.
    page.locator("#id_override").check()
    page.locator("#id_reason").fill("12月分は翌月に確認する")
    page.locator("#confirm-form button[type=submit]").click()
    expect(page.locator("#roster-status")).to_have_text(ja(RosterStatus.CLOSED.label))
    with scopes_disabled():
        assert AuditLogEntry.objects.filter(
            changes__override_reason="12月分は翌月に確認する"
        ).exists()
    with scopes_disabled():
        roster = Roster.objects.get(cooperative__slug="yamabiko", start_date__month=12)
        assert roster.status == "closed"
        assert roster.shifts.count() > 50
        assert not TimesheetEntry.objects.filter(shift__roster=roster, locked=False).exists()
