"""The request form offers only the chosen member's sites and preselects a lone one."""

from typing import Any

from django_scopes import scopes_disabled

from tests import factories as f
from tests.conftest import Town


def test_a_member_with_one_site_finds_it_already_chosen(town_a: Town, as_user: Any) -> None:
    page = as_user(town_a.member_user).get(f"/c/{town_a.cooperative.slug}/dispatch/requests/new/")
    assert f'<option value="{town_a.site.pk}" selected>' in page.text
    assert f'<option value="{town_a.member.pk}" selected>' in page.text


def test_the_coordinator_sees_only_the_chosen_members_sites(town_a: Town, as_user: Any) -> None:
    with scopes_disabled():
        farm = f.MemberBusinessFactory(cooperative=town_a.cooperative, name="ぶどう農園")
        field_a = f.SiteFactory(member=farm, name="東の畑")
        field_b = f.SiteFactory(member=farm, name="西の畑")
    client = as_user(town_a.coordinator)
    base = f"/c/{town_a.cooperative.slug}/dispatch/requests"
    form = client.get(f"{base}/new/").text
    assert "東の畑" not in form and town_a.site.name not in form.split('id="id_site"')[1][:400]
    assert f'hx-get="{base}/sites/"' in form
    options = client.get(f"{base}/sites/", {"member": farm.pk}).text
    assert "東の畑" in options and "西の畑" in options and town_a.site.name not in options
    assert "selected" not in options.replace('value=""', "")  # two sites: the user chooses
    lone = client.get(f"{base}/sites/", {"member": town_a.member.pk}).text
    assert f'value="{town_a.site.pk}" selected' in lone
    assert client.get(f"{base}/sites/", {"member": "x"}).status_code == 200
    refused = client.post(f"{base}/new/", {
        "member": town_a.member.pk, "site": field_a.pk, "title": "収穫", "work_kind": "general",
        "start_date": "2027-09-01", "end_date": "2027-09-30", "weekdays": [0],
        "start_time": "08:00", "end_time": "16:00", "break_minutes": 60, "headcount": 1,
        "priority": 2,
    })  # fmt: skip
    assert refused.status_code == 200 and "errorlist" in refused.text
    assert field_b.pk  # both sites exist; neither is offered for another member


def test_another_cooperative_gets_404_for_the_site_options(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    url = f"/c/{town_a.cooperative.slug}/dispatch/requests/sites/"
    assert as_user(town_b.coordinator).get(url, {"member": town_a.member.pk}).status_code == 404
    mine = as_user(town_b.coordinator).get(
        f"/c/{town_b.cooperative.slug}/dispatch/requests/sites/", {"member": town_a.member.pk}
    )
    assert town_a.member.name not in mine.text
