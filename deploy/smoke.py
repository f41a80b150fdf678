"""The demo journey against a running server: log in as the demo coordinator, pass the second
factor, open the roster page (next month's, made if there is none), and have a task worker
solve it. ``make prod-check`` (with ``make prod`` running) or

    .venv/bin/python deploy/smoke.py https://127.0.0.1:8143

Only for local servers with the demo data (the certificate is not verified).
"""

import datetime as dt
import http.cookiejar
import re
import ssl
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from zoneinfo import ZoneInfo

EMAIL = "coordinator@yamabiko.example"
PASSWORD = "musubi-demo-2026"


def main(base: str) -> None:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # local self-signed certificate
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar)
    )

    def get(path: str) -> tuple[str, str]:
        with opener.open(base + path, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def post(path: str, data: dict[str, str]) -> tuple[str, str]:
        token = next(c.value for c in jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(base + path, data=body, headers={"Referer": base + path})
        with opener.open(request, timeout=30) as response:
            return response.geturl(), response.read().decode()

    get("/account/login/")
    url, _ = post("/account/login/", {"email": EMAIL, "password": PASSWORD})
    assert url.endswith("/account/two-factor/"), f"after login: {url}"
    code = subprocess.run(
        [sys.executable, "-m", "musubi", "totp-code", EMAIL],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    url, _ = post("/account/two-factor/", {"token": code})
    assert "/c/yamabiko/" in url, f"after the second factor: {url}"
    _, home = get("/c/yamabiko/dispatch/")
    first = re.search(r'href="(/c/yamabiko/dispatch/rosters/\d+/)"', home)
    if first:
        url, roster = get(first.group(1))
    else:  # the demo has none yet: make next month's
        today = dt.datetime.now(ZoneInfo("Asia/Tokyo")).date()
        month = (today.replace(day=28) + dt.timedelta(days=4)).strftime("%Y-%m")
        url, roster = post("/c/yamabiko/dispatch/rosters/new/", {"month": month})
    assert re.search(r"/dispatch/rosters/\d+/$", url), f"not a roster page: {url}"
    assert "roster-grid" in roster or "勤務表" in roster, "the roster page did not render"
    print(f"ok: logged in with two factors and opened {url}")
    # A solve goes through the task queue: one of the workers must pick it up and finish it.
    started = time.monotonic()
    url, roster = post(urllib.parse.urlparse(url).path + "run/", {"time_limit": "5"})
    run = re.search(r"/dispatch/runs/(\d+)/", roster)
    assert run, "no run on the roster page"
    while True:
        request = urllib.request.Request(f"{base}/c/yamabiko/dispatch/runs/{run.group(1)}/?poll=1")
        with opener.open(request, timeout=30) as response:
            if response.headers.get("HX-Refresh") == "true":
                break
        assert time.monotonic() - started < 180, "the solve did not finish within 3 minutes"
        time.sleep(1)
    print(f"ok: a task worker solved the roster in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "https://127.0.0.1:8143")
