"""The law module's findings in the user's language: one message per finding code."""

from typing import Any

from django.utils.translation import gettext as _

from musubi.engines.labour import Finding


def hours(minutes: Any) -> str:
    m = int(minutes)
    return f"{m // 60}:{m % 60:02d}"


def _messages() -> dict[str, str]:
    return {
        "break": _(
            "%(date)s: %(worked)s of work with a %(break)s-minute break; at least %(need)s "
            "minutes are required (労基法34条)."
        ),
        "interval": _("%(date)s: only %(gap)s of rest since the previous day's work."),
        "rest_day_weekly": _("Week from %(date)s: no rest day (労基法35条)."),
        "rest_days_four_weeks": _(
            "4 weeks from %(date)s: %(rest)s rest days, at least 4 are required (労基法35条2項)."
        ),
        "month_100h": _(
            "%(month)s: overtime and holiday work reach 100 hours (%(minutes)s) (労基法36条6項)."
        ),
        "average_80h": _(
            "%(month)s: overtime and holiday work average over 80 hours across %(months)s "
            "months (労基法36条6項)."
        ),
        "month_cap": _(
            "%(month)s: legal overtime %(minutes)s is above the 36 agreement's %(cap)s hours."
        ),
        "year_cap": _(
            "%(month)s: legal overtime this year (%(minutes)s) passes the 36 agreement's "
            "%(cap)s hours."
        ),
        "special_months": _(
            "%(month)s: more months over the normal cap than the special clause allows."
        ),
        "overtime_without_agreement": _(
            "%(date)s: %(minutes)s of legal overtime without a valid 36 agreement (労基法32条)."
        ),
        "holiday_without_agreement": _(
            "%(date)s: work on the legal holiday without a 36 agreement allowing it (労基法35条)."
        ),
        "birth_date_missing": _("No date of birth: the age cannot be judged."),
        "child": _("%(date)s: work before the end of compulsory schooling (労基法56条)."),
        "age_certificate": _("No age certificate is kept for this minor (労基法57条)."),
        "variable": _("The annual variable system does not apply to minors (労基法60条)."),
        "overtime": _("%(date)s: a minor works beyond 8 hours a day or 40 a week (労基法60条)."),
        "holiday": _("%(date)s: a minor works on the legal holiday (労基法60条)."),
        "night": _("%(date)s: a minor works between 22:00 and 5:00 (労基法61条)."),
        "day_10h": _("%(date)s: more than 10 hours scheduled (労基法32条の4)."),
        "week_52h": _("Week from %(date)s: more than 52 hours scheduled (労基法32条の4)."),
        "weeks_48h_run": _("Week from %(date)s: a fourth week in a row over 48 hours."),
        "weeks_48h_block": _("3 months from %(date)s: more than 3 weeks over 48 hours."),
        "days_280": _("More than %(limit)s working days in the variable period."),
        "consecutive": _("%(date)s: more than %(limit)s working days in a row."),
        "leave_on_holiday": _("%(date)s: paid leave on a legal holiday is not a leave day."),
        "five_days": _(
            "Paid leave granted on %(date)s: %(short)s more days must be taken by %(last)s "
            "(労基法39条7項)."
        ),
    }


def finding_text(f: Finding) -> str:
    params: dict[str, Any] = dict(f.params)
    for key in ("worked", "gap", "minutes"):
        if key in params:
            params[key] = hours(params[key])
    params.update(
        date=f.date.strftime("%Y-%m-%d"),
        month=f.date.strftime("%Y-%m"),
        last=f.last.strftime("%Y-%m-%d"),
    )
    template = _messages().get(f.code)
    if template is None:
        return f.detail
    try:
        return template % params
    except (KeyError, ValueError, TypeError):
        return f.detail
