"""The demo's content: two fictional cooperatives, their members and workers, and 40 city talents.

Everything is invented. Numbers are chosen so they cannot reach a real party:
- phone numbers use a local exchange starting with 0 (0494-00-…, 03-0000-…, 090-0000-…), which
  Japanese numbering never assigns, yet they pass ``normalize_phone``;
- corporate numbers are built from 12-digit bodies under the registry code 9911, which no 登記所
  uses; ``build`` computes the check digit, so every number passes ``corporate_number_is_valid``;
- e-mail addresses use the reserved ``example`` domains.

The town やまびこ町 borrows Saitama's code 11369 and its neighbour みずなら村 11365 (both fictional
here); かわせみ村 borrows Nagano's 20409.

Skills of talents are the Japanese labels of the matching taxonomy
(``musubi/engines/matching/taxonomy_data.json``), so the matcher maps them straight to skill ids;
the two look-alike profiles (a sommelier, a concierge) deliberately carry free-text skills instead.
"""

import datetime as dt
from dataclasses import dataclass, field

D = dt.date

DEMO_PASSWORD = "musubi-demo-2026"
DEMO_URL = "http://127.0.0.1:8000/"
# The TOTP key of a demo login is SHA-1(TOTP_KEY_SALT + email) in hex: 20 bytes, reproducible, so
# the key can be re-derived (or typed into an authenticator app) from this documented constant.
TOTP_KEY_SALT = "musubi-demo-totp:"
TOTP_DEVICE_NAME = "デモ用 (demo)"


@dataclass(frozen=True)
class Person:
    email: str
    family_name: str
    given_name: str


@dataclass(frozen=True)
class SiteData:
    name: str
    postal_code: str
    prefecture: str
    city: str
    street: str
    municipality_code: str
    building: str = ""
    phone: str = ""
    latitude: str | None = None
    longitude: str | None = None


@dataclass(frozen=True)
class MemberData:
    name: str
    name_kana: str
    industry: str
    # 12-digit 会社法人等番号 without the check digit; empty for a sole proprietor.
    corporate_body: str
    representative: str
    phone: str
    email: str
    member_from: dt.date
    sites: tuple[SiteData, ...]
    user: Person | None = None
    exempt_41_1: bool = False
    # Only sole proprietors state one: a corporation's is "T" + its 法人番号 (R4.2).
    invoice_registration_number: str = ""


@dataclass(frozen=True)
class QualificationData:
    name: str
    kind: str  # "skill" or "licence"
    level: int = 3
    acquired_on: dt.date | None = None
    expires_on: dt.date | None = None
    # Relative to the day the demo is first built, so an "expiring soon" warning always shows.
    expires_in_days: int | None = None


@dataclass(frozen=True)
class WorkerData:
    family_name: str
    given_name: str
    family_name_kana: str
    given_name_kana: str
    sex: str
    birth_date: dt.date
    hire_date: dt.date
    email: str
    phone: str
    postal_code: str
    address: str
    languages: tuple[str, ...]
    qualifications: tuple[QualificationData, ...]
    has_login: bool = True


@dataclass(frozen=True)
class CooperativeData:
    slug: str
    name: str
    prefecture: str
    district_codes: tuple[str, ...]
    corporate_body: str
    dispatch_notified_on: dt.date
    coordinator: Person
    members: tuple[MemberData, ...]
    workers: tuple[WorkerData, ...]
    municipality: Person | None = None
    fiscal_year_start_month: int = 4


@dataclass(frozen=True)
class TalentData:
    family_name: str
    given_name: str
    home_prefecture: str
    hours_per_month: int
    headline: str
    career_summary: str
    skills: tuple[str, ...]
    languages: tuple[str, ...] = field(default=("ja",))


PLATFORM_ADMIN = Person("admin@musubi.example", "結城", "蒼")

# --- やまびこ町 (Saitama) -----------------------------------------------------------------------

_SAITAMA = "埼玉県"
_TOWN = "秩父郡やまびこ町"
_TOWN_CODE = "11369"
_NEIGHBOUR = "秩父郡みずなら村"
_NEIGHBOUR_CODE = "11365"


def _town_site(
    name: str, postal: str, street: str, phone: str, lat: str, lon: str, building: str = ""
) -> SiteData:
    return SiteData(
        name=name, postal_code=postal, prefecture=_SAITAMA, city=_TOWN, street=street,
        municipality_code=_TOWN_CODE, building=building, phone=phone, latitude=lat, longitude=lon,
    )  # fmt: skip


YAMABIKO_MEMBERS: tuple[MemberData, ...] = (
    MemberData(
        name="株式会社やまびこワイナリー", name_kana="ヤマビコワイナリー",
        industry="food_manufacturing", corporate_body="991101000101",
        representative="小林 健一", phone="0494-00-1101",
        email="info@winery.yamabiko.example.jp", member_from=D(2024, 2, 1),
        sites=(
            _town_site("本社・醸造所", "368-0903", "大字葡萄坂1020", "0494-00-1101",
                       "36.058120", "139.178450"),
            # Outside the 地区: the UI must show that no worker may be dispatched here (R1.4).
            SiteData(
                name="アンテナショップ やまびこテラス有楽町", postal_code="100-0006",
                prefecture="東京都", city="千代田区", street="有楽町二丁目9番9号",
                building="やまびこ有楽町ビル1階", municipality_code="13101",
                phone="03-0000-1201", latitude="35.674900", longitude="139.763300",
            ),
        ),
        user=Person("member01@yamabiko.example", "小林", "由紀"),
    ),
    MemberData(
        name="合同会社やまびこヴィンヤード", name_kana="ヤマビコヴィンヤード",
        industry="agriculture", corporate_body="991103000102", exempt_41_1=True,
        representative="小林 浩", phone="0494-00-1102",
        email="vineyard@winery.yamabiko.example.jp", member_from=D(2024, 2, 1),
        sites=(
            _town_site("葡萄坂圃場", "368-0903", "大字葡萄坂1188", "", "36.060410", "139.181020"),
            _town_site("上ノ原圃場", "368-0904", "大字上ノ原402-1", "", "36.064870", "139.170330"),
        ),
        user=Person("member02@yamabiko.example", "小林", "浩"),
    ),
    MemberData(
        name="有限会社かじか荘", name_kana="カジカソウ", industry="accommodation",
        corporate_body="991102000103", representative="新井 千代子", phone="0494-00-1103",
        email="yado@kajikaso.example.jp", member_from=D(2024, 2, 1),
        sites=(
            _town_site("旅館 かじか荘", "368-0902", "大字湯ノ沢215", "0494-00-1103",
                       "36.051230", "139.166780"),
        ),
        user=Person("member03@yamabiko.example", "新井", "美穂"),
    ),
    MemberData(
        name="株式会社やまびこ山水閣", name_kana="ヤマビコサンスイカク", industry="accommodation",
        corporate_body="991101000104", representative="関根 俊彦", phone="0494-00-1104",
        email="front@sansuikaku.example.jp", member_from=D(2024, 2, 1),
        sites=(
            _town_site("本館", "368-0902", "大字湯ノ沢301", "0494-00-1104",
                       "36.050880", "139.168150"),
            _town_site("別館 渓流亭", "368-0902", "大字湯ノ沢330-2", "0494-00-1114",
                       "36.050120", "139.169410"),
        ),
        user=Person("member04@yamabiko.example", "関根", "俊彦"),
    ),
    MemberData(
        name="株式会社やまびこ温泉", name_kana="ヤマビコオンセン", industry="tourism",
        corporate_body="991101000105", representative="浅見 隆", phone="0494-00-1105",
        email="hotaru@onsen.yamabiko.example.jp", member_from=D(2024, 2, 1),
        sites=(
            _town_site("日帰り温泉 ほたるの湯", "368-0902", "大字湯ノ沢500", "0494-00-1105",
                       "36.049560", "139.171200"),
        ),
        user=Person("member05@yamabiko.example", "浅見", "直子"),
    ),
    MemberData(
        name="株式会社やまびこ物産センター", name_kana="ヤマビコブッサンセンター",
        industry="retail", corporate_body="991101000106", representative="黒沢 正",
        phone="0494-00-1106", email="michinoeki@bussan.yamabiko.example.jp",
        member_from=D(2024, 2, 1),
        sites=(
            _town_site("道の駅やまびこ", "368-0901", "大字中郷2000-1", "0494-00-1106",
                       "36.055300", "139.160450"),
            _town_site("農産物直売所 峠の市", "368-0905", "大字峠88", "0494-00-1116",
                       "36.070210", "139.152880"),
        ),
        user=Person("member06@yamabiko.example", "黒沢", "愛"),
    ),
    # A sole proprietor (R1.6): no 法人番号, and an individual's T-number, which by design is not
    # a valid 法人番号 (R4.2), so only its format can be checked.
    MemberData(
        name="手打ちそば 峠庵", name_kana="テウチソバ トウゲアン", industry="restaurant",
        corporate_body="", invoice_registration_number="T9120000000107",
        representative="宮下 和男", phone="0494-00-1107",
        email="togean@soba.example.jp", member_from=D(2024, 2, 1),
        sites=(
            _town_site("峠庵", "368-0905", "大字峠120", "0494-00-1107", "36.069550", "139.154010"),
        ),
        user=Person("member07@yamabiko.example", "宮下", "和男"),
    ),
    MemberData(
        name="峰乃雫酒造合名会社", name_kana="ミネノシズクシュゾウ",
        industry="food_manufacturing", corporate_body="991104000108",
        representative="若林 宗一郎", phone="0494-00-1108",
        email="kura@minenoshizuku.example.jp", member_from=D(2024, 2, 1),
        sites=(
            _town_site("酒蔵", "368-0901", "大字中郷1320", "0494-00-1108",
                       "36.056010", "139.163320"),
        ),
        user=Person("member08@yamabiko.example", "若林", "葵"),
    ),
    MemberData(
        name="合同会社こもれびベーカリー", name_kana="コモレビベーカリー",
        industry="food_manufacturing", corporate_body="991103000109",
        representative="田島 陽子", phone="0494-00-1109",
        email="hello@komorebi-bakery.example.jp", member_from=D(2024, 10, 1),
        sites=(
            _town_site("こもれびベーカリー本店", "368-0901", "大字中郷1550", "0494-00-1109",
                       "36.054770", "139.162010"),
        ),
        user=Person("member09@yamabiko.example", "田島", "陽子"),
    ),
    MemberData(
        name="一般社団法人やまびこ町観光協会", name_kana="ヤマビコマチカンコウキョウカイ",
        industry="tourism", corporate_body="991105000110", representative="千島 博",
        phone="0494-00-1110", email="kanko@yamabiko-kanko.example.jp",
        member_from=D(2024, 2, 1),
        sites=(
            _town_site("観光案内所", "368-0901", "大字中郷1800", "0494-00-1110",
                       "36.055020", "139.161200", building="やまびこ町観光センター1階"),
        ),
        user=Person("member10@yamabiko.example", "千島", "舞"),
    ),
    MemberData(
        name="有限会社やまびこ木工舎", name_kana="ヤマビコモッコウシャ", industry="retail",
        corporate_body="991102000111", representative="岡野 修", phone="0494-00-1111",
        email="kobo@mokkosha.example.jp", member_from=D(2025, 4, 1),
        sites=(
            _town_site("工房", "368-0904", "大字上ノ原55", "0494-00-1111",
                       "36.065300", "139.168800"),
            _town_site("ギャラリーショップ", "368-0901", "大字中郷1601", "0494-00-1121",
                       "36.054500", "139.161700"),
        ),
        user=Person("member11@yamabiko.example", "岡野", "春香"),
    ),
    MemberData(
        name="やまびこ交通株式会社", name_kana="ヤマビココウツウ", industry="transport",
        corporate_body="991101000112", representative="大野 茂", phone="0494-00-1112",
        email="haisha@yamabiko-kotsu.example.jp", member_from=D(2025, 10, 1),
        sites=(
            _town_site("本社営業所", "368-0901", "大字中郷980", "0494-00-1112",
                       "36.053900", "139.158600"),
            # The neighbouring village is part of the 地区, so dispatch here is allowed.
            SiteData(
                name="みずなら営業所", postal_code="368-0911", prefecture=_SAITAMA,
                city=_NEIGHBOUR, street="大字白岩45", municipality_code=_NEIGHBOUR_CODE,
                phone="0494-00-1122", latitude="36.041200", longitude="139.140500",
            ),
        ),
        user=Person("member12@yamabiko.example", "大野", "拓海"),
    ),
)  # fmt: skip


def _q(name: str, level: int = 3) -> QualificationData:
    return QualificationData(name=name, kind="skill", level=level)


def _licence(
    name: str,
    acquired_on: dt.date,
    expires_on: dt.date | None = None,
    expires_in_days: int | None = None,
) -> QualificationData:
    return QualificationData(
        name=name, kind="licence", level=3, acquired_on=acquired_on, expires_on=expires_on,
        expires_in_days=expires_in_days,
    )  # fmt: skip


_TOWN_ADDRESS = f"{_SAITAMA}{_TOWN}"

YAMABIKO_WORKERS: tuple[WorkerData, ...] = (
    WorkerData(
        "佐藤", "美咲", "サトウ", "ミサキ", "female", D(1994, 6, 12), D(2021, 10, 1),
        "worker01@yamabiko.example", "090-0000-0101", "368-0901",
        f"{_TOWN_ADDRESS}大字中郷1402 やまびこ住宅2号", ("ja", "en"),
        (
            _licence("普通自動車免許", D(2013, 8, 1), expires_on=D(2027, 7, 12)),
            _q("英語接客", 4), _q("接客", 4), _q("レジ操作", 4), _q("フロント業務", 3),
        ),
    ),
    WorkerData(
        "高橋", "大輔", "タカハシ", "ダイスケ", "male", D(1988, 2, 3), D(2022, 4, 1),
        "worker02@yamabiko.example", "090-0000-0102", "368-0903",
        f"{_TOWN_ADDRESS}大字葡萄坂870", ("ja",),
        (
            _licence("普通自動車免許", D(2007, 3, 20), expires_on=D(2028, 3, 3)),
            _licence("フォークリフト運転技能者", D(2019, 11, 15)),
            _q("ぶどう栽培", 4), _q("酒造り", 2), _q("梱包・出荷", 4),
        ),
    ),
    WorkerData(
        "伊藤", "さくら", "イトウ", "サクラ", "female", D(1999, 11, 20), D(2023, 4, 1),
        "worker03@yamabiko.example", "090-0000-0103", "368-0902",
        f"{_TOWN_ADDRESS}大字湯ノ沢120-3", ("ja",),
        (
            _licence("食品衛生責任者", D(2023, 6, 10)),
            _q("調理補助", 4), _q("接客", 3), _q("レジ操作", 3),
        ),
    ),
    WorkerData(
        "渡辺", "健太", "ワタナベ", "ケンタ", "male", D(1979, 8, 8), D(2024, 4, 1),
        "worker04@yamabiko.example", "090-0000-0104", "368-0904",
        f"{_TOWN_ADDRESS}大字上ノ原210", ("ja",),
        (
            # Expires three weeks after the demo is built: the UI's expiry warning shows up.
            _licence("普通自動車免許", D(1999, 9, 1), expires_in_days=21),
            _licence("フォークリフト運転技能者", D(2015, 5, 20)),
            _q("梱包・出荷", 3), _q("ぶどう栽培", 2),
        ),
    ),
    WorkerData(
        "山本", "和夫", "ヤマモト", "カズオ", "male", D(1963, 5, 5), D(2025, 4, 1),
        "worker05@yamabiko.example", "090-0000-0105", "368-0901",
        f"{_TOWN_ADDRESS}大字中郷760", ("ja",),
        (
            _licence("普通自動車第二種免許", D(1990, 4, 10), expires_on=D(2028, 6, 5)),
            _q("接客", 4), _q("調理補助", 2),
        ),
    ),
    WorkerData(
        "中村", "リナ", "ナカムラ", "リナ", "female", D(1997, 3, 14), D(2025, 10, 1),
        "worker06@yamabiko.example", "090-0000-0106", "368-0902",
        f"{_TOWN_ADDRESS}大字湯ノ沢88", ("ja", "en", "zh"),
        (
            _q("英語接客", 5), _q("中国語接客", 4), _q("レジ操作", 3), _q("調理補助", 2),
        ),
    ),
)  # fmt: skip

YAMABIKO = CooperativeData(
    slug="yamabiko",
    name="やまびこ町特定地域づくり事業協同組合",
    prefecture=_SAITAMA,
    district_codes=(_TOWN_CODE, _NEIGHBOUR_CODE),
    corporate_body="991106000100",
    dispatch_notified_on=D(2024, 4, 1),
    coordinator=Person("coordinator@yamabiko.example", "山田", "里美"),
    municipality=Person("town@yamabiko.example", "森", "和彦"),
    members=YAMABIKO_MEMBERS,
    workers=YAMABIKO_WORKERS,
)

# --- かわせみ村 (Nagano): a second tenant, so isolation can be seen -----------------------------

_NAGANO = "長野県"
_VILLAGE = "下伊那郡かわせみ村"
_VILLAGE_CODE = "20409"


def _village_site(name: str, street: str, phone: str) -> SiteData:
    return SiteData(
        name=name, postal_code="399-2901", prefecture=_NAGANO, city=_VILLAGE, street=street,
        municipality_code=_VILLAGE_CODE, phone=phone,
    )  # fmt: skip


KAWASEMI = CooperativeData(
    slug="kawasemi",
    name="かわせみ村特定地域づくり事業協同組合",
    prefecture=_NAGANO,
    district_codes=(_VILLAGE_CODE,),
    corporate_body="991106000200",
    dispatch_notified_on=D(2025, 6, 1),
    coordinator=Person("coordinator@kawasemi.example", "松沢", "恵"),
    members=(
        MemberData(
            name="農事組合法人かわせみの里", name_kana="カワセミノサト", industry="agriculture",
            corporate_body="991107000201", exempt_41_1=True, representative="北沢 正男",
            phone="0260-00-2201", email="sato@kawasemi-no-sato.example.jp",
            member_from=D(2025, 5, 1),
            sites=(_village_site("育苗センター", "大字川原1010", "0260-00-2201"),),
            user=Person("member01@kawasemi.example", "北沢", "正男"),
        ),
        MemberData(
            name="有限会社瀬音の宿", name_kana="セオトノヤド", industry="accommodation",
            corporate_body="991102000202", representative="原 佳代", phone="0260-00-2202",
            email="yado@seoto.example.jp", member_from=D(2025, 5, 1),
            sites=(_village_site("瀬音の宿", "大字川原1200", "0260-00-2202"),),
        ),
        MemberData(
            name="株式会社かわせみ味噌", name_kana="カワセミミソ",
            industry="food_manufacturing", corporate_body="991101000203",
            representative="熊谷 伸一", phone="0260-00-2203", email="miso@kawasemi.example.jp",
            member_from=D(2025, 5, 1),
            sites=(_village_site("味噌蔵", "大字本郷300", "0260-00-2203"),),
        ),
        MemberData(
            name="かわせみ村森林組合", name_kana="カワセミムラシンリンクミアイ",
            industry="forestry", corporate_body="991108000204", representative="林 義信",
            phone="0260-00-2204", email="shinrin@kawasemi.example.jp",
            member_from=D(2025, 5, 1),
            sites=(_village_site("森林組合事務所", "大字本郷510", "0260-00-2204"),),
        ),
    ),
    workers=(
        WorkerData(
            "宮坂", "翼", "ミヤサカ", "ツバサ", "male", D(1992, 9, 9), D(2025, 6, 1),
            "worker01@kawasemi.example", "090-0000-0201", "399-2901",
            f"{_NAGANO}{_VILLAGE}大字本郷120", ("ja",),
            (
                _licence("普通自動車免許", D(2011, 2, 1), expires_on=D(2029, 10, 9)),
                _licence("チェーンソー特別教育", D(2025, 7, 1)),
                _licence("刈払機取扱作業者", D(2025, 7, 2)),
            ),
        ),
        WorkerData(
            "北原", "結衣", "キタハラ", "ユイ", "female", D(2000, 1, 30), D(2025, 6, 1),
            "kitahara.yui@kawasemi.example", "090-0000-0202", "399-2901",
            f"{_NAGANO}{_VILLAGE}大字川原550", ("ja", "en"),
            (_q("接客", 3), _q("調理補助", 3), _licence("食品衛生責任者", D(2025, 8, 20))),
            has_login=False,
        ),
    ),
)  # fmt: skip

COOPERATIVES: tuple[CooperativeData, ...] = (YAMABIKO, KAWASEMI)

# --- 都市人材: 40 city professionals (platform-wide, emails talent01…40@example.com) -------------

TALENTS: tuple[TalentData, ...] = (
    TalentData(
        "青木", "智子", "東京都", 8,
        "食品メーカーEC部門マネージャー｜Shopify・楽天の立ち上げ経験",
        "大手食品メーカーで自社ECサイトと楽天市場店の運営を10年担当。Shopifyへの移行プロジェクトを"
        "主導し、定期便の売上を2倍にした。52歳で役職定年を迎え、地方の小さな蔵元やワイナリーの"
        "ネット販売を手伝いたい。平日夜と土曜午前のオンライン打合せが可能。",
        ("Shopify構築", "モール出店(楽天・Amazon)", "EC運営・受注発送", "D2C戦略"),
    ),
    TalentData(
        "石田", "健", "神奈川県", 6,
        "広告代理店のSNSプランナー｜Instagram・LINE公式の運用設計",
        "広告代理店で飲料・観光系クライアントのSNS運用を担当。LINE公式アカウントのリッチメニュー"
        "設計やセグメント配信が得意。子どもが小学生で平日は17時以降しか動けないため、月6時間程度の"
        "リモート支援を希望。",
        ("Instagram運用", "LINE公式アカウント運用", "SNS広告運用", "SNSコンテンツ企画"),
    ),
    TalentData(
        "ジョーンズ", "エミリー", "東京都", 10,
        "Inbound marketing lead at a Tokyo DMC | English web pages and OTA listings",
        "Inbound tourism marketer at a destination management company in Tokyo. I write "
        "English-language tour and ryokan pages, manage listings on Booking.com and Expedia, and "
        "review menus and signs for foreign guests. Remote, about 10 hours a month; Japanese is "
        "fine for meetings.",
        ("インバウンド集客", "翻訳・多言語化", "OTA掲載・運用", "多言語メニュー・案内"),
        ("en", "ja"),
    ),
    TalentData(
        "上田", "浩二", "千葉県", 12,
        "ホテルチェーンのレベニューマネージャー｜サイトコントローラー導入",
        "外資系ホテルチェーンで客室単価と稼働率の最適化を担当。じゃらん・楽天トラベル・Booking.com"
        "の在庫を一元管理するサイトコントローラーの導入を5施設で経験。小さな旅館の料金設定の見直し"
        "から手伝える。",
        ("サイトコントローラー導入", "レベニューマネジメント", "OTA掲載・運用", "予約システム導入"),
        ("ja", "en"),
    ),
    TalentData(
        "岡本", "由美", "埼玉県", 10,
        "会計事務所の担当者｜クラウド会計とインボイス対応",
        "会計事務所で中小企業・個人事業主の記帳と決算を15年担当。freee・マネーフォワードの導入"
        "支援、適格請求書（インボイス）や電子帳簿保存法への対応相談が得意。二人の子の保育園の送迎が"
        "あり都内を離れられないため、オンラインでできる副業を探している。",
        ("クラウド会計導入", "適格請求書(インボイス)対応", "電子帳簿保存法対応", "記帳・経理代行"),
    ),
    TalentData(
        "加藤", "誠", "東京都", 4,
        "小売チェーンの店舗IT担当｜POSレジ・キャッシュレス決済",
        "スーパーマーケットチェーンで200店舗のPOS入替とキャッシュレス決済の導入を担当。道の駅や"
        "物産店のレジと在庫の仕組みづくりを手伝いたい。57歳、役職定年後の新しい役割を探している。",
        ("POSレジ導入", "キャッシュレス決済導入", "在庫管理"),
    ),
    TalentData(
        "木村", "彩", "神奈川県", 8,
        "Webディレクター｜ホームページ制作・SEO・MEO",
        "制作会社で観光施設や飲食店のWebサイトを100件以上制作。Googleビジネスプロフィールを整えて"
        "「近くの温泉」「そば ランチ」で地図検索に出るようにする施策（MEO）が得意。",
        ("ホームページ制作", "SEO対策", "MEO(マップ検索)対策"),
    ),
    TalentData(
        "小島", "翔太", "東京都", 10,
        "フォトグラファー・映像ディレクター｜商品写真とPR動画",
        "出版社の写真部を経て独立。料理・酒・旅館の撮影が中心で、ドローン空撮の資格（二等無人航空機"
        "操縦士）もある。現地での撮影は月1回まで、編集はリモートで対応。",
        ("写真撮影", "動画制作・編集", "ドローン空撮"),
    ),
    TalentData(
        "斎藤", "恵", "東京都", 6,
        "ブランドデザイナー｜酒・食品のラベルとパッケージ",
        "デザイン事務所でクラフトビールや日本酒のラベルを多数手がける。ブランドの言葉づくりから"
        "ロゴ・パッケージまで一貫して担当。ワインのエチケットも経験あり。",
        ("ブランド戦略", "パッケージ・ラベルデザイン", "ロゴ・グラフィックデザイン"),
    ),
    TalentData(
        "坂本", "拓也", "千葉県", 8,
        "クラウドファンディング・プロデューサー",
        "クラファン運営会社で地域プロジェクト80件を担当し、達成率は9割。ページ構成、リターン設計、"
        "支援者とのコミュニケーションまで伴走する。旅館の改修資金や新商品の予約販売の実績あり。",
        ("クラファン企画・運営", "SNSコンテンツ企画", "商品企画・開発"),
    ),
    TalentData(
        "清水", "直美", "埼玉県", 6,
        "ふるさと納税ポータルの運用担当｜返礼品の登録とページ改善",
        "ふるさと納税ポータルの運営会社で返礼品の登録とページ改善を担当。寄付を伸ばす写真と説明文、"
        "在庫と発送の段取りづくりが得意。埼玉県在住で、秩父方面には車で月1回なら行ける。",
        ("ふるさと納税返礼品登録", "EC運営・受注発送", "写真撮影"),
    ),
    TalentData(
        "鈴木", "隆", "東京都", 8,
        "メーカーの経営企画｜Excel・データ分析で数字を見える化",
        "電機メーカーの経営企画部で予算管理とBIダッシュボードを担当。Excel・Power Queryで手作業の"
        "集計を自動化するのが得意。58歳で役職定年となり給与が下がったのを機に、地域で経験を活かせる"
        "副業を始めたい。",
        ("Excel・VBA自動化", "データ分析・可視化", "業務自動化・RPA"),
    ),
    TalentData(
        "高木", "純一", "神奈川県", 4,
        "情報システム部門の課長｜Wi-Fi・セキュリティ",
        "物流会社の情シスで社内ネットワークと情報セキュリティを担当。旅館の客室Wi-Fiの見直しや、"
        "小さな事業所のパスワード管理・バックアップ体制づくりを手伝える。",
        ("Wi-Fi・ネットワーク構築", "情報セキュリティ対策", "PC・ITサポート"),
    ),
    TalentData(
        "田村", "美和", "東京都", 10,
        "人材会社の採用コンサルタント｜求人票づくりと定着支援",
        "人材紹介会社で観光・飲食業の採用支援を担当。求人票の書き方、面接の仕組み、入社後の定着まで"
        "支援する。特定技能など外国人材の受け入れ実務も経験。未就学児2人の子育て中で出張は難しいが、"
        "オンラインなら柔軟に対応できる。",
        ("採用支援・求人票作成", "定着・育成・労務", "外国人材受け入れ"),
    ),
    TalentData(
        "中川", "修", "埼玉県", 12,
        "食品メーカーの商品開発｜6次産業化・加工品づくり",
        "菓子メーカーで30年商品開発に携わり、地域の農産物を使った加工品を数多く手がけた。ぶどうの"
        "搾りかすを使った焼き菓子など、規格外品の活用を一緒に考えたい。60歳で定年再雇用となり、"
        "給与は減ったが時間には余裕がある。",
        ("商品企画・開発", "6次産業化・食品加工", "販路開拓・卸営業"),
    ),
    TalentData(
        "西村", "さやか", "東京都", 8,
        "イベントプロデューサー｜物産展・マルシェ運営",
        "イベント会社で百貨店の物産展や都市型マルシェを企画運営。アンテナショップでの試飲会や、"
        "都内の企業と組んだ地域フェアの実績多数。",
        ("イベント企画・運営", "販路開拓・卸営業"),
    ),
    TalentData(
        "林", "大樹", "神奈川県", 6,
        "ライブコマース配信ディレクター",
        "通販番組の制作を経て、InstagramライブやYouTubeでのライブコマース配信を支援。生産者が出演"
        "する配信の台本づくりと、スマホ1台でできる機材セッティングが得意。",
        ("ライブコマース運営", "動画制作・編集", "Instagram運用"),
    ),
    TalentData(
        "原田", "和也", "東京都", 10,
        "旅行会社のツアー企画担当｜体験型ツアーの造成",
        "大手旅行会社で着地型ツアーと教育旅行を企画。ワイナリー見学と温泉、そば打ち体験を組み合わせる"
        "ような、複数の事業者をまたぐツアーの造成と価格設定が得意。",
        ("体験プログラム・ツアー造成", "ガイド・案内", "インバウンド集客"),
        ("ja", "en"),
    ),
    TalentData(
        "松本", "洋子", "千葉県", 8,
        "中小企業診断士｜補助金申請と事業計画",
        "金融機関で中小企業向け融資を20年担当し、中小企業診断士を取得。ものづくり補助金や小規模"
        "事業者持続化補助金の申請支援を多数経験。事業計画書を一緒に書くところから伴走する。",
        ("補助金申請支援", "事業計画策定"),
    ),
    TalentData(
        "村上", "正人", "東京都", 6,
        "事業承継・M&Aアドバイザー",
        "地方銀行から事業承継支援会社に転じ、後継者のいない旅館や酒蔵の承継を支援。親族内承継の"
        "計画づくりから第三者承継まで相談に乗れる。55歳、役職定年を前に地域での役割を探している。",
        ("事業承継計画", "M&A・事業譲渡", "事業計画策定"),
    ),
    TalentData(
        "森田", "千尋", "埼玉県", 6,
        "介護施設の事務長｜介護記録のICT化",
        "特別養護老人ホームで事務長を務め、タブレットによる介護記録システムを導入して記録時間を3割"
        "削減した。町の介護事業所の業務改善に関心がある。",
        ("介護記録システム導入", "介護事業所の業務改善", "PC・ITサポート"),
    ),
    # Look-alike: wine knowledge, but no digital or sales-channel experience.
    TalentData(
        "山口", "亮", "東京都", 4,
        "ホテルのシニアソムリエ｜ワインリストと接客",
        "都内ホテルのメインダイニングでシニアソムリエを務める。産地ごとのワインの特徴と料理との合わせ"
        "方、ワインリストづくり、サービススタッフの教育が専門。ネット販売やITの経験はない。",
        ("ワインリスト作成", "接客教育", "テイスティング"),
        ("ja", "en", "fr"),
    ),
    # Look-alike: hospitality and languages, but no booking systems or web work.
    TalentData(
        "吉田", "真理子", "東京都", 6,
        "外資系ホテルのコンシェルジュ｜おもてなしと多言語案内",
        "外資系ホテルでゲストの観光手配やレストラン予約を担当するコンシェルジュ。英語・フランス語での"
        "案内が得意。予約システムの導入やWebサイトの構築に関わった経験はない。",
        ("コンシェルジュ業務", "観光案内", "ホスピタリティ"),
        ("ja", "en", "fr"),
    ),
    TalentData(
        "横山", "聡", "神奈川県", 8,
        "SaaS企業のカスタマーサクセス｜予約システム導入",
        "予約管理SaaSの会社で飲食店・宿泊施設へのオンボーディングを担当。電話予約を減らすための"
        "Web予約と事前決済の設定、ノーショー対策が得意。",
        ("予約システム導入", "キャッシュレス決済導入", "業務自動化・RPA"),
    ),
    TalentData(
        "渡部", "陽菜", "東京都", 12,
        "越境EC・中国語マーケティング",
        "化粧品メーカーで中国・台湾向けの越境ECを担当。中国語（繁体字・簡体字）の商品ページ作成や"
        "海外モールへの出店を経験。育休明けで時短勤務中のため、夜に1時間ずつなら作業できる。",
        ("越境EC", "翻訳・多言語化", "インバウンド集客"),
        ("ja", "zh", "en"),
    ),
    TalentData(
        "近藤", "勝", "千葉県", 8,
        "元百貨店バイヤー｜販路開拓と卸営業",
        "百貨店の食品バイヤーを25年。全国の銘菓や地酒を発掘し、催事や定番売場に並べてきた。"
        "役職定年後は給与が下がり平日の時間もできたので、地方の小さな作り手の販路開拓を手伝いたい。",
        ("販路開拓・卸営業", "商品企画・開発", "イベント企画・運営"),
    ),
    TalentData(
        "後藤", "香織", "神奈川県", 6,
        "PRプランナー｜プレスリリースとSNS発信",
        "PR会社で食品・観光のプレスリリースとメディアリレーションを担当。地域の話題を「ニュースに"
        "なる切り口」に整えるのが得意。小学生の子育て中で、平日昼のオンライン打合せなら対応できる。",
        ("SNSコンテンツ企画", "ブランド戦略"),
    ),
    TalentData(
        "長谷川", "悠", "東京都", 20,
        "フリーランスWebエンジニア｜BASE・Shopifyのカスタマイズ",
        "受託開発会社を経てフリーランス。ShopifyアプリとBASE・STORESのカスタマイズ、LINEと連携した"
        "注文受付フォームを作れる。月20時間まで対応可。",
        ("Shopify構築", "BASE・STORES開設", "LINE公式アカウント運用", "ホームページ制作"),
    ),
    TalentData(
        "藤井", "良平", "埼玉県", 8,
        "通販物流センター長｜受注発送の効率化",
        "通販物流センターのセンター長。出荷ミスを減らすピッキングと在庫の仕組み、送料体系の見直しが"
        "得意。ワイナリーの繁忙期の出荷体制づくりなどで力になりたい。",
        ("EC運営・受注発送", "在庫管理", "業務自動化・RPA"),
    ),
    TalentData(
        "三浦", "杏", "東京都", 4,
        "UX designer at a fintech company | booking and order forms that work on a phone",
        "Product designer at a fintech start-up. I help small shops and inns make booking and "
        "order forms that guests can finish on a smartphone, and test them with real users. Mostly "
        "remote; I can visit on weekends.",
        ("ホームページ制作", "予約システム導入"),
        ("en", "ja"),
    ),
    TalentData(
        "福田", "剛", "神奈川県", 6,
        "社会保険労務士｜労務管理と就業規則",
        "メーカーの人事部で20年、労務と就業規則を担当し社労士資格を取得。季節で忙しさが変わる職場の"
        "シフトや労働時間の管理、定着のための評価制度づくりを支援できる。",
        ("定着・育成・労務", "採用支援・求人票作成"),
    ),
    TalentData(
        "太田", "真由美", "千葉県", 10,
        "観光DMOのデータマーケター",
        "県の観光協会（DMO）で観光データの分析とプロモーションを担当。宿泊データや人流データを使った"
        "誘客施策の立案、KPI設計とレポーティングが得意。",
        ("データ分析・可視化", "インバウンド集客", "SNS広告運用"),
    ),
    TalentData(
        "小野", "健太郎", "東京都", 8,
        "ITコンサルタント｜業務フロー整理とクイックウィン",
        "SIerでERP導入のPMOを担当。As-Is/To-Beの業務フロー整理、kintoneやRPAによるクイックウィン"
        "の設計、ベンダー選定のRFP作成が得意。",
        ("業務自動化・RPA", "Excel・VBA自動化", "事業計画策定"),
    ),
    TalentData(
        "池田", "美穂", "埼玉県", 6,
        "製パン会社の商品企画｜焼き菓子とギフト開発",
        "製パン会社で商品企画と店舗の立ち上げを担当。地元の素材を使ったギフト向け焼き菓子の開発と"
        "パッケージの改善が得意。保育園児の母で、オンラインでの関わりを希望。",
        ("商品企画・開発", "パッケージ・ラベルデザイン", "Instagram運用"),
    ),
    TalentData(
        "橋本", "大輝", "東京都", 12,
        "動画クリエイター｜YouTube・ショート動画",
        "Web制作会社で動画チームを率い、企業のYouTubeチャンネルを運営。縦型ショート動画の企画・撮影・"
        "編集と、ライブ配信の進行ができる。",
        ("動画制作・編集", "SNSコンテンツ企画", "ライブコマース運営"),
    ),
    TalentData(
        "前田", "徹", "神奈川県", 4,
        "配車アプリの事業開発｜地方タクシーのデジタル化",
        "配車アプリ会社で地方のタクシー会社への導入を担当。電話配車の記録をデータにし、観光客の事前"
        "予約配車につなげる仕組みづくりが得意。",
        ("予約システム導入", "データ分析・可視化"),
    ),
    TalentData(
        "岩崎", "里奈", "東京都", 8,
        "全国通訳案内士（英語・韓国語）",
        "旅行会社勤務を経て全国通訳案内士として独立。外国人向けの酒蔵見学やワイナリーツアーの案内、"
        "多言語の案内板やメニューづくりを手伝える。",
        ("通訳・外国人接客", "ガイド・案内", "多言語メニュー・案内"),
        ("ja", "en", "ko"),
    ),
    TalentData(
        "野口", "博", "千葉県", 6,
        "酒類卸の営業｜日本酒・ワインの販路",
        "酒類卸で首都圏の飲食店と酒販店への営業を担当。小さな蔵元やワイナリーの商品を業務店に"
        "紹介してきた。ECモールへの出品の手伝いもできる。",
        ("販路開拓・卸営業", "モール出店(楽天・Amazon)"),
    ),
    TalentData(
        "杉山", "麻衣", "東京都", 10,
        "IT企業の経理｜バックオフィスの効率化",
        "IT企業の経理で月次決算と経費精算のペーパーレス化を担当。子育てのため週4日勤務で、"
        "空いた時間に地方の事業者の記帳や確定申告の準備を手伝いたい。",
        ("記帳・経理代行", "クラウド会計導入", "確定申告・税務"),
    ),
    TalentData(
        "内田", "俊介", "大阪府", 6,
        "MEOコンサルタント｜Googleマップで見つけてもらう",
        "地図検索対策の専門会社で飲食店・宿泊施設のGoogleビジネスプロフィール運用を支援。口コミへの"
        "返信方針や写真の見せ方を改善し、来店数を伸ばしてきた。",
        ("MEO(マップ検索)対策", "SEO対策", "写真撮影"),
    ),
)  # fmt: skip
