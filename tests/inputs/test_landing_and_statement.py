"""Rough edges of issue 12 item 7: the way in (landing page, sign-up link, a talent's first page)
and the fee statement (yen separators, PDF)."""

from typing import Any

from django.test import Client
from django_scopes import scopes_disabled

from tests.cocreation import factories as cf
from tests.conftest import Town


def test_a_visitor_sees_a_public_landing_page_with_login_and_sign_up(db: None) -> None:
    response = Client().get("/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "/account/login/" in text and "/talent/signup/" in text


def test_the_login_page_links_to_the_talent_sign_up(db: None) -> None:
    text = Client().get("/account/login/").content.decode()
    assert "/talent/signup/" in text and "都市人材として登録する" in text


def test_a_talent_lands_on_their_own_page_after_login(db: None) -> None:
    with scopes_disabled():
        talent = cf.TalentFactory()
        talent.user.set_password("a-long-password-42")
        talent.user.save()
    client = Client()
    response = client.post(
        "/account/login/", {"email": talent.user.email, "password": "a-long-password-42"},
        follow=True,
    )  # fmt: skip
    assert response.redirect_chain[-1][0] == "/talent/"
    assert response.status_code == 200


def test_the_fee_statement_prints_yen_with_separators_and_has_a_pdf(
    town_a: Town, as_user: Any
) -> None:
    with scopes_disabled():
        talent = cf.TalentFactory()
        cf.consent(talent, town_a.cooperative)
        engagement = cf.EngagementFactory(
            challenge=cf.ChallengeFactory(member_business=town_a.member), talent=talent
        )
        statement = cf.statement(engagement)
    client = as_user(town_a.coordinator)
    url = f"/c/{town_a.cooperative.slug}/cocreation/statements/{statement.pk}/"
    text = client.get(url).content.decode()
    assert "¥30,000" in text and "¥30000" not in text
    pdf = client.get(url, {"format": "pdf"})
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
