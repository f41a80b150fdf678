"""Write the demo data idempotently: a second run finds every object and changes nothing.

Japanese fields go through the same normalisers as the forms, and members, sites, workers and
talents through ``full_clean``, so bad demo data fails loudly here instead of in the UI.
"""

import datetime as dt
import hashlib
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from musubi.access.models import Membership
from musubi.cooperatives.models import OvertimeAgreement
from musubi.core.japanese import (
    normalize_corporate_number,
    normalize_invoice_registration_number,
    normalize_katakana,
    normalize_phone,
    normalize_postal_code,
    validate_municipality_code,
)
from musubi.core.models import Cooperative, Role, User
from musubi.demo import data
from musubi.demo.cocreation import build_cocreation
from musubi.demo.upsert import BuildReport, Login, upsert
from musubi.members.models import MemberBusiness, Site
from musubi.talent.models import Talent
from musubi.workforce.models import ContractType, Qualification, Worker


def corporate_number(body: str) -> str:
    """法人番号 from its 12-digit body: check digit = 9 − (Σ P_n·Q_n mod 9), R4.2."""
    total = sum(int(ch) * (1 if n % 2 else 2) for n, ch in enumerate(reversed(body), start=1))
    return normalize_corporate_number(f"{9 - total % 9}{body}")


def demo_totp_key(email: str) -> str:
    """The documented demo key: SHA-1 of salt + email, 20 bytes as 40 hex characters."""
    return hashlib.sha1(f"{data.TOTP_KEY_SALT}{email}".encode()).hexdigest()


def _user(
    person: data.Person, report: BuildReport, *, reset_password: bool, superuser: bool = False
) -> User:
    user = upsert(
        User,
        report,
        lookup={"email": person.email},
        values={
            "family_name": person.family_name,
            "given_name": person.given_name,
            "is_active": True,
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    # Hashing is deliberately slow (argon2, ~0.2 s), so a re-run leaves existing hashes alone
    # unless asked; a freshly created user has an empty password field.
    if reset_password or not user.password or not user.has_usable_password():
        user.set_password(data.DEMO_PASSWORD)
        user.save(update_fields=["password"])
        report.passwords_set += 1
    return user


def _totp_device(user: User, report: BuildReport) -> None:
    upsert(
        TOTPDevice,
        report,
        lookup={"user": user, "name": data.TOTP_DEVICE_NAME},
        values={"key": demo_totp_key(user.email), "confirmed": True},
    )


def _member(coop: Cooperative, item: data.MemberData, report: BuildReport) -> MemberBusiness:
    if item.corporate_body:
        number = corporate_number(item.corporate_body)
        invoice = normalize_invoice_registration_number(f"T{number}")
    else:
        number = ""
        invoice = normalize_invoice_registration_number(item.invoice_registration_number)
    member = upsert(
        MemberBusiness,
        report,
        lookup={"cooperative": coop, "name": item.name},
        values={
            "name_kana": normalize_katakana(item.name_kana),
            "corporate_number": number,
            "invoice_registration_number": invoice,
            "industry": item.industry,
            "exempt_41_1": item.exempt_41_1,
            "representative": item.representative,
            "phone": normalize_phone(item.phone),
            "email": item.email,
            "member_from": item.member_from,
        },
        validate=True,
    )
    for site in item.sites:
        upsert(
            Site,
            report,
            lookup={"cooperative": coop, "member": member, "name": site.name},
            values={
                "postal_code": normalize_postal_code(site.postal_code),
                "prefecture": site.prefecture,
                "city": site.city,
                "street": site.street,
                "building": site.building,
                "municipality_code": validate_municipality_code(site.municipality_code),
                "latitude": Decimal(site.latitude) if site.latitude else None,
                "longitude": Decimal(site.longitude) if site.longitude else None,
                "phone": normalize_phone(site.phone) if site.phone else "",
            },
            validate=True,
        )
    return member


def _worker(
    coop: Cooperative, item: data.WorkerData, report: BuildReport, today: dt.date
) -> Worker:
    worker = upsert(
        Worker,
        report,
        lookup={
            "cooperative": coop,
            "family_name": item.family_name,
            "given_name": item.given_name,
        },
        values={
            "family_name_kana": normalize_katakana(item.family_name_kana),
            "given_name_kana": normalize_katakana(item.given_name_kana),
            "email": item.email,
            "phone": normalize_phone(item.phone),
            "postal_code": normalize_postal_code(item.postal_code),
            "address": item.address,
            "birth_date": item.birth_date,
            "sex": item.sex,
            "hire_date": item.hire_date,
            # R1.5: only 無期 staff may be dispatched, so every demo worker is indefinite.
            "contract_type": ContractType.INDEFINITE,
            "contract_end": None,
            "languages": list(item.languages),
            "active": True,
        },
        validate=True,
    )
    for q in item.qualifications:
        values: dict[str, Any] = {
            "cooperative": coop,
            "kind": q.kind,
            "level": q.level,
            "acquired_on": q.acquired_on,
        }
        create_only: dict[str, Any] = {}
        if q.expires_in_days is None:
            values["expires_on"] = q.expires_on
        else:
            create_only["expires_on"] = today + dt.timedelta(days=q.expires_in_days)
        upsert(
            Qualification,
            report,
            lookup={"worker": worker, "name": q.name},
            values=values,
            create_only=create_only,
            validate=True,
        )
    return worker


def _membership(
    coop: Cooperative,
    user: User,
    role: Role,
    report: BuildReport,
    *,
    member: MemberBusiness | None = None,
    worker: Worker | None = None,
) -> None:
    upsert(
        Membership,
        report,
        lookup={"cooperative": coop, "user": user},
        values={"role": role, "member_business": member, "worker": worker},
    )


def _cooperative(item: data.CooperativeData, report: BuildReport, *, reset: bool) -> None:
    coop = upsert(
        Cooperative,
        report,
        lookup={"slug": item.slug},
        values={
            "name": item.name,
            "prefecture": item.prefecture,
            "district_codes": [validate_municipality_code(c) for c in item.district_codes],
            "fiscal_year_start_month": item.fiscal_year_start_month,
            "invoice_registration_number": normalize_invoice_registration_number(
                f"T{corporate_number(item.corporate_body)}"
            ),
            "dispatch_notified_on": item.dispatch_notified_on,
        },
        validate=True,
    )
    _agreements(coop, item, report)
    slug = item.slug
    coordinator = _user(item.coordinator, report, reset_password=reset)
    _membership(coop, coordinator, Role.COORDINATOR, report)
    _totp_device(coordinator, report)
    report.logins.append(Login(Role.COORDINATOR, coordinator.email, slug, totp=True))

    for member_item in item.members:
        member = _member(coop, member_item, report)
        if member_item.user is not None:
            user = _user(member_item.user, report, reset_password=reset)
            _membership(coop, user, Role.MEMBER, report, member=member)
            report.logins.append(Login(Role.MEMBER, user.email, slug, member.name))

    today = timezone.localdate()
    for worker_item in item.workers:
        worker = _worker(coop, worker_item, report, today)
        if worker_item.has_login:
            person = data.Person(worker_item.email, worker.family_name, worker.given_name)
            user = _user(person, report, reset_password=reset)
            _membership(coop, user, Role.WORKER, report, worker=worker)
            report.logins.append(Login(Role.WORKER, user.email, slug, str(worker)))

    if item.municipality is not None:
        viewer = _user(item.municipality, report, reset_password=reset)
        _membership(coop, viewer, Role.MUNICIPALITY, report)
        report.logins.append(Login(Role.MUNICIPALITY, viewer.email, slug))


def _agreements(coop: Cooperative, item: data.CooperativeData, report: BuildReport) -> None:
    """A 36協定 for every business year from the dispatch notification to next year, filed two
    weeks before each year starts (45 h / 360 h, no special clause)."""
    m = item.fiscal_year_start_month
    first = item.dispatch_notified_on.year - (1 if item.dispatch_notified_on.month < m else 0)
    for year in range(first, timezone.localdate().year + 2):
        start = dt.date(year, m, 1)
        upsert(
            OvertimeAgreement,
            report,
            lookup={"cooperative": coop, "valid_from": start},
            values={
                "filed_on": start - dt.timedelta(days=14),
                "valid_to": dt.date(year + 1, m, 1) - dt.timedelta(days=1),
            },
        )


def talent_email(number: int) -> str:
    return f"talent{number:02d}@example.com"


def _talents(report: BuildReport, *, reset: bool) -> None:
    for number, item in enumerate(data.TALENTS, start=1):
        person = data.Person(talent_email(number), item.family_name, item.given_name)
        user = _user(person, report, reset_password=reset)
        upsert(
            Talent,
            report,
            lookup={"user": user},
            values={
                "headline": item.headline,
                "career_summary": item.career_summary,
                "skills": list(item.skills),
                "languages": list(item.languages),
                "hours_per_month": item.hours_per_month,
                "home_prefecture": item.home_prefecture,
            },
            validate=True,
        )
    first, last = talent_email(1), talent_email(len(data.TALENTS))
    report.logins.append(Login("talent", f"{first} … {last}", note=f"{len(data.TALENTS)}"))


def build_demo(*, reset_passwords: bool = False) -> BuildReport:
    """Create or refresh the whole demo in one transaction; safe to run any number of times."""
    report = BuildReport()
    # Tenant models raise outside a scope; the builder spans two cooperatives on purpose.
    with transaction.atomic(), scopes_disabled():
        for item in data.COOPERATIVES:
            _cooperative(item, report, reset=reset_passwords)
        _talents(report, reset=reset_passwords)
        admin = _user(data.PLATFORM_ADMIN, report, reset_password=reset_passwords, superuser=True)
        _totp_device(admin, report)
        report.logins.append(Login("admin", admin.email, totp=True))
        # A year of seasonal staffing requests (issue 4); idempotent like everything above.
        from musubi.demo.dispatch import build_demand

        report.created += build_demand()
        build_cocreation(report)  # talents' consents, challenges, an engagement (issue 6)
    return report
