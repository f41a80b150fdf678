"""The door to the talent's own pages: a logged-in user with a Talent record."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from musubi.talent.models import Talent

View = Callable[..., HttpResponse]


def talent_view(view: View) -> View:
    """Require a logged-in talent; pass their Talent record to the view."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        talent = Talent.objects.filter(user=request.user).select_related("user").first()
        if talent is None:
            return redirect("talent:signup")
        return view(request, talent, *args, **kwargs)

    return wrapped
