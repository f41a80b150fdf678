from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from musubi.core import exports
from musubi.core.audit_log import (
    CSV_HEADER,
    LIMIT,
    AuditFilterForm,
    csv_rows,
    filtered_entries,
    rows,
)
from musubi.core.forms import LoginForm, TokenForm
from musubi.core.models import Role
from musubi.core.redirects import next_url
from musubi.core.tenancy import CoopRequest, coop_view
from musubi.core.throttle import client_ip, login_attempt_allowed, login_succeeded
from musubi.core.totp import b32_secret, qr_svg, totp_device_for_setup


def login_view(request: HttpRequest) -> HttpResponse:
    locked = False
    ip = client_ip(request)
    email = request.POST.get("email", "").strip().lower()
    if request.method == "POST":
        # The attempt is counted before the password is checked (see core.throttle).
        locked = not login_attempt_allowed(email=email, ip=ip)
    form = LoginForm(request, request.POST or None, locked=locked)
    if request.method == "POST" and form.is_valid():
        login(request, form.user, backend="django.contrib.auth.backends.ModelBackend")
        login_succeeded(email=email, ip=ip)
        if form.user.preferred_language:
            translation.activate(form.user.preferred_language)
        return redirect(next_url(request))
    return render(request, "core/login.html", {"form": form})


def healthz(request: HttpRequest) -> HttpResponse:
    """For the proxy's health checks and as the load test's bare Django view: no database."""
    return HttpResponse("ok", content_type="text/plain")


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("login")


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up TOTP on first use (QR code), then ask for a code at each login."""
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    device = confirmed or totp_device_for_setup(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("token", _("The code is not correct. Enter the current code from the app."))
    context = {
        "form": form,
        "setting_up": confirmed is None,
        "qr": None if confirmed else qr_svg(device.config_url),
        "secret": None if confirmed else b32_secret(device),
    }
    return render(request, "core/two_factor.html", context)


@coop_view(Role.COORDINATOR)
def audit_log(request: CoopRequest, coop: str) -> HttpResponse:
    form = AuditFilterForm(request.GET or None, cooperative=request.cooperative)
    entries = filtered_entries(request.cooperative, form)
    if request.GET.get("export") == "csv":
        cp932 = exports.wants_cp932(request)
        body = exports.csv_bytes(
            CSV_HEADER, csv_rows(rows(entries)), encoding="cp932" if cp932 else "utf-8"
        )
        return exports.download(
            body, filename="audit-log.csv", kind="csv-cp932" if cp932 else "csv"
        )
    query = request.GET.copy()
    query.pop("export", None)
    return render(request, "core/audit_log.html", {
        "form": form, "entries": rows(entries[:LIMIT]), "query": query.urlencode(),
    })  # fmt: skip
