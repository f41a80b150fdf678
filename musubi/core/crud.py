"""The list-search and create-edit pages coordinators use for every core record."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Model, Q, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from musubi.core.audit import audited_save
from musubi.core.forms import add_validation_error
from musubi.core.tenancy import actor_of


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Any], Any]


def list_page(
    request: HttpRequest,
    *,
    queryset: QuerySet[Any],
    search_fields: Sequence[str],
    title: str,
    columns: Sequence[Column],
    row_url: Callable[[Any], str],
    create_url: str | None,
) -> HttpResponse:
    """A searchable, paginated table; htmx requests get only the table back."""
    query = request.GET.get("q", "").strip()
    if query:
        condition = Q()
        for field in search_fields:
            condition |= Q(**{f"{field}__icontains": query})
        queryset = queryset.filter(condition)
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    rows = [
        {"url": row_url(obj), "cells": [column.value(obj) for column in columns]} for obj in page
    ]
    context = {
        "title": title,
        "columns": [c.label for c in columns],
        "rows": rows,
        "page": page,
        "query": query,
        "create_url": create_url,
    }
    template = "core/_table.html" if request.headers.get("HX-Request") else "core/list.html"
    return render(request, template, context)


def form_page(
    request: HttpRequest,
    *,
    form: ModelForm[Any],
    title: str,
    success_url: Callable[[Model], str],
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """Validate, save with an audit entry in one transaction, or show the errors in place."""
    if request.method == "POST" and form.is_valid():
        instance = form.save(commit=False)
        cooperative = getattr(request, "cooperative", None)
        if cooperative is not None and hasattr(instance, "cooperative_id"):
            instance.cooperative = cooperative
        try:
            audited_save(instance=instance, actor=actor_of(request), cooperative=cooperative)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            form.save_m2m()
            messages.success(request, _("Saved."))
            return redirect(success_url(instance))
    context = {"title": title, "form": form, **(extra or {})}
    return render(request, "core/form.html", context)
