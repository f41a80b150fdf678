"""Login throttling holds under parallel guessing (finding 1 of the outside review).

Run on SQLite by default and on PostgreSQL with DATABASE_URL=postgres://…; the counter must never
pass the limit and the right password must never get in once the limit's guesses were checked.
"""

import threading
import time
from typing import Any

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.db import connection
from django.test import Client

from musubi.core.models import LoginThrottle
from tests.factories import PASSWORD, UserFactory

LIMIT = 5
CHECKED: list[str] = []
CHECKED_LOCK = threading.Lock()


class RecordingHasher(MD5PasswordHasher):
    """MD5 that records every password it checks and takes as long as a real hash (the edge the
    race needs: guesses in flight while others are counted)."""

    def verify(self, password: str, encoded: str) -> bool:
        time.sleep(0.02)
        with CHECKED_LOCK:
            CHECKED.append(password)
        return super().verify(password, encoded)


def _burst(passwords: list[str]) -> list[Any]:
    barrier = threading.Barrier(len(passwords))
    results: list[Any] = [None] * len(passwords)

    def attempt(i: int, password: str) -> None:
        client = Client()
        barrier.wait()
        try:
            response = client.post(
                "/account/login/", {"email": "guessed@example.com", "password": password}
            )
            results[i] = (response.status_code, "_auth_user_id" in client.session)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i, p)) for i, p in enumerate(passwords)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.fixture
def guessed(settings: Any, transactional_db: None) -> None:
    settings.PASSWORD_HASHERS = ["tests.core.test_login_race.RecordingHasher"]
    settings.LOGIN_FAILURE_LIMIT = LIMIT
    UserFactory(email="guessed@example.com")
    CHECKED.clear()


def test_forty_parallel_wrong_passwords_store_the_limit_and_no_more(guessed: None) -> None:
    results = _burst(["wrong"] * 40)
    assert all(status == 200 and not logged_in for status, logged_in in results)
    assert len(CHECKED) == LIMIT
    assert LoginThrottle.objects.get(key="account:guessed@example.com").failures == LIMIT
    client = Client()
    response = client.post(
        "/account/login/", {"email": "guessed@example.com", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert "15" in response.text


def test_the_right_password_in_a_burst_gets_in_only_within_the_limit(guessed: None) -> None:
    passwords = ["wrong"] * 30
    passwords[12] = PASSWORD
    results = _burst(passwords)
    right_got_in = results[12][1]
    if right_got_in:
        # It was one of the first LIMIT passwords checked since the last success.
        assert PASSWORD in CHECKED[:LIMIT]
    else:
        assert PASSWORD not in CHECKED
        assert len(CHECKED) == LIMIT
    assert all(not logged_in for i, (_, logged_in) in enumerate(results) if i != 12)
    stored = LoginThrottle.objects.filter(key="account:guessed@example.com").first()
    assert stored is None or stored.failures <= LIMIT
