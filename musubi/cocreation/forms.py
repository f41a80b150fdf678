"""Forms of co-creation: a guided challenge form for owners, scoping, engagement, meetings."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from musubi.cocreation.models import Challenge, Engagement, ItemStatus, Sprint
from musubi.core.forms import BoundedDatesMixin, DateInput
from musubi.talent.models import Window


class ChallengeForm(forms.ModelForm[Challenge]):
    """Plain words, one question at a time; the placeholders are the examples."""

    windows = forms.MultipleChoiceField(
        label=_("Times that suit you for meetings"),
        choices=Window.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("ja", "日本語"), ("en", "English")], initial="ja"
    )

    class Meta:
        model = Challenge
        fields = [
            "title",
            "current_state",
            "goal",
            "success_measure",
            "budget",
            "hours_per_month",
            "period_months",
            "needs_onsite",
            "language",
            "windows",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"placeholder": _("e.g. Sell our wine online")}),
            "current_state": forms.Textarea(
                attrs={
                    "rows": 3,
                    "placeholder": _(
                        "e.g. We sell only at the shop. Orders come by phone and fax."
                    ),
                }
            ),
            "goal": forms.Textarea(
                attrs={
                    "rows": 3,
                    "placeholder": _("e.g. Customers in Tokyo can order from a web shop."),
                }
            ),
            "success_measure": forms.Textarea(
                attrs={"rows": 2, "placeholder": _("e.g. 20 online orders a month by autumn.")}
            ),
        }
        help_texts = {
            "current_state": _("Describe how things are done now, in your own words."),
            "goal": _("What should be different when the help is done?"),
            "success_measure": _("A number you can count is best: orders, guests, hours saved."),
        }


class ScopeForm(forms.ModelForm[Challenge]):
    required_skills = forms.MultipleChoiceField(
        label=_("Skills needed"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Challenge
        fields = [
            "title",
            "scope_summary",
            "deliverables",
            "required_skills",
            "hours_per_month",
            "needs_onsite",
            "budget",
        ]
        widgets = {
            "scope_summary": forms.Textarea(attrs={"rows": 4}),
            "deliverables": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from musubi.engines.matching.taxonomy import taxonomy_choices

        super().__init__(*args, **kwargs)
        english = (get_language() or "ja").startswith("en")
        self.fields["required_skills"].choices = [  # type: ignore[attr-defined]
            (c.en if english else c.ja, [(s.id, s.en if english else s.ja) for s in c.skills])
            for c in taxonomy_choices()
        ]


class InvitationSendForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("invite", _("Invite")), ("shortlist", _("Shortlist"))], required=False
    )
    # The recommendation's score (a weighted sum of signals scaled to the best candidate),
    # carried by the page so the invitation remembers it.
    score = forms.FloatField(min_value=0, max_value=100, required=False)
    message = forms.CharField(max_length=2000, required=False)


class EngagementForm(BoundedDatesMixin, forms.ModelForm[Engagement]):
    class Meta:
        model = Engagement
        fields = [
            "format",
            "trial_month",
            "hours_per_month",
            "fee_yen",
            "start",
            "end",
            "payment_days",
            "deliverables",
        ]
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "deliverables": forms.Textarea(attrs={"rows": 3}),
        }


class AcceptEngagementForm(forms.Form):
    confidentiality = forms.BooleanField(
        label=_("I will keep the business's information confidential."), required=False
    )
    conflict_of_interest = forms.CharField(
        label=_("Conflicts of interest (write 'none' if there are none)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MeetingForm(BoundedDatesMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Starts at (Japan time)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    minutes = forms.IntegerField(label=_("Minutes"), initial=60, min_value=15, max_value=240)


class SprintForm(BoundedDatesMixin, forms.Form):
    goal = forms.CharField(label=_("Sprint goal"), max_length=200)
    start = forms.DateField(label=_("Start"), widget=DateInput())
    end = forms.DateField(label=_("End"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["start"].initial = today
        self.fields["end"].initial = today + dt.timedelta(days=13)


def _sprint_field() -> Any:
    # Only the engagement's own sprints: another engagement's or cooperative's id is "invalid".
    return SafeModelChoiceField(label=_("Sprint"), queryset=Sprint.objects.none(), required=False)


class ItemForm(forms.Form):
    title = forms.CharField(label=_("Item"), max_length=200)
    sprint = _sprint_field()

    def __init__(self, *args: Any, engagement: Engagement | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if engagement is not None:
            self.fields["sprint"].queryset = Sprint.objects.filter(  # type: ignore[attr-defined]
                cooperative=engagement.cooperative, engagement=engagement
            )


class ItemMoveForm(ItemForm):
    title = None  # type: ignore[assignment]
    status = forms.ChoiceField(label=_("Status"), choices=ItemStatus.choices, required=False)


class ReviewSprintForm(forms.Form):
    review = forms.CharField(
        label=_("What went well, what to change"), widget=forms.Textarea(attrs={"rows": 3})
    )
    kpi_name = forms.CharField(label=_("Measure"), max_length=100, required=False)
    kpi_value = forms.DecimalField(
        label=_("Value"), required=False, max_digits=12, decimal_places=2
    )


class TimeLogForm(BoundedDatesMixin, forms.Form):
    day = forms.DateField(label=_("Date"), widget=DateInput())
    hours = forms.DecimalField(
        label=_("Hours"),
        max_digits=4,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
    )
    description = forms.CharField(label=_("What you did"), max_length=300)


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Rating"), coerce=int, choices=[(i, "★" * i) for i in range(5, 0, -1)]
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
