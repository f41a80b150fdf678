"""Legal documents: 派遣元管理台帳 (CSV / Excel), 就業条件明示書 and 派遣先通知 (PDF)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation

from musubi.cooperatives.selectors import agreement_on
from musubi.core import exports
from musubi.core.japanese import format_document_date
from musubi.core.models import Cooperative
from musubi.dispatch.models import DispatchTerms, Roster, Shift
from musubi.members.models import MemberBusiness
from musubi.workforce.models import ContractType, Worker

# One column per item of domain.md R2.1 (派遣法37条, 則31条); False = may be "該当なし".
LEDGER_COLUMNS: tuple[tuple[str, bool], ...] = (
    ("派遣労働者氏名", True),
    ("協定対象派遣労働者か否か", True),
    ("無期雇用・有期雇用の別", True),
    ("有期雇用の場合の労働契約期間", False),
    ("60歳以上か否か", True),
    ("派遣先の名称", True),
    ("事業所の名称", True),
    ("事業所の所在地", True),
    ("就業場所", True),
    ("組織単位", True),
    ("派遣期間", True),
    ("就業日", True),
    ("始業・終業時刻", True),
    ("業務の種類", True),
    ("責任の程度", True),
    ("法30条の措置", True),
    ("教育訓練の日時及び内容", True),
    ("苦情処理の状況", True),
    ("紹介予定派遣に関する事項", False),
    ("派遣元責任者", True),
    ("派遣先責任者", True),
    ("36協定の休日労働日数・延長時間数", True),
    ("社会保険・雇用保険の資格取得届の有無", True),
)


def terms_for(cooperative: Cooperative) -> DispatchTerms:
    terms, _created = DispatchTerms.objects.get_or_create(cooperative=cooperative)
    return terms


def age_on(worker: Worker, day: dt.date) -> int | None:
    b = worker.birth_date
    if b is None:
        return None
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


@dataclass
class Dispatch:
    """One worker's dispatch to one site within a period: the unit of the legal documents."""

    worker: Worker
    shifts: list[Shift]

    @property
    def site(self) -> Any:
        return self.shifts[0].site

    @property
    def period(self) -> str:
        wareki = self.worker.cooperative.use_wareki
        first, last = self.shifts[0].date, self.shifts[-1].date
        return (
            f"{format_document_date(first, wareki=wareki)}〜"
            f"{format_document_date(last, wareki=wareki)}"
        )

    @property
    def days(self) -> str:
        return "、".join(f"{s.date.month}/{s.date.day}" for s in self.shifts)

    @property
    def hours(self) -> str:
        """始業・終業時刻: the member-confirmed actual times where they exist, else the plan.
        One span when every day is the same, else day by day."""
        spans = [(s.date, worked_span(s)) for s in self.shifts]
        if len({span for _day, span in spans}) == 1:
            return spans[0][1]
        return "、".join(f"{day.month}/{day.day} {span}" for day, span in spans)

    @property
    def jobs(self) -> str:
        return "、".join(
            sorted({s.request.title if s.request else "派遣業務" for s in self.shifts})
        )


def worked_span(shift: Shift) -> str:
    """A shift's hours as the records state them: confirmed actual times win over the plan."""
    entry = getattr(shift, "timesheet", None) if hasattr(shift, "timesheet") else None
    if entry is not None and entry.confirmed_at is not None:
        start, end, rest = entry.actual_start, entry.actual_end, entry.break_minutes
    else:
        start, end, rest = shift.start_time, shift.end_time, shift.break_minutes
    return f"{start:%H:%M}〜{end:%H:%M}(休憩{rest}分)"


def dispatches(shifts: Any) -> list[Dispatch]:
    groups: dict[tuple[int, int], list[Shift]] = defaultdict(list)
    related = ("worker__cooperative", "site__member", "request", "timesheet")
    for s in shifts.select_related(*related).order_by("date"):
        groups[s.worker_id, s.site_id].append(s)
    return [Dispatch(v[0].worker, v) for v in groups.values()]


def ledger_rows(*, cooperative: Cooperative, first: dt.date, last: dt.date) -> list[list[str]]:
    terms = terms_for(cooperative)
    shifts = Shift.objects.filter(cooperative=cooperative, date__range=(first, last))
    rows = []
    for d in dispatches(shifts):
        w, site = d.worker, d.site
        age = age_on(w, d.shifts[0].date)
        fixed = w.contract_type == ContractType.FIXED_TERM
        rows.append([
            str(w),
            "協定対象派遣労働者" if terms.agreement_method else "協定対象派遣労働者ではない",
            "有期雇用" if fixed else "無期雇用",
            f"{w.hire_date}〜{w.contract_end}" if fixed else "該当なし(無期雇用)",
            "60歳以上" if age is not None and age >= 60 else "60歳未満",
            site.member.name,
            site.name,
            site.address,
            f"{site.member.name} {site.name}",
            site.name,
            d.period,
            d.days,
            d.hours,
            d.jobs,
            terms.responsibility,
            terms.article30_measures,
            terms.training,
            terms.complaint_handling,
            "紹介予定派遣ではない",
            terms.dispatch_manager,
            site.member.representative or site.member.name,
            overtime_text(cooperative, d.shifts[0].date),
            terms.insurance,
        ])  # fmt: skip
    return rows


def ledger_csv(rows: list[list[str]]) -> bytes:
    """UTF-8 with BOM so that Excel opens it correctly by double-click (R5.3)."""
    return exports.csv_bytes([name for name, _ in LEDGER_COLUMNS], rows)


def ledger_xlsx(rows: list[list[str]]) -> bytes:
    return exports.xlsx_bytes([("派遣元管理台帳", [name for name, _ in LEDGER_COLUMNS], rows)])


def overtime_text(cooperative: Cooperative, day: dt.date) -> str:
    """時間外・休日労働 as the 36協定 in force allows it (none without one)."""
    a = agreement_on(cooperative=cooperative, day=day)
    if a is None:
        return "時間外・休日労働なし(36協定の届出なし)"
    text = f"36協定の範囲内(時間外 月{a.monthly_cap_hours}時間・年{a.annual_cap_hours}時間まで"
    if a.special_clause:
        text += f"、特別条項 月{a.special_monthly_hours}時間・年{a.special_annual_hours}時間まで"
    return text + ("、法定休日労働あり)" if a.holiday_work_allowed else "、法定休日労働なし)")


def _pdf(template: str, context: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    with translation.override("ja"):
        html = render_to_string(template, context)
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def terms_notice_pdf(*, roster: Roster, worker: Worker) -> bytes:
    """就業条件明示書 (派遣法34条) for the worker's dispatches in the roster's period."""
    items = dispatches(roster.shifts.filter(worker=worker))
    return _pdf("dispatch/pdf/terms_notice.html", {
        "roster": roster, "worker": worker, "items": items,
        "terms": terms_for(roster.cooperative), "coop": roster.cooperative,
        "overtime": overtime_text(roster.cooperative, roster.start_date),
        "today": timezone.localdate(),
    })  # fmt: skip


def client_notice_pdf(*, roster: Roster, member: MemberBusiness) -> bytes:
    """派遣先通知 (派遣法35条) of the workers dispatched to ``member`` in the period."""
    items = dispatches(roster.shifts.filter(site__member=member))
    terms = terms_for(roster.cooperative)
    people = []
    for d in items:
        age = age_on(d.worker, d.shifts[0].date)
        band = (
            f"{age}歳(18歳未満)" if age is not None and age < 18
            else "45歳以上" if age is not None and age >= 45 else "18歳以上45歳未満"
        )  # fmt: skip
        people.append({
            "d": d, "age_band": band,
            "over60": "60歳以上" if age is not None and age >= 60 else "60歳未満",
            "sex": d.worker.get_sex_display() or "—",
        })  # fmt: skip
    return _pdf("dispatch/pdf/client_notice.html", {
        "roster": roster, "member": member, "people": people, "terms": terms,
        "coop": roster.cooperative, "today": timezone.localdate(),
    })  # fmt: skip
