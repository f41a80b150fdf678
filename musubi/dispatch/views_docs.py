"""Compliance page and exports, the ledger, and the PDF notices."""

import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from musubi.core import exports
from musubi.core.models import Role
from musubi.core.months import month_bounds, month_or_current
from musubi.core.tenancy import CoopRequest, coop_view, get_for
from musubi.dispatch import documents, labour
from musubi.dispatch.models import Roster
from musubi.dispatch.selectors import business_year_months, compliance_rows
from musubi.members.models import MemberBusiness
from musubi.workforce.models import Worker

C = Role.COORDINATOR


def _month(request: CoopRequest) -> dt.date:
    return month_or_current(request.GET.get("month"))


def _h(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


@coop_view(C, Role.MUNICIPALITY)
def compliance(request: CoopRequest, coop: str) -> HttpResponse:
    month = _month(request)
    rows = compliance_rows(cooperative=request.cooperative, month=month)
    return render(request, "dispatch/compliance.html", {
        "title": _("Compliance"), "rows": rows, "month": month,
        "year_months": business_year_months(request.cooperative, month),
    })  # fmt: skip


COMPLIANCE_HEADER = [
    "職員", "労働時間(h)", "所定(h)", "法定時間外(h)", "うち月60時間超(h)", "法定休日労働(h)",
    "深夜(h)", "時間外かつ深夜(h)", "60時間超かつ深夜(h)", "法定休日かつ深夜(h)", "出勤日数",
    "年度累計時間外(h)", "有給基準日", "有給付与日数", "有給取得日数", "年5日義務の残り", "指摘",
]  # fmt: skip


def _compliance_rows(request: CoopRequest, month: dt.date) -> list[list[object]]:
    rows: list[list[object]] = []
    for r in compliance_rows(cooperative=request.cooperative, month=month):
        m, lv = r.month, r.leave
        rows.append([
            str(r.worker), _h(m.worked), _h(r.contract_minutes), _h(m.overtime), _h(m.over_60h),
            _h(m.holiday), _h(m.night), _h(m.overtime_night), _h(m.over_60h_night),
            _h(m.holiday_night), m.days_worked, _h(r.year_overtime),
            lv.granted_on if lv else "", lv.days if lv else "", f"{lv.taken:g}" if lv else "",
            f"{lv.five_day_shortfall:g}" if lv else "", " / ".join(r.warnings),
        ])  # fmt: skip
    return rows


@coop_view(C)
def compliance_csv(request: CoopRequest, coop: str) -> HttpResponse:
    """The compliance page as CSV: the 37条 premium buckets per worker for payroll."""
    month = _month(request)
    body = exports.csv_bytes(COMPLIANCE_HEADER, _compliance_rows(request, month))
    return exports.download(body, filename=f"compliance-{month:%Y-%m}.csv", kind="csv")


@coop_view(C)
def compliance_xlsx(request: CoopRequest, coop: str) -> HttpResponse:
    """The same figures as an Excel workbook."""
    month = _month(request)
    body = exports.xlsx_bytes(
        [(f"{month:%Y-%m}", COMPLIANCE_HEADER, _compliance_rows(request, month))]
    )
    return exports.download(body, filename=f"compliance-{month:%Y-%m}.xlsx", kind="xlsx")


LEAVE_BOOK_HEADER = [
    "職員", "基準日", "付与日数", "対象期間の終了日", "取得日数", "取得した日(時季)",
    "年5日義務の残り",
]  # fmt: skip


@coop_view(C)
def leave_book(request: CoopRequest, coop: str, fmt: str) -> HttpResponse:
    """年次有給休暇管理簿 (労基則24条の7): 基準日, days granted, dates taken, for three years."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    today = timezone.localdate()
    rows = [
        [str(w), y.granted_on, y.days, y.year_end, f"{y.taken:g}",
         " ".join(f"{d:%Y-%m-%d}" for d in y.taken_dates), f"{y.five_day_shortfall:g}"]
        for w, y in labour.leave_book(request.cooperative, today)
    ]  # fmt: skip
    name = f"paid-leave-book-{today:%Y-%m-%d}.{fmt}"
    if fmt == "xlsx":
        body = exports.xlsx_bytes([("年次有給休暇管理簿", LEAVE_BOOK_HEADER, rows)])
    else:
        body = exports.csv_bytes(LEAVE_BOOK_HEADER, rows)
    return exports.download(body, filename=name, kind=fmt)


@coop_view(C)
def ledger(request: CoopRequest, coop: str, fmt: str) -> HttpResponse:
    first, last = month_bounds(_month(request))
    rows = documents.ledger_rows(cooperative=request.cooperative, first=first, last=last)
    body = documents.ledger_xlsx(rows) if fmt == "xlsx" else documents.ledger_csv(rows)
    return exports.download(body, filename=f"ledger-{first:%Y-%m}.{fmt}", kind=fmt)


@coop_view(C)
def terms_notice(request: CoopRequest, coop: str, roster_pk: int, worker_pk: int) -> HttpResponse:
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    worker: Worker = get_for(Worker.objects, cooperative=request.cooperative, pk=worker_pk)
    pdf = documents.terms_notice_pdf(roster=roster, worker=worker)
    return HttpResponse(pdf, content_type="application/pdf")


@coop_view(C)
def client_notice(request: CoopRequest, coop: str, roster_pk: int, member_pk: int) -> HttpResponse:
    roster: Roster = get_for(Roster.objects, cooperative=request.cooperative, pk=roster_pk)
    member: MemberBusiness = get_for(
        MemberBusiness.objects, cooperative=request.cooperative, pk=member_pk
    )
    pdf = documents.client_notice_pdf(roster=roster, member=member)
    return HttpResponse(pdf, content_type="application/pdf")
