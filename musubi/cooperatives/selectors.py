"""Reads of the cooperative's own records."""

import datetime as dt

from django.db.models import QuerySet

from musubi.cooperatives.models import OvertimeAgreement
from musubi.core.models import Cooperative


def agreements_for(*, cooperative: Cooperative) -> QuerySet[OvertimeAgreement]:
    return OvertimeAgreement.objects.filter(cooperative=cooperative)


def agreement_on(*, cooperative: Cooperative, day: dt.date) -> OvertimeAgreement | None:
    """The 36協定 in force on ``day`` (filed and within its validity), if any."""
    for a in agreements_for(cooperative=cooperative).filter(
        valid_from__lte=day, valid_to__gte=day, filed_on__lte=day
    ):
        return a
    return None
