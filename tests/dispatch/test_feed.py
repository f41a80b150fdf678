"""A worker's shift feed: Asia/Tokyo times with their VTIMEZONE, names kept in their property."""

from typing import Any

from django.test import Client
from django_scopes import scopes_disabled

from musubi.dispatch.models import CalendarFeed, RosterStatus
from tests.conftest import Town
from tests.dispatch.factories import shift_in


def test_the_feed_carries_tokyo_times_and_a_site_name_cannot_add_a_property(
    town_a: Town,
) -> None:
    with scopes_disabled():
        town_a.site.name = "本店\r\nORGANIZER:mailto:evil@example.com"
        town_a.site.save()
        shift = shift_in(town_a)
        shift.roster.status = RosterStatus.PUBLISHED
        shift.roster.save()
        token = CalendarFeed.objects.create(
            cooperative=town_a.cooperative, worker=shift.worker
        ).token
    response = Client().get(f"/c/{town_a.cooperative.slug}/dispatch/feed/{token}.ics")
    text = response.content.decode()
    lines = text.replace("\r\n ", "").split("\r\n")
    assert "BEGIN:VTIMEZONE" in lines and "TZID:Asia/Tokyo" in lines
    start = f"DTSTART;TZID=Asia/Tokyo:{shift.date:%Y%m%d}T{shift.start_time:%H%M%S}"
    assert start in lines
    assert not any(line.startswith("ORGANIZER") for line in lines)
    assert any(line.startswith("SUMMARY:") and "本店" in line for line in lines)


def test_another_cooperatives_token_is_404(town_a: Town, town_b: Town, as_user: Any) -> None:
    with scopes_disabled():
        shift = shift_in(town_a)
        token = CalendarFeed.objects.create(
            cooperative=town_a.cooperative, worker=shift.worker
        ).token
    assert (
        Client().get(f"/c/{town_b.cooperative.slug}/dispatch/feed/{token}.ics").status_code == 404
    )
