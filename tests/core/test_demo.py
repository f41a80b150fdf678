"""``musubi demo`` builds the demo once, however often it runs, with valid Japanese data."""

import json
from importlib import resources
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from musubi.access.models import Membership
from musubi.core.japanese import (
    corporate_number_is_valid,
    normalize_invoice_registration_number,
    normalize_katakana,
    normalize_phone,
    normalize_postal_code,
    validate_municipality_code,
)
from musubi.core.models import Cooperative, Role, User
from musubi.demo import data
from musubi.members.models import MemberBusiness, Site
from musubi.talent.models import Talent
from musubi.workforce.models import ContractType, Qualification, Worker


@pytest.fixture
def demo(db: None, settings: Any) -> str:
    # Argon2 costs ~0.2 s per hash and the demo has ~70 logins; the hasher is not under test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = StringIO()
    call_command("demo", quiet=True, stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    with scopes_disabled():
        models = [Cooperative, MemberBusiness, Site, Worker, Qualification, Membership, Talent]
        counts = {m.__name__: m.objects.count() for m in models}
    counts["User"] = User.objects.count()
    counts["TOTPDevice"] = TOTPDevice.objects.count()
    return counts


def test_running_it_twice_creates_nothing_new(demo: str) -> None:
    before = _counts()
    out = StringIO()
    call_command("demo", quiet=True, stdout=out)

    assert _counts() == before
    assert "作成 0 件" in out.getvalue() and "更新 0 件" in out.getvalue()
    with scopes_disabled():
        yamabiko = Cooperative.objects.get(slug="yamabiko")
        assert MemberBusiness.objects.filter(cooperative=yamabiko).count() == 12
        assert Worker.objects.filter(cooperative=yamabiko).count() == 6
        kawasemi = Cooperative.objects.get(slug="kawasemi")
        assert MemberBusiness.objects.filter(cooperative=kawasemi).count() == 4
        assert Worker.objects.filter(cooperative=kawasemi).count() == 2
    # Talents are platform-wide (no cooperative link), so "yamabiko's talents" are all of them.
    assert Talent.objects.count() == 40


def test_a_rerun_restores_edited_demo_values(demo: str) -> None:
    with scopes_disabled():
        MemberBusiness.objects.filter(name="有限会社かじか荘").update(phone="0494009999")
    out = StringIO()
    call_command("demo", quiet=True, stdout=out)
    assert "更新 1 件" in out.getvalue() and "パスワード設定 0 件" in out.getvalue()
    with scopes_disabled():
        assert MemberBusiness.objects.get(name="有限会社かじか荘").phone == "0494001103"


def test_quiet_hides_the_login_table_and_the_default_prints_it(demo: str) -> None:
    assert "coordinator@yamabiko.example" not in demo
    out = StringIO()
    call_command("demo", stdout=out)
    table = out.getvalue()
    assert "http://127.0.0.1:8000/" in table
    assert "musubi totp-code coordinator@yamabiko.example" in table
    assert "musubi totp-code admin@musubi.example" in table
    assert data.DEMO_PASSWORD in table


def test_every_corporate_and_invoice_number_is_valid(demo: str) -> None:
    with scopes_disabled():
        members = list(MemberBusiness.objects.all())
        coops = list(Cooperative.objects.all())
    corporations = [m for m in members if m.corporate_number]
    assert len(corporations) == 15  # 16 members, one of them a sole proprietor
    for member in corporations:
        assert corporate_number_is_valid(member.corporate_number), member.name
        assert member.invoice_registration_number == f"T{member.corporate_number}"
    for member in members:
        assert normalize_invoice_registration_number(member.invoice_registration_number)
    for coop in coops:
        assert corporate_number_is_valid(coop.invoice_registration_number.removeprefix("T"))


def test_records_pass_model_validation_and_japanese_normalisers(demo: str) -> None:
    with scopes_disabled():
        for member in MemberBusiness.objects.all():
            member.full_clean()
            assert normalize_phone(member.phone) == member.phone
            assert normalize_katakana(member.name_kana) == member.name_kana
        for site in Site.objects.all():
            site.full_clean()
            assert normalize_postal_code(site.postal_code) == site.postal_code
            assert validate_municipality_code(site.municipality_code) == site.municipality_code
            assert not site.phone or normalize_phone(site.phone) == site.phone
        for worker in Worker.objects.all():
            worker.full_clean()
            assert worker.contract_type == ContractType.INDEFINITE and worker.active
            assert worker.birth_date and worker.sex
            assert normalize_phone(worker.phone) == worker.phone
            assert normalize_postal_code(worker.postal_code) == worker.postal_code
            assert normalize_katakana(worker.full_name_kana) == worker.full_name_kana
            assert 2 <= worker.qualifications.count() <= 5


def test_only_the_tokyo_antenna_shop_lies_outside_the_district(demo: str) -> None:
    with scopes_disabled():
        outside = [
            s for s in Site.objects.select_related("cooperative")
            if s.municipality_code not in s.cooperative.district_codes
        ]  # fmt: skip
    assert [(s.prefecture, s.municipality_code) for s in outside] == [("東京都", "13101")]


def test_each_login_has_its_role_and_the_demo_password(demo: str) -> None:
    expected = {
        "coordinator@yamabiko.example": Role.COORDINATOR,
        "member01@yamabiko.example": Role.MEMBER,
        "worker01@yamabiko.example": Role.WORKER,
        "town@yamabiko.example": Role.MUNICIPALITY,
        "coordinator@kawasemi.example": Role.COORDINATOR,
        "member01@kawasemi.example": Role.MEMBER,
        "worker01@kawasemi.example": Role.WORKER,
    }
    with scopes_disabled():
        for email, role in expected.items():
            membership = Membership.objects.get(user__email=email)
            assert membership.role == role
            if role == Role.MEMBER:
                assert membership.member_business is not None
            if role == Role.WORKER:
                assert membership.worker is not None
                assert membership.worker.email == email
    for email in [*expected, "talent01@example.com", "talent40@example.com"]:
        assert authenticate(email=email, password=data.DEMO_PASSWORD) is not None, email
    admin = authenticate(email="admin@musubi.example", password=data.DEMO_PASSWORD)
    assert admin is not None and admin.is_superuser and admin.is_staff


def test_totp_code_prints_a_code_the_confirmed_device_accepts(demo: str) -> None:
    for email in ["coordinator@yamabiko.example", "coordinator@kawasemi.example"]:
        out = StringIO()
        call_command("totp_code", email, stdout=out)
        code = out.getvalue().strip()
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        assert len(code) == 6 and device.verify_token(code)
    admin = TOTPDevice.objects.get(user__email="admin@musubi.example")
    assert admin.confirmed


def test_talent_skills_are_taxonomy_labels_except_the_look_alikes(demo: str) -> None:
    raw = resources.files("musubi.engines.matching").joinpath("taxonomy_data.json")
    taxonomy = json.loads(raw.read_text("utf-8"))
    labels = {s["ja"] for c in taxonomy["categories"] for s in c["skills"]}
    talents = Talent.objects.select_related("user")
    off_taxonomy = [t.user.display_name for t in talents if not set(t.skills) <= labels]
    # The sommelier and the concierge are distractors for the matcher on purpose.
    assert sorted(off_taxonomy) == ["吉田 真理子", "山口 亮"]
    assert all(4 <= t.hours_per_month <= 20 for t in Talent.objects.all())
