import json
from importlib import resources

from musubi.engines.matching import taxonomy_choices
from musubi.engines.matching.taxonomy import default_taxonomy

REQUIRED = {
    "ec",
    "sns",
    "inbound",
    "booking",
    "accounting",
    "pos",
    "web",
    "media",
    "branding",
    "crowdfunding",
    "furusato",
    "data",
    "it",
    "recruiting",
    "product",
    "events",
    "livecommerce",
    "tour",
    "subsidy",
    "succession",
    "care",
}


def test_data_is_complete_and_unique() -> None:
    raw = resources.files("musubi.engines.matching").joinpath("taxonomy_data.json")
    data = json.loads(raw.read_text("utf-8"))
    cats = data["categories"]
    assert {c["id"] for c in cats} == REQUIRED
    skill_ids = [s["id"] for c in cats for s in c["skills"]]
    assert len(skill_ids) == len(set(skill_ids))
    for c in cats:
        assert c["ja"] and c["en"] and c["owner_phrases"] and c["skills"]
        for s in c["skills"]:
            assert s["id"].startswith(c["id"] + ".")
            assert s["ja"] and s["en"] and s["synonyms"]


def test_choices_for_the_picker() -> None:
    choices = taxonomy_choices()
    assert len(choices) == len(REQUIRED)
    ec = next(c for c in choices if c.id == "ec")
    assert ec.ja == "ネット販売・EC" and ec.en.startswith("Online")
    assert any(s.id == "ec.shopify" and s.ja and s.en for s in ec.skills)


def test_owner_words_and_jargon_land_on_the_same_category() -> None:
    tax = default_taxonomy()
    owner = tax.profile("ネットでワインを売りたいが何から始めればいいかわからない")
    expert = tax.profile("D2C・Shopify構築")
    english = tax.profile("I built online stores for small producers")
    assert "ec" in owner.categories and "ec" in expert.categories and "ec" in english.categories
    assert "ec.shopify" in expert.skills


def test_look_alike_is_not_a_concept_match() -> None:
    assert "ec" not in default_taxonomy().profile("ソムリエ。ワインの選び方を教えます").categories


def test_phrases_are_reported_from_the_text() -> None:
    hits = default_taxonomy().profile("領収書が溜まっていてインボイスも分からない").hits
    phrases = {h.phrase for h in hits if h.category_id == "accounting"}
    assert any("領収書" in p for p in phrases) and any("インボイス" in p for p in phrases)


def test_picker_values_map_to_skills() -> None:
    prof = default_taxonomy().profile("", skills=("ec.shopify", "Instagram運用"))
    assert {"ec.shopify", "sns.instagram"} <= set(prof.skills)


def test_katakana_and_english_synonyms() -> None:
    tax = default_taxonomy()
    assert "sns" in tax.profile("フェイスブックとインスタで発信").categories
    assert "booking" in tax.profile("Channel manager setup for guesthouses").categories
