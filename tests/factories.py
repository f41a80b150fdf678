"""factory_boy factories for the core records. Tenant objects take their cooperative explicitly."""

import datetime as dt

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from musubi.access.models import Membership
from musubi.cooperatives.models import OvertimeAgreement
from musubi.core.models import Cooperative, Role, User
from musubi.members.models import MemberBusiness, Site
from musubi.talent.models import Talent
from musubi.workforce.models import Qualification, Worker

PASSWORD = "correct horse battery staple"


class CooperativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"テスト{n}町特定地域づくり事業協同組合")
    slug = factory.Sequence(lambda n: f"coop{n}")
    prefecture = "埼玉県"
    district_codes = ["11369"]

    @factory.post_generation
    def agreements(self, create: bool, extracted: object, **kwargs: object) -> None:
        """A filed 36協定 (45 h / 360 h) for each business year 2024–2029, as a real
        cooperative keeps; pass ``agreements=False`` for one without any."""
        if create and extracted is not False:
            for year in range(2024, 2030):
                OvertimeAgreement.objects.create(
                    cooperative=self,
                    filed_on=dt.date(year, 3, 15),
                    valid_from=dt.date(year, 4, 1),
                    valid_to=dt.date(year + 1, 3, 31),
                )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    family_name = "山田"
    given_name = factory.Sequence(lambda n: f"太郎{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class MemberBusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberBusiness

    cooperative = factory.SubFactory(CooperativeFactory)
    name = factory.Sequence(lambda n: f"株式会社テスト{n}")
    name_kana = "カブシキガイシャテスト"
    industry = "accommodation"
    member_from = dt.date(2024, 4, 1)


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    member = factory.SubFactory(MemberBusinessFactory)
    cooperative = factory.SelfAttribute("member.cooperative")
    name = "本店"
    postal_code = "368-0001"
    prefecture = "埼玉県"
    city = "やまびこ町"
    street = "大字本町1-1"
    municipality_code = "11369"


class WorkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Worker

    cooperative = factory.SubFactory(CooperativeFactory)
    family_name = "佐藤"
    given_name = factory.Sequence(lambda n: f"花子{n}")
    family_name_kana = "サトウ"
    given_name_kana = "ハナコ"
    hire_date = dt.date(2023, 4, 1)
    birth_date = dt.date(1990, 5, 1)
    contract_type = "indefinite"


class QualificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Qualification

    worker = factory.SubFactory(WorkerFactory)
    cooperative = factory.SelfAttribute("worker.cooperative")
    kind = "licence"
    name = factory.Sequence(lambda n: f"資格{n}")


class TalentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Talent

    user = factory.SubFactory(UserFactory)
    headline = "EC立ち上げ支援"


def membership(user: User, cooperative: Cooperative, role: str, **extra: object) -> Membership:
    return Membership.objects.create(user=user, cooperative=cooperative, role=role, **extra)


def totp_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="test", confirmed=True)


__all__ = ["PASSWORD", "Role"]
