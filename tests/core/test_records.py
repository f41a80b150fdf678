"""Coordinator screens for core records: search, create, edit, bad input, audit log."""

import json
from typing import Any

import pytest
from django_scopes import scopes_disabled

from musubi.core.models import AuditLogEntry
from musubi.members.models import MemberBusiness, Site
from musubi.workforce.models import Worker
from tests.conftest import Town

GOOD_MEMBER = {
    "name": "株式会社やまびこワイナリー",
    "name_kana": "やまびこわいなりー",
    "corporate_number": "4011001098993",
    "invoice_registration_number": "T4011001098993",
    "industry": "food_manufacturing",
    "phone": "0494-22-1234",
    "member_from": "2024-04-01",
}


@pytest.mark.django_db
def test_a_coordinator_adds_a_member_and_the_audit_log_records_who_did_it(
    town_a: Town, as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    response = client.post("/c/alpha/members/new/", GOOD_MEMBER)
    assert response.status_code == 302
    with scopes_disabled():
        member = MemberBusiness.objects.get(name="株式会社やまびこワイナリー")
        assert member.name_kana == "ヤマビコワイナリー"
        assert member.phone == "0494221234"
        entry = AuditLogEntry.objects.get(
            object_id=str(member.pk), object_type="members.MemberBusiness"
        )
    assert entry.actor == town_a.coordinator
    assert entry.cooperative == town_a.cooperative
    log = client.get("/c/alpha/audit/")
    assert "株式会社やまびこワイナリー" in log.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("corporate_number", "8123456789012", "チェックデジット"),
        ("invoice_registration_number", "4011001098993", "登録番号"),
        ("phone", "12345", "電話番号"),
    ],
)
def test_bad_member_input_gets_a_japanese_message_and_nothing_is_saved(
    town_a: Town, as_user: Any, field: str, value: str, words: str
) -> None:
    response = as_user(town_a.coordinator).post(
        "/c/alpha/members/new/", {**GOOD_MEMBER, field: value}
    )
    assert response.status_code == 200
    assert words in response.text
    with scopes_disabled():
        assert not MemberBusiness.objects.filter(name=GOOD_MEMBER["name"]).exists()
        assert not AuditLogEntry.objects.filter(object_type="members.MemberBusiness").exists()


@pytest.mark.django_db
def test_a_bad_postal_code_on_a_site_is_refused_in_japanese(town_a: Town, as_user: Any) -> None:
    data = {
        "member": town_a.member.pk, "name": "第二売店", "postal_code": "368-01",
        "prefecture": "埼玉県", "city": "やまびこ町", "street": "1-2", "municipality_code": "11369",
    }  # fmt: skip
    response = as_user(town_a.coordinator).post("/c/alpha/sites/new/", data)
    assert "郵便番号" in response.text
    with scopes_disabled():
        assert not Site.objects.filter(name="第二売店").exists()


@pytest.mark.django_db
def test_a_site_cannot_be_attached_to_another_cooperatives_member(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    data = {
        "member": town_b.member.pk, "name": "越境店", "postal_code": "368-0001",
        "prefecture": "埼玉県", "city": "やまびこ町", "street": "1-2", "municipality_code": "11369",
    }  # fmt: skip
    response = as_user(town_a.coordinator).post("/c/alpha/sites/new/", data)
    assert response.status_code == 200
    with scopes_disabled():
        assert not Site.objects.filter(name="越境店").exists()


@pytest.mark.django_db
def test_the_member_list_search_finds_by_kana(town_a: Town, as_user: Any) -> None:
    client = as_user(town_a.coordinator)
    client.post("/c/alpha/members/new/", GOOD_MEMBER)
    response = client.get("/c/alpha/members/", {"q": "ヤマビコ"}, headers={"HX-Request": "true"})
    assert "株式会社やまびこワイナリー" in response.text
    assert "<html" not in response.text  # htmx gets only the table
    assert "alpha旅館" not in response.text


@pytest.mark.django_db
def test_editing_a_worker_logs_the_old_and_new_values(town_a: Town, as_user: Any) -> None:
    client = as_user(town_a.coordinator)
    worker = town_a.worker
    data = {
        "family_name": worker.family_name, "given_name": worker.given_name,
        "family_name_kana": "サトウ", "given_name_kana": "ハナコ", "hire_date": "2023-04-01",
        "contract_type": "indefinite", "contracted_hours_per_month": "160", "days_per_week": 5,
        "active": "on",
        "phone": "090-1111-2222",
    }  # fmt: skip
    assert client.post(f"/c/alpha/workers/{worker.pk}/", data).status_code == 302
    with scopes_disabled():
        entry = AuditLogEntry.objects.filter(object_type="workforce.Worker").latest("id")
        assert entry.changes["phone"] == ["", "09011112222"]
        assert Worker.objects.get(pk=worker.pk).phone == "09011112222"


@pytest.mark.django_db
def test_a_qualification_that_expires_before_it_was_acquired_is_refused(
    town_a: Town, as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    url = f"/c/alpha/workers/{town_a.worker.pk}/qualifications/"
    data = {"kind": "licence", "name": "食品衛生責任者", "level": 3,
            "acquired_on": "2025-04-01", "expires_on": "2024-04-01"}  # fmt: skip
    response = client.post(url, data, follow=True)
    assert "有効期限" in response.text or "期限" in response.text
    assert "食品衛生責任者" not in response.text.split("<form")[0].split("<table")[-1]


@pytest.mark.django_db
def test_a_member_user_cannot_open_the_coordinators_worker_list(town_a: Town, as_user: Any) -> None:
    assert as_user(town_a.member_user).get("/c/alpha/workers/").status_code == 403


@pytest.mark.django_db
def test_the_api_lists_members_and_creates_one_with_japanese_errors(
    town_a: Town, as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    assert [m["name"] for m in client.get("/api/v1/c/alpha/members").json()] == ["alpha旅館"]
    bad = {**GOOD_MEMBER, "corporate_number": "8123456789012"}
    response = client.post("/api/v1/c/alpha/members", bad, content_type="application/json")
    assert response.status_code == 422
    assert "チェックデジット" in json.dumps(response.json(), ensure_ascii=False)
    response = client.post("/api/v1/c/alpha/members", GOOD_MEMBER, content_type="application/json")
    assert response.status_code == 201


@pytest.mark.django_db
def test_a_member_sees_skill_sheets_without_names_ages_or_sex(town_a: Town, as_user: Any) -> None:
    sheets = as_user(town_a.member_user).get("/api/v1/c/alpha/skill-sheets").json()
    assert sheets and set(sheets[0]) == {"id", "skills", "years_of_experience"}
    assert "普通自動車免許" in sheets[0]["skills"]


@pytest.mark.django_db
def test_contracted_hours_are_typed_in_hours_and_kept_in_minutes(
    town_a: Town, as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    worker = town_a.worker
    url = f"/c/alpha/workers/{worker.pk}/"
    page = client.get(url).text
    assert 'name="contracted_hours_per_month"' in page and 'value="160"' in page
    assert "contracted_minutes_per_month" not in page
    data = {
        "family_name": worker.family_name, "given_name": worker.given_name,
        "family_name_kana": "サトウ", "given_name_kana": "ハナコ", "hire_date": "2023-04-01",
        "contract_type": "indefinite", "contracted_hours_per_month": "137.5", "active": "on",
    }  # fmt: skip
    assert client.post(url, data).status_code == 302
    with scopes_disabled():
        assert Worker.objects.get(pk=worker.pk).contracted_minutes_per_month == 8250
    assert 'value="137.50"' in client.get(url).text
    for nonsense in ("abc", "-1", "9600"):
        refused = client.post(url, {**data, "contracted_hours_per_month": nonsense})
        assert refused.status_code == 200 and "errorlist" in refused.text
    with scopes_disabled():
        assert Worker.objects.get(pk=worker.pk).contracted_minutes_per_month == 8250
