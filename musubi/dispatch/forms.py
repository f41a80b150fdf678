import datetime as dt
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from musubi.core.forms import BoundedDatesMixin, DateInput, IdsField, MonthField
from musubi.dispatch.models import (
    MAX_HEADCOUNT,
    DesignatedPeriod,
    DispatchTerms,
    RequestStatus,
    Shift,
    StaffingRequest,
)
from musubi.members.models import MemberBusiness, Site
from musubi.workforce.models import LeaveRequest, Worker

WEEKDAYS = [
    (0, _("Mon")), (1, _("Tue")), (2, _("Wed")), (3, _("Thu")), (4, _("Fri")), (5, _("Sat")),
    (6, _("Sun")),
]  # fmt: skip


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class StaffingRequestForm(BoundedDatesMixin, forms.ModelForm[StaffingRequest]):
    member = SafeModelChoiceField(label=_("member"), queryset=MemberBusiness.objects.none())
    site = SafeModelChoiceField(label=_("site"), queryset=Site.objects.none())
    weekdays = forms.TypedMultipleChoiceField(
        label=_("weekdays"), choices=WEEKDAYS, coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    dates = forms.CharField(
        label=_("dates"), required=False,
        help_text=_("One-off dates, separated by commas (2027-09-20, 2027-09-21)."),
    )  # fmt: skip

    class Meta:
        model = StaffingRequest
        fields = [
            "member", "site", "title", "work_kind", "skill", "start_date", "end_date",
            "weekdays", "dates", "start_time", "end_time", "break_minutes", "headcount",
            "priority", "is_template", "note",
        ]  # fmt: skip
        widgets = {
            "start_date": DateInput(), "end_date": DateInput(),
            "start_time": TimeInput(), "end_time": TimeInput(),
        }  # fmt: skip

    def __init__(
        self,
        *args: Any,
        cooperative: Any,
        member: MemberBusiness | None,
        sites_url: str = "",
        **kw: Any,
    ):
        super().__init__(*args, **kw)
        if self.instance.pk:
            self.initial["dates"] = ", ".join(self.instance.dates)
        members = MemberBusiness.objects.filter(cooperative=cooperative)
        if member is None and members.count() == 1:
            member = members.get()  # one member: nothing to choose
        if member is not None:
            members = members.filter(pk=member.pk)
            self.fields["member"].initial = member.pk
        chosen = self._chosen_member(member)
        # Only the chosen member's sites: a site of another member would be a mistake (and was
        # offered before); without a member there is nothing to choose from yet.
        sites = Site.objects.filter(cooperative=cooperative, member_id=chosen or 0)
        if sites.count() == 1 and not self.instance.pk:
            self.fields["site"].initial = sites.get().pk
        self.fields["member"].queryset = members  # type: ignore[attr-defined]
        self.fields["site"].queryset = sites  # type: ignore[attr-defined]
        bounded = {"headcount": (1, MAX_HEADCOUNT), "break_minutes": (0, 600)}
        for name, (low, high) in bounded.items():
            field = self.fields[name]
            field.validators += [MinValueValidator(low), MaxValueValidator(high)]
            field.widget.attrs.update(min=low, max=high)
        if sites_url and member is None:
            self.fields["member"].widget.attrs.update({
                "hx-get": sites_url, "hx-target": "#id_site", "hx-trigger": "change",
                "hx-swap": "innerHTML",
            })  # fmt: skip

    def _chosen_member(self, member: MemberBusiness | None) -> int | None:
        if member is not None:
            return member.pk
        raw = self.data.get("member") if self.is_bound else None
        if raw is None:
            raw = self.initial.get("member") or (
                self.instance.member_id if self.instance.pk else None
            )
        try:
            return int(raw) if raw not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def clean(self) -> dict[str, Any]:
        # Said here in words, before the model's check constraints answer with their names.
        data = super().clean() or {}
        _ordered(self, data, "start_date", "end_date", _("The last day is before the first day."))
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be after the start time."))
        return data

    def clean_dates(self) -> list[str]:
        raw = self.cleaned_data.get("dates") or ""
        out = []
        for part in raw.replace("、", ",").split(","):
            part = part.strip()
            if not part:
                continue
            try:
                out.append(dt.date.fromisoformat(part).isoformat())
            except ValueError as error:
                raise forms.ValidationError(
                    _("“%(value)s” is not a date (YYYY-MM-DD)."), params={"value": part}
                ) from error
        return out


class ShiftAddForm(BoundedDatesMixin, forms.Form):
    worker = SafeModelChoiceField(label=_("worker"), queryset=Worker.objects.none())
    request = SafeModelChoiceField(label=_("request"), queryset=StaffingRequest.objects.none())
    date = forms.DateField(label=_("date"), widget=DateInput())

    def __init__(self, *args: Any, roster: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        coop = roster.cooperative
        self.fields["worker"].queryset = Worker.objects.filter(  # type: ignore[attr-defined]
            cooperative=coop, active=True
        )
        self.fields["request"].queryset = StaffingRequest.objects.filter(  # type: ignore[attr-defined]
            cooperative=coop, is_template=False, status=RequestStatus.APPROVED,
            start_date__lte=roster.end_date,
            end_date__gte=roster.start_date,
        ).select_related("member")  # fmt: skip


class RepairForm(BoundedDatesMixin, forms.Form):
    worker = SafeModelChoiceField(label=_("absent worker"), queryset=Worker.objects.none())
    start = forms.DateField(label=_("from"), widget=DateInput())
    end = forms.DateField(label=_("until"), widget=DateInput())

    def __init__(self, *args: Any, roster: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["worker"].queryset = Worker.objects.filter(  # type: ignore[attr-defined]
            cooperative=roster.cooperative, active=True
        )


class RosterCloseForm(forms.Form):
    """Closing with hours still unconfirmed needs an explicit override and its reason."""

    override = forms.BooleanField(
        label=_("Close anyway, with these hours unconfirmed"), required=False
    )
    reason = forms.CharField(
        label=_("reason for closing with unconfirmed hours"), required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("override") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for closing with unconfirmed hours."))
        return data


class TimesheetForm(forms.Form):
    actual_start = forms.TimeField(label=_("actual start"), widget=TimeInput())
    actual_end = forms.TimeField(label=_("actual end"), widget=TimeInput())
    break_minutes = forms.IntegerField(label=_("break (minutes)"), min_value=0, max_value=600)
    reason = forms.CharField(label=_("reason for the correction"), required=False, max_length=300)


class LeaveForm(BoundedDatesMixin, forms.ModelForm[LeaveRequest]):
    class Meta:
        model = LeaveRequest
        fields = ["kind", "start_date", "end_date", "half_day", "reason"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _ordered(self, data, "start_date", "end_date", _("The last day is before the first day."))
        if data.get("half_day") and data.get("start_date") != data.get("end_date"):
            self.add_error("half_day", _("A half day of leave is one date."))
        return data


def _ordered(form: forms.BaseForm, data: dict[str, Any], a: str, b: str, message: Any) -> None:
    if data.get(a) and data.get(b) and data[b] < data[a]:
        form.add_error(b, message)


class DesignatedPeriodForm(BoundedDatesMixin, forms.ModelForm[DesignatedPeriod]):
    class Meta:
        model = DesignatedPeriod
        fields = ["name", "start_date", "end_date"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _ordered(self, data, "start_date", "end_date", _("The last day is before the first day."))
        return data


class DispatchTermsForm(forms.ModelForm[DispatchTerms]):
    class Meta:
        model = DispatchTerms
        fields = [
            "agreement_method", "dispatch_manager", "complaint_handling", "article30_measures",
            "training", "insurance", "safety", "welfare", "cancellation", "responsibility",
        ]  # fmt: skip


class RosterNewForm(forms.Form):
    month = MonthField(label=_("month"))


class RosterRunForm(forms.Form):
    # The page posts the limit in seconds; a browser run is kept short (the task runs in the
    # background, but one click must not occupy a worker for long).
    time_limit = forms.FloatField(
        label=_("Time limit (seconds)"), min_value=1, max_value=60, required=False
    )


class TemplateCopyForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class CalendarDayForm(BoundedDatesMixin, forms.Form):
    date = forms.DateField(label=_("date"), widget=DateInput())
    note = forms.CharField(label=_("note"), max_length=100, required=False)


class CellForm(forms.Form):
    """One cell of the roster grid: a worker and a day inside the roster's period."""

    worker = SafeModelChoiceField(label=_("worker"), queryset=Worker.objects.none())
    date = forms.DateField(label=_("date"), widget=DateInput())

    def __init__(self, *args: Any, roster: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.roster = roster
        self.fields["worker"].queryset = Worker.objects.filter(  # type: ignore[attr-defined]
            cooperative=roster.cooperative
        )

    def clean_date(self) -> dt.date:
        day: dt.date = self.cleaned_data["date"]
        if not self.roster.start_date <= day <= self.roster.end_date:
            raise forms.ValidationError(_("The date is outside the roster's period."))
        return day


class ShiftSwapForm(forms.Form):
    worker = SafeModelChoiceField(label=_("give this shift to"), queryset=Worker.objects.none())

    def __init__(self, *args: Any, roster: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["worker"].queryset = Worker.objects.filter(  # type: ignore[attr-defined]
            cooperative=roster.cooperative, active=True
        )


class TimesheetBulkConfirmForm(forms.Form):
    """Shifts whose actual hours the member confirms together; only those the user may see."""

    shifts: forms.ModelMultipleChoiceField[Shift] = IdsField(
        label=_("shifts"), queryset=Shift.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one day.")},
    )  # fmt: skip

    def __init__(self, *args: Any, shifts: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["shifts"].queryset = shifts.filter(  # type: ignore[attr-defined]
            timesheet__isnull=False
        )


class DayPreferencesForm(forms.Form):
    """A worker's choice for each day of a month: one field per day, named ``d-YYYY-MM-DD``."""

    CHOICES = [("", "—"), ("on", "on"), ("off", "off"), ("unavailable", "unavailable")]

    def __init__(self, *args: Any, first: dt.date, last: dt.date, **kw: Any) -> None:
        super().__init__(*args, **kw)
        day = first
        while day <= last:
            self.fields[f"d-{day.isoformat()}"] = forms.ChoiceField(
                choices=self.CHOICES, required=False
            )
            day += dt.timedelta(days=1)

    def choices(self) -> list[tuple[dt.date, str]]:
        """The posted days and their choice (days not posted are left as they are)."""
        return [
            (dt.date.fromisoformat(name[2:]), value)
            for name, value in self.cleaned_data.items()
            if name in self.data
        ]
