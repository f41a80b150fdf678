from musubi.engines.matching import assign_batch, suggest_team
from musubi.engines.matching.embedding import HashingEmbedder
from musubi.engines.matching.index import TalentIndex

from .conftest import need, talent


def test_team_covers_two_skills_within_capacity(small_index: TalentIndex) -> None:
    n = need("n", "ネットショップを作りたい。商品の写真も撮ってほしい。", hours_per_month_needed=15)
    team = suggest_team(n, small_index, skills=["ec", "media"])
    assert set(team.covered) == {"ec", "media"} and not team.missing
    assert 2 <= len(team.talent_ids) <= 3
    hours = dict(team.hours)
    assert sum(hours.values()) >= 15
    assert all(hours[t] <= small_index.get(t).remaining_hours for t in team.talent_ids)


def test_team_size_cap_and_default_concepts(small_index: TalentIndex) -> None:
    n = need("n", "ネットで売りたい。帳簿とインボイスも分からない。Wi-Fiも遅い。")
    team = suggest_team(n, small_index, max_size=2)
    assert len(team.talent_ids) <= 2 and team.covered and team.missing


def test_onsite_team_has_a_visitor(fake: HashingEmbedder) -> None:
    index = TalentIndex(fake)
    index.upsert_many(
        [
            talent("a", "Shopify構築", onsite_visits_per_month=0),
            talent("b", "商品撮影", onsite_visits_per_month=0),
            talent("c", "商品撮影とEC用の物撮り", onsite_visits_per_month=1),
        ]
    )
    team = suggest_team(
        need("n", "ネットショップと写真", needs_onsite=True), index, skills=["ec", "media"]
    )
    assert "c" in team.talent_ids


def test_batch_respects_capacity_and_fairness(fake: HashingEmbedder) -> None:
    index = TalentIndex(fake)
    index.upsert_many(
        [
            talent(
                "star",
                "Shopify構築 ネットショップ 運営 EC",
                hours_per_month=40,
                past_engagements=12,
            ),
            talent("mid", "Shopify構築 ネットショップ", hours_per_month=8, past_engagements=3),
            talent("new", "Shopify ネットショップ", hours_per_month=8, past_engagements=0),
            talent("cap", "Shopify構築 ネットショップ運営", hours_per_month=10, committed_hours=8),
        ]
    )
    needs = [need(f"n{i}", "ネットショップを作りたい", hours_per_month_needed=4) for i in range(5)]
    result = assign_batch(needs, index, max_per_talent=2)
    load: dict[str, int] = {}
    for _, t in result.pairs:
        load[t] = load.get(t, 0) + 1
    assert max(load.values()) <= 2  # nobody takes everything
    assert "new" in load  # the newcomer gets a chance
    assert "cap" not in load  # only 2 hours left, each need wants 4
    assert len(result.pairs) + len(result.unassigned) == 5
    assert result.total_fit > 0 and result.optimal
