"""Where to send someone after a step: only back into this site (no open redirect)."""

from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request: HttpRequest, default: str = "home") -> str:
    """``?next=`` when it points into this site over the request's scheme, else ``default``.

    Refuses other hosts (``https://evil.example/``), scheme-relative (``//evil.example/``) and
    scheme-only URLs (``https:evil.example``), as Django's own login view does.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(default)
