"""Load test: the roles' real journeys against a local server with the demo data.

    .venv/bin/uv sync --group load
    make prod                     # in another terminal: the production layout on 127.0.0.1:8143
    .venv/bin/locust -f loadtest/locustfile.py --config loadtest/locust.conf

Workers look at their shifts and days off, members at their requests and hours to confirm, the
coordinators (one per cooperative: a TOTP code works once) at the roster page, the dispatch
home and the compliance page; everyone logs in at the start (a burst, as at 8:30).
``/healthz`` is a bare Django view in the same run, for comparison.
Only 127.0.0.1 / localhost are accepted as host, and the run time is bounded (≤ 10 minutes).
"""

import datetime as dt
import hashlib
import hmac
import itertools
import re
import struct
import time
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import urllib3
from locust import HttpUser, between, events, task
from locust.exception import StopUser

PASSWORD = "musubi-demo-2026"  # musubi.demo.data.DEMO_PASSWORD
TOTP_KEY_SALT = "musubi-demo-totp:"  # musubi.demo.data.TOTP_KEY_SALT (public demo keys)
WORKERS = itertools.cycle(f"worker{n:02d}@yamabiko.example" for n in range(1, 7))
MEMBERS = itertools.cycle(f"member{n:02d}@yamabiko.example" for n in range(1, 13))
COORDINATORS = iter(["yamabiko", "kawasemi"])
MAX_RUN_SECONDS = 600
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)  # self-signed, local


@events.init.add_listener
def _bounded(environment: Any, **kwargs: Any) -> None:
    host = urlparse(environment.host or "").hostname
    if host not in {"127.0.0.1", "localhost"}:
        raise SystemExit(f"loadtest: only a local server (127.0.0.1), not {environment.host!r}")
    options = environment.parsed_options
    if options is not None and not (0 < (options.run_time or 0) <= MAX_RUN_SECONDS):
        raise SystemExit(f"loadtest: give --run-time of at most {MAX_RUN_SECONDS} s")


def totp(email: str, at: float) -> str:
    key = bytes.fromhex(hashlib.sha1(f"{TOTP_KEY_SALT}{email}".encode()).hexdigest())
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Visitor(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    email = ""

    def on_start(self) -> None:
        self.client.verify = False  # the local self-signed certificate
        self.login()

    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    def login(self) -> None:
        self.client.cookies.clear()
        self.client.get("/account/login/", name="login page")
        with self.client.post(
            "/account/login/",
            {"email": self.email, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()},
            headers={"Referer": self.host + "/account/login/"},
            name="login (password check)",
            catch_response=True,
        ) as response:
            if "/account/login/" in response.url:
                response.failure("login refused")


class Worker(Visitor):
    weight = 6

    def on_start(self) -> None:
        self.email = next(WORKERS)
        super().on_start()

    @task(4)
    def my_shifts(self) -> None:
        self.client.get("/c/yamabiko/dispatch/me/shifts/", name="worker: my shifts")

    @task(2)
    def my_days(self) -> None:
        self.client.get("/c/yamabiko/dispatch/me/days/", name="worker: my days off")

    @task(1)
    def home(self) -> None:
        self.client.get("/c/yamabiko/", name="home")


class Member(Visitor):
    weight = 3

    def on_start(self) -> None:
        self.email = next(MEMBERS)
        super().on_start()

    @task(3)
    def requests(self) -> None:
        self.client.get("/c/yamabiko/dispatch/requests/", name="member: requests")

    @task(3)
    def timesheets(self) -> None:
        self.client.get("/c/yamabiko/dispatch/timesheets/", name="member: timesheets")

    @task(1)
    def home(self) -> None:
        self.client.get("/c/yamabiko/", name="home")


class Coordinator(Visitor):
    fixed_count = 2
    roster = ""

    def on_start(self) -> None:
        try:
            self.coop = next(COORDINATORS)
        except StopIteration:
            raise StopUser() from None
        self.email = f"coordinator@{self.coop}.example"
        super().on_start()
        # A code works once per 30-second step; wait for a fresh step if this one was used.
        while True:
            step = time.time()
            response = self.client.post(
                "/account/two-factor/",
                {"token": totp(self.email, step), "csrfmiddlewaretoken": self.csrf()},
                headers={"Referer": self.host + "/account/two-factor/"},
                name="second factor",
            )
            if "/account/two-factor/" not in response.url:
                break
            time.sleep(30 - step % 30 + 1)
        home = self.client.get(f"/c/{self.coop}/dispatch/", name="coordinator: dispatch home")
        found = re.search(rf'href="(/c/{self.coop}/dispatch/rosters/\d+/)"', home.text)
        if found:
            self.roster = found.group(1)
        else:  # make next month's roster and solve it once, as a coordinator would
            today = dt.datetime.now(ZoneInfo("Asia/Tokyo")).date()
            month = (today.replace(day=28) + dt.timedelta(days=4)).strftime("%Y-%m")
            response = self.client.post(
                f"/c/{self.coop}/dispatch/rosters/new/",
                {"month": month, "csrfmiddlewaretoken": self.csrf()},
                headers={"Referer": self.host + f"/c/{self.coop}/dispatch/"},
                name="coordinator: new roster",
            )
            self.roster = urlparse(response.url).path
            self.client.post(
                self.roster + "run/",
                {"time_limit": "10", "csrfmiddlewaretoken": self.csrf()},
                headers={"Referer": self.host + self.roster},
                name="coordinator: start a solve",
            )

    @task(4)
    def roster_page(self) -> None:
        self.client.get(self.roster, name="coordinator: roster page")

    @task(2)
    def dispatch_home(self) -> None:
        self.client.get(f"/c/{self.coop}/dispatch/", name="coordinator: dispatch home")

    @task(1)
    def compliance(self) -> None:
        self.client.get(f"/c/{self.coop}/dispatch/compliance/", name="coordinator: compliance")


class Bare(HttpUser):
    """A bare Django view (no database) in the same run, as the floor to compare pages with."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.client.verify = False

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", name="bare Django view (/healthz)")
