from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from musubi.core.audit import audited_save
from musubi.core.crud import Column, form_page, list_page
from musubi.core.models import Role
from musubi.core.tenancy import CoopRequest, coop_view, get_for
from musubi.workforce.forms import QualificationForm, WorkerForm
from musubi.workforce.models import Qualification, Worker


@coop_view(Role.COORDINATOR)
def worker_list(request: CoopRequest, coop: str) -> HttpResponse:
    return list_page(
        request,
        queryset=Worker.objects.filter(cooperative=request.cooperative),
        search_fields=["family_name", "given_name", "family_name_kana", "given_name_kana", "email"],
        title=_("Workers"),
        columns=[
            Column(_("Name"), lambda w: str(w)),
            Column(_("Reading"), lambda w: w.full_name_kana),
            Column(_("Contract"), lambda w: w.get_contract_type_display()),
            Column(_("Hire date"), lambda w: w.hire_date),
            Column(_("Active"), lambda w: _("yes") if w.active else _("no")),
        ],
        row_url=lambda w: reverse("worker_edit", args=[coop, w.pk]),
        create_url=reverse("worker_create", args=[coop]),
    )


@coop_view(Role.COORDINATOR)
def worker_edit(request: CoopRequest, coop: str, pk: int | None = None) -> HttpResponse:
    instance = get_for(Worker.objects, cooperative=request.cooperative, pk=pk) if pk else None
    form = WorkerForm(request.POST or None, instance=instance)
    return form_page(
        request,
        form=form,
        title=str(instance) if instance else _("New worker"),
        success_url=lambda w: reverse("worker_edit", args=[coop, w.pk]),
        extra={
            "qualifications": instance.qualifications.all() if instance else None,
            "qualification_form": QualificationForm() if instance else None,
            "qualification_url": reverse("qualification_add", args=[coop, pk]) if pk else None,
        },
    )


@require_POST
@coop_view(Role.COORDINATOR)
def qualification_add(request: CoopRequest, coop: str, pk: int) -> HttpResponse:
    worker: Worker = get_for(Worker.objects, cooperative=request.cooperative, pk=pk)
    form = QualificationForm(request.POST)
    if form.is_valid():
        qualification: Qualification = form.save(commit=False)
        qualification.worker = worker
        qualification.cooperative = request.cooperative
        if worker.qualifications.filter(name=qualification.name).exists():
            messages.error(request, _("This worker already has this skill or licence."))
        else:
            audited_save(instance=qualification, actor=request.user, cooperative=worker.cooperative)
            messages.success(request, _("Saved."))
    else:
        for error in form.errors.get_json_data().values():
            for item in error:
                messages.error(request, item["message"])
    return redirect("worker_edit", coop, pk)


@coop_view(Role.WORKER)
def my_worker_profile(request: CoopRequest, coop: str) -> HttpResponse:
    worker = request.membership.worker
    return render(
        request,
        "workforce/my_profile.html",
        {"worker": worker, "qualifications": worker.qualifications.all() if worker else []},
    )
