"""The whole co-creation journey in the demo town, in a phone-sized browser.

An owner posts a plain-words challenge; the coordinator sees recommended talents with reasons and
invites one; the talent accepts; a meeting is booked and its email carries an .ics file; a sprint
gets items; hours are logged and approved.
"""

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled
from playwright.sync_api import Browser, BrowserContext, Page, expect

from musubi.cocreation.models import Engagement, FeeStatement, TimeLog
from musubi.demo import data
from musubi.talent.models import Talent
from tests.core.test_accounts import current_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_town(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MUSUBI_EMBEDDER = "hashing"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    call_command("demo", quiet=True, reset_passwords=True)


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/account/login/")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(data.DEMO_PASSWORD)
    page.locator("form button[type=submit], form button:not([name])").last.click()
    with scopes_disabled():
        device = TOTPDevice.objects.filter(user__email=email, confirmed=True).first()
    if device is not None:
        page.locator("input[name=token]").fill(current_code(device))
        page.locator("main form button").click()
    page.wait_for_load_state()


@pytest.fixture
def phones(browser: Browser, live_server: Any) -> Iterator[Callable[[str], Page]]:
    """Each person has their own phone: a TOTP code is accepted only once, so no re-logins."""
    contexts: list[BrowserContext] = []

    def phone(email: str) -> Page:
        context = browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 844})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        log_in(page, live_server.url, email)
        return page

    yield phone
    for context in contexts:
        context.close()


def test_the_whole_journey_from_an_owners_words_to_approved_hours(
    page: Page, phones: Callable[[str], Page], live_server: Any, demo_town: None
) -> None:
    base = live_server.url
    coop = f"{base}/c/yamabiko/cocreation"

    # 1. The winery's owner writes the challenge in plain words.
    log_in(page, base, "member01@yamabiko.example")
    page.goto(f"{coop}/new/")
    expect(page.locator("h1")).to_have_text("あなたの課題を教えてください")
    page.locator("#id_title").fill("ワインの定期便をネットで始めたい")
    page.locator("#id_current_state").fill(
        "店頭と電話だけで売っている。東京のお客さんから通販の要望がある。"
    )
    page.locator("#id_goal").fill("ネットで注文できるようにして、楽天にも出したい。")
    page.locator("#id_success_measure").fill("月20件のネット注文")
    page.locator("input[name=windows][value=weekday_evening]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("ワインの定期便をネットで始めたい")
    challenge_url = page.url

    # 2. The coordinator sees recommended talents with the engine's reasons, and invites one.
    office = phones("coordinator@yamabiko.example")
    page = office
    page.goto(challenge_url)
    first = page.locator("#recommendations article.recommendation").first
    expect(first.locator(".reasons")).to_contain_text("スキル")
    name = first.locator("header a").inner_text()
    first.locator("button[value=invite]").click()
    expect(page.locator(".messages")).to_contain_text("招待")

    # 3. The talent accepts.
    with scopes_disabled():
        talent = next(t for t in Talent.objects.select_related("user") if str(t) == name)
    page = mine = phones(talent.user.email)
    page.goto(f"{base}/talent/")
    page.locator("#invitations button[value=accept]").click()
    expect(page.locator(".messages")).to_contain_text("ありがとうございます")

    # 4. A three-party meeting at a common slot; the email carries the .ics file.
    page = office
    page.goto(challenge_url + "meeting/")
    expect(page.locator("ul.slots li").first).to_be_visible()
    mail.outbox.clear()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#meetings li").first).to_contain_text("ビデオ会議")
    talent_mail = next(m for m in mail.outbox if m.to == [talent.user.email])
    filename, ics, mimetype = talent_mail.attachments[0]
    assert filename == "invite.ics" and mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in ics and "meet.jit.si" in ics

    # The coordinator proposes the engagement, starting today so hours can be logged.
    page.locator("#invitations a[href*='/engage/']").click()
    page.locator("#id_start").fill(timezone.localdate().isoformat())
    page.locator("#id_hours_per_month").fill("2")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("ワインの定期便をネットで始めたい")
    engagement_url = page.url

    page = mine
    with scopes_disabled():
        engagement = Engagement.objects.get(
            talent=talent, challenge__title__startswith="ワインの定期便"
        )
    page.goto(f"{base}/talent/engagements/{engagement.pk}/")
    page.locator("#id_confidentiality").check()
    page.locator("#id_conflict_of_interest").fill("なし")
    page.locator("form[action$='/accept/'] button").click()
    expect(page.locator(".messages")).to_contain_text("契約が始まりました")

    # 5. The coordinator starts a sprint and gives it items.
    page = office
    page.goto(engagement_url)
    page.locator("#board details summary").first.click()
    page.locator("form[action$='/sprint/'] #id_goal").fill("通販サイトの準備")
    page.locator("form[action$='/sprint/'] button").click()
    for title in ("商品写真を撮る", "送料を決める"):
        page.locator("#id_item_title").fill(title)
        page.locator("form[action$='/item/'] button").click()
        expect(page.locator("#board .column[data-status=todo]")).to_contain_text(title)

    # 6. The talent logs hours; the coordinator approves the month.
    page = mine
    page.goto(f"{base}/talent/engagements/{engagement.pk}/")
    page.locator("form[action$='/hours/'] #id_hours").fill("1.5")
    page.locator("form[action$='/hours/'] #id_description").fill("キックオフと商品の洗い出し")
    page.locator("form[action$='/hours/'] button").click()
    expect(page.locator("#hours")).to_contain_text("キックオフ")

    page = office
    page.goto(f"{coop}/hours/")
    row = page.locator("tr", has_text=re.compile(re.escape(name)))
    row.locator("button").click()
    expect(page.locator(".messages")).to_contain_text("承認")
    with scopes_disabled():
        assert not TimeLog.objects.filter(engagement=engagement, approved_at__isnull=True).exists()
        statement = FeeStatement.objects.get(talent=talent, cooperative__slug="yamabiko")
    assert statement.hours == 1.5


def test_a_city_professional_signs_up_on_a_phone(
    page: Page, live_server: Any, settings: Any
) -> None:
    settings.MUSUBI_EMBEDDER = "hashing"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    page.goto(f"{live_server.url}/talent/signup/")
    expect(page.locator("#purpose")).to_contain_text("個人情報の利用目的")
    page.locator("#id_family_name").fill("石田")
    page.locator("#id_given_name").fill("健")
    page.locator("#id_email").fill("ishida@example.com")
    page.locator("#id_password").fill("evening-hours-2027")
    page.locator("#id_career_summary").fill("広告代理店でSNS運用を担当。LINE公式アカウントが得意。")
    page.locator("fieldset.skills summary", has_text="SNS").click()
    page.get_by_label("LINE公式アカウント運用").check()
    page.locator("#id_hours_per_month").fill("6")
    page.locator("input[name=time_windows][value=weekday_evening]").check()
    page.locator("#id_purpose_consent").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("人材マイページ")
    with scopes_disabled():
        talent = Talent.objects.get(user__email="ishida@example.com")
    assert talent.skills == ["LINE公式アカウント運用"] and talent.embedding
